/**
 * Physical lines of an input, as bytes: split on LF only, a CR before it dropped (so CRLF and LF
 * may alternate within a file), each line bounded. A line longer than the bound is reported once
 * and skipped to its end without being held, so a 1 GB line costs time linear in its size and no
 * memory. Every chunk read is handed to `seen` first: the bytes hashed are the bytes split.
 */
import type { Readable } from 'node:stream';

export type PhysicalLine = { line: number; bytes: Buffer } | { line: number; tooLong: true };

const LF = 0x0a;
const CR = 0x0d;

export async function* physicalLines(stream: Readable, maxBytes: number, seen?: (chunk: Buffer) => void): AsyncGenerator<PhysicalLine> {
  let line = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  const take = (piece: Buffer): PhysicalLine => {
    line += 1;
    if (skipping) {
      skipping = false;
      return { line, tooLong: true };
    }
    let bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
    pending = [];
    pendingBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return bytes.length > maxBytes ? { line, tooLong: true } : { line, bytes };
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      seen?.(buffer);
      let start = 0;
      for (let end = buffer.indexOf(LF, start); end !== -1; end = buffer.indexOf(LF, start)) {
        yield take(buffer.subarray(start, end));
        start = end + 1;
      }
      if (start < buffer.length && !skipping) {
        pending.push(buffer.subarray(start));
        pendingBytes += buffer.length - start;
        // One more byte than the bound (a CR that ends it may still come): past that it is too long.
        if (pendingBytes > maxBytes + 1) {
          skipping = true;
          pending = [];
          pendingBytes = 0;
        }
      }
    }
    if (pendingBytes > 0 || skipping) yield take(Buffer.alloc(0));
  } finally {
    stream.destroy();
  }
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The line as text, or undefined when its bytes are not UTF-8 (never decoded to U+FFFD). */
export function utf8(bytes: Buffer): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** JSON deeper than this is refused before it is parsed: a household is a few levels deep, and
 * the merge of a `changes` patch recurses once a level. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of a JSON text's arrays and objects (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}
