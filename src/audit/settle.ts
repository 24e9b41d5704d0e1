/**
 * Verdicts are decided on all the payments of a household, member, programme and month together:
 * a 补发 line that pays a month's arrears settles the line it completes, which then says so (and by
 * which line), and the month's outstanding difference is counted once, on its last line. Every
 * finding other than `correct` gets a one-line reason in zh and en, built from the values its
 * trace shows.
 */
import type { TraceEntry } from '../programmes/trace.js';
import { yuan } from './fen.js';

export type Verdict = 'correct' | 'overpaid' | 'underpaid' | 'arrears' | 'arrears-paid' | 'underpaid-paid-later' | 'cannot-check';

export interface Reason {
  en: string;
  zh: string;
}

/** One audited line waiting for the other payments of its month. */
export interface Settling {
  key: string;
  line: number;
  month: string;
  paidOn: string;
  fen: number;
  toDate: number;
  nowFen: number | undefined;
  thenFen: number | undefined;
  /** Set by settle. */
  verdict?: Verdict;
  /** dueNow − everything paid for the month (all its lines); null when it cannot be checked. */
  difference?: number | null;
  /** The part of the difference the totals count for this line (the month's last line carries it). */
  owed?: number;
  /** Later lines of the same month. */
  paidBy?: number[];
}

function verdictOf(now: number, then: number | undefined, paid: number): Verdict {
  if (now === paid) return 'correct';
  if (then === paid) return now > paid ? 'arrears' : 'correct';
  return now > paid ? 'underpaid' : 'overpaid';
}

/** Sets verdict, difference, owed and paidBy of a household's lines (given in ledger order). */
export function settle(lines: Settling[]): void {
  const byKey = new Map<string, Settling[]>();
  for (const line of lines) {
    const group = byKey.get(line.key);
    if (group) group.push(line);
    else byKey.set(line.key, [line]);
  }
  for (const group of byKey.values()) {
    const last = group.at(-1) as Settling;
    const now = last.nowFen;
    for (const [i, line] of group.entries()) {
      const later = group.slice(i + 1).map((l) => l.line);
      if (now === undefined) {
        Object.assign(line, { verdict: 'cannot-check', difference: null, owed: 0 });
        continue;
      }
      line.difference = now - last.toDate;
      line.owed = line === last ? now - last.toDate : 0;
      if (line === last) line.verdict = verdictOf(now, line.thenFen, line.toDate);
      else if (line.toDate < now && last.toDate === now) {
        line.verdict = line.thenFen === line.toDate ? 'arrears-paid' : 'underpaid-paid-later';
        line.paidBy = later;
      } else {
        line.verdict = verdictOf(now, line.thenFen, line.toDate);
        if (later.length > 0) line.paidBy = later;
      }
    }
  }
}

type Parameter = Extract<TraceEntry, { kind: 'parameter' }>;

const parameters = (trace: TraceEntry[] | undefined): Parameter[] => (trace ?? []).filter((e): e is Parameter => e.kind === 'parameter');

const value = (p: Parameter) => (typeof p.value === 'string' || typeof p.value === 'number' ? String(p.value) : JSON.stringify(p.value));

/** Parameters whose value as known now is not the one known when paid: what a later decision changed. */
function changed(now: TraceEntry[] | undefined, then: TraceEntry[] | undefined): { en: string; zh: string } | undefined {
  const before = new Map(parameters(then).map((p) => [p.id, p]));
  const moved = parameters(now).filter((p) => before.has(p.id) && value(before.get(p.id) as Parameter) !== value(p));
  if (moved.length === 0) return undefined;
  const dated = (p: Parameter) => {
    const source = p.sources.find((s) => s.issued ?? s.published);
    return source ? ` (${source.number ?? source.title}, ${source.issued ?? source.published})` : '';
  };
  const list = moved.map((p) => `${p.id} ${value(before.get(p.id) as Parameter)} → ${value(p)}${dated(p)}`).join('; ');
  return { en: list, zh: list };
}

/** Values in force shortly before the month that no source dates: they count as known from their effective date. */
function undated(now: TraceEntry[] | undefined, month: string): Parameter[] {
  const year = Number(month.slice(0, 4));
  const since = `${year - 1}${month.slice(4)}-01`;
  return parameters(now).filter((p) => p.value !== null && p.from >= since && p.from <= `${month}-31` && !p.sources.some((s) => s.issued ?? s.published));
}

export interface ReasonFacts {
  verdict: Verdict;
  month: string;
  paidOn: string;
  toDate: number;
  nowFen: number | undefined;
  thenFen: number | undefined;
  difference: number | null;
  paidBy?: number[];
  unavailable?: string;
  trace?: { now?: TraceEntry[]; then?: TraceEntry[] };
}

/** The one-line reason of a finding other than `correct` (and of a `correct` that a later decision lowered). */
export function reasonOf(f: ReasonFacts): Reason | undefined {
  const now = f.nowFen === undefined ? '' : yuan(f.nowFen);
  const then = f.thenFen === undefined ? '—' : yuan(f.thenFen);
  const paid = yuan(f.toDate);
  const by = (f.paidBy ?? []).join(', ');
  const moved = changed(f.trace?.now, f.trace?.then);
  switch (f.verdict) {
    case 'cannot-check':
      return { en: `cannot be checked: ${f.unavailable ?? 'nothing is due to compare with'}`, zh: `无法核查：${f.unavailable ?? '无可比对的应发金额'}` };
    case 'arrears':
      return {
        en: `paid ${paid}, as due when paid (as known on ${f.paidOn}); a later decision raised it to ${now}${moved ? ` (${moved.en})` : ''}: ${yuan(f.difference ?? 0)} owed`,
        zh: `已发 ${paid}，符合发放时（${f.paidOn}）已知的标准；后来的决定追溯提高到 ${now}${moved ? `（${moved.zh}）` : ''}：应补发 ${yuan(f.difference ?? 0)}`,
      };
    case 'arrears-paid':
      return {
        en: `paid ${paid}, as due when paid; a later decision raised it to ${now}${moved ? ` (${moved.en})` : ''}; the arrears were paid by line ${by}`,
        zh: `已发 ${paid}，符合发放时已知的标准；后来追溯提高到 ${now}${moved ? `（${moved.zh}）` : ''}；差额已由第 ${by} 行补发`,
      };
    case 'underpaid-paid-later':
      return { en: `paid ${paid} of ${now} due; the rest was paid by line ${by}`, zh: `应发 ${now}，本行发放 ${paid}；其余已由第 ${by} 行补发` };
    case 'underpaid':
    case 'overpaid': {
      // As known when paid, the value that made it due then (the trace as known then, when it differs).
      const late = undated(f.trace?.then ?? f.trace?.now, f.month);
      const note = late.map((p) => `${p.jurisdiction}'s ${p.id} ${value(p)} (from ${p.from}${p.sources[0] ? `, ${p.sources[0].number ?? p.sources[0].title}` : ''})`).join('; ');
      const en = `paid ${paid} for ${f.month}, due ${now} as known now and ${then} as known on ${f.paidOn}`;
      const zh = `${f.month} 已发 ${paid}，按现行规则应发 ${now}，按发放时（${f.paidOn}）已知规则应发 ${then}`;
      if (note === '' || f.verdict === 'overpaid') return { en, zh };
      return {
        en: `${en}; ${note}: its source gives no issue or publication date, so it counts as known from its effective date (if it was decided later, this is arrears)`,
        zh: `${zh}；${note}：其来源未载明印发或公布日期，按生效之日起视为已知（若实为事后决定，则属追溯补发）`,
      };
    }
    case 'correct':
      return f.thenFen !== undefined && f.nowFen !== undefined && f.nowFen < f.toDate
        ? {
            en: `paid ${paid}, as due when paid; a later decision lowered it to ${now}: nothing to recover`,
            zh: `已发 ${paid}，符合发放时已知的标准；后来追溯降低到 ${now}，无需追回`,
          }
        : undefined;
  }
}

export function missingReason(fen: number, month: string): Reason {
  return { en: `${yuan(fen)} due for ${month} as known now; no ledger line pays it`, zh: `按现行规则 ${month} 应发 ${yuan(fen)}，台账中没有发放记录` };
}
