/**
 * What one member's unknown does (issue 11, items 1, 2 and 5): it leaves that member's line
 * undecided, with null amounts and what is unknown named, and nobody else's; the household total
 * is what is known, and says what it leaves out.
 */
import { programmeOf } from '../../src/programmes/result.js';
import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { prepared } from '../../src/programmes/declared/prepare.js';
import type { HouseholdInput } from '../../src/schemas/household.js';
import { testRulebook } from '../support/rulebook.js';
import { csvLayout, formatRecord } from '../../src/batch/records.js';
import { parse } from 'csv-parse/sync';

const rulebook = testRulebook();
const run = (household: HouseholdInput, month: string, lang?: 'zh' | 'en') => evaluateWith(household, { month, rulebook, trace: false, ...(lang ? { lang } : {}) });
const lines = (result: ReturnType<typeof run>, programme: string) => programmeOf(result, programme)?.members ?? [];

/** Ningxia, 2021-12: every figure known but the de-facto child's rate (null 2020-01..2021-12). */
const ningxia: HouseholdInput = {
  id: 'nx-2021-12',
  jurisdiction: 'cn-640000',
  residence: 'urban',
  members: [
    { id: 'grandfather', birthDate: '1955-04-01', relation: 'head', disability: { category: 'physical', grade: 2 } },
    {
      id: 'orphan',
      birthDate: '2011-06-01',
      relation: 'grandchild',
      schooling: 'compulsory',
      disability: { category: 'mental', grade: 3 },
      child: { status: 'orphan', care: 'scattered' },
    },
    { id: 'defacto', birthDate: '2014-09-01', relation: 'grandchild', schooling: 'compulsory', child: { status: 'deFactoUnsupported', care: 'scattered' } },
  ],
};

describe('a figure not configured for one member', () => {
  it('suspends only that member: the Ningxia household is paid its 2967.00 known parts, the de-facto line is null', () => {
    const result = run(ningxia, '2021-12');
    const orphan = result.programmes['orphan-allowance'];
    expect(orphan?.status).toBe('partly-configured');
    expect(orphan?.monthlyAmount).toBe('937.00');
    expect(lines(result, 'orphan-allowance')).toEqual([
      { member: 'orphan', entitled: '937.00', paid: '937.00', reasons: ['eligible'] },
      { member: 'defacto', entitled: null, paid: null, reasons: ['notConfigured'], status: 'not-configured', notConfigured: ['orphanAllowance.deFacto'] },
    ]);
    expect(orphan?.unknownMembers).toEqual([{ member: 'defacto', status: 'not-configured', notConfigured: ['orphanAllowance.deFacto'] }]);
    // The grandfather keeps his living subsidy although a grandchild's orphan rate is unknown.
    expect(result.programmes['disability-living-subsidy']?.monthlyAmount).toBe('110.00');
    expect(result.programmes['disability-care-subsidy']?.monthlyAmount).toBe('120.00');
    expect(result.totalMonthlyAmount).toBe('2967.00');
    expect(result.totalIsPartial).toBe(true);
    // Chongqing's category supplements (分类施保) have no Ningxia figures in any pack: not in force, so
    // unknown for the three dibao members, and left out of the total rather than counted as zero.
    expect(result.unknown).toEqual([
      { programme: 'dibao-category-supplement', status: 'not-in-force', members: ['grandfather', 'orphan', 'defacto'] },
      { programme: 'orphan-allowance', status: 'partly-configured', members: ['defacto'] },
      // Whether Ningxia's price-linked subsidy was triggered for 2021-12 is in no source read.
      { programme: 'price-subsidy', status: 'not-configured', members: ['grandfather', 'orphan', 'defacto'] },
    ]);
  });

  it('gives the same bytes on the compiled path, trace included', () => {
    const fast = compileEvaluator(rulebook, { trace: true });
    expect(JSON.stringify(fast.evaluate(ningxia, '2021-12'))).toBe(JSON.stringify(evaluateWith(ningxia, { month: '2021-12', rulebook })));
  });

  it('says in the explanation that the total is partial and which line is not configured', () => {
    const en = run(ningxia, '2021-12', 'en').explanation ?? [];
    expect(en).toContain('Total this month: 2967.00 yuan a month');
    expect(en).toContain(
      '  the total is partial (known amounts only); unknown: dibao-category-supplement (grandfather, orphan, defacto); orphan-allowance (defacto); price-subsidy (grandfather, orphan, defacto)',
    );
    expect(en.some((l) => l.includes('member defacto: entitled unknown, paid unknown') && l.includes('not configured: orphanAllowance.deFacto'))).toBe(true);
    const zh = run(ningxia, '2021-12', 'zh').explanation ?? [];
    expect(zh).toContain(
      '  合计不完整（仅含已知金额），未知部分: dibao-category-supplement (grandfather, orphan, defacto)；orphan-allowance (defacto)；price-subsidy (grandfather, orphan, defacto)',
    );
  });

  it('a complete household has a total that is not partial and nothing unknown', () => {
    // Suqian 2019-09: two working-age adults on dibao; the price subsidy was triggered (CPI 3.2 %).
    const suqian: HouseholdInput = {
      id: 'sq-2019-09',
      jurisdiction: 'cn-321300',
      residence: 'urban',
      members: [
        { id: 'a', birthDate: '1968-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: '300' }] },
        { id: 'b', birthDate: '1970-01-01', relation: 'spouse' },
      ],
    };
    const result = run(suqian, '2019-09');
    expect([result.totalIsPartial, result.unknown, result.programmes['price-subsidy']?.status]).toEqual([false, [], 'paid']);
  });
});

describe('dibao not configured (household scope)', () => {
  // Chongqing 2023-01: the dibao standard is null. The living subsidy reads dibao's facts only for
  // members whose grade qualifies; the grade-4 member's line is decided without them.
  const household: HouseholdInput = {
    id: 'cq-2023-01',
    jurisdiction: 'cn-500000',
    residence: 'urban',
    members: [
      { id: 'a', birthDate: '1960-01-01', relation: 'head', disability: { category: 'physical', grade: 1 } },
      { id: 'b', birthDate: '1962-01-01', relation: 'spouse' },
    ],
  };

  it('stays household-wide for dibao, null amount; a member programme reading dibao is not configured for the members it reads it for', () => {
    const result = run(household, '2023-01');
    expect([result.programmes.dibao.status, result.programmes.dibao.monthlyAmount]).toEqual(['not-configured', null]);
    const living = result.programmes['disability-living-subsidy'];
    expect(lines(result, 'disability-living-subsidy')).toEqual([
      { member: 'a', entitled: null, paid: null, reasons: ['notConfigured'], status: 'not-configured', notConfigured: ['dibao'] },
    ]);
    expect([living?.status, living?.monthlyAmount, living?.entitledAmount]).toEqual(['not-configured', null, null]);
    expect(result.unknown.map((u) => u.programme)).toEqual(expect.arrayContaining(['dibao', 'disability-living-subsidy']));
    expect(result.totalIsPartial).toBe(true);
  });
});

describe('a household fact the amount needs and the caller left out', () => {
  // test-allowance-standard pays the care subsidy by self-care level.
  const base = { id: 'sc', jurisdiction: 'test-allowance-standard', residence: 'urban' as const };
  const disabled = (id: string, selfCare?: 'fullyLost' | 'partlyLost' | 'full') => ({
    id,
    birthDate: '1960-01-01',
    relation: id === 'a' ? ('head' as const) : ('spouse' as const),
    disability: { category: 'physical' as const, grade: 1 as const },
    ...(selfCare ? { selfCare } : {}),
  });

  it('is a missing fact with its JSON path, never ineligible, never a decided zero', () => {
    const result = run({ ...base, members: [disabled('a', 'fullyLost'), disabled('b')] }, '2024-05');
    const care = result.programmes['disability-care-subsidy'];
    const [paid, missing] = lines(result, 'disability-care-subsidy');
    expect(paid?.paid).not.toBeNull();
    expect(missing).toEqual({
      member: 'b',
      entitled: null,
      paid: null,
      reasons: ['missingFact'],
      status: 'missing-facts',
      missingFacts: [{ path: '$.members[1].selfCare', fact: 'selfCare' }],
    });
    expect(care?.status).toBe('missing-facts');
    expect(care?.monthlyAmount).toBe(paid?.paid);
    expect(care?.missingFacts).toEqual([{ member: 'b', path: '$.members[1].selfCare', fact: 'selfCare' }]);
    expect(result.totalIsPartial).toBe(true);
    expect(result.unknown).toContainEqual({ programme: 'disability-care-subsidy', status: 'missing-facts', members: ['b'] });
  });

  it('an orphan with no child.care: the orphan line misses the fact, and the living subsidy it would exclude is not paid as if it did not', () => {
    const household: HouseholdInput = {
      id: 'nx-orphan',
      jurisdiction: 'cn-640000',
      residence: 'urban',
      members: [
        { id: 'gm', birthDate: '1950-01-01', relation: 'head' },
        { id: 'gc', birthDate: '2012-01-01', relation: 'grandchild', schooling: 'compulsory', disability: { category: 'physical', grade: 2 }, child: { status: 'orphan' } },
      ],
    };
    const result = run(household, '2021-12');
    expect(lines(result, 'orphan-allowance')).toEqual([
      { member: 'gc', entitled: null, paid: null, reasons: ['missingFact'], status: 'missing-facts', missingFacts: [{ path: '$.members[1].child.care', fact: 'childCare' }] },
    ]);
    expect(result.programmes['orphan-allowance']?.monthlyAmount).toBeNull();
    // Before: the orphan line was a decided 0.00, and the living subsidy paid 110 to an orphan.
    const [living] = lines(result, 'disability-living-subsidy');
    expect([living?.entitled, living?.paid, living?.status, living?.notConfigured]).toEqual(['110.00', null, 'not-configured', ['orphan-allowance']]);
  });

  it('each programme knows the member facts its conditions and amount read', () => {
    const inputs = (programme: string) => prepared(rulebook, rulebook.programmes.get(programme) as never).memberInputs;
    expect(inputs('disability-care-subsidy')).toEqual(expect.arrayContaining(['selfCare', 'disabilityGrade', 'disabilityCategory']));
    expect(inputs('orphan-allowance')).toEqual(expect.arrayContaining(['childStatus', 'childCare']));
    expect(inputs('orphan-allowance')).not.toContain('selfCare');
  });
});

describe('a batch written as CSV', () => {
  it('leaves an amount that is not known empty (never 0.00) and says the total is partial', () => {
    const layout = csvLayout(rulebook);
    const row = (household: HouseholdInput, month: string) => {
      const text = formatRecord({ line: 1, ok: true, result: run(household, month) }, 'csv', layout);
      const [cells] = parse(text) as string[][];
      return Object.fromEntries(layout.header.map((name, i) => [name, cells?.[i]]));
    };
    const chongqing: HouseholdInput = { id: 'cq', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] };
    const unknown = row(chongqing, '2023-01');
    expect([unknown['dibao_status'], unknown['dibao_monthly_amount'], unknown['total_monthly_amount'], unknown['total_is_partial']]).toEqual([
      'not-configured',
      '',
      '0.00',
      'true',
    ]);
    const known = row(ningxia, '2021-12');
    expect([known['orphan_allowance_status'], known['orphan_allowance_monthly_amount'], known['total_is_partial']]).toEqual(['partly-configured', '937.00', 'true']);
    // Suqian 2019-09: dibao and the price subsidy (triggered, CPI 3.2 %) are both known.
    const suqian: HouseholdInput = { id: 'sq', jurisdiction: 'cn-321300', residence: 'urban', members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] };
    expect(row(suqian, '2019-09')['total_is_partial']).toBe('false');
  });
});
