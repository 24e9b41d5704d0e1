/**
 * The compiled evaluator: plans are made once per jurisdiction and month (and reused), then each
 * household is evaluated on fixed-point integers with no Decimal arithmetic, trace on demand. The
 * results are byte-identical to `evaluate`; a household the fixed-point path cannot hold exactly is
 * handed to `evaluate` itself. Synchronous and pure, like `evaluate`.
 */
import type { Rulebook } from '../rulebook/index.js';
import type { Household } from '../schemas/household.js';
import type { Language } from '../explain/render.js';
import { evaluateHousehold, packFor, parseHousehold, type EvaluateOptions, type EvaluationResult } from '../evaluate.js';
import { checkCompile, checkOptions, checkPrepare } from '../options.js';
import { checkHouseholdForMonth } from '../schemas/month-check.js';
import { firstDayOf } from '../dates.js';
import { quickHousehold } from '../schemas/quick.js';
import { planDibao, type DibaoPlan } from './plan.js';
import { Inexact, Recorder } from './record.js';
import { evaluateDibao } from './dibao.js';
import { explain } from '../explain/render.js';
import { PROGRAMMES } from '../programmes/index.js';

/**
 * The compiled path has a kernel for dibao only. A programme added without its kernel would be
 * missing from compiled results, so until it has one every household goes to the reference, whose
 * results the compiled path must equal anyway.
 */
const KERNELS_COVER_PROGRAMMES = PROGRAMMES.every((programme) => programme.id === 'dibao');

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
  /** Households handed to the Decimal evaluator because fixed point could not hold them exactly. */
  readonly fallbacks: number;
}

export function compileEvaluator(rulebook: Rulebook, options: CompileOptions = {}): CompiledEvaluator {
  checkCompile(rulebook, options);
  const trace = options.trace ?? false;
  let fallbacks = 0;

  const known = options.knownAt ? { knownAt: options.knownAt } : {};
  const plans = new Map<string, Map<string, { plan: DibaoPlan; recorder: Recorder }>>();
  let planCount = 0;
  const checkedMonths = new Set<string>();
  // Options first, as evaluate checks them: the same mistake gets the same error on both paths.
  const checkMonth = (month: string) => {
    if (checkedMonths.has(month)) return;
    checkOptions({ month }, 'month');
    checkedMonths.add(month);
  };
  const planFor = (jurisdiction: string, month: string) => {
    let byMonth = plans.get(jurisdiction);
    if (!byMonth) plans.set(jurisdiction, (byMonth = new Map()));
    let entry = byMonth.get(month);
    if (!entry) {
      // A population spread over very many months must not keep every plan: start afresh.
      if (planCount >= MAX_PLANS) {
        for (const other of plans.values()) other.clear();
        planCount = 0;
      }
      const plan = planDibao({ rulebook, jurisdiction, month, day: firstDayOf(month), ...known });
      entry = { plan, recorder: new Recorder(plan) };
      byMonth.set(month, entry);
      planCount += 1;
    }
    return entry;
  };

  const reference = (household: Household, month: string): EvaluationResult => {
    const referenceOptions: EvaluateOptions = { month, rulebook, trace, ...(options.knownAt ? { knownAt: options.knownAt } : {}), ...(options.lang ? { lang: options.lang } : {}) };
    return evaluateHousehold(household, referenceOptions);
  };

  const evaluateValid = (household: Household, month: string): EvaluationResult => {
    checkMonth(month);
    checkHouseholdForMonth(household, month);
    const pack = packFor(rulebook, household);
    const { plan, recorder } = planFor(pack.id, month);
    if (!plan.exact || !KERNELS_COVER_PROGRAMMES) {
      fallbacks += 1;
      return reference(household, month);
    }
    // The trace is kept when an explanation is asked for: it is what gets rendered.
    const keep = trace || options.lang !== undefined;
    let outcome;
    try {
      outcome = evaluateDibao(recorder.reset(keep ? [] : undefined), household);
    } catch (error) {
      if (!(error instanceof Inexact)) throw error;
      fallbacks += 1;
      return reference(household, month);
    }
    const dibao = outcome.result;
    const rendered = options.lang ? dibao.trace ?? [] : undefined;
    // Kept only to render the explanation: the result itself leaves it out.
    if (!trace && rendered) delete dibao.trace;
    const total = dibao.monthlyAmount;
    const result: EvaluationResult = options.knownAt
      ? { household: household.id, jurisdiction: pack.id, month, knownAt: options.knownAt, programmes: { dibao }, totalMonthlyAmount: total, receipt: plan.receipt }
      : { household: household.id, jurisdiction: pack.id, month, programmes: { dibao }, totalMonthlyAmount: total, receipt: plan.receipt };
    if (options.lang && rendered) result.explanation = explain(result, [['dibao', rendered]], rulebook, options.lang);
    return result;
  };

  return {
    evaluate: (input, month) => {
      checkMonth(month);
      return evaluateValid(quickHousehold(input) ?? parseHousehold(input), month);
    },
    evaluateHousehold: evaluateValid,
    prepare(jurisdictions, months) {
      checkPrepare(rulebook, jurisdictions, months);
      for (const jurisdiction of jurisdictions) for (const month of months) planFor(jurisdiction, month);
    },
    get fallbacks() {
      return fallbacks;
    },
  };
}
