/**
 * evaluate(household, { month }): eligibility and monthly amounts for one household and one month.
 * Pure: the result depends only on the household, the options and the rulebook; no clock, no I/O,
 * no randomness. The same input gives byte-identical JSON.
 */
import { BenefitRulesError, describeValue, jsonPath } from './errors.js';
import { householdSchema, type Household } from './schemas/household.js';
import { checkOptions } from './options.js';
import { checkHouseholdForMonth } from './schemas/month-check.js';
import type { Pack, Rulebook } from './rulebook/index.js';
import { ProgrammeContext } from './programmes/context.js';
import { PROGRAMMES } from './programmes/index.js';
import type { DibaoResult } from './programmes/dibao/index.js';
import { ZERO, formatMoney, type Decimal } from './money.js';
import { firstDayOf } from './dates.js';
import { explain, type Language } from './explain/render.js';
import { VERSION } from './version.js';
import type { TraceEntry } from './explain/trace.js';

export interface EvaluateOptions {
  /** The month evaluated, YYYY-MM. */
  month: string;
  /** Rules and packs to use; the bundled ones by default (see bundledRulebook()). */
  rulebook: Rulebook;
  /** Only the rules as known on this date (YYYY-MM-DD): values issued later are ignored. */
  knownAt?: string;
  /** Include the explanation trace (default true). */
  trace?: boolean;
  /** Also render the trace as sentences in this language. */
  lang?: Language;
}

export interface EvaluationResult {
  household: string;
  jurisdiction: string;
  month: string;
  knownAt?: string;
  programmes: { dibao: DibaoResult };
  totalMonthlyAmount: string;
  /** What produced the result: engine version, the hash of each rule file and of every pack on the chain. */
  receipt: Receipt;
  explanation?: string[];
}

export interface Receipt {
  engine: string;
  rules: { programme: string; hash: string }[];
  packs: { id: string; hash: string }[];
}

/** The receipt of every result for a pack: an auditor can tell which rules and data produced it. */
export function receiptFor(rulebook: Rulebook, pack: Pack): Receipt {
  return {
    engine: `benefit-rules@${VERSION}`,
    rules: [...rulebook.programmes.values()].map((r) => ({ programme: r.programme, hash: r.hash })),
    packs: pack.chain.map((id) => ({ id, hash: rulebook.packs.get(id)?.hash ?? '' })),
  };
}

/** Validates a household from JSON, reporting every problem with its JSON path. */
export function parseHousehold(input: unknown): Household {
  const parsed = householdSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    expected: issue.message,
    found: describeValue(valueAt(input, issue.path)),
  }));
  throw new BenefitRulesError(
    'invalid-household',
    `The household is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`,
    details,
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The pack a household names, or a clear error. */
export function packFor(rulebook: Rulebook, household: Household): Pack {
  const pack = rulebook.packs.get(household.jurisdiction);
  if (pack) return pack;
  throw new BenefitRulesError('unknown-jurisdiction', `Unknown jurisdiction "${household.jurisdiction}"; known: ${[...rulebook.packs.keys()].join(', ')}`, [
    { path: '$.jurisdiction', expected: 'the id of a pack', found: JSON.stringify(household.jurisdiction) },
  ]);
}

/** One programme's part of a result, before assembly. */
interface ProgrammeOutput {
  id: string;
  amount: Decimal;
  result: object;
  notices: string[];
  trace: TraceEntry[];
}

/** Puts a result together from the programmes' outputs, in the key order the compiled path
 * (src/fast/evaluator.ts) writes too: the two must give byte-identical JSON. */
function assemble(household: Household, pack: Pack, options: Omit<EvaluateOptions, 'rulebook'>, rulebook: Rulebook, outputs: readonly ProgrammeOutput[], total: string): EvaluationResult {
  const programmes: Record<string, unknown> = {};
  for (const output of outputs) {
    const out: Record<string, unknown> = { ...output.result, monthlyAmount: formatMoney(output.amount), notConfigured: output.notices };
    if (options.trace ?? true) out.trace = output.trace;
    programmes[output.id] = out;
  }
  const result: EvaluationResult = {
    household: household.id,
    jurisdiction: pack.id,
    month: options.month,
    ...(options.knownAt ? { knownAt: options.knownAt } : {}),
    programmes: programmes as EvaluationResult['programmes'],
    totalMonthlyAmount: total,
    receipt: receiptFor(rulebook, pack),
  };
  if (options.lang) result.explanation = explain(result, outputs.map((o) => [o.id, o.trace] as [string, TraceEntry[]]), rulebook, options.lang);
  return result;
}

export function evaluateWith(input: unknown, options: EvaluateOptions): EvaluationResult {
  checkOptions(options, 'evaluateWith');
  return evaluateHousehold(parseHousehold(input), options);
}

/** Evaluates a household that has already been validated (parseHousehold). */
export function evaluateHousehold(household: Household, options: EvaluateOptions): EvaluationResult {
  const { rulebook } = options;
  checkHouseholdForMonth(household, options.month);
  const pack = packFor(rulebook, household);
  const settings = { rulebook, jurisdiction: pack.id, month: options.month, day: firstDayOf(options.month), ...(options.knownAt ? { knownAt: options.knownAt } : {}) };
  const outputs: ProgrammeOutput[] = [];
  let total = ZERO;
  for (const programme of PROGRAMMES) {
    const ctx = new ProgrammeContext(settings, programme.id);
    const { amount, result } = programme.evaluate(ctx, household);
    total = total.plus(amount);
    outputs.push({ id: programme.id, amount, result, notices: ctx.notices, trace: ctx.trace });
  }
  return assemble(household, pack, options, rulebook, outputs, formatMoney(total));
}
