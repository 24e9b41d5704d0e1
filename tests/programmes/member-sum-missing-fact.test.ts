/**
 * A fact a sum over members finds missing is named at the member it belongs to: the household
 * programme's result (and a member programme's line) is missing-facts at $.members[i].<fact>, never
 * "not configured" under a garbled name, never a zero. Both paths agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFormsRulebook } from '../support/rulebook.js';
import { evaluateWith } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import type { Rulebook } from '../../src/rulebook/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** An amount by each member's self-care, for every value the fact takes. */
const bySelfCare = (amount: Json) => ({ cases: { on: { fact: 'selfCare' }, when: { full: amount, partlyLost: amount, fullyLost: amount } } });

let household: Rulebook;
let member: Rulebook;

beforeAll(() => {
  const a = changedFormsRulebook('tests/rules/test-household.json', (json: Json) => {
    json.amount.lower[0].sum[2].sumOverMembers.of = bySelfCare(json.amount.lower[0].sum[2].sumOverMembers.of);
  });
  const b = changedFormsRulebook('tests/rules/test-forms.json', (json: Json) => {
    json.amount = { sumOverMembers: { of: bySelfCare({ parameter: 'testForms.amount' }), where: 'child' } };
  });
  if (typeof a === 'string') throw new Error(a);
  if (typeof b === 'string') throw new Error(b);
  household = a;
  member = b;
});

const input = (jurisdiction: string, childSelfCare?: 'full') => ({
  id: 'h',
  jurisdiction,
  residence: 'rural' as const,
  members: [
    { id: 'a', birthDate: '1960-01-01', relation: 'head' as const, selfCare: 'full' as const },
    { id: 'c', birthDate: '2012-01-01', relation: 'child' as const, ...(childSelfCare === undefined ? {} : { selfCare: childSelfCare }) },
  ],
});

function result(rulebook: Rulebook, programme: string, household: object): Json {
  const reference = evaluateWith(household, { month: '2024-03', rulebook, trace: false }).programmes[programme as never];
  const compiled = compileEvaluator(rulebook).evaluate(household, '2024-03').programmes[programme as never];
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
  return reference;
}

describe('a member fact missing in a sum over members', () => {
  it("a household programme is missing-facts at that member's path", () => {
    expect(result(household, 'test-household', input('test-household', 'full'))).toMatchObject({ status: 'paid' });
    expect(result(household, 'test-household', input('test-household'))).toMatchObject({
      status: 'missing-facts',
      reasons: ['missingFact'],
      monthlyAmount: null,
      notConfigured: [],
      missingFacts: [{ path: '$.members[1].selfCare', fact: 'selfCare' }],
    });
  });

  it("a member programme's lines name the member whose fact it is, not their own", () => {
    expect(result(member, 'test-forms', input('test-forms-count', 'full'))).toMatchObject({ status: 'paid' });
    const missing = result(member, 'test-forms', input('test-forms-count'));
    expect(missing.status).toBe('missing-facts');
    expect(missing.members).toMatchObject([
      { member: 'a', paid: null, missingFacts: [{ path: '$.members[1].selfCare', fact: 'selfCare' }] },
      { member: 'c', paid: null, missingFacts: [{ path: '$.members[1].selfCare', fact: 'selfCare' }] },
    ]);
  });
});
