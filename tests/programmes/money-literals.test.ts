import { describe, expect, it } from 'vitest';
import { linkRulebook } from '../../src/rulebook/index.js';
import { checkRulebook } from '../../src/programmes/index.js';
import { bundledRuleData } from '../support/rulebook.js';

const rules = bundledRuleData('dibao') as { conditions: Record<string, { when: unknown }> };

function withCondition(when: unknown) {
  const copy = structuredClone(rules);
  copy.conditions.incomeBelowStandard = { ...copy.conditions.incomeBelowStandard, when } as never;
  return linkRulebook({ rules: [{ file: 'rules/dibao.json', json: copy }], packs: [] });
}

describe('amounts in conditions', () => {
  it('are compared with amounts or null, never written into a rule file', () => {
    expect(() => checkRulebook(withCondition({ all: [{ fact: 'perCapitaIncome', operator: 'lessThan', value: 500 }] }))).toThrow(/perCapitaIncome compared with the literal 500/);
    expect(() => checkRulebook(withCondition({ all: [{ fact: 'householdSize', operator: 'lessThan', value: { fact: 'standard' } }] }))).toThrow(
      /householdSize compared with standard/,
    );
    expect(() => checkRulebook(withCondition({ all: [{ fact: 'perCapitaIncome', operator: 'lessThan', value: { fact: 'standard' } }] }))).not.toThrow();
  });
});
