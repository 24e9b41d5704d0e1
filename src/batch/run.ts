/**
 * `benefit-rules evaluate --batch`: streams NDJSON or CSV in and NDJSON or CSV out in constant
 * memory, spreading chunks of lines over worker threads and writing their records back in input
 * order, with a progress bar on a terminal and a summary at the end. Every input line (every
 * household, for CSV) yields exactly one output record.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { compileEvaluator } from '../fast/evaluator.js';
import { csvHeader, csvLayout, emptyStats, evaluateText, merge, type BatchStats, type OutputFormat } from './records.js';
import { evaluateChunk, type WorkerSetup } from './worker.js';
import { workerRulebook, type Chunk, type Item, type ReformInput } from './lines.js';
import type { Rulebook } from '../rulebook/index.js';
import { csvItems } from './csvInput.js';
import { CHUNK_BYTES, MAX_LINE_BYTES, ndjsonChunks } from './ndjson.js';
import { spool } from './spool.js';
import { ReceiptLines, type FirstUse, type ReceiptMode } from './receipts.js';
import { runOrdered } from './ordered.js';

export interface BatchRun {
  /** The households; for CSV, `inputFile` instead when it is a file (CSV is read twice, so a
   * stream is first kept in a temporary file). */
  input?: Readable;
  inputFile?: string;
  inputFormat: 'ndjson' | 'csv';
  output: Writable;
  outputFormat: OutputFormat;
  /** The month of lines that do not carry their own; without it such a line is an error record. */
  month?: string;
  jurisdictions: string[];
  /** A reform (its parsed file) every worker applies to the packs it loads. */
  reform?: ReformInput;
  trace: boolean;
  knownAt?: string;
  /** Worker threads; 0 evaluates in this thread. */
  workers: number;
  /** The rulebook for in-process evaluation (workers load their own from `jurisdictions`). */
  rulebook?: Rulebook;
  /** A progress bar on this stream (a terminal), sized by the input's byte length when known. */
  progress?: { stream: NodeJS.WriteStream; totalBytes?: number };
  /** `once` (the default): each receipt is written once, as its own line before the first record
   * naming it, and records name theirs by hash (receipts.ts); `each`: every record carries it whole. */
  receipts?: ReceiptMode;
  /** Answers each line as soon as it is evaluated, not when a chunk is full: for a caller that
   * keeps the process open and talks to it line by line (standard input). */
  lineByLine?: boolean;
  /** Stops reading: the chunks already sent are finished and written, whole, and the run returns. */
  signal?: AbortSignal;
}

/** What reading a batch's input needs. */
export type BatchInput = Pick<BatchRun, 'input' | 'inputFile' | 'inputFormat' | 'lineByLine' | 'signal'>;

export interface BatchSummary extends BatchStats {
  seconds: number;
  workers: number;
  /** Stopped by the signal: the counts are of the records written. */
  interrupted: boolean;
}

/** Households per CSV chunk: big enough to amortise a message to a worker, small enough to keep
 * memory flat. */
const CSV_CHUNK_ITEMS = 512;

/** The input as chunks for the workers (NDJSON bytes, or CSV households), whatever its format:
 * compare reads a population through it too. */
export async function* chunks(run: BatchInput, onBytes?: (bytes: number) => void): AsyncGenerator<Chunk> {
  if (run.signal) {
    yield* untilAborted(chunks({ ...run, signal: undefined } as BatchInput, onBytes), run.signal, () => run.input?.destroy());
    return;
  }
  if (run.inputFormat === 'ndjson') {
    const input = run.input ?? createReadStream(run.inputFile as string);
    // Only for a progress bar, as before: a 'data' listener makes the stream flow.
    if (onBytes) input.on('data', (data: Buffer | string) => onBytes(data.length));
    yield* ndjsonChunks(input, MAX_LINE_BYTES, CHUNK_BYTES, run.lineByLine ? () => input.readableLength === 0 : undefined);
    return;
  }
  if (run.inputFile === undefined && run.input === undefined) throw new Error('internal: a batch needs an input');
  const spooled = run.inputFile === undefined ? await spool(run.input as Readable) : undefined;
  try {
    let index = 0;
    let buffer: Item[] = [];
    for await (const item of csvItems(spooled?.path ?? (run.inputFile as string), onBytes ? { onBytes } : {})) {
      buffer.push(item);
      if (buffer.length === CSV_CHUNK_ITEMS) {
        yield { index: index++, items: buffer };
        buffer = [];
      }
    }
    if (buffer.length > 0) yield { index: index++, items: buffer };
  } finally {
    spooled?.remove();
  }
}

/**
 * The chunks until the signal, which may come while a chunk is still being read (a pipe that waits
 * for more): the pending read is then left behind and the input closed, so that nothing more is read
 * and the process is not kept waiting for it.
 */
async function* untilAborted<T>(source: AsyncGenerator<T>, signal: AbortSignal, close: () => void): AsyncGenerator<T> {
  const aborted = new Promise<IteratorResult<T>>((resolve) => {
    const stop = () => resolve({ done: true, value: undefined });
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  for (;;) {
    const pending = source.next();
    // Aborted first: when both are ready, the signal wins.
    const next = await Promise.race([aborted, pending]);
    if (signal.aborted) {
      pending.catch(() => {});
      close();
      // Once the pending read settles, the source's own clean-up runs (a spooled file is removed).
      source.return(undefined).catch(() => {});
      return;
    }
    if (next.done) return;
    yield next.value;
  }
}

export async function write(output: Writable, data: string | Uint8Array): Promise<void> {
  if (data.length === 0) return;
  if (output.errored) throw output.errored;
  // events.once rejects if the stream errors while waiting (a closed pipe): no room will come.
  if (!output.write(data)) await once(output, 'drain');
}

export async function runBatch(run: BatchRun): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const stats = emptyStats();
  let bytes = 0;
  let bar: SingleBar | undefined;
  if (run.progress) {
    bar = new SingleBar({ stream: run.progress.stream, format: ' {bar} {percentage}% | {records} records | {rate}/s', hideCursor: true, clearOnComplete: true });
    bar.start(run.progress.totalBytes ?? 0, 0, { records: 0, rate: 0 });
  }
  const onBytes = run.progress
    ? (read: number) => {
        bytes += read;
      }
    : undefined;
  const tick = () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bar?.update(bytes, { records: stats.records.toLocaleString('en'), rate: Math.round(stats.records / Math.max(seconds, 1e-3)).toLocaleString('en') });
  };
  // The main thread has checked the packs already (they load before workers start): reuse them.
  const rulebook = run.rulebook ?? workerRulebook(run);
  const layout = csvLayout(rulebook);
  const receipts = run.receipts ?? 'once';
  const lines = new ReceiptLines();
  if (run.outputFormat === 'csv') await write(run.output, csvHeader(layout));

  if (run.workers === 0) {
    const evaluator = compileEvaluator(rulebook, { trace: run.trace, ...(run.knownAt ? { knownAt: run.knownAt } : {}) });
    for await (const chunk of chunks(run, onBytes)) {
      const done = evaluateChunk((line, text) => evaluateText(evaluator, line, text, run.month), chunk, run.outputFormat, layout, receipts);
      merge(stats, done.stats);
      for (const piece of lines.pieces(Buffer.from(done.text), done.firsts)) await write(run.output, piece);
      tick();
    }
  } else {
    await runWorkers(run, stats, tick, lines, onBytes);
  }
  bar?.stop();
  return { ...stats, seconds: Number(process.hrtime.bigint() - started) / 1e9, workers: run.workers, interrupted: run.signal?.aborted ?? false };
}

/** The batch's side of the workers: each chunk's records written in input order, with its receipts. */
async function runWorkers(run: BatchRun, stats: BatchStats, tick: () => void, lines: ReceiptLines, onBytes?: (bytes: number) => void): Promise<void> {
  const setup: WorkerSetup = {
    jurisdictions: run.jurisdictions,
    ...(run.month ? { month: run.month } : {}),
    ...(run.reform ? { reform: run.reform } : {}),
    trace: run.trace,
    format: run.outputFormat,
    receipts: run.receipts ?? 'once',
    ...(run.knownAt ? { knownAt: run.knownAt } : {}),
  };
  await runOrdered<{ index: number; bytes: Uint8Array; stats: BatchStats; firsts: FirstUse[] }>(chunks(run, onBytes), {
    worker: new URL('./worker.js', import.meta.url),
    workerData: setup,
    count: run.workers,
    settle: async (chunk) => {
      merge(stats, chunk.stats);
      for (const piece of lines.pieces(chunk.bytes, chunk.firsts)) await write(run.output, piece);
      tick();
    },
  });
}
