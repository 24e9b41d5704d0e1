/** Conditions that cannot be compiled are load errors of the rule file, never a crash. */
import { describe, expect, it } from 'vitest';
import { linkRulebook } from '../../src/rulebook/index.js';
import { bundledRuleData } from '../support/rulebook.js';
import { BenefitRulesError } from '../../src/errors.js';
import { compileCondition } from '../../src/conditions/compile.js';

const rules = bundledRuleData('dibao') as { conditions: Record<string, { when: unknown }> };

function loadError(when: unknown): BenefitRulesError {
  const copy = structuredClone(rules);
  copy.conditions.incomeBelowStandard = { ...copy.conditions.incomeBelowStandard, when } as never;
  try {
    linkRulebook({ rules: [{ file: 'rules/dibao.json', json: copy }], packs: [] });
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('loaded');
}
// Other conditions refer to incomeBelowStandard, so its problem is also reported through them;
// the first detail is the condition itself.

const where = '$.conditions.incomeBelowStandard.when.all[0]';

describe('loading conditions', () => {
  it('refuses a fact reference with a null path, with where, what was expected and what was found', () => {
    const error = loadError({ all: [{ fact: 'perCapitaIncome', operator: 'lessThan', value: { fact: 'standard', path: null } }] });
    expect(error.details[0]).toEqual({ file: 'rules/dibao.json', path: `${where}.value.path`, expected: expect.stringMatching(/JSONPath/), found: 'null' });
  });

  it('refuses a fact reference whose name is not a string instead of reading fact "1"', () => {
    const error = loadError({ all: [{ fact: 'perCapitaIncome', operator: 'lessThan', value: { fact: 1 } }] });
    expect(error.details[0]).toEqual({ file: 'rules/dibao.json', path: `${where}.value.fact`, expected: expect.stringMatching(/fact name/), found: '1' });
  });

  it('refuses operators that are only names on Object.prototype', () => {
    for (const operator of ['hasOwnProperty', 'valueOf', 'constructor', 'not:toString']) {
      const error = loadError({ all: [{ fact: 'perCapitaIncome', operator, value: 1 }] });
      expect(error.details[0], operator).toEqual({
        file: 'rules/dibao.json',
        path: `${where}.operator`,
        expected: expect.stringMatching(/operators/),
        found: JSON.stringify(operator),
      });
    }
  });

  it('refuses a named condition that is only a name on Object.prototype', () => {
    const error = loadError({ all: [{ condition: 'toString' }] });
    expect(error.details[0]).toEqual(expect.objectContaining({ path: `${where}.condition`, found: 'no condition named "toString"' }));
  });
});

describe('evaluating conditions', () => {
  it('reports an operand json-rules-engine cannot look in as a rule error, not a TypeError', () => {
    const test = compileCondition({ all: [{ fact: 'a', operator: 'in', value: { fact: 'b' } }] }, undefined, '$.conditions.x.when', undefined, 'rules/x.json');
    let error: unknown;
    try {
      test({ a: 1, b: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BenefitRulesError);
    expect((error as BenefitRulesError).details).toEqual([
      { file: 'rules/x.json', path: '$.conditions.x.when.all[0]', expected: 'an array or a string to look in for in', found: '2' },
    ]);
  });
});
