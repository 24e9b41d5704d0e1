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
import { programmeOf } from '../programmes/result.js';

export type OutputFormat = 'ndjson' | 'csv';

export type BatchRecord = { line: number; ok: true; result: EvaluationResult } | { line: number; ok: false; error: { code: string; message: string; details: readonly object[] } };

/** A line may be a household, or `{ "month": "YYYY-MM", "household": {…} }` to set its own month. */
export function evaluateItem(evaluator: CompiledEvaluator, line: number, value: unknown, month: string | undefined): BatchRecord {
  try {
    const enveloped = value !== null && typeof value === 'object' && 'household' in value && 'month' in value;
    const household = enveloped ? (value as { household: unknown }).household : value;
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
    if (isBenefitRulesError(error)) return { line, ok: false, error: error.toJSON() };
    // A bug of ours must not cost the other million lines: it is recorded, counted and makes the
    // run exit non-zero.
    return { line, ok: false, error: { code: 'internal-error', message: `internal error in benefit-rules (please report it): ${(error as Error).message}`, details: [] } };
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

const layouts = new WeakMap<Rulebook, CsvLayout>();
const snake = (text: string) => text.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function csvLayout(rulebook: Rulebook): CsvLayout {
  let layout = layouts.get(rulebook);
  if (!layout) {
    const fields: [string, string][] = [];
    for (const rules of rulebook.programmes.values()) for (const field of rules.columns ?? ['status', 'monthlyAmount']) fields.push([rules.programme, field]);
    const header = ['line', 'household', 'jurisdiction', 'month', ...fields.map(([p, f]) => `${snake(p)}_${snake(f)}`), 'total_monthly_amount', 'error_code', 'error_message'];
    layouts.set(rulebook, (layout = { header, fields }));
  }
  return layout;
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

export function formatRecord(record: BatchRecord, format: OutputFormat, layout?: CsvLayout): string {
  if (format === 'ndjson') return `${JSON.stringify(record)}\n`;
  if (!layout) throw new Error('internal: CSV output needs the layout');
  if (!record.ok) return stringify([[record.line, ...Array<string>(layout.header.length - 3).fill(''), record.error.code, record.error.message]], CSV_OPTIONS);
  const r = record.result;
  const cells = layout.fields.map(([programme, field]) => cell(programmeOf(r, programme)?.[field]));
  return stringify([[record.line, r.household, r.jurisdiction, r.month, ...cells, r.totalMonthlyAmount, '', '']], CSV_OPTIONS);
}

/** Counts for the summary; amounts in fen, exact as integers. */
export interface BatchStats {
  records: number;
  results: number;
  errors: number;
  paid: number;
  totalFen: number;
  errorCodes: Record<string, number>;
}

export function emptyStats(): BatchStats {
  return { records: 0, results: 0, errors: 0, paid: 0, totalFen: 0, errorCodes: {} };
}

export function count(stats: BatchStats, record: BatchRecord): void {
  stats.records += 1;
  if (!record.ok) {
    stats.errors += 1;
    stats.errorCodes[record.error.code] = (stats.errorCodes[record.error.code] ?? 0) + 1;
    return;
  }
  stats.results += 1;
  const fen = Number(record.result.totalMonthlyAmount.replace('.', ''));
  if (fen > 0) stats.paid += 1;
  stats.totalFen += fen;
}

export function merge(into: BatchStats, from: BatchStats): void {
  into.records += from.records;
  into.results += from.results;
  into.errors += from.errors;
  into.paid += from.paid;
  into.totalFen += from.totalFen;
  for (const [code, n] of Object.entries(from.errorCodes)) into.errorCodes[code] = (into.errorCodes[code] ?? 0) + n;
}
