/**
 * The compiled evaluator: plans are made once per jurisdiction and month (and reused), then each
 * household runs on fixed-point integers through the same programme code as `evaluate`, trace on
 * demand. The results are byte-identical to `evaluate`; a programme the fixed-point arithmetic
 * cannot hold exactly is re-run on Decimals, that programme alone. Synchronous and pure.
 */
import type { Rulebook } from '../rulebook/index.js';
import type { Household } from '../schemas/household.js';
import type { Language } from '../explain/render.js';
import { packFor, parseHousehold, type EvaluationResult } from '../evaluate.js';
import { checkCompile, checkOptions, checkPrepare } from '../options.js';
import { checkHouseholdForMonth } from '../schemas/month-check.js';
import { firstDayOf } from '../dates.js';
import { quickHousehold } from '../schemas/quick.js';
import { Plan } from '../programmes/plan.js';
import { ContextPool } from '../engine/pool.js';
import { evaluateOnPool } from '../engine/household.js';

/** Plans kept at once; each is a few kilobytes. */
const MAX_PLANS = 1024;

export interface CompileOptions {
  /** Include the explanation trace in results (default false: throughput first). */
  trace?: boolean;
  knownAt?: string;
  lang?: Language;
}

export interface CompiledEvaluator {
  /** Validates and evaluates one household from JSON. */
  evaluate(input: unknown, month: string): EvaluationResult;
  /** Evaluates a household already validated with parseHousehold. */
  evaluateHousehold(household: Household, month: string): EvaluationResult;
  /** Makes the plans for these jurisdictions and months now rather than on first use. */
  prepare(jurisdictions: readonly string[], months: readonly string[]): void;
  /** Programme runs handed to the Decimal arithmetic because fixed point could not hold them exactly. */
  readonly fallbacks: number;
}

export function compileEvaluator(rulebook: Rulebook, options: CompileOptions = {}): CompiledEvaluator {
  checkCompile(rulebook, options);
  const trace = options.trace ?? false;
  let retiredFallbacks = 0;
  const known = options.knownAt ? { knownAt: options.knownAt } : {};
  const pools = new Map<string, Map<string, ContextPool>>();
  let poolCount = 0;
  const checkedMonths = new Set<string>();
  // Options first, as evaluate checks them: the same mistake gets the same error on both paths.
  const checkMonth = (month: string) => {
    if (checkedMonths.has(month)) return;
    checkOptions({ month }, 'month');
    checkedMonths.add(month);
  };
  const poolFor = (jurisdiction: string, month: string) => {
    let byMonth = pools.get(jurisdiction);
    if (!byMonth) pools.set(jurisdiction, (byMonth = new Map()));
    let pool = byMonth.get(month);
    if (!pool) {
      // A population spread over very many months must not keep every plan: start afresh.
      if (poolCount >= MAX_PLANS) {
        for (const months of pools.values()) for (const old of months.values()) retiredFallbacks += old.fallbacks;
        for (const months of pools.values()) months.clear();
        poolCount = 0;
      }
      pool = new ContextPool(new Plan({ rulebook, jurisdiction, month, day: firstDayOf(month), ...known }).resolveAll());
      byMonth.set(month, pool);
      poolCount += 1;
    }
    return pool;
  };
  // The same options for every household: made once.
  const onPool = { fast: true, trace, knownAt: options.knownAt, lang: options.lang };
  const evaluateValid = (household: Household, month: string): EvaluationResult => {
    checkMonth(month);
    checkHouseholdForMonth(household, month);
    const pack = packFor(rulebook, household);
    return evaluateOnPool(household, poolFor(pack.id, month), onPool);
  };
  return {
    evaluate: (input, month) => {
      checkMonth(month);
      return evaluateValid(quickHousehold(input) ?? parseHousehold(input), month);
    },
    evaluateHousehold: evaluateValid,
    prepare(jurisdictions, months) {
      checkPrepare(rulebook, jurisdictions, months);
      for (const jurisdiction of jurisdictions) for (const month of months) poolFor(jurisdiction, month);
    },
    get fallbacks() {
      let total = retiredFallbacks;
      for (const months of pools.values()) for (const pool of months.values()) total += pool.fallbacks;
      return total;
    },
  };
}
