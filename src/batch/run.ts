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
import { csvHeader, csvLayout, emptyStats, evaluateText, merge, type BatchStats, type OutputFormat } from './records.js';
import { evaluateChunk, type Chunk, type Item, type WorkerSetup } from './worker.js';
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { CSV_INPUT_COLUMNS, conflictIn, householdOf, type Row } from './csv.js';

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
  /** The rulebook for in-process evaluation (workers load their own from `jurisdictions`). */
  rulebook?: Rulebook;
  /** A progress bar on this stream (a terminal), sized by the input's byte length when known. */
  progress?: { stream: NodeJS.WriteStream; totalBytes?: number };
}

export interface BatchSummary extends BatchStats {
  seconds: number;
  workers: number;
}

/** Households per CSV chunk, and bytes per NDJSON chunk (about a thousand lines): big enough to
 * amortise a message to a worker, small enough to keep memory flat. */
const CSV_CHUNK_ITEMS = 512;
const CHUNK_BYTES = 256 * 1024;
const MAX_LINE_BYTES = 64 * 2 ** 20;
const MAX_ROWS_PER_HOUSEHOLD = 10_000;

/** CSV input as numbered items: one household per group of rows, numbered by its first row. A row
 * that cannot be read becomes an error item of its own; the rest go on. */
async function* csvItems(input: Readable): AsyncGenerator<Item> {
  const skipped: Item[] = [];
  const parser = input.pipe(parse({ columns: checkHeader, skip_empty_lines: true, info: true, skip_records_with_error: true, bom: true }));
  parser.on('skip', (error: Error & { lines?: number }) => {
    const line = error.lines ?? 0;
    skipped.push([line, '', new BenefitRulesError('invalid-input', `line ${line} cannot be read as CSV: ${error.message}`, [{ path: `line ${line}`, expected: 'a CSV row with the header\'s columns', found: error.message }]).toJSON()]);
  });
  let group: Row[] = [];
  let groupLine = 0;
  let groupLines: number[] = [];
  const itemOf = (): Item => {
    const conflict = conflictIn(group);
    if (!conflict) return [groupLine, JSON.stringify(householdOf(group)), null, groupLines];
    const line = groupLines[conflict.row] as number;
    const message = `household ${group[0]?.household_id}: line ${line} gives ${conflict.column} "${group[conflict.row]?.[conflict.column]}", its first row (line ${groupLine}) "${group[0]?.[conflict.column] ?? ''}"`;
    return [groupLine, '', new BenefitRulesError('invalid-input', message, [{ path: `line ${line}`, expected: `the household's ${conflict.column} of line ${groupLine}, or an empty cell`, found: JSON.stringify(group[conflict.row]?.[conflict.column]) }]).toJSON()];
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    if (group.length > 0 && record.household_id !== group[0]?.household_id) {
      yield itemOf();
      group = [];
      groupLines = [];
    }
    // Unreadable rows come out in line order: after the household they interrupt, before the next.
    // (The parser may report a bad row before handing over the rows above it: hence the filter.)
    if (group.length === 0) {
      while (skipped.length > 0 && (skipped[0] as Item)[0] < info.lines) yield skipped.shift() as Item;
      groupLine = info.lines;
    }
    group.push(record);
    groupLines.push(info.lines);
    if (group.length > MAX_ROWS_PER_HOUSEHOLD) {
      throw new BenefitRulesError('invalid-input', `household ${record.household_id} has more than ${MAX_ROWS_PER_HOUSEHOLD} rows from line ${groupLine}: are the rows grouped by household_id?`, [
        { path: `line ${info.lines}`, expected: 'the rows of one household next to each other', found: `${group.length} rows` },
      ]);
    }
  }
  if (group.length > 0) yield itemOf();
  yield* skipped.splice(0);
}

/** The header must name known columns only, household_id among them: a misspelt column would
 * otherwise be ignored and the household paid as if it had no such income. */
function checkHeader(header: string[]): string[] {
  const known = new Set<string>(CSV_INPUT_COLUMNS);
  const unknown = header.filter((column) => !known.has(column));
  if (unknown.length > 0 || !header.includes('household_id')) {
    const found = unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : 'no household_id column';
    throw new BenefitRulesError('invalid-input', `The CSV header is not one benefit-rules reads: ${found}. Columns: ${CSV_INPUT_COLUMNS.join(', ')}`, [
      { path: 'line 1', expected: 'household_id and other known columns', found },
    ]);
  }
  return header;
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
    if (cut < 0) {
      if (carry.length > MAX_LINE_BYTES) {
        throw new BenefitRulesError('invalid-input', `line ${firstLine} is longer than ${MAX_LINE_BYTES / 2 ** 20} MB: is this NDJSON (one household per line)?`, [
          { path: `line ${firstLine}`, expected: 'one household per line', found: `more than ${MAX_LINE_BYTES} bytes without a line break` },
        ]);
      }
      continue;
    }
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
  let buffer: Item[] = [];
  for await (const item of csvItems(run.input)) {
    buffer.push(item);
    if (buffer.length === CSV_CHUNK_ITEMS) {
      yield { index: index++, items: buffer };
      buffer = [];
    }
  }
  if (buffer.length > 0) yield { index: index++, items: buffer };
}

async function write(output: Writable, data: string | Uint8Array): Promise<void> {
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
    run.input.on('data', (chunk: Buffer | string) => {
      bytes += chunk.length;
    });
  }
  const tick = () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bar?.update(bytes, { records: stats.records.toLocaleString('en'), rate: Math.round(stats.records / Math.max(seconds, 1e-3)).toLocaleString('en') });
  };
  // The main thread has checked the packs already (they load before workers start): reuse them.
  const rulebook = run.rulebook ?? loadRulebook({ jurisdictions: run.jurisdictions });
  const layout = csvLayout(rulebook);
  if (run.outputFormat === 'csv') await write(run.output, csvHeader(layout));

  if (run.workers === 0) {
    const evaluator = compileEvaluator(rulebook, { trace: run.trace, ...(run.knownAt ? { knownAt: run.knownAt } : {}) });
    for await (const chunk of chunks(run)) {
      const done = evaluateChunk((line, text) => evaluateText(evaluator, line, text, run.month), chunk, run.outputFormat, layout);
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

/** Round-robin over the workers, at most two chunks each not yet written, records written in order. */
async function runWorkers(run: BatchRun, stats: BatchStats, tick: () => void): Promise<void> {
  const setup: WorkerSetup = { jurisdictions: run.jurisdictions, month: run.month, trace: run.trace, format: run.outputFormat, ...(run.knownAt ? { knownAt: run.knownAt } : {}) };
  const workers = Array.from({ length: run.workers }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: setup }));
  const done = new Map<number, { bytes: Uint8Array; stats: BatchStats }>();
  let next = 0;
  let failure: Error | undefined;
  let finished = false;
  // A message may arrive while nobody waits: it is remembered, so the next wait returns at once.
  let wake: (() => void) | undefined;
  let signalled = false;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    if (resolve) resolve();
    else signalled = true;
  };
  const waitForOne = () => {
    if (signalled) {
      signalled = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (wake = resolve));
  };
  for (const worker of workers) {
    worker.on('message', (message: { index: number; bytes: Uint8Array; stats: BatchStats }) => {
      done.set(message.index, message);
      notify();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    worker.on('exit', (code) => {
      if (!finished) failure ??= new Error(`a batch worker stopped (exit code ${code}) before the batch was done`);
      notify();
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
  let sent = 0;
  try {
    for await (const chunk of chunks(run)) {
      await settle();
      // Bounded by what is not yet written, not only by what is being evaluated: finished chunks
      // waiting for an earlier one count too, so memory stays flat whatever the file size.
      while (sent - next >= workers.length * 2 && !failure) {
        await waitForOne();
        await settle();
      }
      if (failure) throw failure;
      (workers[chunk.index % workers.length] as Worker).postMessage(chunk, 'bytes' in chunk ? [chunk.bytes.buffer as ArrayBuffer] : []);
      sent += 1;
    }
    await settle();
    while (next < sent && !failure) {
      await waitForOne();
      await settle();
    }
    if (failure) throw failure;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
