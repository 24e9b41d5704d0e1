/**
 * A date sweep in the manner of Catala's tests: every month of 2015-2026 in every seed jurisdiction,
 * for households that reach every parameter of the three allowances. A programme's status may move
 * between not-in-force, not-configured and configured (paid, not-paid or ineligible) only in a month
 * where some pack value on the jurisdiction's chain starts or ends; a month without a dibao standard
 * makes dibao, and whatever needs to know about dibao, not configured or not in force — never an error
 * for the household. The transitions found are pinned below, each with its pack value.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/evaluate.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { addToMonth } from '../../src/dates.js';
import { testRulebook } from '../support/rulebook.js';
import { EXPECTED_TRANSITIONS } from './allowances.sweep.expected.js';
import { programmeOf } from '../../src/programmes/result.js';

const rulebook = testRulebook();
export const SWEPT = ['cn-640181', 'cn-640000', 'cn-500000', 'cn-500112', 'cn-420100', 'cn-420113', 'cn-321300', 'cn-321311', 'test-hubei-county'];
const PROGRAMMES = ['disability-living-subsidy', 'disability-care-subsidy', 'orphan-allowance'];

/** On dibao: a grade-1 disabled grandfather with no income, a scattered and an institutional orphan. */
const onDibao = (jurisdiction: string) => ({
  id: 'sweep-a',
  jurisdiction,
  residence: 'urban',
  members: [
    { id: 'gf', birthDate: '1955-01-01', relation: 'head', disability: { category: 'physical', grade: 1 } },
    { id: 'o1', birthDate: '2012-01-01', relation: 'grandchild', child: { status: 'orphan', care: 'scattered' } },
    { id: 'o2', birthDate: '2010-01-01', relation: 'other', child: { status: 'orphan', care: 'institution' } },
  ],
});
/** Off dibao, so the de-facto rate is reached without the difference rule: an earner and a de-facto child. */
const offDibao = (jurisdiction: string) => ({
  id: 'sweep-b',
  jurisdiction,
  residence: 'urban',
  members: [
    { id: 'aunt', birthDate: '1980-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: '20000' }] },
    { id: 'c', birthDate: '2012-01-01', relation: 'other', child: { status: 'deFactoUnsupported', care: 'scattered' } },
  ],
});

// Some members' lines known and others not is a class of its own: it must not read as configured.
const kind = (status: string) => (['not-in-force', 'not-configured', 'partly-configured'].includes(status) ? status : 'configured');

/** One line per month: the class of each programme, or the dibao parameter whose absence is an error. */
function state(jurisdiction: string, month: string): string {
  try {
    const a = evaluateWith(onDibao(jurisdiction), { month, rulebook, trace: false });
    const b = evaluateWith(offDibao(jurisdiction), { month, rulebook, trace: false });
    const classes = PROGRAMMES.map((id) => kind(programmeOf(a, id)?.status ?? 'missing'));
    return `dibao ${kind(a.programmes.dibao.status)}, living ${classes[0]}, care ${classes[1]}, orphans ${classes[2]}, de-facto ${kind(b.programmes['orphan-allowance']?.status ?? 'missing')}`;
  } catch (error) {
    if (!isBenefitRulesError(error)) throw error;
    // The allowances never make a household an error: only dibao's own parameters may.
    expect(
      error.details.map((d) => d.path).filter((path) => !path.startsWith('dibao.')),
      `${jurisdiction} ${month}: ${error.message}`,
    ).toEqual([]);
    return `error ${error.code} (${error.details.map((d) => d.path).join(', ')})`;
  }
}

/** Months in which a value of these parameters starts or ends, on the jurisdiction's pack chain. */
function boundaries(jurisdiction: string): Set<string> {
  const months = new Set<string>();
  const pack = rulebook.packs.get(jurisdiction);
  for (const id of pack?.chain ?? []) {
    for (const [parameter, entries] of rulebook.packs.get(id)?.parameters ?? []) {
      if (!/^(dibao\.|disabilityLivingSubsidy\.|disabilityCareSubsidy\.|orphanAllowance\.)/.test(parameter)) continue;
      for (const entry of entries) {
        // A month is evaluated on its first day: a value starting later in a month shows the month after,
        // and one ending on any day of a month is gone the month after.
        months.add(entry.from.endsWith('-01') ? entry.from.slice(0, 7) : addToMonth(entry.from.slice(0, 7), 1));
        if (entry.until !== undefined) months.add(addToMonth(entry.until.slice(0, 7), 1));
      }
    }
  }
  return months;
}

function sweep(jurisdiction: string): string[] {
  const transitions: string[] = [];
  let previous = '';
  for (let month = '2015-01'; month <= '2026-12'; month = addToMonth(month, 1)) {
    const now = state(jurisdiction, month);
    if (now !== previous) transitions.push(`${month} ${now}`);
    previous = now;
  }
  return transitions;
}

describe('allowance date sweep, 2015-2026', () => {
  it.each(SWEPT)('%s: statuses change only where a pack value starts or ends, and as pinned', (jurisdiction) => {
    const transitions = sweep(jurisdiction);
    const edges = boundaries(jurisdiction);
    for (const line of transitions.slice(1)) expect(edges, `${jurisdiction} ${line}: no pack value starts or ends this month`).toContain(line.slice(0, 7));
    expect(transitions).toEqual(EXPECTED_TRANSITIONS[jurisdiction]);
  });
});
