/**
 * Issue 12's property for extreme-poverty support (特困): a member it supports is never also paid a
 * disability subsidy where the pack's switch says the subsidy excludes the extreme-poor, and is
 * never counted in the household's dibao. Random households in months the packs configure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateWith, type EvaluationResult } from '../../src/evaluate.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { allowanceHousehold } from '../support/arbitraries.js';
import { testRulebook } from '../support/rulebook.js';
import type { HouseholdInput } from '../../src/schemas/household.js';

const rulebook = testRulebook();
const SWITCHES = [
  ['disability-care-subsidy', 'disabilityCareSubsidy.excludesExtremePoor'],
  ['disability-living-subsidy', 'disabilityLivingSubsidy.excludesExtremePoor'],
] as const;

function run(input: HouseholdInput, month: string): EvaluationResult | undefined {
  try {
    return evaluateWith(input, { month, rulebook, trace: false });
  } catch (error) {
    if (isBenefitRulesError(error) && error.details.every((d) => d.path.startsWith('dibao.'))) return undefined;
    throw error;
  }
}

function switchOn(jurisdiction: string, id: string, month: string): boolean {
  try {
    return resolveParameter(rulebook, jurisdiction, id, `${month}-01`).value === true;
  } catch {
    return false; // not set for the month: the property says nothing there
  }
}

describe('extreme-poverty properties', () => {
  it('an extreme-poor member is paid no disability subsidy where the switch is on, and is not counted in dibao', () => {
    let supported = 0;
    fc.assert(
      fc.property(allowanceHousehold(), ({ household, month }) => {
        const result = run(household, month);
        fc.pre(result !== undefined);
        const r = result as EvaluationResult;
        const lines = r.programmes['extreme-poverty']?.members ?? [];
        for (const line of lines) {
          if (line.paid === null || Number(line.paid) === 0) continue;
          supported += 1;
          expect(r.programmes.dibao.countedMembers ?? []).not.toContain(line.member);
          for (const [programme, id] of SWITCHES) {
            if (!switchOn(household.jurisdiction, id, month)) continue;
            const other = (r.programmes[programme]?.members ?? []).find((l) => l.member === line.member);
            if (other !== undefined && other.paid !== null) expect(Number(other.paid), `${programme} ${line.member}`).toBe(0);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The draws must reach the property: some members are in fact supported.
    expect(supported).toBeGreaterThan(0);
  });
});
