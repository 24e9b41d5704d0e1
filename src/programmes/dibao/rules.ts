/** The dibao rule conditions, looked up once from the rulebook by name. */
import type { CompiledRuleCondition, Rulebook } from '../../rulebook/index.js';

const NAMES = [
  'memberExcluded',
  'incomeBelowStandard',
  'assetsWithinLimits',
  'eligible',
  'marginal',
  'singlePerson',
  'hardCase',
  'exitMoratorium',
  'gradualExit',
] as const;

export type DibaoRules = Record<(typeof NAMES)[number], CompiledRuleCondition>;

export function dibaoRules(rulebook: Rulebook): DibaoRules {
  const programme = rulebook.programmes.get('dibao');
  if (!programme) throw new Error('internal: the rulebook has no dibao rules');
  const out = {} as DibaoRules;
  for (const name of NAMES) {
    const condition = programme.conditions.get(name);
    if (!condition) throw new Error(`internal: rules/dibao.json has no condition "${name}"`);
    out[name] = condition;
  }
  return out;
}
