/**
 * evaluate(household, { month }): eligibility and monthly amounts for one household and one month.
 * Pure: the result depends only on the household, the options and the rulebook; no clock, no I/O,
 * no randomness. The same input gives byte-identical JSON.
 */
import { BenefitRulesError, describeValue, jsonPath, valueAt } from './errors.js';
import { householdSchema, type Household } from './schemas/household.js';
import { canonicalHousehold } from './schemas/canonical.js';
import { checkOptions } from './options.js';
import { checkHouseholdForMonth } from './schemas/month-check.js';
import type { Pack, Rulebook } from './rulebook/index.js';
import { firstDayOf } from './dates.js';
import type { Language } from './explain/render.js';
import { Plan } from './programmes/plan.js';
import { ContextPool } from './engine/pool.js';
import { evaluateOnPool } from './engine/household.js';
import type { EvaluationResult } from './engine/result.js';

export type { EvaluationResult, ProgrammeResult, MemberResult, Receipt } from './engine/result.js';
export { receiptFor } from './engine/result.js';

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

/** Validates a household from JSON, reporting every problem with its JSON path. */
export function parseHousehold(input: unknown): Household {
  const parsed = householdSchema.safeParse(input);
  if (parsed.success) return canonicalHousehold(parsed.data);
  const details = parsed.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    expected: issue.message,
    found: describeValue(valueAt(input, issue.path)),
  }));
  throw new BenefitRulesError('invalid-household', `The household is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`, details);
}

/** The pack a household names, or a clear error. */
export function packFor(rulebook: Rulebook, household: Household): Pack {
  const pack = rulebook.packs.get(household.jurisdiction);
  if (pack) return pack;
  throw new BenefitRulesError('unknown-jurisdiction', `Unknown jurisdiction "${household.jurisdiction}"; known: ${[...rulebook.packs.keys()].join(', ')}`, [
    { path: '$.jurisdiction', expected: 'the id of a pack', found: JSON.stringify(household.jurisdiction) },
  ]);
}

export function evaluateWith(input: unknown, options: EvaluateOptions): EvaluationResult {
  checkOptions(options, 'evaluateWith');
  return evaluateHousehold(parseHousehold(input), options);
}

/** Evaluates a household that has already been validated (parseHousehold), on exact Decimals. */
export function evaluateHousehold(household: Household, options: EvaluateOptions): EvaluationResult {
  const { rulebook } = options;
  checkHouseholdForMonth(household, options.month);
  const pack = packFor(rulebook, household);
  const plan = new Plan({ rulebook, jurisdiction: pack.id, month: options.month, day: firstDayOf(options.month), ...(options.knownAt ? { knownAt: options.knownAt } : {}) });
  return evaluateOnPool(household, new ContextPool(plan), { fast: false, trace: options.trace ?? true, knownAt: options.knownAt, lang: options.lang });
}
