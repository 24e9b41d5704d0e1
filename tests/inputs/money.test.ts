import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { evaluateWith } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { quickHousehold } from '../../src/schemas/quick.js';
import { errorOf } from './support.js';
import { testRulebook } from '../support/rulebook.js';

const rulebook = testRulebook();
const base = { id: 'h', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
const withIncome = (monthly: unknown) => ({ ...base, members: [{ ...base.members[0], incomes: [{ type: 'wages', monthly }] }] });

describe('money inputs are bounded and never rounded (#7)', () => {
  it('refuses a last amount of 43 digits instead of rounding it', () => {
    const leaving = {
      ...base,
      members: [{ ...base.members[0], incomes: [{ type: 'wages', monthly: '5000' }] }],
      history: { dibao: { enrolledSince: '2020-01', lastAmount: `1${'0'.repeat(40)}.01` } },
    };
    const error = errorOf(() => evaluateWith(leaving, { month: '2021-10', rulebook }));
    expect(error.code).toBe('invalid-household');
    expect(error.details.map((d) => d.path)).toEqual(['$.history.dibao.lastAmount']);
  });

  it('accepts amounts up to 999999999.99 and refuses 1000000000 and above, as text or number', () => {
    for (const ok of ['999999999.99', 999999999.99, '0', 0, '12.5', 12.5]) {
      expect(() => evaluateWith(withIncome(ok), { month: '2021-10', rulebook }), String(ok)).not.toThrow();
    }
    for (const bad of ['1000000000', 1e9, '1000000000.00', 1e21, '99999999999999999999']) {
      const error = errorOf(() => evaluateWith(withIncome(bad), { month: '2021-10', rulebook }));
      expect(
        error.details.map((d) => d.path),
        String(bad),
      ).toEqual(['$.members[0].incomes[0].monthly']);
    }
  });

  it('the quick check keeps to the same bound', () => {
    expect(quickHousehold(withIncome('999999999.99'))).toBeDefined();
    expect(quickHousehold(withIncome('1000000000'))).toBeUndefined();
  });

  it('the compiled path refuses what evaluate refuses', () => {
    const error = errorOf(() => compileEvaluator(rulebook).evaluate(withIncome(`9${'9'.repeat(42)}`), '2021-10'));
    expect(error.details.map((d) => d.path)).toEqual(['$.members[0].incomes[0].monthly']);
  });
});

describe('the published household JSON Schema (#13)', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/household.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const validate = new Ajv2020({ strict: false }).compile(schema);

  it('refuses the money evaluate refuses, where JSON Schema can say it', () => {
    for (const bad of ['-5', '1e3', 'NaN', ' 12 ', '900.001', '1000000000', '01', 1e308, -1, 1e9, true, null]) {
      expect(validate(withIncome(bad)), JSON.stringify(bad)).toBe(false);
      expect(() => evaluateWith(withIncome(bad), { month: '2021-10', rulebook }), JSON.stringify(bad)).toThrow();
    }
    for (const ok of ['999999999.99', '0.5', '12', 12.5, 0]) expect(validate(withIncome(ok)), JSON.stringify(ok)).toBe(true);
  });

  it('says what it cannot check', () => {
    const description = String(schema.description);
    expect(description).toMatch(/unique/);
    expect(description).toMatch(/born after/);
    expect(description).toMatch(/two decimals/);
  });
});
