import { describe, expect, it } from 'vitest';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { BenefitRulesError } from '../../src/errors.js';
import { addToMonth, firstDayOf } from '../../src/dates.js';
import { bundledRulebook } from '../../src/load.js';
import { INCOME_TYPE_IDS } from '../../src/schemas/income.js';

const rulebook = bundledRulebook();
const resolve = (pack: string, id: string, day: string, knownAt?: string) => resolveParameter(rulebook, pack, id, day, knownAt);

describe('resolving dated parameters', () => {
  it('takes the child value where it covers the day, the parent value elsewhere', () => {
    expect(resolve('cn-420113', 'dibao.standard.rural', '2020-05-01')).toMatchObject({
      value: expect.anything(),
      jurisdiction: 'cn-420113',
      from: '2020-04-01',
      until: '2020-12-31',
    });
    expect(resolve('cn-420113', 'dibao.standard.rural', '2020-03-01')).toMatchObject({ jurisdiction: 'cn-420100', from: '2020-01-01', until: '2020-03-31' });
    expect(resolve('cn-420113', 'dibao.standard.rural', '2022-05-01').jurisdiction).toBe('cn-420100');
  });

  it('cites the sources of the value', () => {
    const resolved = resolve('cn-640181', 'dibao.standard.urban', '2024-05-01');
    expect(resolved.sources.map((s) => s.id)).toEqual(['nx-2024-12', 'lingwu-2024-plan']);
    expect(resolved.sources[1]).toMatchObject({ seed: '002_28b6fd75bf4b34bb.txt', issued: '2024-03-25' });
  });

  it('sees the rules as known on a date: a retroactive raise is invisible before its announcement', () => {
    expect(String(resolve('cn-500000', 'dibao.standard.urban', '2018-03-01').value)).toBe('546');
    expect(String(resolve('cn-500000', 'dibao.standard.urban', '2018-03-01', '2018-06-01').value)).toBe('500');
    expect(String(resolve('cn-500000', 'dibao.standard.urban', '2018-03-01', '2018-08-28').value)).toBe('546');
  });

  it('says clearly when no value covers the day', () => {
    expect(() => resolve('cn-420100', 'dibao.standard.urban', '2014-06-01')).toThrowError(BenefitRulesError);
    expect(() => resolve('cn-420100', 'dibao.standard.urban', '2014-06-01')).toThrow(/No value of dibao.standard.urban covers 2014-06-01 for cn-420100/);
    expect(() => resolve('cn-nowhere', 'dibao.standard.urban', '2024-01-01')).toThrow(/No pack "cn-nowhere"/);
  });
});

/** Catala-style sweep: every month of every pack, so gaps and changes are seen, not guessed. */
function sweep(stateOf: (day: string) => string): string[] {
  const spans: string[] = [];
  let current: { state: string; start: string; end: string } | undefined;
  for (let month = '2015-01'; month <= '2026-12'; month = addToMonth(month, 1)) {
    const state = stateOf(firstDayOf(month));
    if (current && current.state === state) current.end = month;
    else {
      if (current) spans.push(`${current.start}..${current.end} ${current.state}`);
      current = { state, start: month, end: month };
    }
  }
  if (current) spans.push(`${current.start}..${current.end} ${current.state}`);
  return spans;
}

/** A parameter's value, null, or undefined where no pack on the chain covers the day. */
function valueOn(pack: string, id: string, day: string): unknown {
  try {
    return resolve(pack, id, day).value;
  } catch (error) {
    if (!(error instanceof BenefitRulesError)) throw error;
    return undefined;
  }
}

function coverage(pack: string, id: string): string[] {
  return sweep((day) => {
    const value = valueOn(pack, id, day);
    return value === undefined ? 'not covered' : value === null ? 'not configured' : String(value);
  });
}

/** How dibao treats an income type on a day, read as src/programmes/dibao/income.ts reads the two
 * lists: exempt, not configured (the decision may turn on it) or counted. */
function treatment(pack: string, type: string, day: string): string {
  const exempt = valueOn(pack, 'dibao.income.exempt', day) as string[] | null | undefined;
  const open = valueOn(pack, 'dibao.income.exemptNotConfigured', day) as string[] | null | undefined;
  if (exempt?.includes(type)) return 'exempt';
  return exempt === null || open === null || open?.includes(type) ? 'not configured' : 'counted';
}

describe('date sweep of the bundled standards, 2015–2026', () => {
  it('Wuhan urban', () => {
    expect(coverage('cn-420100', 'dibao.standard.urban')).toEqual([
      '2015-01..2016-07 580',
      '2016-08..2017-04 600',
      '2017-05..2017-12 670',
      '2018-01..2019-12 not configured',
      '2020-01..2020-03 780',
      '2020-04..2020-12 830',
      '2021-01..2021-12 not configured',
      '2022-01..2022-03 870',
      '2022-04..2023-03 910',
      '2023-04..2023-12 940',
      '2024-01..2026-12 not covered',
    ]);
  });

  it('Hannan rural falls back to Wuhan outside 2020-04..2020-12', () => {
    expect(coverage('cn-420113', 'dibao.standard.rural')).toEqual([
      '2015-01..2015-12 not configured',
      '2016-01..2016-07 320',
      '2016-08..2017-04 360',
      '2017-05..2017-12 500',
      '2018-01..2019-12 not configured',
      '2020-01..2020-03 635',
      '2020-04..2020-12 830',
      '2021-01..2021-12 not configured',
      '2022-01..2022-03 730',
      '2022-04..2023-03 780',
      '2023-04..2023-12 820',
      '2024-01..2026-12 not covered',
    ]);
  });

  it('Chongqing urban (Yubei applies it)', () => {
    const expected = [
      '2015-01..2017-03 not covered',
      '2017-04..2017-12 500',
      '2018-01..2018-12 546',
      '2019-01..2019-12 not configured',
      '2020-01..2020-08 580',
      '2020-09..2021-08 620',
      '2021-09..2022-08 636',
      '2022-09..2022-12 717',
      '2023-01..2023-12 not configured',
      '2024-01..2024-08 735',
      '2024-09..2025-06 750',
      '2025-07..2025-12 770',
      '2026-01..2026-12 not covered',
    ];
    expect(coverage('cn-500000', 'dibao.standard.urban')).toEqual(expected);
    expect(coverage('cn-500112', 'dibao.standard.urban')).toEqual(expected);
  });

  it('Lingwu urban and rural', () => {
    expect(coverage('cn-640181', 'dibao.standard.urban')).toEqual([
      '2015-01..2015-03 not covered',
      '2015-04..2016-03 380',
      '2016-04..2016-12 440',
      '2017-01..2019-12 not covered',
      '2020-01..2021-12 600',
      '2022-01..2022-12 not configured',
      '2023-01..2023-12 650',
      '2024-01..2025-12 690',
      '2026-01..2026-12 not configured',
    ]);
    expect(coverage('cn-640181', 'dibao.standard.rural')).toEqual([
      '2015-01..2015-03 not covered',
      '2015-04..2016-03 200',
      '2016-04..2016-12 262.5',
      '2017-01..2019-12 not covered',
      '2020-01..2021-12 380',
      '2022-01..2022-12 not configured',
      '2023-01..2023-12 460',
      '2024-01..2025-12 510',
      '2026-01..2026-12 not configured',
    ]);
  });

  it('Suyu', () => {
    expect(coverage('cn-321311', 'dibao.standard.urban')).toEqual([
      '2015-01..2015-12 not covered',
      '2016-01..2016-12 490',
      '2017-01..2019-08 not covered',
      // Inferred from the price subsidy paid for those months (43.33 = 520 / 12).
      '2019-09..2019-10 520',
      '2019-11..2020-03 not covered',
      '2020-04..2020-12 610',
      '2021-01..2026-12 not covered',
    ]);
  });
});

describe('date sweep of rules other than the standards', () => {
  it('clergy living apart 3 years are excluded from 民发〔2012〕220号 (2012-12-12) on', () => {
    expect(() => resolve('cn', 'dibao.membership.clergyYearsApart', '2012-12-11')).toThrowError(BenefitRulesError);
    expect(resolve('cn', 'dibao.membership.clergyYearsApart', '2012-12-12')).toMatchObject({ value: 3, from: '2012-12-12', until: '2021-06-30' });
    expect(coverage('cn-500000', 'dibao.membership.clergyYearsApart')).toEqual(['2015-01..2026-12 3']);
  });

  it("the residents' basic pension exemption is not configured from 民发〔2012〕220号 to 民发〔2021〕57号, like the other four", () => {
    for (const id of ['veteransBenefits', 'familyPlanningAwards', 'scholarshipsAwards', 'socialAssistance', 'residentsBasicPension']) {
      // No rule in force before 民发〔2012〕220号 (counted, nothing undetermined); not configured under it, which lists no exemption.
      expect(valueOn('cn', 'dibao.income.exempt', '2012-12-11'), id).toBeUndefined();
      expect(treatment('cn', id, '2012-12-11'), id).toBe('counted');
      expect(treatment('cn', id, '2012-12-12'), id).toBe('not configured');
      expect(treatment('cn', id, '2014-04-30'), id).toBe('not configured');
      expect(sweep((day) => treatment('cn', id, day))[0], id).toBe('2015-01..2021-06 not configured');
    }
    expect(sweep((day) => treatment('cn', 'residentsBasicPension', day))).toEqual([
      '2015-01..2021-06 not configured',
      '2021-07..2025-12 exempt',
      '2026-01..2026-12 not configured',
    ]);
    expect(sweep((day) => treatment('cn', 'disabilityLivingSubsidy', day))).toEqual(['2015-01..2015-12 counted', '2016-01..2026-12 exempt']);
    expect(sweep((day) => treatment('cn', 'orphanAllowance', day))).toEqual(['2015-01..2019-12 not configured', '2020-01..2026-12 exempt']);
    expect(treatment('cn', 'orphanAllowance', '2011-01-01')).toBe('not configured');
    expect(sweep((day) => treatment('cn', 'wages', day))).toEqual(['2015-01..2026-12 counted']);
  });

  it("Suyu: the first-half-2020 extensions not configured until the seed's own date, the marginal line until the national notice", () => {
    expect(coverage('cn-321311', 'dibao.singlePerson.intellectualMentalGrades')).toEqual([
      '2015-01..2019-12 not covered',
      '2020-01..2020-06 not configured',
      '2020-07..2026-12 1,2,3',
    ]);
    expect(sweep((day) => treatment('cn-321311', 'auxiliaryEmploymentDisabled', day))).toEqual([
      '2015-01..2019-12 counted',
      '2020-01..2020-06 not configured',
      '2020-07..2026-12 exempt',
    ]);
    // The list restates the national one (set whole, docs/decisions/0028): every other type is treated as nationally.
    for (const type of INCOME_TYPE_IDS.filter((t) => t !== 'auxiliaryEmploymentDisabled'))
      expect(
        sweep((day) => treatment('cn-321311', type, day)),
        type,
      ).toEqual(sweep((day) => treatment('cn', type, day)));
    expect(coverage('cn-321311', 'dibao.marginal.incomeMultiple')).toEqual(['2015-01..2019-12 not covered', '2020-01..2020-07 not configured', '2020-08..2026-12 1.5']);
    expect(resolve('cn-321311', 'dibao.marginal.incomeMultiple', '2020-07-30')).toMatchObject({ jurisdiction: 'cn', from: '2020-07-30' });
  });
});
