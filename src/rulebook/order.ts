/**
 * Links the programmes of a rulebook: every programme a rule file uses exists, the uses have no
 * cycle (refused with the file and path), and the programmes are put in an order where each comes
 * after those it uses. The declared parts that name conditions, parameters and programmes are
 * checked here too, so a typo fails at load rather than as a silent miss.
 */
import type { AmountExpression } from '../schemas/amount.js';
import type { Problems } from './problems.js';
import type { DeclaredParameter, ProgrammeRules } from './rules.js';

export function orderProgrammes(programmes: ReadonlyMap<string, ProgrammeRules>, problems: Problems): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const rules = programmes.get(id) as ProgrammeRules;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.add(rules.file, '$.uses', 'programmes that do not use each other in a cycle', [...trail, id].join(' → '));
      return;
    }
    state.set(id, 'visiting');
    (rules.uses ?? []).forEach((used, index) => {
      if (!programmes.has(used)) problems.add(rules.file, `$.uses[${index}]`, `a programme of the rulebook (${[...programmes.keys()].join(', ')})`, JSON.stringify(used));
      else visit(used, [...trail, id]);
    });
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of [...programmes.keys()].sort()) visit(id, []);
  return order;
}

/** The parameters and facts an amount expression reads. */
export function expressionRefs(expression: AmountExpression, into: { parameters: Set<string>; facts: Set<string> }): void {
  // A count reads facts through its condition, checked with the file's conditions.
  if ('none' in expression || 'count' in expression) return;
  if ('parameter' in expression) into.parameters.add(expression.parameter);
  else if ('fact' in expression) into.facts.add(expression.fact);
  else if ('times' in expression) expression.times.forEach((e) => expressionRefs(e, into));
  else if ('sum' in expression) expression.sum.forEach((e) => expressionRefs(e, into));
  else if ('difference' in expression) expression.difference.forEach((e) => expressionRefs(e, into));
  else if ('higher' in expression) expression.higher.forEach((e) => expressionRefs(e, into));
  else if ('lower' in expression) expression.lower.forEach((e) => expressionRefs(e, into));
  else if ('cases' in expression) {
    const { on, when, otherwise } = expression.cases;
    if ('parameter' in on) into.parameters.add(on.parameter);
    else into.facts.add(on.fact);
    Object.values(when).forEach((e) => expressionRefs(e, into));
    if (otherwise) expressionRefs(otherwise, into);
  } else if ('when' in expression) {
    expressionRefs(expression.when.then, into);
    if (expression.when.otherwise) expressionRefs(expression.when.otherwise, into);
  } else if ('sumOverMembers' in expression) expressionRefs(expression.sumOverMembers.of, into);
  else if ('bands' in expression) {
    into.facts.add(expression.bands.on.fact);
    for (const band of expression.bands.below) {
      into.parameters.add(band.limit.parameter);
      expressionRefs(band.then, into);
    }
    expressionRefs(expression.bands.otherwise, into);
  }
}

/** Checks the names a declared programme uses: conditions, parameters, programmes, interactions. */
export function checkDeclared(
  rules: ProgrammeRules,
  programmes: ReadonlyMap<string, ProgrammeRules>,
  declarations: ReadonlyMap<string, DeclaredParameter>,
  order: readonly string[],
  problems: Problems,
): void {
  const memberCondition = (id: string | undefined, path: string, scope: 'member' | 'household' = 'member') => {
    if (id === undefined) return;
    const condition = rules.conditions.get(id);
    if (!condition) problems.add(rules.file, path, 'the id of a condition of this file', JSON.stringify(id));
    else if (condition.scope !== scope) problems.add(rules.file, path, `a ${scope} condition`, `"${id}" has scope ${condition.scope}`);
  };
  if (rules.scope === 'member') {
    memberCondition(rules.candidates, '$.candidates');
    (rules.eligibility ?? []).forEach((id, i) => memberCondition(id, `$.eligibility[${i}]`));
  }
  const parameters = (expression: AmountExpression, path: string) => {
    const refs = { parameters: new Set<string>(), facts: new Set<string>() };
    expressionRefs(expression, refs);
    for (const id of refs.parameters) if (!declarations.has(id)) problems.add(rules.file, path, 'a declared parameter', JSON.stringify(id));
  };
  if (rules.amount) parameters(rules.amount, '$.amount');
  // A share of an amount can fall between fen: every paid amount is rounded where the pack says.
  if (rules.amount && rules.rounding === undefined) problems.add(rules.file, '$.rounding', 'a rounding parameter for the amount (payments are whole fen)', 'none');
  if (rules.rounding !== undefined && declarations.get(rules.rounding)?.type.kind !== 'rounding') {
    problems.add(rules.file, '$.rounding', 'a declared parameter of kind rounding', JSON.stringify(rules.rounding));
  }
  // It reads the other programme's household before taking its members out of it.
  const leaves = rules.leavesHousehold?.of;
  if (leaves !== undefined && !(rules.uses ?? []).includes(leaves)) problems.add(rules.file, '$.leavesHousehold.of', 'a programme this one uses', JSON.stringify(leaves));
  const position = order.indexOf(rules.programme);
  (rules.interactions ?? []).forEach((interaction, i) => {
    const path = `$.interactions[${i}]`;
    // A household programme's interaction weighs the household's amount: a household condition.
    memberCondition(interaction.when, `${path}.when`, rules.scope);
    if (interaction.by !== undefined && !programmes.has(interaction.by)) problems.add(rules.file, `${path}.by`, 'a programme of the rulebook', JSON.stringify(interaction.by));
    // A member's line is excluded by what another programme pays that member: a household
    // programme pays the household, and no rule says which part of it (after its own interactions)
    // is a member's, so it would weigh nothing and never exclude. A condition on what it gives
    // (dibao.covered) says it instead.
    else if (interaction.by !== undefined && rules.scope === 'member' && programmes.get(interaction.by)?.scope === 'household') {
      problems.add(
        rules.file,
        `${path}.by`,
        'a member programme (a household programme pays the household: exclude by a condition on what it gives, such as dibao.covered)',
        JSON.stringify(interaction.by),
      );
    }
    if (interaction.switch !== undefined && declarations.get(interaction.switch)?.type.kind !== 'boolean') {
      problems.add(rules.file, `${path}.switch`, 'a declared parameter of kind boolean', JSON.stringify(interaction.switch));
    }
    (interaction.amounts ?? []).forEach((expression, j) => {
      parameters(expression, `${path}.amounts[${j}]`);
      // What another programme pays is known only once its own interactions have run.
      const refs = { parameters: new Set<string>(), facts: new Set<string>() };
      expressionRefs(expression, refs);
      for (const fact of refs.facts) {
        const programme = fact.endsWith('.paid') ? fact.slice(0, -'.paid'.length) : undefined;
        if (programme !== undefined && order.indexOf(programme) >= position) {
          problems.add(rules.file, `${path}.amounts[${j}]`, 'what a programme evaluated earlier pays (one this programme uses)', JSON.stringify(fact));
        }
      }
    });
  });
}
