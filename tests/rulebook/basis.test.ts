/** Issue 16 §4: every condition and every amount carries its legal basis, checked at load. */
import { describe, expect, it } from 'vitest';
import { buildRulebook, loadRulebook } from '../../src/load.js';
import { bundledRuleData } from '../support/rulebook.js';
import { amountSteps, basisKind } from '../../src/rulebook/basis.js';
import type { ProgrammeRules } from '../../src/rulebook/index.js';
import type { LegalBasis } from '../../src/schemas/rules.js';

const bundled = loadRulebook();
const ruleFile = (name: string): Record<string, any> => bundledRuleData(name); // eslint-disable-line @typescript-eslint/no-explicit-any

/** The basis entries of a programme's conditions and amount steps. */
function entries(rules: ProgrammeRules): LegalBasis[] {
  const conditions = [...rules.conditions.values()].flatMap((c) => c.basis);
  const amounts = amountSteps(rules).flatMap((step) => rules.amountBasis?.[step] ?? []);
  return [...conditions, ...amounts];
}

function refusal(json: unknown, file = 'rules/dibao.json'): { file?: string; path: string; expected: string; found?: string }[] {
  try {
    buildRulebook({ rules: [{ file, json }], packs: [] });
  } catch (error) {
    expect((error as Error).name).toBe('BenefitRulesError');
    return (error as { details: { file?: string; path: string; expected: string; found?: string }[] }).details;
  }
  throw new Error('expected the rule file to be refused');
}

describe('the legal basis of every condition and amount', () => {
  it('is given for every condition, interaction and amount step of every bundled rule file', () => {
    for (const rules of bundled.programmes.values()) {
      for (const condition of rules.conditions.values()) expect(condition.basis.length, `${rules.file} ${condition.id}`).toBeGreaterThan(0);
      for (const interaction of rules.interactions ?? []) expect(interaction.basis.length, `${rules.file} ${interaction.id}`).toBeGreaterThan(0);
      const steps = amountSteps(rules);
      expect(steps.length, rules.file).toBeGreaterThan(0);
      for (const step of steps) expect(rules.amountBasis?.[step]?.length, `${rules.file} amount step ${step}`).toBeGreaterThan(0);
    }
  });

  it('refuses a condition without a basis, with the file, the JSON path, what was expected and what was found', () => {
    const dibao = ruleFile('dibao');
    delete dibao.conditions.eligible.basis;
    expect(refusal(dibao)).toContainEqual({
      file: 'rules/dibao.json',
      path: '$.conditions.eligible.basis',
      expected: 'expected "basis": a list of the legal texts (document and article) or the convention the rule comes from',
      found: 'nothing',
    });
  });

  it('refuses a cited document that neither names its article nor says it is not identified', () => {
    const dibao = ruleFile('dibao');
    dibao.conditions.hardCase.basis = [{ document: '国务院令第649号' }];
    const [problem] = refusal(dibao);
    expect(problem).toMatchObject({ path: '$.conditions.hardCase.basis[0]', found: 'an object' });
    expect(problem?.expected).toMatch(/"article".*"articleUnidentified": true.*"convention"/);
  });

  it('refuses an amount step without a basis, and a basis for a step the file does not have', () => {
    const dibao = ruleFile('dibao');
    delete dibao.amountBasis.floor;
    dibao.amountBasis.flor = dibao.amountBasis.tiers;
    expect(refusal(dibao)).toEqual([
      {
        file: 'rules/dibao.json',
        path: '$.amountBasis.floor',
        expected: 'the basis of the amount step "floor": a legal text (document and article) or a convention',
        found: 'nothing',
      },
      {
        file: 'rules/dibao.json',
        path: '$.amountBasis.flor',
        expected: 'an amount step of this file (difference, differencePerPerson, floor, tiers, gradualExit, householdIncomeShare)',
        found: '"flor"',
      },
    ]);
    const orphans = ruleFile('orphan-allowance');
    delete orphans.amountBasis;
    expect(refusal(orphans, 'rules/orphan-allowance.json')).toContainEqual(expect.objectContaining({ path: '$.amountBasis.amount', found: 'nothing' }));
  });

  it('counts the citations whose article is not identified (update when one is found: never guess it)', () => {
    const counts = Object.fromEntries(
      [...bundled.programmes.values()].map((rules) => {
        const kinds = entries(rules).map(basisKind);
        return [
          rules.programme,
          {
            article: kinds.filter((k) => k === 'article').length,
            unidentified: kinds.filter((k) => k === 'unidentified').length,
            convention: kinds.filter((k) => k === 'convention').length,
          },
        ];
      }),
    );
    expect(counts).toEqual({
      dibao: { article: 25, unidentified: 3, convention: 6 },
      'dibao-category-supplement': { article: 2, unidentified: 7, convention: 1 },
      'disability-care-subsidy': { article: 0, unidentified: 6, convention: 1 },
      'disability-living-subsidy': { article: 0, unidentified: 6, convention: 0 },
      'extreme-poverty': { article: 15, unidentified: 3, convention: 2 },
      'high-age-allowance': { article: 1, unidentified: 10, convention: 2 },
      'orphan-allowance': { article: 5, unidentified: 3, convention: 1 },
      'price-subsidy': { article: 0, unidentified: 21, convention: 0 },
      'temporary-assistance': { article: 6, unidentified: 0, convention: 1 },
    });
  });
});
