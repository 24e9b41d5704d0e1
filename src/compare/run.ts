/**
 * `benefit-rules compare`: a population under the baseline and under a reform, on the batch's
 * input readers and workers, in input order and bounded memory; a line per household on request.
 */
import type { Readable, Writable } from 'node:stream';
import { chunks, write } from '../batch/run.js';
import { runOrdered } from '../batch/ordered.js';
import type { Rulebook } from '../rulebook/index.js';
import type { ReformInput } from '../batch/lines.js';
import { comparer, compareChunk, type CompareChunk, type CompareSetup } from './worker.js';
import { emptyTally, mergeTally, type Tally } from './tally.js';

export interface CompareRun {
  input?: Readable;
  inputFile?: string;
  inputFormat: 'ndjson' | 'csv';
  month?: string;
  jurisdictions: string[];
  reform: ReformInput;
  /** Both rulebooks, for the in-process path (workers load their own). */
  baseline: Rulebook;
  reformed: Rulebook;
  weight?: string;
  thresholdFen: number;
  workers: number;
  /** Where a line per household goes (--households). */
  households?: Writable;
  signal?: AbortSignal;
}

export interface CompareSummary {
  tally: Tally;
  seconds: number;
  interrupted: boolean;
}

export async function runCompare(run: CompareRun): Promise<CompareSummary> {
  const started = process.hrtime.bigint();
  const setup: CompareSetup = {
    jurisdictions: run.jurisdictions,
    reform: run.reform,
    thresholdFen: run.thresholdFen,
    lines: run.households !== undefined,
    ...(run.month !== undefined ? { month: run.month } : {}),
    ...(run.weight !== undefined ? { weight: run.weight } : {}),
  };
  const tally = emptyTally(run.weight !== undefined);
  const settle = async (done: CompareChunk) => {
    mergeTally(tally, done.tally);
    if (run.households && done.text.length > 0) await write(run.households, done.text);
  };
  const input = {
    inputFormat: run.inputFormat,
    ...(run.input ? { input: run.input } : {}),
    ...(run.inputFile !== undefined ? { inputFile: run.inputFile } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
  };
  if (run.workers === 0) {
    const c = comparer(run.baseline, run.reformed, setup);
    for await (const chunk of chunks(input)) await settle(compareChunk(c, chunk));
  } else {
    await runOrdered<CompareChunk>(chunks(input), { worker: new URL('./worker.js', import.meta.url), workerData: setup, count: run.workers, settle });
  }
  return { tally, seconds: Number(process.hrtime.bigint() - started) / 1e9, interrupted: run.signal?.aborted ?? false };
}
