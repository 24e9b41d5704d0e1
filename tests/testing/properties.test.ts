/**
 * benefit-rules/testing as a user runs it from a vitest file of their own: the ready properties for
 * two jurisdictions, a reform, and a deliberately broken reform that the "raise never lowers"
 * property must catch with a shrunk counterexample (so this file can fail).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdArbitrary, jurisdictionFacts, raiseNeverLowersDibao, readyProperties } from 'benefit-rules/testing';
import { readFileSync } from 'node:fs';
import { bundledRulebook, parseHousehold } from '../../src/index.js';

const lingwu750 = JSON.parse(readFileSync(new URL('../../examples/reforms/lingwu-750.json', import.meta.url), 'utf8')) as unknown;

describe.each([
  ['cn-640181', '2024-07'],
  ['cn-500112', '2025-08'],
])('the ready properties hold for %s in %s', (jurisdiction, month) => {
  for (const ready of readyProperties({ jurisdiction, month })) {
    it(ready.name, () => fc.assert(ready.property, { numRuns: 30, seed: 14 }));
  }
});

describe('a reform', () => {
  it('that raises the standard (Lingwu 750) passes every ready property', () => {
    for (const ready of readyProperties({ jurisdiction: 'cn-640181', month: '2024-07', reform: lingwu750 })) {
      const report = ready.run({ numRuns: 30 });
      expect(report.passed, `${report.name}: ${report.message}`).toBe(true);
    }
  });

  it('that lowers the standard fails "raise never lowers dibao" with a counterexample shrunk to one plain adult', () => {
    const lower = { name: 'lower', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', value: '600' }] };
    const ready = raiseNeverLowersDibao({ jurisdiction: 'cn-640181', month: '2024-07', reform: lower, residence: 'urban' });
    // In a user's test file: fc.assert fails with the shrunk household, and the broken invariant as its cause.
    const thrown = (() => {
      try {
        fc.assert(ready.property, { numRuns: 100, seed: 1 });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(thrown?.message).toMatch(/Counterexample: \[\{"household":\{"id":"generated","jurisdiction":"cn-640181","residence":"urban","members":\[\{"id":"m0"/);
    expect(String(thrown?.cause)).toMatch(/dibao falls from 690\.00/);
    const report = ready.run({ numRuns: 100, seed: 1 });
    expect(report).toMatchObject({ passed: false, seed: 1 });
    expect(report.numShrinks).toBeGreaterThan(0);
    expect(report.message).toMatch(/falls from 690\.00 \(enrolled, household\) to 600\.00/);
    expect(report.counterexample?.household.members).toHaveLength(1);
    expect(Object.keys(report.counterexample!.household.members[0]!).sort()).toEqual(['birthDate', 'id', 'relation']);
    // The seed and path replay the shrunk case alone.
    const again = ready.run({ seed: 1, path: report.path! });
    expect(again.counterexample).toEqual(report.counterexample);
  });
});

describe('householdArbitrary', () => {
  const facts = jurisdictionFacts(bundledRulebook(), 'cn-640181', '2024-07');

  it('draws valid households, the same for the same seed', () => {
    const arbitrary = householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-07', size: { min: 2, max: 3 } });
    const first = fc.sample(arbitrary, { numRuns: 200, seed: 5 });
    expect(fc.sample(arbitrary, { numRuns: 200, seed: 5 })).toEqual(first);
    for (const household of first) {
      expect(() => parseHousehold(household)).not.toThrow();
      expect(household.members.length).toBeGreaterThanOrEqual(2);
      expect(household.members.length).toBeLessThanOrEqual(3);
      for (const member of household.members) for (const income of member.incomes ?? []) expect(String(income.monthly)).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it("reads the pack: incomes near the month's standard and 1.5 × it, ages around the rules' thresholds", () => {
    expect(facts.standards).toEqual({ urban: 69_000, rural: 51_000 });
    expect(facts.ageThresholds).toEqual(expect.arrayContaining([16, 18, 60, 70, 80]));
    const sample = fc.sample(householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-07', residence: 'urban', size: { max: 1 }, history: false }), { numRuns: 400, seed: 9 });
    const incomes = sample.map((h) => (h.members[0]!.incomes ?? []).reduce((sum, line) => sum + Number(String(line.monthly).replace('.', '')), 0));
    expect(incomes.some((fen) => fen >= 65_550 && fen <= 72_450)).toBe(true);
    expect(incomes.some((fen) => fen >= 100_050 && fen <= 107_000)).toBe(true);
    // Turning 60 within two months of 2024-07-01, either side.
    expect(sample.some((h) => h.members[0]!.birthDate >= '1964-05-01' && h.members[0]!.birthDate <= '1964-09-01')).toBe(true);
  });

  it('leaves out, when asked, the traits the pack enrols one member alone for', () => {
    const sample = fc.sample(householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-07', singlePersonTraits: false }), { numRuns: 300, seed: 3 });
    const members = sample.flatMap((h) => h.members);
    expect(members.some((m) => m.disability)).toBe(true);
    for (const m of members) {
      expect(m.seriousIllness).toBeUndefined();
      expect(m.povertyRegistered).toBeUndefined();
      if (m.disability) expect(facts.singlePerson.disabilityGrades).not.toContain(m.disability.grade);
    }
  });

  it('refuses options it cannot honour', () => {
    expect(() => householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-7' })).toThrow(/month: expected a month written YYYY-MM/);
    expect(() => householdArbitrary({ jurisdiction: 'cn-999999', month: '2024-07' })).toThrow(/No pack "cn-999999"/);
    expect(() => householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-07', size: { min: 3, max: 2 } })).toThrow(/size/);
  });
});
