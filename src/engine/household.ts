/** A household-month evaluated on a pool's plan, with its explanation if asked: both paths' last step. */
import type { Household } from '../schemas/household.js';
import { explain, type Language } from '../explain/render.js';
import type { ContextPool } from './pool.js';
import { runHousehold } from './run.js';
import type { EvaluationResult } from './result.js';

export interface HouseholdOptions {
  fast: boolean;
  trace: boolean;
  knownAt?: string | undefined;
  lang?: Language | undefined;
}

export function evaluateOnPool(household: Household, pool: ContextPool, options: HouseholdOptions): EvaluationResult {
  const { rulebook, jurisdiction, month } = pool.plan.settings;
  const run = runHousehold(household, pool, { fast: options.fast, record: options.trace || options.lang !== undefined, include: options.trace });
  const result: EvaluationResult = options.knownAt
    ? {
        household: household.id,
        jurisdiction,
        month,
        knownAt: options.knownAt,
        programmes: run.programmes as unknown as EvaluationResult['programmes'],
        totalMonthlyAmount: run.total,
        totalIsPartial: run.unknown.length > 0,
        unknown: run.unknown,
        receipt: pool.receipt,
      }
    : {
        household: household.id,
        jurisdiction,
        month,
        programmes: run.programmes as unknown as EvaluationResult['programmes'],
        totalMonthlyAmount: run.total,
        totalIsPartial: run.unknown.length > 0,
        unknown: run.unknown,
        receipt: pool.receipt,
      };
  if (options.lang) result.explanation = explain(result, run.traces, rulebook, options.lang);
  return result;
}
