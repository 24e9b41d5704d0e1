/**
 * `benefit-rules evaluate --batch`: streams NDJSON or CSV in and NDJSON or CSV out in constant
 * memory, spreading chunks of lines over worker threads and writing their records back in input
 * order, with a progress bar on a terminal and a summary at the end. Every input line (every
 * household, for CSV) yields exactly one output record.
 */
import { once } from 'node:events';
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
/** About a thousand NDJSON lines: big enough to amortise a message, small enough to keep memory flat. */
const CHUNK_BYTES = 256 * 1024;

/** CSV input as numbered items: one household per group of rows, numbered by its first row. */
async function* csvItems(input: Readable): AsyncGenerator<[number, string]> {
  const parser = input.pipe(parse({ columns: true, skip_empty_lines: true, info: true, relax_column_count: false }));
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

const NEWLINE = 10;

function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) lines += 1;
  return lines;
}

/** NDJSON as byte chunks cut at line breaks, each with the number of its first line. */
async function* ndjsonChunks(input: Readable): AsyncGenerator<Chunk> {
  let index = 0;
  let firstLine = 1;
  let carry: Buffer = Buffer.alloc(0);
  for await (const data of input as AsyncIterable<Buffer | string>) {
    carry = carry.length === 0 ? Buffer.from(data) : Buffer.concat([carry, Buffer.from(data)]);
    if (carry.length < CHUNK_BYTES) continue;
    const cut = carry.lastIndexOf(NEWLINE);
    if (cut < 0) continue;
    const bytes = new Uint8Array(carry.subarray(0, cut + 1));
    carry = Buffer.from(carry.subarray(cut + 1));
    const lines = countLines(bytes);
    // The bytes are handed over to a worker once yielded: count first.
    yield { index: index++, firstLine, bytes };
    firstLine += lines;
  }
  if (carry.length > 0) yield { index: index++, firstLine, bytes: new Uint8Array(carry) };
}

async function* chunks(run: BatchRun): AsyncGenerator<Chunk> {
  if (run.inputFormat === 'ndjson') {
    yield* ndjsonChunks(run.input);
    return;
  }
  let index = 0;
  let buffer: [number, string][] = [];
  for await (const item of csvItems(run.input)) {
    buffer.push(item);
    if (buffer.length === CHUNK) {
      yield { index: index++, items: buffer };
      buffer = [];
    }
  }
  if (buffer.length > 0) yield { index: index++, items: buffer };
}

async function write(output: Writable, data: string | Uint8Array): Promise<void> {
  if (data.length > 0 && !output.write(data)) await once(output, 'drain');
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
  const done = new Map<number, { bytes: Uint8Array; stats: BatchStats }>();
  let next = 0;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (message: { index: number; bytes: Uint8Array; stats: BatchStats }) => {
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
      const chunk = done.get(next) as { bytes: Uint8Array; stats: BatchStats };
      done.delete(next);
      next += 1;
      merge(stats, chunk.stats);
      await write(run.output, chunk.bytes);
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
      (workers[chunk.index % workers.length] as Worker).postMessage(chunk, 'bytes' in chunk ? [chunk.bytes.buffer as ArrayBuffer] : []);
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
