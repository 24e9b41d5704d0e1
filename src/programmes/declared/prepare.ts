/**
 * What the engine derives once from a rule file for evaluation: the conditions by role, the
 * parameters its conditions read as facts, the facts of the programmes it uses (with the value a
 * member who has none gets), the amount form and interactions compiled, and which facts are
 * amounts. Cached per rulebook and rule file.
 */
import type { CompiledRuleCondition, ProgrammeRules, Rulebook } from '../../rulebook/index.js';
import { derived, derivedKey } from '../../rulebook/derived.js';
import type { Interaction } from '../../schemas/rules.js';
import { MEMBER_FACTS, memberFactValues } from './facts.js';
import { compileAmount, type CompiledAmount } from './expression.js';
import { makeFacts as compileFacts, type FactsMaker } from './shape.js';
import { prepareParts, type PreparedParts } from './parts.js';
import { ageConventionOf } from './age.js';
import { HOUSEHOLD_FACTS, declaredHouseholdProvides, isDeclaredHousehold } from './household-facts.js';

export interface PreparedInteraction {
  rule: Interaction;
  when: CompiledRuleCondition | undefined;
  amounts: CompiledAmount[];
}

export interface Prepared {
  candidates: CompiledRuleCondition | undefined;
  /** The candidate condition reads only the engine's member facts: tested before anything else. */
  candidatesOnMemberFacts: boolean;
  eligibility: CompiledRuleCondition[];
  parameterFacts: string[];

  amount: CompiledAmount | undefined;
  /** A one-off programme's lowest and highest amounts (rule file "bounds"). */
  bounds: { minimum: CompiledAmount | undefined; maximum: CompiledAmount | undefined } | undefined;
  /** The amount counts or adds over the household's members: each member's facts are made first. */
  readsMembers: boolean;
  /** Per parameter fact: a share or rate, given to conditions as its exact Decimal on both paths. */
  exactParameters: boolean[];
  rounding: string | undefined;
  /** The parameter saying how this programme counts age (rule file "ageConvention"), or undefined. */
  ageConvention: string | undefined;
  /** A household programme: per used programme, the names of its household facts read. */
  usedHouseholdFacts: string[][];
  /** The named parts of the amount (rule file "parts"), or undefined. */
  parts: PreparedParts | undefined;
  interactions: PreparedInteraction[];
  /** Every fact this programme's conditions and amounts may read, and whether it is an amount. */
  facts: Map<string, { kind: string; description?: { zh: string; en: string } }>;
  moneyFacts: Set<string>;
  /** The member facts of the household its conditions and amounts read (MEMBER_FACTS names): what
   * a caller must give for a member's line to be decided. */
  memberInputs: string[];
  makeFacts: FactsMaker;
  /** The interactions read other programmes' entitled or paid amounts for a member (interactions.ts). */
  readsOthers: boolean;
  /** The facts this programme gives others that are amounts (converted when a reader runs on the
   * other arithmetic), its members' `entitled` among them. */
  providedMoney: Set<string>;
}

/** Each programme's prepared rules, made when first asked for. */
const PREPARED = derivedKey('prepared programmes', () => new Map<string, Prepared>());

export function prepared(rulebook: Rulebook, rules: ProgrammeRules): Prepared {
  const byProgramme = derived(rulebook, PREPARED);
  let info = byProgramme.get(rules.programme);
  if (!info) byProgramme.set(rules.programme, (info = prepare(rulebook, rules)));
  return info;
}

/** The facts a programme's conditions may read: its own (module) or the engine's member facts,
 * parameters by id, and what the programmes it uses (and, in interactions, any earlier one) give. */
export function knownFacts(rulebook: Rulebook, rules: ProgrammeRules): Map<string, { kind: string; description?: { zh: string; en: string } }> {
  const facts = new Map<string, { kind: string; description?: { zh: string; en: string } }>();
  if (rules.facts) for (const [name, fact] of Object.entries(rules.facts)) facts.set(name, fact);
  if (rules.scope === 'member' && !rules.facts) for (const [name, fact] of Object.entries(MEMBER_FACTS)) facts.set(name, fact);
  // A declared household programme: the household's facts, and the members' for its member conditions.
  const household = isDeclaredHousehold(rules);
  if (household) for (const [name, fact] of Object.entries({ ...MEMBER_FACTS, ...HOUSEHOLD_FACTS })) facts.set(name, fact);
  for (const [id, declaration] of rulebook.declarations) {
    facts.set(id, { kind: declaration.type.kind === 'money' ? 'money' : declaration.type.kind, description: declaration.description });
  }
  const order = [...rulebook.programmes.keys()];
  const position = order.indexOf(rules.programme);
  for (const other of rulebook.programmes.values()) {
    const uses = (rules.uses ?? []).includes(other.programme);
    if (uses) {
      for (const [name, fact] of Object.entries({ ...other.provides?.household, ...declaredHouseholdProvides(other) })) facts.set(`${other.programme}.${name}`, fact);
      if (household) continue;
      for (const [name, fact] of Object.entries(other.provides?.member ?? {})) facts.set(`${other.programme}.${name}`, fact);
      for (const [name, part] of Object.entries(other.parts ?? {})) facts.set(`${other.programme}.${name}`, { kind: 'money', description: part.description });
      if (other.scope === 'member') facts.set(`${other.programme}.qualifies`, QUALIFIES(other));
    }
    if (other.scope === 'member' && !household) {
      facts.set(`${other.programme}.entitled`, { kind: 'money', description: { zh: `${other.name.zh}应享金额`, en: `${other.name.en}: amount entitled` } });
      if (order.indexOf(other.programme) < position)
        facts.set(`${other.programme}.paid`, { kind: 'money', description: { zh: `${other.name.zh}实发金额`, en: `${other.name.en}: amount paid` } });
    }
  }
  // A household programme's interactions weigh what the others give the household (household-interactions.ts).
  if (rules.scope === 'household' && (rules.interactions ?? []).length > 0) {
    for (const other of rulebook.programmes.values()) {
      if (other === rules) continue;
      const name = (key: string) => `${other.programme}.${key}`;
      if (!facts.has(name('entitled')))
        facts.set(name('entitled'), { kind: 'money', description: { zh: `${other.name.zh}应享金额（全户）`, en: `${other.name.en}: amount entitled (household)` } });
      if (order.indexOf(other.programme) < position && !facts.has(name('paid')))
        facts.set(name('paid'), { kind: 'money', description: { zh: `${other.name.zh}实发金额（全户）`, en: `${other.name.en}: amount paid (household)` } });
    }
  }
  return facts;
}

/** A member programme's eligibility for one member, whether or not its amount is known: a recipient
 * group of another programme (the price subsidy's extreme-poor and orphans). */
const QUALIFIES = (other: ProgrammeRules) => ({ kind: 'boolean', description: { zh: `符合${other.name.zh}条件`, en: `${other.name.en}: qualifies` } }) as const;

function prepare(rulebook: Rulebook, rules: ProgrammeRules): Prepared {
  const facts = knownFacts(rulebook, rules);
  const moneyFacts = new Set([...facts].filter(([, f]) => f.kind === 'money').map(([name]) => name));
  const condition = (id: string) => rules.conditions.get(id) as CompiledRuleCondition;
  const parameterFacts = new Set<string>();
  for (const c of rules.conditions.values()) for (const fact of c.test.facts) if (rulebook.declarations.has(fact)) parameterFacts.add(fact);
  const memberDefaults: [string, number, string, unknown][] = [];
  const usedHousehold: [string, number, string][] = [];
  (rules.uses ?? []).forEach((used, index) => {
    const other = rulebook.programmes.get(used) as ProgrammeRules;
    for (const name of Object.keys({ ...other.provides?.household, ...declaredHouseholdProvides(other) })) usedHousehold.push([`${used}.${name}`, index, name]);
    const provided = Object.entries(other.provides?.member ?? {});
    if (other.scope === 'member') provided.push(['entitled', { kind: 'money', description: other.name }], ['qualifies', QUALIFIES(other)]);
    for (const [name, part] of Object.entries(other.parts ?? {})) provided.push([name, { kind: 'money', description: part.description }]);
    for (const [name, fact] of provided) memberDefaults.push([`${used}.${name}`, index, name, fact.kind === 'money' ? 'zero' : fact.kind === 'boolean' ? false : null]);
  });
  const kinds = {
    isMoney: (fact: string) => moneyFacts.has(fact),
    isInteger: (fact: string) => facts.get(fact)?.kind === 'integer' && !rulebook.declarations.has(fact),
    values: (fact: string) => (Object.hasOwn(MEMBER_FACTS, fact) && !rules.facts ? memberFactValues(fact) : undefined),
    condition: (id: string) => rules.conditions.get(id),
    household: isDeclaredHousehold(rules),
  };
  const amount = rules.amount === undefined ? undefined : compileAmount(rules.amount, rulebook, kinds, '$.amount');
  const bound = (key: 'minimum' | 'maximum') => {
    const form = rules.bounds?.[key];
    return form === undefined ? undefined : compileAmount(form, rulebook, kinds, `$.bounds.${key}`);
  };
  const bounds = rules.bounds === undefined ? undefined : { minimum: bound('minimum'), maximum: bound('maximum') };
  const parts = prepareParts(rulebook, rules, kinds);
  const extra = [...rulebook.programmes.values()].filter((p) => p.scope === 'member').flatMap((p) => [`${p.programme}.entitled`, `${p.programme}.paid`]);
  // Only the facts the rule file reads go into its facts object: a member's object is made for
  // every candidate of every programme, and with every fact it could read it had 40 to 60 keys
  // where the programmes read 4 to 16.
  const read = factsRead(rules);
  const othersRead = extra.filter((name) => read.has(name) && !memberDefaults.some(([used]) => used === name));
  const makeFacts = compileFacts({
    base: Object.keys(MEMBER_FACTS).filter((name) => read.has(name)),
    parameters: [...parameterFacts],
    household: usedHousehold.filter(([name]) => read.has(name)),
    members: memberDefaults.filter(([name]) => read.has(name)),
    extra: othersRead,
  });
  return {
    makeFacts,
    readsOthers: othersRead.length > 0,
    candidates: rules.candidates === undefined ? undefined : condition(rules.candidates),
    // Under an age convention the candidate test may turn on the month's last day: in the line.
    candidatesOnMemberFacts:
      rules.ageConvention === undefined && rules.candidates !== undefined && [...condition(rules.candidates).test.facts].every((fact) => Object.hasOwn(MEMBER_FACTS, fact)),
    eligibility: (rules.eligibility ?? []).map(condition),
    parameterFacts: [...parameterFacts],
    amount,
    bounds,
    readsMembers: readsMembers([rules.amount, rules.bounds, rules.parts]),
    exactParameters: [...parameterFacts].map((id) => rulebook.declarations.get(id)?.type.kind === 'decimal'),
    rounding: rules.rounding,
    ageConvention: ageConventionOf(rulebook, rules),
    usedHouseholdFacts: (rules.uses ?? []).map((_, index) => usedHousehold.filter(([name, i]) => i === index && read.has(name)).map(([, , own]) => own)),
    parts,
    interactions: (rules.interactions ?? []).map((rule, i) => ({
      rule,
      when: rule.when === undefined ? undefined : condition(rule.when),
      amounts: (rule.amounts ?? []).map((e, j) => compileAmount(e, rulebook, { ...kinds, members: false }, `$.interactions[${i}].amounts[${j}]`)),
    })),
    facts,
    moneyFacts,
    memberInputs: Object.keys(MEMBER_FACTS).filter((fact) => read.has(fact)),
    providedMoney: new Set([
      'entitled',
      ...(parts?.names ?? []),
      ...Object.entries({ ...rules.provides?.household, ...rules.provides?.member })
        .filter(([, fact]) => fact.kind === 'money')
        .map(([name]) => name),
    ]),
  };
}

/** Every fact the rule file's conditions, amount, bounds and interactions name. */
function factsRead(rules: ProgrammeRules): Set<string> {
  const read = new Set<string>();
  for (const c of rules.conditions.values()) for (const fact of c.test.facts) read.add(fact);
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'fact' && typeof value === 'string') read.add(value);
      else walk(value);
    }
  };
  walk(rules.amount);
  walk(rules.bounds);
  walk(rules.parts);
  walk(rules.interactions);
  return read;
}

/** True when the form contains a count or a sum over members. */
function readsMembers(expression: unknown): boolean {
  if (expression === null || typeof expression !== 'object') return false;
  if (Array.isArray(expression)) return expression.some(readsMembers);
  return Object.entries(expression).some(([key, inner]) => key === 'count' || key === 'sumOverMembers' || readsMembers(inner));
}
