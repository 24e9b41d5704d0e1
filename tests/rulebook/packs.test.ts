import { describe, expect, it } from 'vitest';
import { linkRulebook, type PackInput } from '../../src/rulebook/index.js';
import { BenefitRulesError } from '../../src/errors.js';
import { bundledRuleData } from '../support/rulebook.js';

const rules = [{ file: 'rules/dibao.json', json: bundledRuleData('dibao') as unknown }];
const source = { doc: { title: 'A test document', number: '测试〔2024〕1号', tag: 'V' } };

function pack(id: string, parent: string | null, parameters: Record<string, unknown> = {}, sources: unknown = source): PackInput {
  return {
    dir: `jurisdictions/${id}`,
    manifest: { file: `jurisdictions/${id}/pack.json`, json: { id, name: { zh: id, en: id }, level: 'test', extends: parent } },
    sources: { file: `jurisdictions/${id}/sources.json`, json: sources },
    parameters: Object.entries(parameters).map(([prefix, json]) => ({ file: `jurisdictions/${id}/parameters/${prefix.replace(/\./g, '/')}.json`, idPrefix: prefix, json })),
  };
}

function loadError(packs: PackInput[]): BenefitRulesError {
  try {
    linkRulebook({ rules, packs });
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('expected the packs to be refused');
}

const value = (from: string, v: unknown, extra: object = {}) => ({ from, value: v, source: 'doc', verified: true, ...extra });

describe('pack loading refuses bad packs with the file and parameter named', () => {
  it('accepts a valid chain', () => {
    const book = linkRulebook({ rules, packs: [pack('test-root', null), pack('test-child', 'test-root', { 'dibao.standard': { urban: [value('2024-01-01', '700')] } })] });
    expect(book.packs.get('test-child')?.chain).toEqual(['test-child', 'test-root']);
  });

  it('overlapping periods', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { urban: [value('2024-01-01', '700', { until: '2024-12-31' }), value('2024-06-01', '720')] } })]);
    expect(error.code).toBe('invalid-pack');
    expect(error.details[0]).toMatchObject({
      file: 'jurisdictions/test-a/parameters/dibao/standard.json',
      path: '$.urban[1].from',
      expected: 'periods of dibao.standard.urban that do not overlap',
    });
  });

  it('two values from the same day', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { urban: [value('2024-01-01', '700'), value('2024-01-01', '720')] } })]);
    expect(error.message).toContain('dibao.standard.urban');
  });

  it('an unknown parameter', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { suburban: [value('2024-01-01', '700')] } })]);
    expect(error.details[0]).toMatchObject({ path: '$.suburban', found: 'unknown parameter "dibao.standard.suburban"' });
  });

  it('a value of the wrong kind', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { urban: [value('2024-01-01', 700)] } })]);
    expect(error.details[0]).toMatchObject({ path: '$.urban[0].value', found: '700' });
    expect(error.details[0]?.expected).toContain('a money value for dibao.standard.urban');
  });

  it('an inheritance cycle', () => {
    const error = loadError([pack('test-a', 'test-b'), pack('test-b', 'test-a')]);
    expect(error.message).toMatch(/cycle test-[ab] → test-[ab] → test-[ab]/);
  });

  it('an unknown parent', () => {
    const error = loadError([pack('test-a', 'test-missing')]);
    expect(error.details[0]).toMatchObject({ path: '$.extends', found: '"test-missing"' });
  });

  it('a citation of a source that does not exist', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { urban: [{ ...value('2024-01-01', '700'), source: 'nowhere' }] } })]);
    expect(error.details[0]).toMatchObject({ path: '$.urban[0].source', found: '"nowhere"' });
  });

  it('a source with nothing to identify it', () => {
    const error = loadError([pack('test-a', null, {}, { vague: { title: 'somewhere', tag: 'U' } })]);
    expect(error.details[0]?.path).toBe('$.vague');
  });

  it('reports every problem at once', () => {
    const error = loadError([pack('test-a', null, { 'dibao.standard': { urban: [value('2024-01-01', 1)], rural: [value('not-a-date', '1')] } }), pack('test-b', 'test-missing')]);
    // One problem in each pack, each reported once (a malformed date is one mistake, not two).
    expect(error.details.map((d) => [d.file, d.path])).toEqual([
      ['jurisdictions/test-a/parameters/dibao/standard.json', '$.rural[0].from'],
      ['jurisdictions/test-b/pack.json', '$.extends'],
    ]);
  });
});

describe('rule files and values that would break exactness are refused', () => {
  it('a negative share, rate or schedule', () => {
    const error = loadError([pack('test-a', null, { 'dibao.gradualExit': { schedule: [value('2024-01-01', ['1', '-0.5'])] } })]);
    // The element at fault, not the whole list.
    expect(error.details[0]?.path).toBe('$.schedule[0].value[1]');
  });

  it('a payment rounding that is not whole fen', () => {
    const error = loadError([pack('test-a', null, { 'dibao.rounding': { amount: [value('2024-01-01', { mode: 'halfUp', step: '0.001' })] } })]);
    expect(error.details[0]?.expected).toContain('whole fen');
  });
});

describe('rounding steps of paid amounts', () => {
  it('accepts any whole-fen step, including ones a binary float cannot hold (0.07, 0.29)', async () => {
    const { valueSchema } = await import('../../src/parameters/values.js');
    const schema = valueSchema({ kind: 'rounding', wholeFen: true });
    for (const step of ['0.01', '0.07', '0.29', '1', '10']) expect(schema.safeParse({ mode: 'halfUp', step }).success).toBe(true);
    for (const step of ['0.001', '0.075']) expect(schema.safeParse({ mode: 'halfUp', step }).success).toBe(false);
  });
});
