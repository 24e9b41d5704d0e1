/**
 * Named parts of a declared amount (rule file "parts", docs/decisions/0029): in the member's line,
 * read by another programme, traced and explained in both languages, the same on both paths; and
 * a load error for every malformed declaration. The golden cases are tests/cases/forms/test-parts.
 */
import { describe, expect, it } from 'vitest';
import { compileEvaluator } from '../src/fast/evaluator.js';
import { evaluateWith } from '../src/evaluate.js';
import type { Rulebook } from '../src/rulebook/index.js';
import { evaluationResultSchema } from '../src/schemas/result.js';
import { outcome } from './support/outcome.js';
import { changedFormsRulebook, formsRulebook } from './support/rulebook.js';

const household = (birthDates: string[], jurisdiction = 'test-parts') => ({
  id: 'p',
  jurisdiction,
  residence: 'urban' as const,
  members: birthDates.map((birthDate, i) => ({ id: String.fromCharCode(97 + i), birthDate, relation: i === 0 ? ('head' as const) : ('spouse' as const) })),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The forms rulebook with test-parts.json changed; the JSON of the load error, or the rulebook. */
const withParts = (change: (json: Json) => void): Rulebook | string => changedFormsRulebook('tests/rules/test-parts.json', change);

describe('named parts of an amount', () => {
  const rulebook = formsRulebook();

  it('are in the member line, add up to entitled, and fit the result schema', () => {
    const result = evaluateWith(household(['1950-01-01', '1980-05-01']), { month: '2024-03', rulebook, trace: false });
    const line = result.programmes['test-parts' as never] as unknown as { members: { parts?: Record<string, string>; entitled: string }[] };
    expect(line.members).toHaveLength(1);
    expect(line.members[0]?.parts).toEqual({ basic: '1023.00', care: '551.00' });
    expect(Object.keys(line.members[0]?.parts ?? {})).toEqual(['basic', 'care']);
    expect(evaluationResultSchema.safeParse(result).success).toBe(true);
  });

  it('are read by another programme as "<programme>.<part>"', () => {
    const result = evaluateWith(household(['1950-01-01']), { month: '2024-03', rulebook, trace: false });
    expect(result.programmes['test-parts-reader' as never]).toMatchObject({ monthlyAmount: '275.50' });
  });

  it('are unknown to a reader where the programme is not configured, never zero', () => {
    // test-forms configures neither test programme: the reader cannot say what it pays.
    const result = evaluateWith(household(['1950-01-01'], 'test-forms'), { month: '2024-03', rulebook, trace: false });
    expect(result.programmes['test-parts-reader' as never]).toMatchObject({ status: 'not-configured', monthlyAmount: null });
  });

  it('are traced and explained in English and Chinese', () => {
    const en = (evaluateWith(household(['1950-01-01']), { month: '2024-03', rulebook, lang: 'en' }).explanation ?? []).join('\n');
    expect(en).toContain('member a: entitled 1574.00, paid 1574.00 (eligible) — of which basic part 1023.00, care part 551.00');
    expect(en).toContain('member a, basic part: 787.00 (dibao.standard) × 1.3 (testParts.basicShare) = 1023.10');
    expect(en).toContain('member a, care part: 1574.00 − 1023.00 (basic) = 551.00');
    const zh = (evaluateWith(household(['1950-01-01']), { month: '2024-03', rulebook, lang: 'zh' }).explanation ?? []).join('\n');
    expect(zh).toContain('其中 基本生活费 1023.00，照料护理费 551.00');
    expect(zh).toContain('成员 a，照料护理费: 1574.00 − 1023.00 (basic) = 551.00');
  });

  it('are the same on the compiled path as on the reference, trace included', () => {
    const traced = compileEvaluator(rulebook, { trace: true });
    for (const births of [['1950-01-01'], ['1950-01-01', '1960-03-01', '2001-01-01']]) {
      expect(outcome(() => traced.evaluate(household(births), '2024-03'))).toBe(outcome(() => evaluateWith(household(births), { month: '2024-03', rulebook })));
    }
  });

  it('that add to more than the amount leave it unsplit: the amount is not configured for that member', () => {
    const changed = withParts((json) => {
      json.parts.basic.amount = { sum: [{ times: [{ fact: 'dibao.standard' }, { parameter: 'testParts.multiple' }] }, { fact: 'dibao.standard' }] };
    });
    if (typeof changed === 'string') throw new Error(changed);
    const result = evaluateWith(household(['1950-01-01']), { month: '2024-03', rulebook: changed, trace: false });
    expect(result.programmes['test-parts' as never]).toMatchObject({ members: [{ member: 'a', entitled: '0.00', reasons: ['amountNotConfigured'] }] });
  });
});

describe('named parts: a load error for every malformed declaration', () => {
  it('loads as shipped', () => expect(typeof withParts(() => undefined)).not.toBe('string'));

  it('refuses parts without exactly one remainder, or a part with both a form and the remainder', () => {
    expect(withParts((json) => delete json.parts.care.remainder)).toContain('either \\"amount\\" (a form) or \\"remainder\\": true');
    expect(
      withParts((json) => {
        delete json.parts.care.remainder;
        json.parts.care.amount = { none: true };
      }),
    ).toContain('exactly one part with');
    expect(withParts((json) => (json.parts.basic = { ...json.parts.basic, amount: undefined, remainder: true }))).toContain('exactly one part with');
  });

  it('refuses a part that is a share, a reserved name, or parts beside no amount', () => {
    expect(withParts((json) => (json.parts.basic.amount = { parameter: 'testParts.basicShare' }))).toContain(
      '"path":"$.parts.basic.amount","expected":"an amount form of the right kinds","found":"expected an amount as a part, found a share or a count"',
    );
    expect(withParts((json) => (json.parts = { entitled: json.parts.basic, care: json.parts.care }))).toContain('"path":"$.parts.entitled"');
    expect(
      withParts((json) => {
        json.bounds = { maximum: json.amount };
        json.amountBasis.maximum = json.amountBasis.amount;
        json.period = 'event';
      }),
    ).toContain('"path":"$.parts"');
  });
});
