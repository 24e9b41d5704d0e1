/**
 * One input item in, exactly one output record out: a result, or an error record with the item's
 * line number and the validation message. Shared by the library's batch functions, the workers and
 * the in-process path, so every route writes the same bytes.
 */
import { stringify } from 'csv-stringify/sync';
import { BenefitRulesError, describeValue, isBenefitRulesError } from '../errors.js';
import { isoMonth } from '../schemas/common.js';
import type { EvaluationResult } from '../evaluate.js';
import type { CompiledEvaluator } from '../fast/evaluator.js';
import type { Rulebook } from '../rulebook/index.js';
import { receiptHash, type ReceiptMode } from './receipts.js';
import { programmeOf } from '../programmes/result.js';
import { derived, derivedKey } from '../rulebook/derived.js';

export type OutputFormat = 'ndjson' | 'csv';

/** An error record names the household (and the member) when they could be read, so that a case
 * system can match it without keeping line numbers. */
export type BatchRecord =
  | { line: number; ok: true; result: EvaluationResult }
  | { line: number; ok: false; household?: string; member?: string; error: { code: string; message: string; details: readonly object[] } };

const MEMBER_PATH = /^\$\.members\[(\d+)\]/;

/** The household's id, and the member's that the first detail naming a member points at. */
function idsOf(household: unknown, details: readonly object[]): { household?: string; member?: string } {
  if (household === null || typeof household !== 'object') return {};
  const { id, members } = household as { id?: unknown; members?: unknown };
  const out: { household?: string; member?: string } = typeof id === 'string' ? { household: id } : {};
  for (const detail of details) {
    const index = 'path' in detail && typeof detail.path === 'string' ? MEMBER_PATH.exec(detail.path)?.[1] : undefined;
    if (index === undefined) continue;
    const member = Array.isArray(members) ? (members[Number(index)] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof member === 'string') out.member = member;
    break;
  }
  return out;
}

/** A line may be a household, or `{ "month": "YYYY-MM", "household": {…} }` to set its own month. */
export function evaluateItem(evaluator: CompiledEvaluator, line: number, value: unknown, month: string | undefined): BatchRecord {
  const enveloped = value !== null && typeof value === 'object' && 'household' in value && 'month' in value;
  const household = enveloped ? (value as { household: unknown }).household : value;
  try {
    let itemMonth = month;
    if (enveloped) {
      const own = (value as { month: unknown }).month;
      if (typeof own !== 'string' || !isoMonth.safeParse(own).success) {
        throw new BenefitRulesError('invalid-input', `line ${line}: "month" must be written YYYY-MM`, [
          { path: '$.month', expected: 'a month written YYYY-MM', found: describeValue(own) },
        ]);
      }
      itemMonth = own;
    }
    if (itemMonth === undefined) {
      throw new BenefitRulesError(
        'invalid-input',
        `line ${line} has no month and no --month was given: write the line as { "month": "YYYY-MM", "household": {…} } or give --month`,
        [{ path: '$.month', expected: 'a month on the line ({ "month", "household" }) or --month', found: 'neither' }],
      );
    }
    return { line, ok: true, result: evaluator.evaluate(household, itemMonth) };
  } catch (error) {
    if (isBenefitRulesError(error)) {
      const json = error.toJSON();
      return { line, ok: false, ...idsOf(household, json.details), error: json };
    }
    // A bug of ours must not cost the other million lines: it is recorded, counted and makes the
    // run exit non-zero.
    return {
      line,
      ok: false,
      ...idsOf(household, []),
      error: { code: 'internal-error', message: `internal error in benefit-rules (please report it): ${(error as Error).message}`, details: [] },
    };
  }
}

/** An error found before evaluation (a CSV row that cannot be read), as the line's record. */
export function errorRecord(line: number, error: BenefitRulesError): BatchRecord {
  return { line, ok: false, error: error.toJSON() };
}

/** Parses one NDJSON line; a syntax error becomes the line's error record. */
export function evaluateText(evaluator: CompiledEvaluator, line: number, text: string, month: string | undefined): BatchRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = new BenefitRulesError('invalid-input', `line ${line} is not valid JSON: ${(error as Error).message}`, [
      { path: '$', expected: 'a household as JSON on one line', found: (error as Error).message },
    ]);
    return { line, ok: false, error: problem.toJSON() };
  }
  return evaluateItem(evaluator, line, value, month);
}

/**
 * CSV output columns: the household's, then each programme's own (its rule file's "columns", named
 * <programme>_<field>), then the total and the error. Derived from the rulebook, so a new programme
 * adds its columns without a change here.
 */
export interface CsvLayout {
  header: string[];
  fields: [programme: string, field: string][];
}

const snake = (text: string) => text.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const LAYOUT = derivedKey('CSV layout', (rulebook): CsvLayout => {
  const fields: [string, string][] = [];
  for (const rules of rulebook.programmes.values()) for (const field of rules.columns ?? ['status', 'monthlyAmount']) fields.push([rules.programme, field]);
  const header = [
    'line',
    'household',
    'jurisdiction',
    'month',
    ...fields.map(([p, f]) => `${snake(p)}_${snake(f)}`),
    'total_monthly_amount',
    'total_is_partial',
    'error_code',
    'error_message',
    'receipt',
  ];
  return { header, fields };
});

export function csvLayout(rulebook: Rulebook): CsvLayout {
  return derived(rulebook, LAYOUT);
}

export function csvHeader(layout: CsvLayout): string {
  return stringify([layout.header]);
}

/** Booleans as true/false rather than csv-stringify's default 1 and empty. */
const CSV_OPTIONS = { cast: { boolean: (value: boolean) => String(value) } };

function cell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** A record as written: with `once`, the result names its receipt by hash (see receipts.ts). */
export function formatRecord(record: BatchRecord, format: OutputFormat, layout?: CsvLayout, receipts: ReceiptMode = 'each'): string {
  if (format === 'ndjson') {
    if (!record.ok || receipts === 'each') return `${JSON.stringify(record)}\n`;
    return `${JSON.stringify({ ...record, result: { ...record.result, receipt: receiptHash(record.result.receipt) } })}\n`;
  }
  if (!layout) throw new Error('internal: CSV output needs the layout');
  if (!record.ok)
    return stringify([[record.line, record.household ?? '', ...Array<string>(layout.header.length - 5).fill(''), record.error.code, record.error.message, '']], CSV_OPTIONS);
  const r = record.result;
  const cells = layout.fields.map(([programme, field]) => cell(programmeOf(r, programme)?.[field]));
  // An amount not known is an empty cell (never 0.00); total_is_partial says the total leaves it out.
  const receipt = receipts === 'each' ? JSON.stringify(r.receipt) : receiptHash(r.receipt);
  return stringify([[record.line, r.household, r.jurisdiction, r.month, ...cells, r.totalMonthlyAmount, r.totalIsPartial, '', '', receipt]], CSV_OPTIONS);
}

/** Counts for the summary; amounts in fen, exact as integers. */
export interface BatchStats {
  records: number;
  results: number;
  errors: number;
  paid: number;
  totalFen: number;
  /** Results whose total leaves out an amount not known (totalIsPartial): their known part is
   * summed, and they are counted so that the population total is read as a lower bound. */
  partialTotals: number;
  errorCodes: Record<string, number>;
  /** Results per programme and status, so that a population's not-configured and undetermined
   * results are counted, not hidden in a sum. */
  programmes: Record<string, Record<string, number>>;
}

export function emptyStats(): BatchStats {
  return { records: 0, results: 0, errors: 0, paid: 0, totalFen: 0, partialTotals: 0, errorCodes: {}, programmes: {} };
}

function add(into: Record<string, number>, key: string, n: number): void {
  into[key] = (into[key] ?? 0) + n;
}

export function count(stats: BatchStats, record: BatchRecord): void {
  stats.records += 1;
  if (!record.ok) {
    stats.errors += 1;
    stats.errorCodes[record.error.code] = (stats.errorCodes[record.error.code] ?? 0) + 1;
    return;
  }
  stats.results += 1;
  for (const [programme, result] of Object.entries(record.result.programmes)) {
    const status = (result as { status?: unknown } | undefined)?.status;
    add((stats.programmes[programme] ??= {}), typeof status === 'string' ? status : 'no-status', 1);
  }
  if (record.result.totalIsPartial) stats.partialTotals += 1;
  const total: string = record.result.totalMonthlyAmount;
  if (!/^\d+\.\d\d$/.test(total)) throw new Error(`internal: total ${total} is not an amount in yuan`);
  const fen = Number(total.replace('.', ''));
  if (fen > 0) stats.paid += 1;
  stats.totalFen += fen;
}

export function merge(into: BatchStats, from: BatchStats): void {
  into.records += from.records;
  into.results += from.results;
  into.errors += from.errors;
  into.paid += from.paid;
  into.totalFen += from.totalFen;
  into.partialTotals += from.partialTotals;
  for (const [code, n] of Object.entries(from.errorCodes)) add(into.errorCodes, code, n);
  for (const [programme, statuses] of Object.entries(from.programmes)) {
    const target = (into.programmes[programme] ??= {});
    for (const [status, n] of Object.entries(statuses)) add(target, status, n);
  }
}
