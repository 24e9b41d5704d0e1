/**
 * Properties of the three member programmes (disability living subsidy, disability care subsidy,
 * orphan allowance) and their interactions with dibao and with each other, on random households
 * in months where the packs configure them. A household whose month has no dibao standard is an
 * error by dibao's own rule (standard: whenNotConfigured "error"); such draws are discarded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateWith, type EvaluationResult } from '../../src/evaluate.js';
import { evaluateBatch } from '../../src/batch/api.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { Decimal } from '../../src/money.js';
import { allowanceHousehold, allowanceWhere } from '../support/arbitraries.js';
import { testRulebook } from '../support/rulebook.js';
import type { HouseholdInput } from '../../src/schemas/household.js';

const rulebook = testRulebook();
const MONEY = /^\d+\.\d{2}$/;
const MEMBER_PROGRAMMES = ['disability-living-subsidy', 'disability-care-subsidy', 'orphan-allowance'];
const RUNS = { numRuns: 300 };

/** The result, or undefined when dibao's standard is missing that month (dibao's rule: an error). */
function run(input: HouseholdInput, month: string, trace = false): EvaluationResult | undefined {
  try {
    return evaluateWith(input, { month, rulebook, trace });
  } catch (error) {
    if (isBenefitRulesError(error) && error.details.every((d) => d.path.startsWith('dibao.'))) return undefined;
    throw error;
  }
}

function evaluated(input: HouseholdInput, month: string, trace = false): EvaluationResult {
  const result = run(input, month, trace);
  fc.pre(result !== undefined);
  return result as EvaluationResult;
}

describe('allowance properties', () => {
  it('no programme pays a negative amount, and every amount is yuan with two decimals', () => {
    fc.assert(
      fc.property(allowanceHousehold(), ({ household, month }) => {
        const result = evaluated(household, month);
        expect(result.totalMonthlyAmount).toMatch(MONEY);
        for (const [id, programme] of Object.entries(result.programmes)) {
          expect(programme.monthlyAmount, id).toMatch(MONEY);
          if (programme.entitledAmount !== undefined) expect(programme.entitledAmount, id).toMatch(MONEY);
          for (const line of programme.members ?? []) {
            expect(line.entitled, `${id} ${line.member}`).toMatch(MONEY);
            expect(line.paid, `${id} ${line.member}`).toMatch(MONEY);
          }
        }
      }),
      RUNS,
    );
  });

  it('the total is the sum of what each programme pays; a member programme pays the sum of its members, never more than entitled', () => {
    fc.assert(
      fc.property(allowanceHousehold(), ({ household, month }) => {
        const result = evaluated(household, month);
        let total = new Decimal(0);
        for (const [id, programme] of Object.entries(result.programmes)) {
          total = total.plus(programme.monthlyAmount);
          if (!MEMBER_PROGRAMMES.includes(id)) continue;
          const lines = programme.members ?? [];
          const paid = lines.reduce((sum, line) => sum.plus(line.paid), new Decimal(0));
          const entitled = lines.reduce((sum, line) => sum.plus(line.entitled), new Decimal(0));
          expect(paid.toFixed(2), id).toBe(programme.monthlyAmount);
          // A programme suspended for want of a value may carry no entitlement at all.
          if (programme.entitledAmount !== undefined || !['not-configured', 'not-in-force'].includes(programme.status))
            expect(entitled.toFixed(2), id).toBe(programme.entitledAmount);
          for (const line of lines) expect(new Decimal(line.paid).lessThanOrEqualTo(line.entitled), `${id} ${line.member}`).toBe(true);
          // Paid only when something is paid; not-paid only when entitled and all dropped by an interaction.
          if (programme.status === 'paid') expect(paid.isZero(), id).toBe(false);
          if (programme.status === 'not-paid') expect(paid.isZero() && !entitled.isZero(), id).toBe(true);
          if (programme.status === 'not-configured' || programme.status === 'not-in-force') expect([lines, programme.monthlyAmount], id).toEqual([[], '0.00']);
        }
        expect(total.toFixed(2)).toBe(result.totalMonthlyAmount);
      }),
      RUNS,
    );
  });

  it("a household's allowances never depend on another household: alone, in a batch, or beside an unrelated one", () => {
    fc.assert(
      fc.property(allowanceHousehold(allowanceWhere(), 'first'), allowanceHousehold(allowanceWhere(), 'second'), (first, second) => {
        const alone = [run(first.household, first.month), run(second.household, second.month)];
        fc.pre(alone.every((r) => r !== undefined));
        const item = (h: typeof first) => ({ month: h.month, household: h.household });
        const batch = evaluateBatch([item(first), item(second), item(first)], { month: first.month, rulebook });
        const results = batch.map((record) => (record.ok ? JSON.stringify(record.result) : record.error.code));
        expect(results[0]).toBe(JSON.stringify(alone[0]));
        expect(results[1]).toBe(JSON.stringify(alone[1]));
        // The first household again, after the second has run on the same pooled contexts.
        expect(results[2]).toBe(results[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('an exempt allowance added to the incomes never changes the dibao result', () => {
    const TYPES = ['disabilityLivingSubsidy', 'disabilityCareSubsidy', 'orphanAllowance'] as const;
    fc.assert(
      fc.property(allowanceHousehold(), fc.constantFrom(...TYPES), fc.integer({ min: 1, max: 500_000 }), fc.nat(), ({ household, month }, type, fen, who) => {
        // Only where the pack itself says the type is not counted (dibao.income.exempt.<type> true).
        fc.pre(resolveExempt(household.jurisdiction, type, month));
        const before = evaluated(household, month);
        const members = household.members.map((m, i) =>
          i === who % household.members.length ? { ...m, incomes: [...(m.incomes ?? []), { type, monthly: (fen / 100).toFixed(2) }] } : m,
        );
        const after = run({ ...household, members }, month) as EvaluationResult;
        expect(after.programmes.dibao).toEqual(before.programmes.dibao);
      }),
      RUNS,
    );
  });
});

function resolveExempt(jurisdiction: string, type: string, month: string): boolean {
  try {
    return resolveParameter(rulebook, jurisdiction, `dibao.income.exempt.${type}`, `${month}-01`).value === true;
  } catch (error) {
    if (isBenefitRulesError(error)) return false;
    throw error;
  }
}
