/**
 * The programmes the engine knows: every rule file is one; a programme whose steps are code has a
 * module registered here (dibao), every other is declared in its rule file alone (scope member,
 * an amount form). Checked once per rulebook: each condition reads only facts the programme has,
 * and amounts are compared only with amounts.
 */
import { BenefitRulesError, type ErrorDetail } from '../errors.js';
import type { ProgrammeRules, Rulebook } from '../rulebook/index.js';
import { isFactReference, type Condition } from '../schemas/condition.js';
import type { Household } from '../schemas/household.js';
import type { Context } from './context.js';
import type { Outcome, ProgrammeModule, UsedFacts } from './types.js';
import { dibao } from './dibao/index.js';
import { evaluateDeclared } from './declared/member.js';
import { evaluateHouseholdDeclared } from './declared/household-scope.js';
import { knownFacts, prepared, type Prepared } from './declared/prepare.js';
import { AmountCompileError } from './declared/expression.js';
import { HOUSEHOLD_FACTS, declaredHouseholdProvides } from './declared/household-facts.js';

export const MODULES: ReadonlyMap<string, ProgrammeModule> = new Map([[dibao.id, dibao]]);

/** One programme for one household-month, given `info` as prepare.ts made it. */
export type ProgrammeRunner = <N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, used: UsedFacts) => Outcome<N>;

/** What runs a programme: its module, or its rule file's declaration (found once, not per household). */
export function programmeRunner(rules: ProgrammeRules): ProgrammeRunner {
  const module = MODULES.get(rules.programme);
  if (module) return (ctx, _info, household, used) => module.evaluate(ctx, household, used);
  return rules.scope === 'household' ? evaluateHouseholdDeclared : evaluateDeclared;
}

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

function checkProgramme(rulebook: Rulebook, rules: ProgrammeRules, details: ErrorDetail[]): void {
  const add = (path: string, expected: string, found: string) => details.push({ file: rules.file, path, expected, found });
  if (!MODULES.has(rules.programme) && rules.amount === undefined && (rules.scope !== 'member' || rules.bounds === undefined)) {
    add('$', 'a programme with an "amount" form (a member programme: or "bounds"), or a programme with a module', `scope ${rules.scope}, no amount`);
    return;
  }
  if (!MODULES.has(rules.programme) && rules.scope === 'household') householdShape(rules, add);
  const facts = knownFacts(rulebook, rules);
  if (rules.scope === 'household') householdInteractionFacts(rulebook, rules, add);
  const money = new Set([...facts].filter(([, f]) => f.kind === 'money').map(([name]) => name));
  for (const condition of rules.conditions.values()) {
    for (const fact of condition.test.facts) {
      if (!facts.has(fact)) add(`$.conditions.${condition.id}`, `a fact of ${rules.programme}`, `unknown fact "${fact}"`);
    }
    for (const problem of moneyComparisons(condition.when, money)) add(`$.conditions.${condition.id}`, 'an amount compared with another amount (a fact) or with null', problem);
  }
  // Values the two arithmetics hold differently (a share, a rounding; an amount as a case key)
  // must not decide a condition or a case: the paths would disagree. Amounts compared with
  // amounts are the same on both, and stay allowed.
  // A declared programme's conditions get rates as exact Decimals on both paths (member.ts), so a
  // price index is compared with its trigger exactly; a module's conditions do not.
  const opaque = (id: string) => ['decimal', 'decimalList', 'brackets', 'rounding'].includes(rulebook.declarations.get(id)?.type.kind ?? '');
  const comparable = MODULES.has(rules.programme) ? opaque : (id: string) => opaque(id) && rulebook.declarations.get(id)?.type.kind !== 'decimal';
  for (const condition of rules.conditions.values()) {
    for (const fact of condition.test.facts)
      if (comparable(fact))
        add(
          `$.conditions.${condition.id}`,
          `a condition on facts and parameters of kind money, integer, boolean, enum${MODULES.has(rules.programme) ? '' : ', decimal'} or lists of these`,
          `${fact} (a ${rulebook.declarations.get(fact)?.type.kind})`,
        );
  }
  for (const [path, on] of casesOn(rules)) {
    const bad = 'parameter' in on ? opaque(on.parameter) || rulebook.declarations.get(on.parameter)?.type.kind === 'money' : money.has(on.fact);
    if (bad) add(path, 'cases on a fact or parameter that is not an amount or a share', JSON.stringify(on));
  }
  try {
    prepared(rulebook, rules);
  } catch (error) {
    if (!(error instanceof AmountCompileError)) throw error;
    add(error.path, 'an amount form of the right kinds', error.message);
  }
}

/** What a declared household programme cannot have: no member lines to select, split or settle. */
function householdShape(rules: ProgrammeRules, add: (path: string, expected: string, found: string) => void): void {
  for (const key of ['candidates', 'bounds', 'parts', 'leavesHousehold', 'facts'] as const)
    if (rules[key] !== undefined && !(Array.isArray(rules[key]) && rules[key].length === 0))
      add(`$.${key}`, 'a household programme without member lines (no candidates, bounds, parts, leavesHousehold or facts)', key);
  if (rules.period === 'event') add('$.period', 'a monthly household programme', 'event');
  for (const id of rules.eligibility ?? []) {
    if (rules.conditions.get(id)?.scope === 'member') add(`$.eligibility`, 'household conditions', `the member condition "${id}"`);
  }
}

/** A household programme's interactions are applied after its entitlement, where a module's own
 * facts are gone: their conditions may read the household's facts (a declared programme), the
 * parameters, the used programmes' household facts and the other programmes' entitled and paid. */
function householdInteractionFacts(rulebook: Rulebook, rules: ProgrammeRules, add: (path: string, expected: string, found: string) => void): void {
  const own = MODULES.has(rules.programme) ? [] : Object.keys(HOUSEHOLD_FACTS);
  const used = (rules.uses ?? []).flatMap((id) => {
    const other = rulebook.programmes.get(id);
    return other === undefined ? [] : Object.keys({ ...other.provides?.household, ...declaredHouseholdProvides(other) }).map((name) => `${id}.${name}`);
  });
  const allowed = new Set([...own, ...used]);
  const amounts = (fact: string) => [...rulebook.programmes.keys()].some((id) => fact === `${id}.entitled` || fact === `${id}.paid`);
  (rules.interactions ?? []).forEach((interaction, i) => {
    const condition = interaction.when === undefined ? undefined : rules.conditions.get(interaction.when);
    for (const fact of condition?.test.facts ?? []) {
      if (!allowed.has(fact) && !rulebook.declarations.has(fact) && !amounts(fact))
        add(
          `$.interactions[${i}].when`,
          "a household condition on the household's facts, parameters, used programmes' household facts or programmes' entitled and paid",
          `"${fact}"`,
        );
    }
  });
}

export function checkRulebook(rulebook: Rulebook): void {
  const details: ErrorDetail[] = [];
  for (const rules of rulebook.programmes.values()) checkProgramme(rulebook, rules, details);
  for (const id of MODULES.keys()) {
    if (!rulebook.programmes.has(id)) details.push({ path: '$', expected: `a rule file for ${id}`, found: 'none' });
  }
  if (details.length > 0) {
    throw new BenefitRulesError(
      'invalid-rules',
      `The rule files do not match the programmes:\n${details.map((d) => `  ${d.file ?? ''} ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`,
      details,
    );
  }
}

/** Every "cases" or "bands" selector of a rule file's amount, parts and interaction forms, with its path. */
function casesOn(rules: ProgrammeRules): [string, { fact: string } | { parameter: string }][] {
  const out: [string, { fact: string } | { parameter: string }][] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'cases' || key === 'bands') && value && typeof value === 'object' && 'on' in value)
        out.push([`${path}.${key}.on`, (value as { on: { fact: string } | { parameter: string } }).on]);
      walk(value, `${path}.${key}`);
    }
  };
  walk(rules.amount, '$.amount');
  walk(rules.parts, '$.parts');
  walk(rules.interactions, '$.interactions');
  return out;
}
