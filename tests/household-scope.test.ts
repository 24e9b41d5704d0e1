/**
 * A declared household programme (rule file "scope": "household", an amount form, no module;
 * docs/decisions/0029): household conditions on the household's facts and dibao's, an amount that
 * counts and adds over members, traced and explained, the same on both paths; unknowns stop it,
 * never a zero; and a load error for what a household programme cannot have. The golden cases are
 * tests/cases/forms/test-household.
 */
import { describe, expect, it } from 'vitest';
import { compileEvaluator } from '../src/fast/evaluator.js';
import { evaluateWith } from '../src/evaluate.js';
import { evaluationResultSchema } from '../src/schemas/result.js';
import { outcome } from './support/outcome.js';
import { changedFormsRulebook, formsRulebook } from './support/rulebook.js';

const rulebook = formsRulebook();
const household = (jurisdiction = 'test-household', residence: 'urban' | 'rural' = 'rural') => ({
  id: 'h',
  jurisdiction,
  residence,
  members: [
    { id: 'a', birthDate: '1980-01-01', relation: 'head' as const },
    { id: 'c', birthDate: '2012-01-01', relation: 'child' as const },
  ],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The load errors of the forms rulebook with test-household.json changed, or 'loaded'. */
function loadWith(change: (json: Json) => void): string {
  const found = changedFormsRulebook('tests/rules/test-household.json', change);
  return typeof found === 'string' ? found : 'loaded';
}

describe('a declared household programme', () => {
  it('pays one household amount, with no member lines, and fits the result schema', () => {
    const result = evaluateWith(household(), { month: '2024-03', rulebook, trace: false });
    // 50 × 2 counted by dibao + 40 (rural) + 30 (one member under 18) = 170.
    expect(result.programmes['test-household' as never]).toEqual({
      status: 'paid',
      reasons: ['eligible'],
      monthlyAmount: '170.00',
      notConfigured: [],
      provisional: false,
      provisionalBecause: [],
      undeterminedBecause: [],
    });
    expect(result.totalMonthlyAmount).toBe('1770.00');
    expect(evaluationResultSchema.safeParse(result).success).toBe(true);
  });

  it('is traced and explained with its formula, in English and Chinese', () => {
    const en = (evaluateWith(household(), { month: '2024-03', rulebook, lang: 'en' }).explanation ?? []).join('\n');
    expect(en).toContain('the household is large enough: met (household size (every member listed) 2 ≥ smallest household 2 ✓)');
    expect(en).toContain(
      'household: lower(50 (testHousehold.perPerson) × 2 (dibao.householdSize) + 40 (testHousehold.ruralSupplement) (rural: met) + sum over members (child)(30 (testHousehold.perChild)), 200 (testHousehold.cap)) = 170.00',
    );
    const zh = (evaluateWith(household(), { month: '2024-03', rulebook, lang: 'zh' }).explanation ?? []).join('\n');
    expect(zh).toContain('测试：家庭层面金额: 发放, 170.00 元/月');
  });

  it('is the same on the compiled path as on the reference, trace included', () => {
    const traced = compileEvaluator(rulebook, { trace: true });
    for (const residence of ['urban', 'rural'] as const) {
      const h = household('test-household', residence);
      expect(outcome(() => traced.evaluate(h, '2024-03'))).toBe(outcome(() => evaluateWith(h, { month: '2024-03', rulebook })));
    }
  });

  it('is not configured, never zero, where its rules are not set', () => {
    const result = evaluateWith(household('test-forms'), { month: '2024-03', rulebook, trace: false });
    expect(result.programmes['test-household' as never]).toMatchObject({ status: 'not-in-force', monthlyAmount: null });
    expect(result.totalIsPartial).toBe(true);
  });
});

describe('a declared household programme: load errors', () => {
  it('loads as shipped', () => expect(loadWith(() => undefined)).toBe('loaded'));

  it('refuses candidates, parts and a member condition among its eligibility conditions', () => {
    const found = loadWith((json) => {
      json.candidates = 'child';
      json.eligibility.push('child');
    });
    expect(found).toContain('"path":"$.candidates"');
    expect(found).toContain('"path":"$.eligibility","expected":"household conditions","found":"the member condition \\"child\\""');
  });

  it('refuses a count or a sum over members on a household condition', () => {
    expect(loadWith((json) => (json.amount.lower[0].sum[2].sumOverMembers.where = 'rural'))).toContain('expected a member condition, found \\"rural\\" of scope household');
  });

  it('refuses a condition on a member fact of a used programme, which a household has not', () => {
    expect(loadWith((json) => (json.conditions.rural.when.all[0] = { fact: 'dibao.covered', operator: 'equal', value: true }))).toContain('unknown fact \\"dibao.covered\\"');
  });
});
