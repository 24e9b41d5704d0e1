import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluate } from '../src/index.js';
import { evaluateWith } from '../src/evaluate.js';
import { BenefitRulesError } from '../src/errors.js';
import { VERSION } from '../src/version.js';
import { jsonSchemas } from '../src/schemas/jsonSchema.js';
import { testRulebook } from './support/rulebook.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function errorOf(body: () => unknown): BenefitRulesError {
  try {
    body();
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('evaluate', () => {
  it('evaluates with the bundled packs and explains in both languages', () => {
    const result = evaluate(example('hannan-2020.json'), { month: '2020-08', lang: 'zh' });
    expect(result.programmes.dibao).toMatchObject({ status: 'enrolled', monthlyAmount: '1890.00', householdSize: 3, countableIncome: '600.00' });
    expect(result.explanation?.join('\n')).toContain('农村最低生活保障标准 (dibao.standard.rural) = 830');
    expect(result.explanation?.join('\n')).toContain('外出务工收入 1200.00: 按比例计入 0.5 = 600.00');
    const en = evaluate(example('hannan-2020.json'), { month: '2020-08', lang: 'en' }).explanation?.join('\n');
    expect(en).toContain('amount = standard × household size − countable income = 830 × 3 − 600.00 = 1890.00');
    expect(en).toContain('member uncle: not counted (imprisoned)');
  });

  it('carries the source, period and verification of every parameter it used', () => {
    const trace = evaluate(example('hannan-2020.json'), { month: '2020-08' }).programmes.dibao.trace ?? [];
    const standard = trace.find((e) => e.kind === 'parameter' && e.id === 'dibao.standard.rural');
    expect(standard).toMatchObject({
      value: '830',
      from: '2020-04-01',
      until: '2020-12-31',
      jurisdiction: 'cn-420113',
      verified: true,
      sources: [{ id: 'hannan-2020-plan', issued: '2020-06-11', seed: '000_5dfe3f8690815fb1.txt' }],
    });
  });

  it('stamps a receipt with the engine version and the hash of every pack used', () => {
    const result = evaluate(example('hannan-2020.json'), { month: '2020-08' });
    expect(result.receipt.engine).toBe(`benefit-rules@${VERSION}`);
    expect(result.receipt.packs.map((p) => p.id)).toEqual(['cn-420113', 'cn-420100', 'cn-420000', 'cn']);
    expect(result.receipt.packs.every((p) => /^[0-9a-f]{64}$/.test(p.hash))).toBe(true);
  });

  it('leaves the trace out on request', () => {
    expect(evaluate(example('hannan-2020.json'), { month: '2020-08', trace: false }).programmes.dibao.trace).toBeUndefined();
  });

  it('names the JSON path, what was expected and what was found for a bad household', () => {
    const bad = { ...example('hannan-2020.json'), members: [{ id: 'a', birthDate: '2020-02-30', relation: 'head', incomes: [{ type: 'lottery', monthly: -5 }] }] };
    const error = errorOf(() => evaluate(bad, { month: '2020-08' }));
    expect(error.code).toBe('invalid-household');
    const paths = error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['$.members[0].birthDate', '$.members[0].incomes[0].type', '$.members[0].incomes[0].monthly']));
    expect(error.details.find((d) => d.path === '$.members[0].incomes[0].monthly')?.found).toBe('-5');
  });

  it('refuses unknown fields rather than ignoring them', () => {
    const error = errorOf(() => evaluate({ ...example('hannan-2020.json'), residense: 'urban' }, { month: '2020-08' }));
    expect(error.details[0]?.expected).toMatch(/residense/);
  });

  it('refuses an unknown jurisdiction and a bad month', () => {
    expect(errorOf(() => evaluate({ ...example('hannan-2020.json'), jurisdiction: 'cn-999999' }, { month: '2020-08' })).code).toBe('unknown-jurisdiction');
    expect(errorOf(() => evaluate(example('hannan-2020.json'), { month: '2020-13' })).code).toBe('invalid-option');
  });

  it('reports dibao not in force, or not configured, where the packs set no standard: never a guess', () => {
    const before = evaluate(example('hannan-2020.json'), { month: '2010-01' });
    expect(before.programmes.dibao).toMatchObject({ status: 'not-in-force', monthlyAmount: null, notConfigured: ['dibao.standard.rural'] });
    const unknown = evaluate(example('hannan-2020.json'), { month: '2021-05' });
    expect(unknown.programmes.dibao).toMatchObject({ status: 'not-configured', monthlyAmount: null });
    // Nothing known is paid, and the total says it is not the whole answer.
    expect([unknown.totalMonthlyAmount, unknown.totalIsPartial, unknown.unknown[0]]).toEqual(['0.00', true, { programme: 'dibao', status: 'not-configured' }]);
  });

  it('asks for the last amount when a leaving household has none', () => {
    const input = { ...example('yubei-2024.json'), history: { dibao: { enrolledSince: '2023-01' } } };
    expect(errorOf(() => evaluate(input, { month: '2024-05' })).details[0]?.path).toBe('$.history.dibao.lastAmount');
  });

  it('shows the one-person enrolment notch: a little more income can raise the payment', () => {
    // Chongqing 2021-10, standard 636. Two people, one with a grade-1 disability and no income.
    const household = (wages: string) => ({
      id: 'notch',
      jurisdiction: 'cn-500000',
      residence: 'urban',
      members: [
        { id: 'worker', birthDate: '1980-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: wages }] },
        { id: 'disabled', birthDate: '1982-01-01', relation: 'spouse', disability: { category: 'physical', grade: 1 } },
      ],
    });
    const low = evaluateWith(household('1250'), { month: '2021-10', rulebook: testRulebook() }).programmes.dibao;
    const high = evaluateWith(household('1300'), { month: '2021-10', rulebook: testRulebook() }).programmes.dibao;
    expect(low).toMatchObject({ enrolment: 'household', monthlyAmount: '22.00' });
    expect(high).toMatchObject({ enrolment: 'singlePerson', singlePersonMembers: ['disabled'], monthlyAmount: '636.00', marginal: true });
  });
});

describe('package housekeeping', () => {
  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('the committed JSON Schemas are the ones the zod schemas generate (npm run schema)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8')) as unknown;
      expect(committed, `schema/${name}.schema.json is stale: run npm run schema`).toEqual(schema);
    }
  });
});
