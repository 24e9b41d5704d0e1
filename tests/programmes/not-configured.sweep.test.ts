/**
 * Nothing defaults silently: every rule a programme reads that no pack sets for the month, or that
 * the pack says is not configured, is listed in the programme's notConfigured — unless the rule
 * file declares it a local option, whose absence is the rule. Swept over every pack and a month in
 * each half-year from 2012 to 2026, with households that reach every path (every income type,
 * wages, disabilities, illness, registered poverty, clergy living apart, an enrolled household).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { BenefitRulesError } from '../../src/errors.js';
import { INCOME_TYPE_IDS } from '../../src/schemas/income.js';
import type { TraceEntry } from '../../src/programmes/trace.js';
import type { ProgrammeResult } from '../../src/programmes/result.js';
import { testRulebook } from '../support/rulebook.js';

const MONTHS: string[] = [];
for (let year = 2012; year <= 2026; year += 1) MONTHS.push(`${year}-01`, `${year}-07`);

function households(jurisdiction: string, month: string) {
  const incomes = INCOME_TYPE_IDS.map((type) => ({ type, monthly: '50' }));
  const members = [
    { id: 'a', birthDate: '1960-01-01', relation: 'head', incomes, disability: { category: 'intellectual', grade: 3 }, povertyRegistered: true },
    { id: 'b', birthDate: '1962-01-01', relation: 'spouse', seriousIllness: true, disability: { category: 'physical', grade: 1 }, selfCare: 'fullyLost' },
    { id: 'c', birthDate: '1980-01-01', relation: 'child', exclusion: { clergyLivingApartSince: '2000-01-01' }, incomes: [{ type: 'wages', monthly: '400' }] },
    { id: 'd', birthDate: '2010-01-01', relation: 'grandchild', child: { status: 'orphan', care: 'scattered' } },
  ];
  const base = { id: 'sweep', jurisdiction, residence: 'urban', members, assets: { financial: '100', dwellings: 1, vehicles: [{ type: 'motorcycle' }] } };
  const enrolled = { ...base, id: 'sweep-enrolled', history: { dibao: { enrolledSince: '2010-01', lastAmount: '500' } } };
  const rich = { ...base, id: 'sweep-rich', members: members.map((m) => ({ ...m, incomes: [{ type: 'wages', monthly: '9000' }] })) };
  const richEnrolled = { ...rich, id: 'sweep-rich-enrolled', history: enrolled.history };
  return [base, enrolled, rich, richEnrolled].map((household) => ({ household, month }));
}

/** The rules a programme's trace shows it read without a value. */
function readWithoutValue(trace: readonly TraceEntry[]): { id: string; set: boolean }[] {
  const out: { id: string; set: boolean }[] = [];
  for (const entry of trace) {
    if (entry.kind === 'notSet') out.push({ id: entry.id, set: false });
    else if (entry.kind === 'parameter' && entry.value === null) out.push({ id: entry.id, set: true });
  }
  return out;
}

describe('nothing defaults silently (every pack, 2012–2026)', () => {
  const rulebook = testRulebook();
  it.each([...rulebook.packs.keys()])('%s: every rule read without a value is listed under notConfigured', (jurisdiction) => {
    const silent: string[] = [];
    let evaluated = 0;
    for (const month of MONTHS) {
      for (const { household } of households(jurisdiction, month)) {
        let result;
        try {
          result = evaluate(household, { month, rulebook, trace: true });
        } catch (error) {
          // A month whose indispensable rules are missing is an error, not a silent default.
          if (error instanceof BenefitRulesError && (error.code === 'parameter-not-covered' || error.code === 'parameter-not-configured')) continue;
          throw error;
        }
        evaluated += 1;
        for (const [programme, outcome] of Object.entries(result.programmes) as [string, ProgrammeResult][]) {
          for (const { id, set } of readWithoutValue(outcome.trace ?? [])) {
            if (!set && rulebook.declarations.get(id)?.localOption === true) continue;
            if (!outcome.notConfigured.includes(id)) silent.push(`${month} ${household.id} ${programme}: ${id}`);
          }
        }
      }
    }
    expect(silent).toEqual([]);
    if (jurisdiction !== 'cn') expect(evaluated).toBeGreaterThan(0);
  });
});
