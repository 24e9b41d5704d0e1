/**
 * The audit report: JSON written one finding a line (so a re-run can be compared byte for byte and
 * the first difference named by line), CSV with one row a finding, and a summary to read, in zh or
 * en.
 */
import { stringify } from 'csv-stringify/sync';
import Table from 'cli-table3';
import type { Finding } from './auditor.js';
import type { ReportStart, AuditRun } from './run.js';
import type { TotalsJson } from './totals.js';

export const REPORT_HEAD = '{"report":"benefit-rules audit",';

/** Writes the JSON report in pieces: begin, each finding, end. */
export class JsonReport {
  private count = 0;
  constructor(private readonly write: (text: string) => void) {}

  begin(start: ReportStart): void {
    this.write(
      `${REPORT_HEAD}"receipt":${JSON.stringify(start.receipt)},"period":${JSON.stringify(start.period)},"householdErrors":${JSON.stringify(start.householdErrors)},"findings":[`,
    );
  }

  finding(finding: Finding): void {
    this.write(`${this.count === 0 ? '' : ','}\n${JSON.stringify(finding)}`);
    this.count += 1;
  }

  /** `interrupted`: Ctrl-C stopped the reading, so the report covers only the lines before it and
   * says so itself (a file read later must not pass for a whole audit). */
  end(totals: TotalsJson, interrupted = false): void {
    this.write(`\n],"totals":${JSON.stringify(totals)}${interrupted ? ',"interrupted":true' : ''}}\n`);
  }
}

/** The report's first line, parsed: what the report says produced it. */
export function readReportStart(firstLine: string): ReportStart {
  if (!firstLine.startsWith(REPORT_HEAD) || !firstLine.endsWith('"findings":[')) throw new SyntaxError('not the first line of a benefit-rules audit report');
  return JSON.parse(`${firstLine}]}`) as ReportStart;
}

export const CSV_COLUMNS = [
  'kind',
  'line',
  'household',
  'member',
  'programme',
  'jurisdiction',
  'month',
  'paid_on',
  'paid',
  'paid_to_date',
  'due_then',
  'due_now',
  'difference',
  'verdict',
  'code',
  'message',
] as const;

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]]);
}

export function csvRow(f: Finding, lang: 'zh' | 'en' = 'en'): string {
  const cell = (value: string | number | null | undefined) => (value === undefined || value === null ? '' : String(value));
  if (f.kind === 'error') return stringify([['error', f.line, cell(f.household), '', cell(f.programme), '', cell(f.month), '', '', '', '', '', '', '', f.code, f.message]]);
  if (f.kind === 'missing')
    return stringify([
      ['missing', '', f.household, cell(f.member), f.programme, f.jurisdiction, f.month, '', '0.00', '', '', f.dueNow, f.difference, 'missing', '', f.reason[lang]],
    ]);
  return stringify([
    [
      'line',
      f.line,
      f.household,
      cell(f.member),
      f.programme,
      f.jurisdiction,
      f.month,
      f.paidOn,
      f.paid,
      cell(f.paidToDate),
      cell(f.dueThen),
      cell(f.dueNow),
      cell(f.difference),
      f.verdict,
      '',
      cell(f.reason?.[lang]),
    ],
  ]);
}

const WORDS = {
  en: {
    title: 'Audit of payments',
    period: 'months checked for missing payments',
    none: "each household's first to last month in the ledger",
    counts: (c: TotalsJson['counts']) => `ledger lines ${c.linesIn} = audited ${c.audited} + error lines ${c.errors}; missing payments ${c.missing}`,
    head: ['', 'lines', 'paid', 'still owed (+) / overpaid (−)'],
    verdict: 'By verdict',
    programme: 'By programme',
    jurisdiction: 'By jurisdiction',
    month: 'By month',
    errors: 'Error lines by kind',
    householdErrors: 'Households file lines not used',
    receipt: 'Receipt',
    notes: 'Findings and why',
    more: (n: number) => `… and ${n} more in the report`,
    line: 'line',
    interrupted: 'INTERRUPTED (Ctrl-C): the totals cover the lines read before it; the rest of the ledger was not audited',
    verdicts: {
      correct: 'correct',
      overpaid: 'overpaid',
      underpaid: 'underpaid',
      arrears: 'arrears owed (later decision)',
      'arrears-paid': 'arrears paid by a later line',
      'underpaid-paid-later': 'underpaid, rest paid by a later line',
      'cannot-check': 'cannot be checked',
      missing: 'missing payment',
    } as Record<string, string>,
  },
  zh: {
    title: '发放核查',
    period: '核查漏发的月份',
    none: '每户台账中的首月至末月',
    counts: (c: TotalsJson['counts']) => `台账行 ${c.linesIn} = 已核查 ${c.audited} + 错误行 ${c.errors}；漏发 ${c.missing}`,
    head: ['', '行数', '已发', '应补(+) / 多发(−)'],
    verdict: '按结论',
    programme: '按项目',
    jurisdiction: '按辖区',
    month: '按月份',
    errors: '错误行（按类型）',
    householdErrors: '家庭文件中未使用的行',
    receipt: '凭据',
    notes: '核查发现及原因',
    more: (n: number) => `……另有 ${n} 条，见报告`,
    line: '行',
    interrupted: '已中断（Ctrl-C）：合计只含中断前读取的行，台账其余部分未核查',
    verdicts: {
      correct: '正确',
      overpaid: '多发',
      underpaid: '少发',
      arrears: '应补发（追溯调标）',
      'arrears-paid': '追溯差额已补发',
      'underpaid-paid-later': '少发，已由后续行补足',
      'cannot-check': '无法核查',
      missing: '漏发',
    } as Record<string, string>,
  },
};

export function summary(run: AuditRun, lang: 'zh' | 'en'): string {
  const w = WORDS[lang];
  const { totals } = run;
  const table = (title: string, rows: TotalsJson['byVerdict'], name: (key: string) => string = (k) => k) => {
    const t = new Table({ style: { head: [], border: [] }, head: w.head });
    for (const [key, sum] of Object.entries(rows)) t.push([name(key), String(sum.lines), sum.paid, sum.difference]);
    return `${title}\n${t.toString()}`;
  };
  const parts = [
    `${w.title}`,
    ...(run.interrupted ? [w.interrupted] : []),
    `${w.period}: ${run.period ? `${run.period.from} – ${run.period.to}` : w.none}`,
    w.counts(totals.counts),
    table(w.verdict, totals.byVerdict, (k) => w.verdicts[k] ?? k),
    table(w.programme, totals.byProgramme),
    table(w.jurisdiction, totals.byJurisdiction),
    table(w.month, totals.byMonth),
  ];
  if (totals.notes.length > 0) {
    const lines = totals.notes.map(
      (n) => `  ${n.line !== undefined ? `${w.line} ${n.line} ` : ''}${n.household} ${n.programme} ${n.month} ${w.verdicts[n.verdict] ?? n.verdict}: ${n.reason[lang]}`,
    );
    if (totals.notesLeftOut > 0) lines.push(`  ${w.more(totals.notesLeftOut)}`);
    parts.push(`${w.notes}:\n${lines.join('\n')}`);
  }
  if (Object.keys(totals.errors).length > 0)
    parts.push(
      `${w.errors}: ${Object.entries(totals.errors)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
  if (run.householdErrors.length > 0) parts.push(`${w.householdErrors}:\n${run.householdErrors.map((e) => `  line ${e.line}: ${e.message.split('\n').join(' ')}`).join('\n')}`);
  parts.push(
    `${w.receipt}: ${run.receipt.engine}; ledger sha256 ${run.receipt.ledger.sha256.slice(0, 16)}…; households sha256 ${run.receipt.households.sha256.slice(0, 16)}…; ${run.receipt.packs.map((p) => p.id).join(', ')}`,
  );
  return parts.join('\n');
}
