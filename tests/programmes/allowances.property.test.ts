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
import { MEMBER_PROGRAMME_IDS } from '../../src/schemas/result.js';
import { Decimal } from '../../src/money.js';
import { allowanceHousehold, allowanceWhere } from '../support/arbitraries.js';
import { testRulebook } from '../support/rulebook.js';
import type { HouseholdInput } from '../../src/schemas/household.js';

const rulebook = testRulebook();
const MONEY = /^\d+\.\d{2}$/;
const MEMBER_PROGRAMMES: readonly string[] = MEMBER_PROGRAMME_IDS;
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
  it('no programme pays a negative amount, and every amount is yuan with two decimals or null (not known)', () => {
    fc.assert(
      fc.property(allowanceHousehold(), ({ household, month }) => {
        const result = evaluated(household, month);
        expect(result.totalMonthlyAmount).toMatch(MONEY);
        const known = (value: string | null | undefined, where: string) => {
          if (value !== null && value !== undefined) expect(value, where).toMatch(MONEY);
        };
        for (const [id, programme] of Object.entries(result.programmes)) {
          known(programme.monthlyAmount, id);
          known(programme.entitledAmount, id);
          for (const line of programme.members ?? []) {
            known(line.entitled, `${id} ${line.member}`);
            known(line.paid, `${id} ${line.member}`);
            // A null amount is always said why.
            if (line.paid === null) expect(line.notConfigured ?? line.missingFacts, `${id} ${line.member}`).toBeDefined();
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
        const unknown: string[] = [];
        for (const [id, programme] of Object.entries(result.programmes)) {
          // What is not known is null, never a zero, and the total says it left it out.
          if (programme.monthlyAmount === null) unknown.push(id);
          else total = total.plus(programme.monthlyAmount);
          if (!MEMBER_PROGRAMMES.includes(id)) continue;
          const lines = programme.members ?? [];
          const decided = lines.filter((line) => line.paid !== null);
          const undecided = lines.filter((line) => line.paid === null);
          if (undecided.length > 0 && programme.monthlyAmount !== null) unknown.push(id);
          expect(
            undecided.map((l) => l.member),
            id,
          ).toEqual((programme.unknownMembers ?? []).map((m) => m.member));
          for (const line of undecided) expect(line.status, `${id} ${line.member}`).toMatch(/^(not-configured|not-in-force|missing-facts)$/);
          const paid = decided.reduce((sum, line) => sum.plus(line.paid as string), new Decimal(0));
          const entitled = lines.reduce((sum, line) => (line.entitled === null ? sum : sum.plus(line.entitled)), new Decimal(0));
          if (decided.length > 0) expect(paid.toFixed(2), id).toBe(programme.monthlyAmount);
          else if (lines.length > 0) expect(programme.monthlyAmount, id).toBeNull();
          if (programme.entitledAmount !== null && programme.entitledAmount !== undefined) expect(entitled.toFixed(2), id).toBe(programme.entitledAmount);
          for (const line of decided) expect(new Decimal(line.paid as string).lessThanOrEqualTo(line.entitled as string), `${id} ${line.member}`).toBe(true);
          // Paid only when something is paid; not-paid only when entitled and all dropped by an interaction.
          if (programme.status === 'paid') expect(paid.isZero() || undecided.length > 0, id).toBe(false);
          if (programme.status === 'not-paid') expect(paid.isZero() && !entitled.isZero(), id).toBe(true);
          if (undecided.length > 0) expect(programme.status, id).toMatch(/^(partly-configured|not-configured|not-in-force|missing-facts)$/);
        }
        expect(result.totalIsPartial).toBe(unknown.length > 0);
        expect(result.unknown.map((u) => u.programme)).toEqual(unknown);
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
        // Only where the pack itself says the type is not counted (in dibao.income.exempt).
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
    return (resolveParameter(rulebook, jurisdiction, 'dibao.income.exempt', `${month}-01`).value as string[] | null)?.includes(type) === true;
  } catch (error) {
    if (isBenefitRulesError(error)) return false;
    throw error;
  }
}
