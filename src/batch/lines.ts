/**
 * What a worker thread is given: chunks of input lines, and the packs to load (with a reform). Apart
 * from the batch's worker module, so that another worker (compare's) can use them without that
 * module's message handler starting in its thread too.
 */
import { loadRulebook } from '../load.js';
import { applyReform } from '../reform/index.js';
import type { Rulebook } from '../rulebook/index.js';

/** A reform file as read (its JSON and name), checked and applied in each thread. */
export interface ReformInput {
  json: unknown;
  file: string;
}

/** Numbered items (CSV households), or raw NDJSON bytes that start at line `firstLine` and end at
 * a line break (the last chunk may not): splitting them here keeps the main thread free. */
export type Chunk = { index: number; items: Item[] } | { index: number; firstLine: number; bytes: Uint8Array };

/** A numbered item: JSON text to evaluate, or the error record already found for it. A household
 * read from CSV also carries the line of each of its rows, for errors to name their cells. */
type ErrorJson = { code: string; message: string; details: readonly object[] };
export type Item = [number, string] | [number, string, ErrorJson] | [number, string, ErrorJson, household: string] | [number, string, null, number[]];

export function* linesOf(chunk: Chunk): Generator<Item> {
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

/** The packs a worker loads, with the run's reform applied: the main thread checked both already. */
export function workerRulebook(setup: { jurisdictions: string[]; reform?: ReformInput | undefined }): Rulebook {
  const rulebook = loadRulebook({ jurisdictions: setup.jurisdictions });
  return setup.reform ? applyReform(rulebook, setup.reform.json, setup.reform.file) : rulebook;
}
