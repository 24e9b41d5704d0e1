/**
 * `benefit-rules evaluate --batch`: streams NDJSON or CSV in and NDJSON or CSV out in constant
 * memory, spreading chunks of lines over worker threads and writing their records back in input
 * order, with a progress bar on a terminal and a summary at the end. Every input line (every
 * household, for CSV) yields exactly one output record.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { SingleBar } from 'cli-progress';
import { loadRulebook } from '../load.js';
import { compileEvaluator } from '../fast/evaluator.js';
import { csvHeader, emptyStats, evaluateText, merge, type BatchStats, type OutputFormat } from './records.js';
import { evaluateChunk, type Chunk, type WorkerSetup } from './worker.js';
import { householdOf, type Row } from './csv.js';

export interface BatchRun {
  input: Readable;
  inputFormat: 'ndjson' | 'csv';
  output: Writable;
  outputFormat: OutputFormat;
  month: string;
  jurisdictions: string[];
  trace: boolean;
  knownAt?: string;
  /** Worker threads; 0 evaluates in this thread. */
  workers: number;
  /** A progress bar on this stream (a terminal), sized by the input's byte length when known. */
  progress?: { stream: NodeJS.WriteStream; totalBytes?: number };
}

export interface BatchSummary extends BatchStats {
  seconds: number;
  workers: number;
}

const CHUNK = 512;

/** The input as numbered items: NDJSON lines, or CSV households (numbered by their first row). */
async function* items(run: BatchRun): AsyncGenerator<[number, string]> {
  if (run.inputFormat === 'ndjson') {
    let line = 0;
    for await (const text of createInterface({ input: run.input, crlfDelay: Infinity })) yield [++line, text];
    return;
  }
  const parser = run.input.pipe(parse({ columns: true, skip_empty_lines: true, info: true, relax_column_count: false }));
  let group: Row[] = [];
  let groupLine = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    if (group.length > 0 && record.household_id !== group[0]?.household_id) {
      yield [groupLine, JSON.stringify(householdOf(group))];
      group = [];
    }
    if (group.length === 0) groupLine = info.lines;
    group.push(record);
  }
  if (group.length > 0) yield [groupLine, JSON.stringify(householdOf(group))];
}

async function* chunks(run: BatchRun): AsyncGenerator<Chunk> {
  let index = 0;
  let buffer: [number, string][] = [];
  for await (const item of items(run)) {
    buffer.push(item);
    if (buffer.length === CHUNK) {
      yield { index: index++, items: buffer };
      buffer = [];
    }
  }
  if (buffer.length > 0) yield { index: index++, items: buffer };
}

async function write(output: Writable, text: string): Promise<void> {
  if (text.length > 0 && !output.write(text)) await once(output, 'drain');
}

export async function runBatch(run: BatchRun): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const stats = emptyStats();
  let bytes = 0;
  let bar: SingleBar | undefined;
  if (run.progress) {
    bar = new SingleBar({ stream: run.progress.stream, format: ' {bar} {percentage}% | {records} records | {rate}/s', hideCursor: true, clearOnComplete: true });
    bar.start(run.progress.totalBytes ?? 0, 0, { records: 0, rate: 0 });
    run.input.on('data', (chunk: Buffer | string) => {
      bytes += chunk.length;
    });
  }
  const tick = () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bar?.update(bytes, { records: stats.records.toLocaleString('en'), rate: Math.round(stats.records / Math.max(seconds, 1e-3)).toLocaleString('en') });
  };
  if (run.outputFormat === 'csv') await write(run.output, csvHeader());

  if (run.workers === 0) {
    const evaluator = compileEvaluator(loadRulebook({ jurisdictions: run.jurisdictions }), { trace: run.trace, ...(run.knownAt ? { knownAt: run.knownAt } : {}) });
    for await (const chunk of chunks(run)) {
      const done = evaluateChunk((line, text) => evaluateText(evaluator, line, text, run.month), chunk, run.outputFormat);
      merge(stats, done.stats);
      await write(run.output, done.text);
      tick();
    }
  } else {
    await runWorkers(run, stats, tick);
  }
  bar?.stop();
  return { ...stats, seconds: Number(process.hrtime.bigint() - started) / 1e9, workers: run.workers };
}

/** Round-robin over the workers, at most two chunks in flight each, records written in order. */
async function runWorkers(run: BatchRun, stats: BatchStats, tick: () => void): Promise<void> {
  const setup: WorkerSetup = { jurisdictions: run.jurisdictions, month: run.month, trace: run.trace, format: run.outputFormat, ...(run.knownAt ? { knownAt: run.knownAt } : {}) };
  const workers = Array.from({ length: run.workers }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: setup }));
  const done = new Map<number, { text: string; stats: BatchStats }>();
  let next = 0;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (message: { index: number; text: string; stats: BatchStats }) => {
      done.set(message.index, message);
      inFlight -= 1;
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
  }
  const settle = async () => {
    while (done.has(next)) {
      const chunk = done.get(next) as { text: string; stats: BatchStats };
      done.delete(next);
      next += 1;
      merge(stats, chunk.stats);
      await write(run.output, chunk.text);
      tick();
    }
  };
  const waitForOne = () => new Promise<void>((resolve) => (wake = resolve));
  let sent = 0;
  try {
    for await (const chunk of chunks(run)) {
      while (inFlight >= workers.length * 2 && !failure) {
        await waitForOne();
        await settle();
      }
      if (failure) throw failure;
      (workers[chunk.index % workers.length] as Worker).postMessage(chunk);
      inFlight += 1;
      sent += 1;
      await settle();
    }
    while (next < sent && !failure) {
      if (!done.has(next)) await waitForOne();
      await settle();
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
