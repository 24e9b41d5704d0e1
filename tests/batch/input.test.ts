import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndjsonChunks } from '../../src/batch/ndjson.js';
import { SeenIds } from '../../src/batch/seen.js';

/** The lines a chunk sequence carries, as [line, text or error code]. */
async function linesOf(pieces: (string | Buffer)[], maxLineBytes: number, chunkBytes: number): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const chunk of ndjsonChunks(pieces, maxLineBytes, chunkBytes)) {
    if ('items' in chunk) {
      for (const [line, , error] of chunk.items) out.push([line, `error: ${error?.message ?? ''}`]);
      continue;
    }
    const text = Buffer.from(chunk.bytes).toString('utf8');
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    lines.forEach((line, i) => out.push([chunk.firstLine + i, line]));
  }
  return out;
}

describe('NDJSON chunks', () => {
  it('a line over the limit becomes one error record with its number; the lines around it go on', async () => {
    const long = 'x'.repeat(100);
    const input = `a\nb\n${long}\nc\nd`;
    // Every way of cutting the input into reads gives the same lines.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 40 }), async (sizes, chunkBytes) => {
        const pieces: string[] = [];
        for (let at = 0, i = 0; at < input.length; i += 1) {
          const size = sizes[i % sizes.length] as number;
          pieces.push(input.slice(at, at + size));
          at += size;
        }
        const lines = await linesOf(pieces, 50, chunkBytes);
        expect(lines.map(([n, t]) => [n, t.startsWith('error') ? 'error' : t])).toEqual([
          [1, 'a'],
          [2, 'b'],
          [3, 'error'],
          [4, 'c'],
          [5, 'd'],
        ]);
        expect(lines[2]?.[1]).toContain('line 3 is longer than 50 bytes');
      }),
      { numRuns: 200 },
    );
  });

  it('a too-long last line without a line break is an error record too', async () => {
    expect(await linesOf(['a\n', 'y'.repeat(60), 'y'.repeat(60)], 50, 8)).toEqual([
      [1, 'a'],
      [2, expect.stringContaining('error: line 2')],
    ]);
  });

  it('buffers a long line in linear time (joining on every read took 2.3 s for 20 MB)', async () => {
    const piece = Buffer.alloc(64 * 1024, 0x78);
    const pieces = Array.from({ length: 640 }, () => piece); // one 40 MB line, read 64 KiB at a time
    pieces.push(Buffer.from('\n'));
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of ndjsonChunks(pieces)) if ('bytes' in chunk) bytes += chunk.bytes.length;
    expect(bytes).toBe(640 * 64 * 1024 + 1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('seen household ids', () => {
  it('is exact: what was added is found with its line, nothing else is (even on 32-bit hash collisions)', () => {
    const seen = new SeenIds();
    // Pairs that share the set's 32-bit hash: one added does not make the other seen.
    expect(seen.add('xe9dw7m', 7)).toBe(0);
    expect(seen.add('x4be30c', 8)).toBe(0);
    expect(seen.add('x2y18m', 9)).toBe(0);
    expect(seen.add('x4be30c', 20)).toBe(8);
    expect(seen.add('xohnbf', 21)).toBe(0);
    expect(seen.add('xe9dw7m', 22)).toBe(7);
    let found = 0;
    for (let i = 0; i < 300_000; i += 1) if (seen.add(`h${i}`, i + 2) !== 0) found += 1;
    expect(found).toBe(0);
    const wrong: number[] = [];
    for (let i = 0; i < 300_000; i += 1) if (seen.add(`h${i}`, 1) !== i + 2) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(seen.add('h300000', 5)).toBe(0);
    expect(seen.size).toBe(300_005);
  });

  it('agrees with a Set on any strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 200 }), (ids) => {
        const seen = new SeenIds();
        const first = new Map<string, number>();
        ids.forEach((id, line) => {
          expect(seen.add(id, line + 1)).toBe(first.get(id) ?? 0);
          if (!first.has(id)) first.set(id, line + 1);
        });
      }),
    );
  });
});
