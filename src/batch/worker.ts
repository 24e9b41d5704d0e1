/** A batch worker thread: loads the rulebook once, then evaluates chunks of lines on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulebook } from '../load.js';
import { applyReform } from '../reform/index.js';
import type { Rulebook } from '../rulebook/index.js';
import { compileEvaluator } from '../fast/evaluator.js';
import { count, csvLayout, emptyStats, evaluateText, formatRecord, type BatchRecord, type CsvLayout, type OutputFormat } from './records.js';
import { atCsvCells } from './csv-errors.js';
import { receiptHash, type FirstUse, type ReceiptMode } from './receipts.js';

/** A reform file as read (its JSON and name), checked and applied in each thread. */
export interface ReformInput {
  json: unknown;
  file: string;
}

export interface WorkerSetup {
  jurisdictions: string[];
  reform?: ReformInput;
  month?: string;
  trace: boolean;
  knownAt?: string;
  format: OutputFormat;
  receipts: ReceiptMode;
}

/** Numbered items (CSV households), or raw NDJSON bytes that start at line `firstLine` and end at
 * a line break (the last chunk may not): splitting them here keeps the main thread free. */
export type Chunk = { index: number; items: Item[] } | { index: number; firstLine: number; bytes: Uint8Array };

/** A numbered item: JSON text to evaluate, or the error record already found for it. A household
 * read from CSV also carries the line of each of its rows, for errors to name their cells. */
type ErrorJson = { code: string; message: string; details: readonly object[] };
export type Item = [number, string] | [number, string, ErrorJson] | [number, string, ErrorJson, household: string] | [number, string, null, number[]];

function* linesOf(chunk: Chunk): Generator<Item> {
  if ('items' in chunk) {
    yield* chunk.items;
    return;
  }
  const text = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString('utf8');
  let line = chunk.firstLine;
  // A byte-order mark before the first line is not part of it.
  let start = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    yield [line++, text.slice(start, stop)];
    start = end + 1;
  }
}

export function evaluateChunk(
  evaluate: (line: number, text: string) => ReturnType<typeof evaluateText>,
  chunk: Chunk,
  format: OutputFormat,
  layout?: CsvLayout,
  receipts: ReceiptMode = 'each',
) {
  const stats = emptyStats();
  let text = '';
  const firsts: FirstUse[] = [];
  const named = new Set<string>();
  for (const [line, item, error, rows] of linesOf(chunk)) {
    let record: BatchRecord = error ? { line, ok: false, ...(typeof rows === 'string' ? { household: rows } : {}), error } : evaluate(line, item);
    if (Array.isArray(rows) && !record.ok) record = atCsvCells(record, item, rows);
    count(stats, record);
    if (record.ok && receipts === 'once' && format === 'ndjson') {
      const hash = receiptHash(record.result.receipt);
      if (!named.has(hash)) {
        named.add(hash);
        firsts.push([hash, Buffer.byteLength(text), JSON.stringify(record.result.receipt)]);
      }
    }
    text += formatRecord(record, format, layout, receipts);
  }
  return { index: chunk.index, text, stats, firsts };
}

/** The packs a worker loads, with the run's reform applied: the main thread checked both already. */
export function workerRulebook(setup: { jurisdictions: string[]; reform?: ReformInput | undefined }): Rulebook {
  const rulebook = loadRulebook({ jurisdictions: setup.jurisdictions });
  return setup.reform ? applyReform(rulebook, setup.reform.json, setup.reform.file) : rulebook;
}

if (parentPort) {
  const setup = workerData as WorkerSetup;
  const rulebook = workerRulebook(setup);
  const evaluator = compileEvaluator(rulebook, { trace: setup.trace, ...(setup.knownAt ? { knownAt: setup.knownAt } : {}) });
  const layout = csvLayout(rulebook);
  const port = parentPort;
  port.on('message', (chunk: Chunk) => {
    const done = evaluateChunk((line, text) => evaluateText(evaluator, line, text, setup.month), chunk, setup.format, layout, setup.receipts);
    // Encoded here and handed over, not copied: the main thread only writes bytes.
    const bytes = new Uint8Array(Buffer.from(done.text, 'utf8'));
    port.postMessage({ index: done.index, bytes, stats: done.stats, firsts: done.firsts }, [bytes.buffer]);
  });
}
