/**
 * Curves of a Lingwu household (urban, July 2024: standard 690, marginal line 1.5 × 690 = 1035) of
 * two: a worker whose wages vary and a son with a grade-2 intellectual disability. What the rules
 * make of it, step by step:
 * - up to wages 1350 the household is on dibao and each yuan earned takes a yuan of dibao (rate 1);
 * - at 1400 its per-capita income (700) is no longer below 690: household dibao ends, and because the
 *   household is marginal the disabled son is enrolled alone (单人保) on the full 690 — dibao rises
 *   from 30 to 690 as wages rise (the notch of issue 14);
 * - at 2100 the per-capita income (1050) is no longer below the marginal line 1035: the son's
 *   single-person enrolment ends, and with it his disability living subsidy (paid to dibao and
 *   marginal households): 805 of benefits lost for 50 of wages, the household 755 worse off.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { benefitCurve, type CurveOptions } from '../../src/analysis/curve.js';
import { checkRange, rangeValues, withIncome } from '../../src/analysis/input.js';
import { evaluateWith, parseHousehold } from '../../src/evaluate.js';
import { bundledRulebook } from '../../src/load.js';
import { BenefitRulesError } from '../../src/errors.js';
import { Decimal } from '../../src/money.js';
import { programmeOf } from '../../src/programmes/result.js';

const household = JSON.parse(readFileSync(new URL('../../examples/curve-lingwu.json', import.meta.url), 'utf8')) as { members: { id: string }[] };
const rulebook = bundledRulebook();
const base: CurveOptions = { month: '2024-07', vary: 'worker.wages', from: '0', to: '3000', step: '50', rulebook };
const curve = benefitCurve(household, base);
const at = (value: string) => curve.points.find((p) => p.value === value)!;

function failure(options: Partial<CurveOptions>, input: unknown = household): BenefitRulesError {
  try {
    benefitCurve(input, { ...base, ...options });
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('expected the curve to be refused');
}

describe('a Lingwu household with a disabled member, wages 0 to 3000 in steps of 50', () => {
  it('has one point a step, each the evaluation of that household', () => {
    expect(curve.points).toHaveLength(61);
    expect(curve.vary).toEqual({ member: 'worker', type: 'wages', from: '0.00', to: '3000.00', step: '50.00' });
    expect(at('0.00')).toMatchObject({ income: '0.00', total: '1625.00', net: '1625.00', marginalRate: null });
    expect(at('0.00').programmes).toMatchObject({ dibao: '1380.00', 'disability-care-subsidy': '130.00', 'disability-living-subsidy': '115.00' });
    // The compiled sweep gives what the reference evaluator gives, point for point.
    for (const value of ['0', '1350', '1400', '2050', '2100', '3000']) {
      const varied = withIncome(parseHousehold(household), 'worker', 'wages', new Decimal(value));
      const reference = evaluateWith(varied, { month: '2024-07', rulebook, trace: false });
      const point = at(new Decimal(value).toFixed(2));
      expect(point.total).toBe(reference.totalMonthlyAmount);
      for (const [id, amount] of Object.entries(point.programmes)) expect(amount).toBe(programmeOf(reference, id)!.monthlyAmount);
    }
  });

  it('finds the notch at 1400: household dibao ends and the disabled son is enrolled alone, 30 → 690', () => {
    expect(at('1350.00').programmes.dibao).toBe('30.00');
    expect(at('1400.00').programmes.dibao).toBe('690.00');
    expect(curve.rises).toHaveLength(1);
    const [rise] = curve.rises;
    expect(rise).toMatchObject({ from: '1350.00', to: '1400.00', gained: '660.00', programme: 'dibao', rule: 'incomeBelowStandard' });
    expect(rise!.changes[0]!.reasons.after).toEqual(['incomeNotBelowStandard', 'marginal', 'singlePerson']);
  });

  it('finds the one cliff at 2100, named by dibao and the marginal line, the living subsidy with it', () => {
    expect(curve.cliffs).toHaveLength(1);
    const [cliff] = curve.cliffs;
    expect(cliff).toMatchObject({ from: '2050.00', to: '2100.00', lost: '755.00', benefitsLost: '805.00', programme: 'dibao', rule: 'marginal' });
    expect(cliff!.description?.en).toMatch(/^Marginal household/);
    expect(cliff!.changes.map((c) => [c.programme, c.before, c.after, c.rule, c.member])).toEqual([
      ['dibao', '690.00', '0.00', 'marginal', undefined],
      ['disability-living-subsidy', '115.00', '0.00', 'inDibaoOrMarginalHousehold', 'son'],
    ]);
    expect(cliff!.changes[0]!.flips).toEqual([
      { id: 'marginal', before: true, after: false },
      { id: 'singlePerson', member: 'son', before: true, after: false },
    ]);
    // Net falls exactly there and nowhere else.
    const falls = curve.points.flatMap((p, i) => (i > 0 && new Decimal(p.net).lessThan(curve.points[i - 1]!.net) ? [p.value] : []));
    expect(falls).toEqual(['2100.00']);
  });

  it('gives exact marginal rates: 1 while dibao tapers, −13.2 at the notch, 16.1 at the cliff, 0 elsewhere', () => {
    const rates = new Map(curve.points.map((p) => [p.value, p.marginalRate]));
    for (let w = 50; w <= 1350; w += 50) expect(rates.get(`${w}.00`)).toBe('1');
    expect(rates.get('1400.00')).toBe('-13.2');
    expect(rates.get('1450.00')).toBe('0');
    expect(rates.get('2100.00')).toBe('16.1');
    expect(rates.get('3000.00')).toBe('0');
  });

  it('rounds a rate that does not end to 12 places (a step of 30 across the cliff)', () => {
    const thirty = benefitCurve(household, { ...base, from: '2040', to: '2100', step: '30' });
    // 2040 → 2070: per capita 1035 is not below the marginal line; 805 lost for 30 earned: 1 − (30 − 805) / 30.
    expect(thirty.points.map((p) => [p.value, p.marginalRate])).toEqual([
      ['2040.00', null],
      ['2070.00', '26.833333333333'],
      ['2100.00', '0'],
    ]);
  });

  it('leaves programmes not known this month null, names them, and never counts them as zero', () => {
    // The price-linked subsidy's trigger is not configured for Lingwu: while the household is on
    // dibao it is not known; off dibao nobody is a candidate, so it is 0.
    expect(at('2050.00').programmes['price-subsidy']).toBeNull();
    expect(at('2100.00').programmes['price-subsidy']).toBe('0.00');
    expect(at('2050.00').partial).toBe(true);
    expect(at('2100.00').partial).toBe(false);
    expect(curve.unknown).toEqual([
      { programme: 'dibao-category-supplement', statuses: ['not-in-force'], points: 42 },
      { programme: 'price-subsidy', statuses: ['not-configured'], points: 42 },
    ]);
    // The cliff compares only what is known at both ends, and says what it left out.
    expect(curve.cliffs[0]!.unknown).toEqual(['dibao-category-supplement', 'price-subsidy']);
  });

  it('ends on `to` when the steps do not land on it, the last step shorter', () => {
    const short = benefitCurve(household, { ...base, from: '0', to: '120', step: '50' });
    expect(short.points.map((p) => p.value)).toEqual(['0.00', '50.00', '100.00', '120.00']);
    expect(short.points[3]!.marginalRate).toBe('1');
  });

  it('draws a second rulebook beside the baseline', () => {
    const both = benefitCurve(household, { ...base, to: '200', reform: { rulebook, name: 'same rules' } });
    expect(both.reform?.name).toBe('same rules');
    expect(both.reform?.points).toEqual(both.points);
    expect(both.reform?.cliffs).toEqual(both.cliffs);
  });
});

describe("issue 14's notch: a household of three, wages in steps of 100", () => {
  const three = {
    id: 'issue-14-notch',
    jurisdiction: 'cn-640181',
    residence: 'urban',
    members: [
      { id: 'worker', birthDate: '1985-03-01', relation: 'head', incomes: [{ type: 'wages', monthly: '0' }] },
      { id: 'spouse', birthDate: '1986-03-01', relation: 'spouse' },
      { id: 'son', birthDate: '2008-06-01', relation: 'child', schooling: 'seniorSecondary', disability: { category: 'intellectual', grade: 2 } },
    ],
  };
  const c = benefitCurve(three, { ...base, from: '1900', to: '3200', step: '100' });

  it('goes from 70 to 690 at 2100 (per capita 700 > 690: the son alone), and falls off at 3200 (1066.67 > 1035)', () => {
    expect(c.points.map((p) => p.programmes.dibao).slice(0, 3)).toEqual(['170.00', '70.00', '690.00']);
    expect(c.rises.map((r) => [r.from, r.to, r.gained, r.rule])).toEqual([['2000.00', '2100.00', '620.00', 'incomeBelowStandard']]);
    expect(c.cliffs.map((r) => [r.from, r.to, r.lost, r.benefitsLost, r.rule])).toEqual([['3100.00', '3200.00', '705.00', '805.00', 'marginal']]);
    expect(c.points.find((p) => p.value === '2100.00')!.marginalRate).toBe('-6.2');
  });
});

describe('the varied income', () => {
  it('replaces every line of that type of that member by one, leaving the others', () => {
    const h = parseHousehold({
      id: 'h',
      jurisdiction: 'cn-640181',
      residence: 'urban',
      members: [
        {
          id: 'a',
          birthDate: '1980-01-01',
          relation: 'head',
          incomes: [
            { type: 'pension', monthly: '10' },
            { type: 'wages', monthly: '100' },
            { type: 'wages', monthly: '200' },
          ],
        },
        { id: 'b', birthDate: '1980-01-01', relation: 'spouse', incomes: [{ type: 'wages', monthly: '300' }] },
      ],
    });
    const varied = withIncome(h, 'a', 'wages', new Decimal('250'));
    expect(varied.members[0]!.incomes).toEqual([
      { type: 'pension', monthly: '10' },
      { type: 'wages', monthly: '250.00' },
    ]);
    expect(varied.members[1]).toBe(h.members[1]);
    expect(h.members[0]!.incomes).toHaveLength(3);
    // The household's income on the curve counts every line, the varied one included.
    const c = benefitCurve(h, { ...base, vary: 'a.wages', from: '0', to: '0', step: '1' });
    expect(c.points[0]!.income).toBe('310.00');
  });

  it('may be of a type the member does not have yet', () => {
    const c = benefitCurve(household, { ...base, vary: 'son.auxiliaryEmploymentDisabled', from: '0', to: '100', step: '100' });
    expect(c.points).toHaveLength(2);
  });
});

describe('a curve refused before it runs', () => {
  it('names a member the household does not have, and the income types when one is misspelt', () => {
    const error = failure({ vary: 'nobody.wage' });
    expect(error.code).toBe('invalid-option');
    expect(error.details).toEqual([
      { path: 'options.vary', expected: 'expected the id of a member of the household: worker, son', found: '"nobody"' },
      { path: 'options.vary', expected: expect.stringContaining('(did you mean "wages"?)'), found: '"wage"' },
    ]);
    expect(failure({ vary: 'wages' }).details[0]).toMatchObject({ path: 'options.vary', expected: 'expected <member id>.<income type>, such as "a.wages"' });
  });

  it('refuses a range that is not money, runs backwards or has no step', () => {
    expect(failure({ from: '1e3' }).details).toEqual([{ path: 'options.from', expected: expect.stringContaining('≥ 0 with at most two decimals'), found: '"1e3"' }]);
    expect(failure({ step: '0' }).details).toEqual([{ path: 'options.step', expected: 'expected a step above 0', found: '0' }]);
    expect(failure({ step: '-5' }).details[0]).toMatchObject({ path: 'options.step', found: '"-5"' });
    expect(failure({ from: '3000', to: '0' }).details).toEqual([{ path: 'options.to', expected: 'expected an amount not below from (3000)', found: '0' }]);
    expect(failure({ from: '0.001' }).details[0]!.path).toBe('options.from');
  });

  it('refuses more than 10,001 points and says which step would do', () => {
    const error = failure({ from: '0', to: '10001', step: '1' });
    expect(error.details).toEqual([{ path: 'options.step', expected: 'expected at most 10001 points: a step of at least 1.01', found: '1, 10002 points' }]);
    // 10,001 points exactly are allowed (checked without evaluating them).
    expect(checkRange(parseHousehold(household), { vary: 'worker.wages', from: '0', to: '10000', step: '1' }).values).toHaveLength(10_001);
  });

  it('refuses a bad household with its JSON paths, and a bad month as evaluate does', () => {
    expect(failure({}, { ...household, members: [] }).details[0]).toMatchObject({ path: '$.members' });
    expect(failure({ month: '2024-13' }).details[0]).toMatchObject({ path: 'options.month' });
  });

  it('names the options as the CLI writes them when asked to', () => {
    const error = failure({ vary: 'x.wages', naming: ([field]) => `--${String(field)}` });
    expect(error.details[0]!.path).toBe('--vary');
  });
});

describe('rangeValues', () => {
  it('steps exactly in decimals (no float drift over many steps of 0.1)', () => {
    const values = rangeValues(new Decimal('0'), new Decimal('1'), new Decimal('0.1'));
    expect(values.map((v) => v.toFixed())).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1']);
  });
});
