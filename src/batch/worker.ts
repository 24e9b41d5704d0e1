/** A batch worker thread: loads the rulebook once, then evaluates chunks of lines on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { linesOf, workerRulebook, type Chunk, type ReformInput } from './lines.js';
import { compileEvaluator } from '../fast/evaluator.js';
import { count, csvLayout, emptyStats, evaluateText, formatRecord, type BatchRecord, type CsvLayout, type OutputFormat } from './records.js';
import { atCsvCells } from './csv-errors.js';
import { receiptHash, type FirstUse, type ReceiptMode } from './receipts.js';

export type { Chunk, Item, ReformInput } from './lines.js';

export interface WorkerSetup {
  jurisdictions: string[];
  reform?: ReformInput;
  month?: string;
  trace: boolean;
  knownAt?: string;
  format: OutputFormat;
  receipts: ReceiptMode;
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
