/** The service's reformed rulebooks: one per reform, kept by its canonical JSON, the last few (#15). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { reformer } from '../../src/service/reforms.js';

const reform = JSON.parse(readFileSync(new URL('../../examples/reforms/lingwu-750.json', import.meta.url), 'utf8')) as { name: string; changes: object[] };

describe('reformer', () => {
  it('applies a reform once, whatever the order of its keys, and keeps only the last few', () => {
    const reformed = reformer(bundledRulebook(), 2);
    const first = reformed(reform);
    expect(first.reform?.name).toBe('lingwu-750');
    const reordered = Object.fromEntries(Object.entries(reform).reverse());
    expect(reformed(reordered)).toBe(first);
    // Two other reforms push the first out: it is applied again, as a new rulebook.
    reformed({ ...reform, name: 'b' });
    reformed({ ...reform, name: 'c' });
    expect(reformed(reform)).not.toBe(first);
    // Used again, a reform stays: 'c' is the oldest now, and goes first.
    const again = reformed(reform);
    reformed({ ...reform, name: 'd' });
    expect(reformed(reform)).toBe(again);
  });
});
