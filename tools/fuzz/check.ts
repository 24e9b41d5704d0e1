/**
 * The fuzzer's oracle. Every input must be either accepted by both evaluation paths with
 * byte-identical results (trace on and off), or refused by both with a BenefitRulesError of the same
 * code; an accepted result must hold only well-formed money whose parts add up to its totals; and no
 * evaluation may take a second. Anything else is a failure, thrown as a FuzzFailure.
 */
import { evaluate } from '../../src/index.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { compileEvaluator, type CompiledEvaluator } from '../../src/fast/evaluator.js';
import { parseHousehold, type EvaluationResult } from '../../src/evaluate.js';
import { quickHousehold } from '../../src/schemas/quick.js';
import type { Rulebook } from '../../src/rulebook/index.js';
import { InvariantFailure, checkMoney, compareOutcomes, type FailureKind, type Outcome } from '../../src/testing/invariants.js';
import type { FuzzInput } from './mutate.js';

export const SLOW_MS = 1000;

/** The fuzzer's failures are the invariants' own (src/testing/invariants.ts), under the name its
 * reports and tests use. */
export { InvariantFailure as FuzzFailure, checkMoney, compareOutcomes, type FailureKind, type Outcome };

export interface Verdict {
  accepted: boolean;
  /** The code of the refusal. */
  code?: string;
  /** The slowest of the evaluations of this input, in milliseconds. */
  ms: number;
}

export class Oracle {
  private readonly evaluators = new Map<string, CompiledEvaluator>();

  constructor(private readonly rulebook: Rulebook) {}

  check(input: FuzzInput): Verdict {
    const first = this.once(input);
    // A pause of the machine (a collection, another process) is not the evaluator's doing: a slow
    // input fails only if it is slow twice.
    if (first.ms <= SLOW_MS) return first;
    const again = this.once(input);
    if (again.ms > SLOW_MS) throw new InvariantFailure('slow', `${again.ms.toFixed(0)} ms (twice over ${SLOW_MS} ms)`);
    return again;
  }

  private once(input: FuzzInput): Verdict {
    let ms = 0;
    const attempt = (path: string, run: () => EvaluationResult): Outcome => {
      const start = performance.now();
      try {
        const result = run();
        const json = JSON.stringify(result);
        return { result, json };
      } catch (error) {
        if (isBenefitRulesError(error)) return { error };
        throw new InvariantFailure('crash', `${path} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        ms = Math.max(ms, performance.now() - start);
      }
    };
    const { household, month } = input;
    const options = {
      ...(input.knownAt === undefined ? {} : { knownAt: input.knownAt }),
      ...(input.lang === undefined ? {} : { lang: input.lang }),
    } as { knownAt?: string; lang?: 'zh' };
    const rulebook = this.rulebook;
    const referenceTraced = attempt('evaluate', () => evaluate(household, { month: month as string, rulebook, ...options }));
    const reference = attempt('evaluate (trace off)', () => evaluate(household, { month: month as string, rulebook, ...options, trace: false }));
    const compiledTraced = attempt('compiled (trace on)', () => this.compiled(options, true).evaluate(household, month as string));
    const compiled = attempt('compiled', () => this.compiled(options, false).evaluate(household, month as string));
    compareOutcomes('evaluate and compiled (trace on)', referenceTraced, compiledTraced);
    compareOutcomes('evaluate and compiled (trace off)', reference, compiled);
    compareOutcomes('evaluate with and without trace', referenceTraced, reference, true);
    this.quick(household);
    if ('error' in reference) return { accepted: false, code: reference.error.code, ms };
    checkMoney(referenceTraced as { result: EvaluationResult });
    return { accepted: true, ms };
  }

  /** A compiled evaluator for these options, kept while its options are well formed. */
  private compiled(options: { knownAt?: unknown; lang?: unknown }, trace: boolean): CompiledEvaluator {
    const wellFormed = [options.knownAt, options.lang].every((value) => value === undefined || (typeof value === 'string' && value.length < 20));
    if (!wellFormed) return compileEvaluator(this.rulebook, { ...options, trace } as never);
    const key = `${String(options.knownAt)} ${String(options.lang)} ${trace}`;
    let evaluator = this.evaluators.get(key);
    if (!evaluator) {
      evaluator = compileEvaluator(this.rulebook, { ...options, trace } as never);
      this.evaluators.set(key, evaluator);
    }
    return evaluator;
  }

  /** Whatever the Ajv fast check accepts, zod accepts too. */
  private quick(household: unknown): void {
    let quick: unknown;
    try {
      quick = quickHousehold(household);
    } catch (error) {
      throw new InvariantFailure('crash', `quickHousehold threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (quick === undefined) return;
    try {
      parseHousehold(household);
    } catch (error) {
      throw new InvariantFailure('quick', `the fast check accepted a household zod refuses: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
