/**
 * The compiled evaluator: plans are made once per jurisdiction and month (and reused), then each
 * household is evaluated on fixed-point integers with no Decimal arithmetic, trace on demand. The
 * results are byte-identical to `evaluate`; a household the fixed-point path cannot hold exactly is
 * handed to `evaluate` itself. Synchronous and pure, like `evaluate`.
 */
import type { Rulebook } from '../rulebook/index.js';
import type { Household } from '../schemas/household.js';
import type { Language } from '../explain/render.js';
import type { TraceEntry } from '../explain/trace.js';
import { assemble, checkOptions, evaluateHousehold, packFor, parseHousehold, type EvaluateOptions, type EvaluationResult } from '../evaluate.js';
import { firstDayOf } from '../dates.js';
import { planDibao, type DibaoPlan } from './plan.js';
import { Inexact, Recorder } from './record.js';
import { evaluateDibao } from './dibao.js';
import { moneyText } from './units.js';

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
  const plans = new Map<string, DibaoPlan>();
  const trace = options.trace ?? false;
  let fallbacks = 0;

  const planFor = (jurisdiction: string, month: string): DibaoPlan => {
    const key = `${jurisdiction}|${month}`;
    let plan = plans.get(key);
    if (!plan) {
      checkOptions({ month, ...(options.knownAt ? { knownAt: options.knownAt } : {}) });
      plan = planDibao({ rulebook, jurisdiction, month, day: firstDayOf(month), ...(options.knownAt ? { knownAt: options.knownAt } : {}) });
      plans.set(key, plan);
    }
    return plan;
  };

  const reference = (household: Household, month: string): EvaluationResult => {
    const referenceOptions: EvaluateOptions = { month, rulebook, trace, ...(options.knownAt ? { knownAt: options.knownAt } : {}), ...(options.lang ? { lang: options.lang } : {}) };
    return evaluateHousehold(household, referenceOptions);
  };

  const evaluateValid = (household: Household, month: string): EvaluationResult => {
    const pack = packFor(rulebook, household);
    const plan = planFor(pack.id, month);
    if (!plan.exact) {
      fallbacks += 1;
      return reference(household, month);
    }
    // The trace is always kept when an explanation is asked for: it is what gets rendered.
    const recorder = new Recorder(plan, trace || options.lang ? ([] as TraceEntry[]) : undefined);
    let outcome;
    try {
      outcome = evaluateDibao(recorder, household);
    } catch (error) {
      if (!(error instanceof Inexact)) throw error;
      fallbacks += 1;
      return reference(household, month);
    }
    const amount = moneyText(outcome.amount);
    const assembleOptions = { month, trace, ...(options.knownAt ? { knownAt: options.knownAt } : {}), ...(options.lang ? { lang: options.lang } : {}) };
    return assemble(household, pack, assembleOptions, rulebook, [{ id: 'dibao', amount, result: outcome.result, notices: recorder.notices, trace: recorder.trace ?? [] }], amount);
  };

  return {
    evaluate: (input, month) => evaluateValid(parseHousehold(input), month),
    evaluateHousehold: evaluateValid,
    prepare(jurisdictions, months) {
      for (const jurisdiction of jurisdictions) for (const month of months) planFor(jurisdiction, month);
    },
    get fallbacks() {
      return fallbacks;
    },
  };
}
