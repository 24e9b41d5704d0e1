/**
 * A household fact declared once reaches the conditions (decision 0032): the declaration of
 * tests/support/extra-fact.ts, as the household's, read by a household programme's condition and
 * amount (test-household) and by a member programme's (test-age), as a member sees its household's
 * facts. Absent and needed, it is a missing fact naming $.housingTest: never a decision, never a zero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareExtraFact, forgetExtraFact } from '../support/extra-fact.js';
import type { Rulebook } from '../../src/rulebook/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASIS = [{ convention: { zh: '测试用规则文件，无法律依据。', en: 'A test-only rule file: no legal basis.' } }];

/** A condition on the household's housing (absent passes: the amount then asks for it), and an amount by it. */
function readHousing(json: Json, scope: 'household' | 'member'): void {
  json.conditions.notOwned = {
    scope,
    description: { zh: '非自有住房', en: 'not owner-occupied' },
    basis: BASIS,
    when: { all: [{ fact: 'housingTest', operator: 'notEqual', value: 'owned' }] },
  };
  json.eligibility = [...(json.eligibility ?? []), 'notOwned'];
  json.amount = { cases: { on: { fact: 'housingTest' }, when: { rented: json.amount, owned: { none: true } } } };
}

let rulebook: Rulebook;
let ageRulebook: Rulebook;
let evaluateWith: typeof import('../../src/evaluate.js').evaluateWith;
let compileEvaluator: typeof import('../../src/fast/evaluator.js').compileEvaluator;

beforeAll(async () => {
  declareExtraFact('household');
  const { changedFormsRulebook } = await import('../support/rulebook.js');
  ({ evaluateWith } = await import('../../src/evaluate.js'));
  ({ compileEvaluator } = await import('../../src/fast/evaluator.js'));
  const household = changedFormsRulebook('tests/rules/test-household.json', (json: Json) => readHousing(json, 'household'));
  if (typeof household === 'string') throw new Error(household);
  const age = changedFormsRulebook('tests/rules/test-age.json', (json: Json) => readHousing(json, 'member'));
  if (typeof age === 'string') throw new Error(age);
  rulebook = household;
  ageRulebook = age;
});
afterAll(forgetExtraFact);

const members = [
  { id: 'a', birthDate: '1960-01-01', relation: 'head' as const },
  { id: 'c', birthDate: '2012-01-01', relation: 'child' as const },
];
const household = (jurisdiction: string, housing?: 'rented' | 'owned') => ({
  id: 'h',
  jurisdiction,
  residence: 'rural' as const,
  ...(housing === undefined ? {} : { housingTest: housing }),
  members,
});

/** The programme's result on both paths, which must agree. */
function result(book: Rulebook, programme: string, input: object): Json {
  const reference = evaluateWith(input, { month: '2024-03', rulebook: book, trace: false }).programmes[programme as never];
  const compiled = compileEvaluator(book, { trace: false }).evaluate(input, '2024-03').programmes[programme as never];
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
  return reference;
}

describe('a declared household fact in a household programme', () => {
  it("is read by its condition and its amount's cases", () => {
    expect(result(rulebook, 'test-household', household('test-household', 'rented'))).toMatchObject({ status: 'paid', monthlyAmount: '170.00' });
    expect(result(rulebook, 'test-household', household('test-household', 'owned'))).toMatchObject({ status: 'ineligible', reasons: ['notOwned'], monthlyAmount: '0.00' });
  });

  it('absent and needed: missing-facts naming $.housingTest, no amount, the total partial, explained', () => {
    const input = household('test-household');
    expect(result(rulebook, 'test-household', input)).toEqual({
      status: 'missing-facts',
      reasons: ['missingFact'],
      monthlyAmount: null,
      notConfigured: [],
      provisional: false,
      provisionalBecause: [],
      undeterminedBecause: [],
      missingFacts: [{ path: '$.housingTest', fact: 'housingTest' }],
    });
    const whole = evaluateWith(input, { month: '2024-03', rulebook, lang: 'en' });
    expect(whole.totalIsPartial).toBe(true);
    expect(whole.unknown).toContainEqual({ programme: 'test-household', status: 'missing-facts' });
    expect(whole.explanation).toContain('  missing: $.housingTest');
  });
});

describe('a declared household fact in a member programme', () => {
  it('each member sees its household’s value', () => {
    expect(result(ageRulebook, 'test-age', household('test-age', 'rented'))).toMatchObject({
      status: 'paid',
      monthlyAmount: '100.00',
      members: [{ member: 'a', paid: '100.00', reasons: ['eligible'] }],
    });
    expect(result(ageRulebook, 'test-age', household('test-age', 'owned'))).toMatchObject({ status: 'ineligible', members: [{ member: 'a', reasons: ['notOwned'] }] });
  });

  it('absent and needed: the line is missing $.housingTest, never a zero', () => {
    expect(result(ageRulebook, 'test-age', household('test-age'))).toMatchObject({
      status: 'missing-facts',
      monthlyAmount: null,
      members: [{ member: 'a', entitled: null, paid: null, reasons: ['missingFact'], status: 'missing-facts', missingFacts: [{ path: '$.housingTest', fact: 'housingTest' }] }],
      missingFacts: [{ member: 'a', path: '$.housingTest', fact: 'housingTest' }],
    });
  });
});
