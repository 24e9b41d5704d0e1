/** What a ready property's run(…) returns: fast-check's verdict as plain data, the shrunk
 * counterexample and what replays it (the seed, and the path of the shrunk case). */
import type fc from 'fast-check';
import type { PropertyName } from './descriptions.js';
import type { HouseholdInput } from '../schemas/household.js';

/** The seed of a run given none: fast-check's own default is the clock, and a check that passes
 * today and fails tomorrow on the same rules is no check. */
export const DEFAULT_SEED = 20261203;

/** A counterexample as fast-check finds it: the household, and what the property added to it. */
export interface Sample {
  household: HouseholdInput;
  /** raise-never-lowers-dibao without a reform: the raise of both standards, in yuan. */
  raise?: string;
  /** income-never-raises-dibao: the countable income added to the household, in yuan. */
  addedIncome?: string;
}

export interface RunOptions {
  /** Households drawn; default 100. */
  numRuns?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
  /** fast-check's path of a counterexample (with its seed): replays just that case. */
  path?: string;
}

export interface PropertyReport {
  name: PropertyName;
  passed: boolean;
  /** Households drawn before the verdict (the failing one included). */
  numRuns: number;
  /** Times the failing case was made smaller. */
  numShrinks: number;
  seed: number;
  /** With the seed, replays the shrunk counterexample: run({ seed, path }) or check --seed S --path P. */
  path: string | null;
  counterexample: Sample | null;
  /** Why it failed: the broken invariant, or the error thrown. */
  message: string | null;
  /** Cases the stated exceptions let through, by exception. */
  exempted: Record<string, number>;
}

export function reportOf(name: PropertyName, details: fc.RunDetails<[Sample]>, exempted: Record<string, number>, options: RunOptions): PropertyReport {
  const error = details.errorInstance;
  return {
    name,
    passed: !details.failed,
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    seed: options.seed ?? details.seed,
    path: details.counterexamplePath,
    counterexample: details.counterexample?.[0] ?? null,
    message: details.failed ? (error instanceof Error ? error.message : String(error)) : null,
    exempted: { ...exempted },
  };
}
