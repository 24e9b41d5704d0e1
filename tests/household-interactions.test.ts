/**
 * Dibao read like every programme, and interactions on a household amount (docs/decisions/0029,
 * "Dibao under the common names; interactions on a household amount"): dibao gives entitled/pays
 * and its members' entitled/paid beside its own names; a household programme's interactions
 * (dibao's, or a declared one's) weigh what the others pay the household, traced and named among
 * its reasons, the same on both paths; a silent switch leaves it not configured; load errors for
 * a member condition or a module's own fact. Golden cases: tests/cases/forms/test-household-settled*.
 */
import { describe, expect, it } from 'vitest';
import { compileEvaluator } from '../src/fast/evaluator.js';
import { evaluateWith } from '../src/evaluate.js';
import { evaluationResultSchema } from '../src/schemas/result.js';
import type { Rulebook } from '../src/rulebook/index.js';
import { outcome } from './support/outcome.js';
import { bundledRuleFile, changedFormsRulebook, formsRulebook } from './support/rulebook.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PEOPLE = [
  ['a', '1980-01-01', 'head'],
  ['b', '1982-01-01', 'spouse'],
  ['c', '2012-01-01', 'child'],
] as const;
/** The first `size` of a couple and their child (under 18), in the given pack. */
const household = (jurisdiction: string, residence: 'urban' | 'rural', size: number) => ({
  id: 'h',
  jurisdiction,
  residence,
  members: PEOPLE.slice(0, size).map(([id, birthDate, relation]) => ({ id, birthDate, relation })),
});

const loaded = (found: Rulebook | string): Rulebook => {
  if (typeof found === 'string') throw new Error(found);
  return found;
};
const errors = (found: Rulebook | string): string => (typeof found === 'string' ? found : 'loaded');
const programme = (rulebook: Rulebook, h: ReturnType<typeof household>, id: string): Json => (evaluateWith(h, { month: '2024-03', rulebook, trace: false }).programmes as Json)[id];

describe('dibao under the common names', () => {
  it('gives pays and entitled as receiving and its amount, so a reader may use either', () => {
    const byPays = loaded(changedFormsRulebook('tests/rules/test-household.json', (json: Json) => (json.conditions.receivingDibao.when.all[0].fact = 'dibao.pays')));
    for (const [residence, size] of [
      ['urban', 3],
      ['rural', 2],
      ['urban', 1],
    ] as const) {
      const h = household('test-household', residence, size);
      expect(programme(byPays, h, 'test-household')).toEqual(programme(formsRulebook(), h, 'test-household'));
    }
  });

  it("gives each member's entitled and paid, its share (zero for a member not covered)", () => {
    // A member programme paying each member what dibao gives them, under either name.
    const byShare = (fact: string) =>
      loaded(
        changedFormsRulebook('tests/rules/test-forms.json', (json: Json) => {
          json.amount = { fact };
          json.eligibility = [];
        }),
      );
    const lines = (fact: string, h: ReturnType<typeof household>) => (programme(byShare(fact), h, 'test-forms').members as Json[]).map((m) => m.entitled);
    const covered = household('test-forms-sum', 'urban', 3);
    // 2400 for three counted members: 800 each.
    expect(lines('dibao.memberShare', covered)).toEqual(['800.00', '800.00', '800.00']);
    const none = { ...covered, members: covered.members.map((m) => ({ ...m, incomes: [{ type: 'wages' as const, monthly: '3000' }] })) };
    for (const fact of ['dibao.entitled', 'dibao.paid']) {
      expect(lines(fact, covered)).toEqual(['800.00', '800.00', '800.00']);
      expect(lines(fact, none)).toEqual(['0.00', '0.00', '0.00']);
    }
  });
});

describe('interactions on a household amount', () => {
  const rulebook = formsRulebook();

  it('weighs what another programme pays the household, traced and explained, in the result schema', () => {
    const result = evaluateWith(household('test-household-settled', 'rural', 2), { month: '2024-03', rulebook, lang: 'en' });
    expect(evaluationResultSchema.safeParse(result).success).toBe(true);
    const settled = (result.programmes as Json)['test-household-settled'];
    expect(settled).toMatchObject({ status: 'not-paid', monthlyAmount: '0.00', entitledAmount: '300.00' });
    expect(settled.trace.filter((e: Json) => e.kind === 'interaction')).toEqual([
      { kind: 'interaction', id: 'reducedByTestHousehold', form: 'reducedBy', entitled: '300.00', others: ['140.00 (test-household.paid)'], paid: '160.00' },
      { kind: 'interaction', id: 'excludedByDibaoRural', form: 'excludedBy', entitled: '160.00', others: ['dibao 1600.00'], paid: '0.00' },
    ]);
    const en = (result.explanation ?? []).join('\n');
    expect(en).toContain('interaction [household] pays only what is above the test household amount: entitled 300.00, weighed against 140.00 (test-household.paid) → paid 160.00');
    const zh = (evaluateWith(household('test-household-settled', 'rural', 2), { month: '2024-03', rulebook, lang: 'zh' }).explanation ?? []).join('\n');
    expect(zh).toContain('项目衔接 [家庭] 农村低保家庭不享受');
  });

  it('acts on dibao: its amount paid after the interaction, its entitlement beside it', () => {
    const acted = loaded(
      changedFormsRulebook(bundledRuleFile('dibao').file, (json: Json) => {
        json.interactions = [
          {
            id: 'reducedByTestHousehold',
            kind: 'reducedBy',
            description: { zh: '测试：扣减测试家庭金额', en: 'test: less the test household amount' },
            basis: [{ convention: { zh: '测试用（docs/decisions/0029）', en: 'test only (docs/decisions/0029)' } }],
            amounts: [{ fact: 'test-household.entitled' }],
          },
        ];
      }),
    );
    const h = household('test-household', 'urban', 3);
    const result = evaluateWith(h, { month: '2024-03', rulebook: acted, trace: false });
    // 2400 less test-household's 180 (which read dibao before interactions: it pays).
    expect((result.programmes as Json).dibao).toMatchObject({ status: 'enrolled', monthlyAmount: '2220.00', entitledAmount: '2400.00' });
    expect((result.programmes as Json).dibao.reasons).toContain('reducedByTestHousehold');
    expect(result.totalMonthlyAmount).toBe('2400.00');
    const fast = compileEvaluator(acted, { trace: true });
    expect(outcome(() => fast.evaluate(h, '2024-03'))).toBe(outcome(() => evaluateWith(h, { month: '2024-03', rulebook: acted })));
  });

  it('is the same on the compiled path as on the reference, trace included', () => {
    const traced = compileEvaluator(rulebook, { trace: true });
    for (const jurisdiction of ['test-household-settled', 'test-household-settled-silent'])
      for (const [residence, size] of [
        ['urban', 3],
        ['rural', 2],
        ['urban', 1],
      ] as const) {
        const h = household(jurisdiction, residence, size);
        expect(outcome(() => traced.evaluate(h, '2024-03'))).toBe(outcome(() => evaluateWith(h, { month: '2024-03', rulebook })));
      }
  });

  it('refuses a member condition, and on a module a fact of its own, as an interaction condition', () => {
    const member = changedFormsRulebook('tests/rules/test-household-settled.json', (json: Json) => {
      json.conditions.child = { ...json.conditions.rural, scope: 'member', when: { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] } };
      json.interactions[1].when = 'child';
    });
    expect(errors(member)).toContain('"path":"$.interactions[1].when","expected":"a household condition","found":"\\"child\\" has scope member"');
    const own = changedFormsRulebook(bundledRuleFile('dibao').file, (json: Json) => {
      json.conditions.bigHousehold = {
        scope: 'household',
        description: { zh: '测试', en: 'test' },
        basis: [{ convention: { zh: '测试用', en: 'test only' } }],
        when: { all: [{ fact: 'countableIncome', operator: 'greaterThan', value: { fact: 'standard' } }] },
      };
      json.interactions = [
        {
          id: 'x',
          kind: 'excludedBy',
          description: { zh: '测试', en: 'test' },
          basis: [{ convention: { zh: '测试用', en: 'test only' } }],
          by: 'test-household',
          when: 'bigHousehold',
        },
      ];
    });
    expect(errors(own)).toContain('"path":"$.interactions[0].when"');
    expect(errors(own)).toContain('found":"\\"countableIncome\\""');
  });
});
