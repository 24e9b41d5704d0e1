import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateWith } from '../../src/evaluate.js';
import { Decimal } from '../../src/money.js';
import { household } from '../support/arbitraries.js';
import { testRulebook } from '../support/rulebook.js';
import type { HouseholdInput } from '../../src/schemas/household.js';

const rulebook = testRulebook();
const run = (input: HouseholdInput, month: string) => evaluateWith(input, { month, rulebook });
/** The amount, or null when it is not known (undetermined, not configured): never read as a zero. */
const amount = (input: HouseholdInput, month: string) => {
  const paid = run(input, month).programmes.dibao.monthlyAmount;
  return paid === null ? null : new Decimal(paid);
};
const UNKNOWN_STATUSES = ['undetermined', 'not-configured', 'not-in-force'];

/** Adds an income line of the household as a whole, which is always counted unless exempt. */
function withIncome(input: HouseholdInput, type: string, monthly: string): HouseholdInput {
  return { ...input, incomes: [...(input.incomes ?? []), { type: type as never, monthly }] };
}

describe('dibao properties', () => {
  it('amounts are never negative and always have two decimals', () => {
    fc.assert(
      fc.property(household({ withHistory: true }), ({ household: input, month }) => {
        const result = run(input, month);
        const dibao = result.programmes.dibao;
        if (dibao.monthlyAmount === null) expect(UNKNOWN_STATUSES).toContain(dibao.status);
        else expect(dibao.monthlyAmount).toMatch(/^\d+\.\d{2}$/);
        expect(result.totalMonthlyAmount).toMatch(/^\d+\.\d{2}$/);
        expect(new Decimal(result.totalMonthlyAmount).isNegative()).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('more countable income never raises the amount (no history, no one-person candidates)', () => {
    fc.assert(
      fc.property(household({ noSinglePersonTraits: true }), fc.integer({ min: 1, max: 200_000 }), ({ household: input, month }, fen) => {
        const before = amount(input, month);
        const after = amount(withIncome(input, 'business', (fen / 100).toFixed(2)), month);
        // An amount not known on either side is not compared: it is neither a raise nor a cut.
        if (before !== null && after !== null) expect(after.lessThanOrEqualTo(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('exempt income never changes the result', () => {
    // From 2021-07 the national list exempts these; the Chongqing and Lingwu months are after it.
    fc.assert(
      fc.property(
        household({ withHistory: true }).filter(({ month }) => month >= '2021-07'),
        fc.constantFrom('veteransBenefits', 'familyPlanningAwards', 'scholarshipsAwards', 'socialAssistance'),
        fc.integer({ min: 1, max: 500_000 }),
        ({ household: input, month }, type, fen) => {
          const strip = (r: ReturnType<typeof run>) => ({ ...r.programmes.dibao, trace: undefined });
          expect(strip(run(withIncome(input, type, (fen / 100).toFixed(2)), month))).toEqual(strip(run(withIncome(input, type, '0'), month)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    fc.assert(
      fc.property(household({ withHistory: true }), ({ household: input, month }) => {
        const first = JSON.stringify(evaluateWith(input, { month, rulebook, lang: 'zh' }));
        const second = JSON.stringify(evaluateWith(structuredClone(input), { month, rulebook, lang: 'zh' }));
        expect(second).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('the total is the sum of the programme amounts', () => {
    fc.assert(
      fc.property(household({ withHistory: true }), ({ household: input, month }) => {
        const result = run(input, month);
        const sum = Object.values(result.programmes).reduce((acc, p) => acc.plus(p.monthlyAmount ?? 0), new Decimal(0));
        expect(sum.toFixed(2)).toBe(result.totalMonthlyAmount);
      }),
      { numRuns: 100 },
    );
  });
});
