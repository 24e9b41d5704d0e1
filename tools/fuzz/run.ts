/** One fuzz run over a range of indices, shared by `npm run fuzz` (tools/fuzz/main.ts) and the test suite. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../../src/load.js';
import type { Rulebook } from '../../src/rulebook/index.js';
import { readCorpus, type Seed } from './corpus.js';
import { generate, type FuzzInput } from './mutate.js';
import { FuzzFailure, Oracle, type Verdict } from './check.js';
import { show } from './show.js';

export interface Setup {
  corpus: Seed[];
  jurisdictions: string[];
  rulebook: Rulebook;
  oracle: Oracle;
}

/** The corpus and rulebook of a checkout: the bundled packs plus the test packs the golden cases use. */
export function setup(root: string): Setup {
  const testPacks = join(root, 'tests', 'packs');
  const rulebook = loadRulebook({ jurisdictions: existsSync(testPacks) ? [BUNDLED_JURISDICTIONS, testPacks] : [BUNDLED_JURISDICTIONS] });
  const s = { corpus: readCorpus(root), jurisdictions: [...rulebook.packs.keys()].sort(), rulebook, oracle: new Oracle(rulebook) };
  // One evaluation first, unmeasured: the first ever compiles the Ajv check, which is no input's doing.
  try {
    s.oracle.check({ ...(s.corpus[0] as Seed), steps: [] });
  } catch {
    // A failure of the corpus itself is found again, and reported, as input 0 or later.
  }
  return s;
}

export function inputAt(s: Setup, seed: number, index: number): FuzzInput {
  return generate(s.corpus, s.jurisdictions, seed, index);
}

/** Stack traces off: every refusal is an Error, and capturing its stack is most of the cost of
 * refusing. A failure is described again with them on. */
export function fast(): void {
  Error.stackTraceLimit = 0;
}

export interface Failure {
  seed: number;
  index: number;
  kind: string;
  message: string;
}

export interface Tally {
  inputs: number;
  accepted: number;
  refused: Record<string, number>;
  failures: Failure[];
  slowest: { ms: number; index: number };
}

export const emptyTally = (): Tally => ({ inputs: 0, accepted: 0, refused: {}, failures: [], slowest: { ms: 0, index: -1 } });

/** Checks one input; a FuzzFailure (or anything the generator itself throws) becomes a Failure. */
export function checkAt(s: Setup, seed: number, index: number, tally: Tally): Verdict | undefined {
  tally.inputs += 1;
  let verdict: Verdict;
  try {
    verdict = s.oracle.check(inputAt(s, seed, index));
  } catch (error) {
    const kind = error instanceof FuzzFailure ? error.kind : 'fuzzer';
    tally.failures.push({ seed, index, kind, message: error instanceof Error ? (error instanceof FuzzFailure ? error.message : (error.stack ?? error.message)) : String(error) });
    return undefined;
  }
  if (verdict.accepted) tally.accepted += 1;
  else tally.refused[verdict.code ?? '?'] = (tally.refused[verdict.code ?? '?'] ?? 0) + 1;
  if (verdict.ms > tally.slowest.ms) tally.slowest = { ms: verdict.ms, index };
  return verdict;
}

/** A failure as a reader needs it: how to make it again, what went wrong, and the input itself. Runs
 * the input again with stack traces on, for a run that turned them off for speed (see fast()). */
export function describeFailure(s: Setup, failure: Failure): string {
  let input: FuzzInput;
  try {
    input = inputAt(s, failure.seed, failure.index);
  } catch {
    return `fuzz failure (${failure.kind}) at seed ${failure.seed}, index ${failure.index} in the fuzzer itself:\n${failure.message}`;
  }
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  const again = emptyTally();
  if (failure.kind !== 'hang') checkAt(s, failure.seed, failure.index, again);
  Error.stackTraceLimit = limit;
  return [
    `fuzz failure (${failure.kind}) at seed ${failure.seed}, index ${failure.index}: make it again with npm run fuzz -- --seed ${failure.seed} --index ${failure.index}`,
    again.failures[0]?.message ?? failure.message,
    `steps: ${input.steps.join('; ')}`,
    `month: ${show(input.month)}${input.knownAt === undefined ? '' : `, knownAt: ${show(input.knownAt)}`}${input.lang === undefined ? '' : `, lang: ${show(input.lang)}`}`,
    `household: ${show(input.household)}`,
  ].join('\n');
}

export function summary(seed: number, tally: Tally): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const refused = Object.values(tally.refused).reduce((a, b) => a + b, 0);
  const codes = Object.entries(tally.refused)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} ${n(count)}`)
    .join(', ');
  return `fuzz: ${n(tally.inputs)} inputs (seed ${seed}): ${n(tally.accepted)} accepted, ${n(refused)} refused (${codes || 'none'}), ${n(tally.failures.length)} crashes, slowest ${tally.slowest.ms.toFixed(1)} ms (index ${tally.slowest.index})`;
}
