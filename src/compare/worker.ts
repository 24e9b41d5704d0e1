/**
 * A compare worker thread: loads the packs once, as the baseline and with the reform, then
 * evaluates chunks of households on both and hands back what they add up to (and, on request, a
 * line per household). The chunks are the batch's: NDJSON bytes or CSV households.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { evaluateItem, evaluateText, type BatchRecord } from '../batch/records.js';
import { linesOf, workerRulebook, type Chunk, type ReformInput } from '../batch/lines.js';
import { applyReform } from '../reform/index.js';
import type { Rulebook } from '../rulebook/index.js';
import { BenefitRulesError } from '../errors.js';
import type { EvaluationResult } from '../evaluate.js';
import { countError, countHousehold, emptyTally, type Tally } from './tally.js';
import { perCapitaIncome, programmePair, totalPair } from './pair.js';
import { microWeight, yuan, type Change, type Pair } from './sums.js';
import { touchedBy } from './touched.js';

export interface CompareSetup {
  jurisdictions: string[];
  reform: ReformInput;
  month?: string;
  /** The household field (or line field, beside "household") holding its weight. */
  weight?: string;
  thresholdFen: number;
  /** A line per household is wanted (--households). */
  lines: boolean;
}

export interface Comparer {
  baseline: CompiledEvaluator;
  reformed: CompiledEvaluator;
  touched: (jurisdiction: string, month: string) => boolean;
  setup: CompareSetup;
}

export function comparer(baseline: Rulebook, reformed: Rulebook, setup: CompareSetup): Comparer {
  return { baseline: compileEvaluator(baseline), reformed: compileEvaluator(reformed), touched: touchedBy(baseline, reformed), setup };
}

export interface CompareChunk {
  index: number;
  tally: Tally;
  text: string;
}

export function compareChunk(c: Comparer, chunk: Chunk): CompareChunk {
  const tally = emptyTally(c.setup.weight !== undefined);
  let text = '';
  for (const [line, item, error] of linesOf(chunk)) {
    if (error) {
      countError(tally, line, 'baseline', error.code);
      if (c.setup.lines) text += `${JSON.stringify({ line, side: 'baseline', error })}\n`;
      continue;
    }
    text += compareLine(c, tally, line, item);
  }
  return { index: chunk.index, tally, text };
}

/** The household's weight taken off the line (the household schema has no such field). */
function takeWeight(value: unknown, field: string): { value: unknown; weight: unknown } {
  if (value === null || typeof value !== 'object') return { value, weight: undefined };
  const line = value as Record<string, unknown>;
  const enveloped = 'household' in line && 'month' in line;
  const household = (enveloped ? line['household'] : line) as Record<string, unknown> | null;
  let weight = enveloped ? line[field] : undefined;
  if (household === null || typeof household !== 'object' || !(field in household)) return { value, weight };
  weight ??= household[field];
  const { [field]: _weight, ...rest } = household;
  return { value: enveloped ? { ...line, household: rest } : rest, weight };
}

function compareLine(c: Comparer, tally: Tally, line: number, text: string): string {
  const { setup } = c;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failed(tally, setup, evaluateText(c.baseline, line, text, setup.month), 'baseline');
  }
  let weight: bigint | undefined;
  if (setup.weight !== undefined) {
    const taken = takeWeight(value, setup.weight);
    weight = microWeight(taken.weight);
    if (weight === undefined) {
      const problem = new BenefitRulesError('invalid-input', `line ${line}: the weight "${setup.weight}" must be a number ≥ 0 with at most six decimals`, [
        {
          path: `$.${setup.weight}`,
          expected: 'a weight ≥ 0 (number or decimal text, at most six decimals)',
          found: taken.weight === undefined ? 'nothing' : JSON.stringify(taken.weight),
        },
      ]);
      return failed(tally, setup, { line, ok: false, error: problem.toJSON() }, 'baseline');
    }
    value = taken.value;
  }
  const baseline = evaluateItem(c.baseline, line, value, setup.month);
  if (!baseline.ok) return failed(tally, setup, baseline, 'baseline');
  const b = baseline.result;
  const touched = c.touched(b.jurisdiction, b.month);
  if (!touched) tally.shared += 1;
  const reform = touched ? evaluateItem(c.reformed, line, value, setup.month) : baseline;
  if (!reform.ok) return failed(tally, setup, reform, 'reform');
  const r = reform.result;
  const ids = new Set([...Object.keys(b.programmes), ...Object.keys(r.programmes)]);
  const programmes: [string, Pair][] = [...ids].map((id) => [id, programmePair(programme(b, id), programme(r, id))]);
  const total = totalPair(b, r);
  const change = countHousehold(tally, { jurisdiction: b.jurisdiction, total, programmes, income: perCapitaIncome(b), weight }, setup.thresholdFen);
  return setup.lines ? householdLine(line, b, total, change, programmes) : '';
}

const programme = (result: EvaluationResult, id: string) => (result.programmes as unknown as Record<string, { status: string; monthlyAmount: string | null } | undefined>)[id];

function failed(tally: Tally, setup: CompareSetup, record: BatchRecord, side: 'baseline' | 'reform'): string {
  if (record.ok) throw new Error('internal: a failed record expected');
  countError(tally, record.line, side, record.error.code);
  return setup.lines ? `${JSON.stringify({ line: record.line, ...(record.household ? { household: record.household } : {}), side, error: record.error })}\n` : '';
}

const amounts = (pair: Pair) => ({
  baseline: pair.baseline === null ? null : yuan(pair.baseline),
  reform: pair.reform === null ? null : yuan(pair.reform),
  difference: pair.baseline === null || pair.reform === null ? null : yuan(pair.reform - pair.baseline),
});

/** One household's line: its totals, and the programmes whose amounts moved or are not known. */
function householdLine(line: number, b: EvaluationResult, total: Pair, change: Change, programmes: [string, Pair][]): string {
  const moved: Record<string, ReturnType<typeof amounts>> = {};
  for (const [id, pair] of programmes) if (pair.baseline !== pair.reform || pair.baseline === null) moved[id] = amounts(pair);
  return `${JSON.stringify({ line, household: b.household, jurisdiction: b.jurisdiction, month: b.month, change, ...amounts(total), programmes: moved })}\n`;
}

if (parentPort) {
  const setup = workerData as CompareSetup;
  const baseline = workerRulebook({ jurisdictions: setup.jurisdictions });
  const c = comparer(baseline, applyReform(baseline, setup.reform.json, setup.reform.file), setup);
  const port = parentPort;
  port.on('message', (chunk: Chunk) => port.postMessage(compareChunk(c, chunk)));
}
