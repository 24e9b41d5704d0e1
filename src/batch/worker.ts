/** A batch worker thread: loads the rulebook once, then evaluates chunks of lines on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulebook } from '../load.js';
import { compileEvaluator } from '../fast/evaluator.js';
import { count, emptyStats, evaluateText, formatRecord, type OutputFormat } from './records.js';

export interface WorkerSetup {
  jurisdictions: string[];
  month: string;
  trace: boolean;
  knownAt?: string;
  format: OutputFormat;
}

export interface Chunk {
  index: number;
  items: [number, string][];
}

export function evaluateChunk(evaluate: (line: number, text: string) => ReturnType<typeof evaluateText>, chunk: Chunk, format: OutputFormat) {
  const stats = emptyStats();
  let text = '';
  for (const [line, item] of chunk.items) {
    const record = evaluate(line, item);
    count(stats, record);
    text += formatRecord(record, format);
  }
  return { index: chunk.index, text, stats };
}

if (parentPort) {
  const setup = workerData as WorkerSetup;
  const evaluator = compileEvaluator(loadRulebook({ jurisdictions: setup.jurisdictions }), { trace: setup.trace, ...(setup.knownAt ? { knownAt: setup.knownAt } : {}) });
  const port = parentPort;
  port.on('message', (chunk: Chunk) => {
    port.postMessage(evaluateChunk((line, text) => evaluateText(evaluator, line, text, setup.month), chunk, setup.format));
  });
}
