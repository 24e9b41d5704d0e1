/** A reform file is checked whole before anything runs: every problem at once, with its path. */
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { applyReform, checkReform, canonicalJson } from '../../src/reform/index.js';
import { BenefitRulesError } from '../../src/errors.js';
import { closest } from '../../src/reform/closest.js';

const rulebook = bundledRulebook();
const change = (over: Record<string, unknown>) => ({ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', value: '750', ...over });

function problems(input: unknown): { path: string; expected: string; found?: string }[] {
  try {
    checkReform(rulebook, input, 'r.json');
  } catch (error) {
    expect(error).toBeInstanceOf(BenefitRulesError);
    expect((error as BenefitRulesError).code).toBe('invalid-reform');
    return (error as BenefitRulesError).details.map(({ path, expected, found }) => ({ path, expected, ...(found !== undefined ? { found } : {}) }));
  }
  throw new Error('expected the reform to be refused');
}

describe('checkReform', () => {
  it('accepts the Lingwu example and types its value', () => {
    const reform = checkReform(rulebook, { name: 'x', changes: [change({})] });
    expect(reform.changes[0]?.typed?.toString()).toBe('750');
    expect(reform.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists every kind of problem at once, each at its path', () => {
    const found = problems({
      name: 'all wrong',
      changes: [
        change({ jurisdiction: 'cn-640811' }),
        change({ parameter: 'dibao.standard.urbn' }),
        change({ value: 750 }),
        change({ from: '2024-02-30' }),
        change({ from: '2024-07-01', until: '2024-06-01' }),
        change({ jurisdiction: 'cn-640000', value: '2000000000' }),
        change({ jurisdiction: 'cn-420100', from: '2024-01-01', until: '2024-12-31' }),
        change({ jurisdiction: 'cn-420100', from: '2024-06-01' }),
        change({ parameter: 'dibao.amount.method', value: 'sideways' }),
        change({ jurisdiction: 'cn-500000', value: { multipleOf: 'dibao.amount.method', factor: '2' } }),
      ],
    });
    const paths = found.map((p) => p.path);
    expect(paths).toEqual([
      '$.changes[0].jurisdiction',
      '$.changes[1].parameter',
      '$.changes[2].value',
      '$.changes[3].from',
      '$.changes[4].until',
      '$.changes[5].value',
      '$.changes[8].value',
      '$.changes[9].value.multipleOf',
      '$.changes[7].from',
    ]);
    expect(found[0]?.expected).toContain('closest: cn-640181');
    expect(found[1]?.expected).toContain('closest: dibao.standard.urban');
    expect(found[2]?.expected).toContain('a money value');
    expect(found[8]?.found).toContain('$.changes[6]');
  });

  it('reports the shape first: a missing value, an unknown key, no changes', () => {
    expect(problems({ name: 'x', changes: [] }).map((p) => p.path)).toEqual(['$.changes']);
    const paths = problems({ name: '', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', valeu: '750' }] }).map((p) => p.path);
    expect(paths).toContain('$.name');
    expect(paths).toContain('$.changes[0]');
    expect(paths).toContain('$.changes[0].value');
  });

  it('checks the ids and the value of a change whose date is wrong', () => {
    const found = problems({ name: 'x', changes: [{ jurisdiction: 'cn-64018', parameter: 'dibao.standard.urban', from: '2024-13-01', value: 750 }] });
    expect(found.map((p) => p.path)).toEqual(['$.changes[0].from', '$.changes[0].jurisdiction', '$.changes[0].value']);
    expect(found[0]?.found).toBe('"2024-13-01"');
  });

  it('refuses overlapping periods, an open one included, and accepts periods that touch', () => {
    expect(problems({ name: 'x', changes: [change({}), change({ from: '2025-01-01' })] }).map((p) => p.path)).toEqual(['$.changes[1].from']);
    expect(() => checkReform(rulebook, { name: 'x', changes: [change({ until: '2024-12-31' }), change({ from: '2025-01-01', value: '800' })] })).not.toThrow();
  });

  it('takes null (not configured) for any kind', () => {
    expect(checkReform(rulebook, { name: 'x', changes: [change({ value: null })] }).changes[0]?.typed).toBeNull();
  });

  it('hashes the content, not the layout or the key order', () => {
    const a = checkReform(rulebook, { name: 'x', changes: [change({})] });
    const b = checkReform(
      rulebook,
      JSON.parse(JSON.stringify({ changes: [{ value: '750', from: '2024-07-01', parameter: 'dibao.standard.urban', jurisdiction: 'cn-640181' }], name: 'x' })),
    );
    const c = checkReform(rulebook, { name: 'x', changes: [change({ value: '751' })] });
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).not.toBe(c.sha256);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('refuses a second reform on a reformed rulebook', () => {
    const reformed = applyReform(rulebook, { name: 'one', changes: [change({})] });
    expect(() => applyReform(reformed, { name: 'two', changes: [change({})] })).toThrow(/already carries the reform "one"/);
  });
});

describe('closest', () => {
  it('puts the nearest ids first', () => {
    expect(closest('cn-64018', ['cn', 'cn-640181', 'cn-640000'])[0]).toBe('cn-640181');
    expect(closest('standard.urban', ['dibao.standard.rural', 'dibao.standard.urban', 'dibao.amount.method'])[0]).toBe('dibao.standard.urban');
  });
});
