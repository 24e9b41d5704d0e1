/** The programmes the engine knows. Adding one: a rule file in rules/ and a module registered here. */
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import type { Programme } from './types.js';
import { isFactReference, type Condition } from '../schemas/condition.js';
import { dibao } from './dibao/index.js';

export const PROGRAMMES: readonly Programme[] = [dibao];

/**
 * Checks that every rule file belongs to a known programme and that its conditions only read facts
 * the programme provides, so a typo in a fact name fails at load, not as a silent `undefined`.
 */
/** Comparisons that mix amounts with other values, or write an amount into the rule file. */
function moneyComparisons(condition: Condition, money: ReadonlySet<string>): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => moneyComparisons(c, money));
  if ('any' in condition) return condition.any.flatMap((c) => moneyComparisons(c, money));
  if ('not' in condition) return moneyComparisons(condition.not, money);
  if ('condition' in condition) return [];
  const left = money.has(condition.fact);
  if (isFactReference(condition.value)) {
    return left === money.has(condition.value.fact) ? [] : [`${condition.fact} compared with ${condition.value.fact}`];
  }
  return left && condition.value !== null ? [`${condition.fact} compared with the literal ${JSON.stringify(condition.value)}`] : [];
}

export function checkRulebook(rulebook: Rulebook): void {
  const details = [];
  for (const rules of rulebook.programmes.values()) {
    const programme = PROGRAMMES.find((p) => p.id === rules.programme);
    if (!programme) {
      details.push({ file: rules.file, path: '$.programme', expected: `one of ${PROGRAMMES.map((p) => p.id).join(', ')}`, found: JSON.stringify(rules.programme) });
      continue;
    }
    for (const condition of rules.conditions.values()) {
      const known = condition.scope === 'member' ? { ...programme.facts.household, ...programme.facts.member } : programme.facts.household;
      for (const fact of condition.test.facts) {
        if (!(fact in known)) {
          details.push({ file: rules.file, path: `$.conditions.${condition.id}`, expected: `a ${condition.scope} fact of ${programme.id}`, found: `unknown fact "${fact}"` });
        }
      }
      for (const problem of moneyComparisons(condition.when, programme.moneyFacts)) {
        details.push({ file: rules.file, path: `$.conditions.${condition.id}`, expected: 'an amount compared with another amount (a fact) or with null', found: problem });
      }
    }
  }
  for (const programme of PROGRAMMES) {
    if (!rulebook.programmes.has(programme.id)) details.push({ path: '$', expected: `a rule file for ${programme.id}`, found: 'none' });
  }
  if (details.length > 0) {
    throw new BenefitRulesError('invalid-rules', `The rule files do not match the programmes:\n${details.map((d) => `  ${d.file ?? ''} ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`, details);
  }
  for (const programme of PROGRAMMES) programme.prepare(rulebook);
}
