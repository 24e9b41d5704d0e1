/** The income exemptions as lists of income types (docs/decisions/0028): a pack naming a type that
 * does not exist, or one type twice, is refused at load with the file, the JSON path and the types. */
import { describe, expect, it } from 'vitest';
import { linkRulebook } from '../../src/rulebook/index.js';
import { BenefitRulesError } from '../../src/errors.js';
import { bundledRulebook } from '../../src/load.js';
import { bundledRuleFile } from '../support/rulebook.js';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { addToMonth } from '../../src/dates.js';

const rules = [bundledRuleFile('dibao')];

function load(exempt: unknown) {
  return linkRulebook({
    rules,
    packs: [
      {
        dir: 'jurisdictions/test-a',
        manifest: { file: 'jurisdictions/test-a/pack.json', json: { id: 'test-a', name: { zh: 'a', en: 'a' }, level: 'test', extends: null } },
        sources: { file: 'jurisdictions/test-a/sources.json', json: { doc: { title: 'A test document', number: '测试〔2024〕1号', tag: 'V' } } },
        parameters: [
          {
            file: 'jurisdictions/test-a/parameters/dibao/income.json',
            idPrefix: 'dibao.income',
            json: { exempt: [{ from: '2024-01-01', value: exempt, source: 'doc', verified: true }] },
          },
        ],
      },
    ],
  });
}

function refusal(exempt: unknown): BenefitRulesError {
  try {
    load(exempt);
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('expected the pack to be refused');
}

describe('dibao.income.exempt, a list of income types', () => {
  it('loads a list of known types, and null (not configured)', () => {
    expect(load(['veteransBenefits', 'orphanAllowance']).packs.get('test-a')?.parameters.get('dibao.income.exempt')?.[0]?.value).toEqual(['veteransBenefits', 'orphanAllowance']);
    expect(load(null).packs.get('test-a')?.parameters.get('dibao.income.exempt')?.[0]?.value).toBeNull();
  });

  it('refuses an unknown income type, naming the file, the path and the types there are', () => {
    const error = refusal(['veteransBenefits', 'veteranBenefits']);
    expect(error.code).toBe('invalid-pack');
    expect(error.details[0]).toMatchObject({ file: 'jurisdictions/test-a/parameters/dibao/income.json', path: '$.exempt[0].value[1]' });
    expect(error.details[0]?.found).toBe('"veteranBenefits"');
    expect(error.details[0]?.expected).toMatch(
      /^an incomeTypeList value for dibao.income.exempt \(expected an income type: wages, business, .*veteransBenefits, familyPlanningAwards/,
    );
  });

  it('refuses a type listed twice, and a value that is not a list', () => {
    expect(refusal(['wages', 'wages']).details[0]).toMatchObject({ path: '$.exempt[0].value' });
    expect(refusal(true).details[0]).toMatchObject({ path: '$.exempt[0].value' });
  });
});

describe('the bundled packs', () => {
  it('never list a type both as exempt and as not configured, in any month 2011–2026', () => {
    const rulebook = bundledRulebook();
    const list = (pack: string, id: string, day: string) => {
      try {
        return (resolveParameter(rulebook, pack, id, day).value as string[] | null) ?? [];
      } catch (error) {
        if (error instanceof BenefitRulesError) return [];
        throw error;
      }
    };
    for (const pack of rulebook.packs.keys())
      for (let month = '2011-01'; month <= '2026-12'; month = addToMonth(month, 1)) {
        const open = list(pack, 'dibao.income.exemptNotConfigured', `${month}-01`);
        expect(
          list(pack, 'dibao.income.exempt', `${month}-01`).filter((type) => open.includes(type)),
          `${pack} ${month}`,
        ).toEqual([]);
      }
  });
});
