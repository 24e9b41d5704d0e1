/**
 * NDJSON input cut into byte chunks at line breaks, for the workers to split and evaluate. Linear in
 * the input whatever the line lengths: pieces are gathered in a list and joined once per chunk (joining
 * on every read made a 70 MB line cost 28 s), and a line over the limit is not kept at all — its bytes
 * are dropped up to its line break and it becomes an error record, so the run goes on.
 */
import { BenefitRulesError } from '../errors.js';
import type { Chunk } from './worker.js';

export const CHUNK_BYTES = 256 * 1024;
export const MAX_LINE_BYTES = 64 * 2 ** 20;
const NEWLINE = 10;

function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) lines += 1;
  return lines;
}

function tooLong(index: number, line: number, maxLineBytes: number): Chunk {
  const limit = maxLineBytes >= 2 ** 20 ? `${maxLineBytes / 2 ** 20} MB` : `${maxLineBytes} bytes`;
  const error = new BenefitRulesError('invalid-input', `line ${line} is longer than ${limit}: it was skipped (is this NDJSON, one household per line?)`, [
    { path: `line ${line}`, expected: `one household per line, at most ${limit}`, found: `more than ${maxLineBytes} bytes before the line break` },
  ]);
  return { index, items: [[line, '', error.toJSON()]] };
}

/**
 * Chunks numbered from 0, each with the number of its first line. `idle` says whether nothing more
 * is waiting to be read: the whole lines held are then cut at once instead of waiting for a full
 * chunk, so that a caller writing one line and waiting for its answer gets it (a fast writer still
 * fills chunks, since data is then waiting).
 */
export async function* ndjsonChunks(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
  chunkBytes = CHUNK_BYTES,
  idle?: () => boolean,
): AsyncGenerator<Chunk> {
  let index = 0;
  let firstLine = 1;
  let pieces: Buffer[] = [];
  let pending = 0; // bytes held in pieces
  let complete = 0; // of which up to and including the last line break
  let skipping = false; // inside a line over the limit

  // The bytes are handed over to a worker once yielded: lines are counted first.
  function* cut(): Generator<Chunk> {
    const joined = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, pending);
    // A copy of its own, so that only these bytes are transferred to the worker.
    const bytes = new Uint8Array(joined.subarray(0, complete));
    const rest = joined.subarray(complete);
    pieces = rest.length > 0 ? [Buffer.from(rest)] : [];
    pending = rest.length;
    complete = 0;
    const lines = countLines(bytes);
    yield { index: index++, firstLine, bytes };
    firstLine += lines;
  }

  for await (const data of input) {
    let buffer = typeof data === 'string' ? Buffer.from(data) : data;
    if (skipping) {
      const end = buffer.indexOf(NEWLINE);
      if (end < 0) continue;
      skipping = false;
      yield tooLong(index++, firstLine++, maxLineBytes);
      buffer = buffer.subarray(end + 1);
    }
    const last = buffer.lastIndexOf(NEWLINE);
    if (last >= 0) complete = pending + last + 1;
    pieces.push(buffer);
    pending += buffer.length;
    if (pending - complete > maxLineBytes) {
      if (complete > 0) yield* cut();
      pieces = [];
      pending = 0;
      skipping = true;
      continue;
    }
    if (complete > 0 && (pending >= chunkBytes || idle?.())) yield* cut();
  }
  if (skipping) yield tooLong(index++, firstLine, maxLineBytes);
  else if (pending > 0) yield { index: index++, firstLine, bytes: new Uint8Array(Buffer.concat(pieces, pending)) };
}
