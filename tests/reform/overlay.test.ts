/** The overlay: what a reform changes, what it leaves, and that every path sees it alike. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledRulebook } from '../../src/load.js';
import { applyReform } from '../../src/reform/index.js';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { evaluateWith, parseHousehold } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { population, POPULATION_MONTHS } from '../../src/testing/population.js';
import { toJson } from '../../src/parameters/values.js';
import type { Rulebook } from '../../src/rulebook/index.js';

const base = bundledRulebook();
const LINGWU = JSON.parse(readFileSync(new URL('../../examples/reforms/lingwu-750.json', import.meta.url), 'utf8')) as unknown;
const household = JSON.parse(readFileSync(new URL('../../examples/lingwu-2024.json', import.meta.url), 'utf8')) as unknown;

const value = (rulebook: Rulebook, pack: string, id: string, day: string) => {
  try {
    return toJson(resolveParameter(rulebook, pack, id, day).value);
  } catch (error) {
    return (error as { code: string }).code;
  }
};
const reform = (changes: object[]) => applyReform(base, { name: 'test', changes });

describe('applyReform', () => {
  it('Lingwu 750 from 2024-07: the standard, the total, the receipt and the trace', () => {
    const reformed = applyReform(base, LINGWU);
    expect(value(reformed, 'cn-640181', 'dibao.standard.urban', '2024-06-30')).toBe('690');
    expect(value(reformed, 'cn-640181', 'dibao.standard.urban', '2024-07-01')).toBe('750');
    // No until: from then on, the region's later values included.
    expect(value(reformed, 'cn-640181', 'dibao.standard.urban', '2026-03-01')).toBe('750');
    expect(value(base, 'cn-640181', 'dibao.standard.urban', '2026-03-01')).toBe(null);
    const before = evaluateWith(household, { month: '2024-07', rulebook: base });
    const after = evaluateWith(household, { month: '2024-07', rulebook: reformed });
    expect([before.totalMonthlyAmount, after.totalMonthlyAmount]).toEqual(['1170.00', '1350.00']);
    expect(before.receipt.reform).toBeUndefined();
    expect(after.receipt.reform).toEqual({ name: 'lingwu-750', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const entry = after.programmes.dibao.trace?.find((t) => t.kind === 'parameter' && t.id === 'dibao.standard.urban');
    expect(entry).toMatchObject({ value: '750', verified: false, reform: 'lingwu-750', note: 'Urban standard raised from 690 to 750 yuan a month', until: null });
    expect(JSON.stringify(entry)).toContain('Reform \\"lingwu-750\\"');
    // A month before the reform: the same amounts, and still the reform's receipt (the run was one).
    const june = evaluateWith(household, { month: '2024-06', rulebook: reformed });
    expect(june.totalMonthlyAmount).toBe('1170.00');
    expect(june.receipt.reform?.name).toBe('lingwu-750');
  });

  it('before, inside and after a bounded period; the old value resumes after until', () => {
    const reformed = reform([{ jurisdiction: 'cn-640000', parameter: 'dibao.standard.urban', from: '2020-06-01', until: '2020-08-31', value: '700' }]);
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2020-05-31')).toBe('600');
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2020-06-01')).toBe('700');
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2020-08-31')).toBe('700');
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2020-09-01')).toBe('600');
    // The next value of the pack still starts when it did.
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2022-03-01')).toBe(null);
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2023-03-01')).toBe('650');
    const resumed = resolveParameter(reformed, 'cn-640000', 'dibao.standard.urban', '2020-09-01');
    expect([resumed.from, resumed.until, resumed.reform]).toEqual(['2020-09-01', '2021-12-31', undefined]);
  });

  it('a period over several of the pack values, and one in a gap the parent fills', () => {
    const reformed = reform([{ jurisdiction: 'cn-640000', parameter: 'dibao.standard.urban', from: '2016-06-01', until: '2020-03-31', value: '500' }]);
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2016-05-01')).toBe('440');
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2018-01-01')).toBe('500');
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2020-04-01')).toBe('600');
    expect(value(base, 'cn-640000', 'dibao.standard.urban', '2018-01-01')).toBe('parameter-not-covered');
  });

  it('null makes the value not configured, as a pack would', () => {
    const reformed = reform([{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', until: '2024-09-30', value: null }]);
    const result = evaluateWith(household, { month: '2024-08', rulebook: reformed });
    expect(result.programmes.dibao.status).toBe('not-configured');
    expect(result.programmes.dibao.monthlyAmount).toBeNull();
    const october = evaluateWith(household, { month: '2024-10', rulebook: reformed }).programmes.dibao;
    expect(october.monthlyAmount).toBe(evaluateWith(household, { month: '2024-10', rulebook: base }).programmes.dibao.monthlyAmount);
    expect(october.monthlyAmount).not.toBeNull();
  });

  it('a change to a parent reaches the children that do not set the parameter, not those that do', () => {
    const reformed = reform([{ jurisdiction: 'cn-640000', parameter: 'dibao.standard.urban', from: '2024-01-01', value: '800' }]);
    expect(value(reformed, 'cn-640000', 'dibao.standard.urban', '2024-03-01')).toBe('800');
    // Lingwu sets its own 690 for 2024, then inherits the region's.
    expect(value(reformed, 'cn-640181', 'dibao.standard.urban', '2024-03-01')).toBe('690');
    expect(value(reformed, 'cn-640181', 'dibao.standard.urban', '2025-03-01')).toBe('800');
    // Multiples follow: extreme poverty is 1.3 × the urban standard, and says the reform is in it.
    const xp = resolveParameter(reformed, 'cn-640000', 'extremePoverty.basic.urban', '2024-03-01');
    expect([toJson(xp.value), xp.reform]).toEqual(['1040', 'test']);
  });

  it('shares every pack it does not change, and the parameters it does not change', () => {
    const reformed = applyReform(base, LINGWU);
    for (const [id, pack] of base.packs) if (id !== 'cn-640181') expect(reformed.packs.get(id)).toBe(pack);
    const lingwu = reformed.packs.get('cn-640181')!;
    expect(lingwu).not.toBe(base.packs.get('cn-640181'));
    expect(lingwu.parameters.get('orphanAllowance.scattered')).toBe(base.packs.get('cn-640181')!.parameters.get('orphanAllowance.scattered'));
    expect(reformed.programmes).toBe(base.programmes);
    expect(reformed.declarations).toBe(base.declarations);
    // The baseline is untouched.
    expect(value(base, 'cn-640181', 'dibao.standard.urban', '2024-07-01')).toBe('690');
  });

  it('applies whatever --known-at says: a reform is a hypothesis, not a notice with a date', () => {
    const reformed = applyReform(base, LINGWU);
    expect(toJson(resolveParameter(reformed, 'cn-640181', 'dibao.standard.urban', '2024-07-01', '2024-03-01').value)).toBe('750');
  });
});

describe('the compiled path under a reform', () => {
  // Every population jurisdiction-month changed: each standard raised by 55.5 from its month on.
  const everywhere = applyReform(base, {
    name: 'plus-55.5',
    changes: POPULATION_MONTHS.map(([jurisdiction, month]) => ({
      jurisdiction,
      parameter: 'dibao.standard.urban',
      from: `${month}-01`,
      until: `${month}-28`,
      value: (resolveParameter(base, jurisdiction, 'dibao.standard.urban', `${month}-01`).value as { plus(n: string): { toFixed(): string } }).plus('55.5').toFixed(),
    })),
  });

  it('gives the reference evaluator’s results, byte for byte', () => {
    const fast = compileEvaluator(everywhere, { trace: true });
    let changed = 0;
    for (const { household: input, month } of population(300, 7)) {
      const h = parseHousehold(input);
      let reference: string;
      try {
        reference = JSON.stringify(evaluateWith(h, { month, rulebook: everywhere }));
      } catch (error) {
        expect(() => fast.evaluateHousehold(h, month)).toThrow((error as Error).message);
        continue;
      }
      expect(JSON.stringify(fast.evaluateHousehold(h, month))).toBe(reference);
      if (reference !== JSON.stringify(evaluateWith(h, { month, rulebook: base }))) changed += 1;
    }
    expect(changed).toBeGreaterThan(100);
  });

  it('keeps its plans apart from the baseline’s: one evaluator each, whatever ran first', () => {
    const baseline = compileEvaluator(base);
    const reformed = compileEvaluator(applyReform(base, LINGWU));
    const h = parseHousehold(household);
    expect(baseline.evaluateHousehold(h, '2024-07').totalMonthlyAmount).toBe('1170.00');
    expect(reformed.evaluateHousehold(h, '2024-07').totalMonthlyAmount).toBe('1350.00');
    expect(baseline.evaluateHousehold(h, '2024-07').totalMonthlyAmount).toBe('1170.00');
  });
});
