/**
 * The forms that look beyond the member's own amount: a condition that gates an amount, a count of
 * the household's members meeting a condition, and a sum over them. The conditions are member
 * conditions of the rule file, so they are written, cited and traced like its others; counts and
 * sums read each member's facts through the MembersView the programme gives (member.ts).
 */
import type { AmountExpression } from '../../schemas/amount.js';
import type { CompiledRuleCondition } from '../../rulebook/index.js';
import { AmountCaseMissing, AmountCompileError, type AnyContext, type Compile, type CompiledAmount, type Facts, type FactKinds, type MembersView } from './compiled.js';

function memberCondition(id: string, facts: FactKinds, path: string, household = false): CompiledRuleCondition {
  const condition = facts.condition?.(id);
  if (condition === undefined) throw new AmountCompileError(path, `expected the id of a condition of this rule file, found "${id}"`);
  if (household && condition.scope === 'household') return condition;
  if (condition.scope !== 'member') throw new AmountCompileError(path, `expected a member condition, found "${id}" of scope ${condition.scope}`);
  return condition;
}

function needMembers(facts: FactKinds, path: string, form: string): void {
  if (facts.members === false)
    throw new AmountCompileError(path, `expected a form that reads one member's facts: ${form} needs the household's members, which an interaction does not have`);
}

function view(members: MembersView | undefined): MembersView {
  if (members === undefined) throw new Error('internal: a household form was evaluated without the members');
  return members;
}

export function compileCount(count: { where: string }, facts: FactKinds, path: string): CompiledAmount {
  needMembers(facts, path, 'count');
  const condition = memberCondition(count.where, facts, `${path}.count.where`);
  const value = (ctx: AnyContext, _f: Facts, m?: MembersView) => {
    const members = view(m);
    let n = 0;
    for (let i = 0; i < members.size; i += 1) if (ctx.test(condition, members.facts(i))) n += 1;
    return n;
  };
  return { kind: 'count', value, text: (ctx, f, m) => `${value(ctx, f, m)} (members: ${count.where})` };
}

export function compileWhen(gate: { condition: string; then: AmountExpression; otherwise?: AmountExpression }, facts: FactKinds, path: string, compile: Compile): CompiledAmount {
  // In a household programme's amount a gate tests the household (its facts are at hand there);
  // one inside a sum over members tests each member.
  const condition = memberCondition(gate.condition, facts, `${path}.when.condition`, facts.household === true);
  const then = compile(gate.then, `${path}.when.then`);
  const otherwise = gate.otherwise === undefined ? undefined : compile(gate.otherwise, `${path}.when.otherwise`);
  if (otherwise !== undefined && otherwise.kind !== then.kind) throw new AmountCompileError(path, 'expected "then" and "otherwise" of one kind');
  if (otherwise === undefined && then.kind !== 'money')
    throw new AmountCompileError(`${path}.when.otherwise`, 'expected an "otherwise" for a share or a count (zero is an amount)');
  return {
    kind: then.kind,
    value: (ctx, f, m) => (ctx.test(condition, f) ? then.value(ctx, f, m) : otherwise === undefined ? ctx.a.zero : otherwise.value(ctx, f, m)),
    text: (ctx, f, m) => {
      if (ctx.test(condition, f)) return `${then.text(ctx, f, m)} (${gate.condition}: met)`;
      return `${otherwise === undefined ? ctx.a.exact(ctx.a.zero) : otherwise.text(ctx, f, m)} (${gate.condition}: not met)`;
    },
  };
}

/** A fact found missing while adding member i's amount is named as member i's, not as one of the
 * member (or household) the whole form is evaluated for. */
function ofMember(error: unknown, i: number): unknown {
  return error instanceof AmountCaseMissing && error.fact !== undefined && error.member === undefined ? new AmountCaseMissing(error.message, error.fact, i) : error;
}

export function compileMemberSum(sum: { of: AmountExpression; where?: string }, facts: FactKinds, path: string, compile: Compile): CompiledAmount {
  needMembers(facts, path, 'sumOverMembers');
  const condition = sum.where === undefined ? undefined : memberCondition(sum.where, facts, `${path}.sumOverMembers.where`);
  const of = compile(sum.of, `${path}.sumOverMembers.of`);
  if (of.kind !== 'money') throw new AmountCompileError(`${path}.sumOverMembers.of`, 'expected an amount to add over the members, found a share or a count');
  const each = (ctx: AnyContext, m: MembersView | undefined, visit: (facts: Facts) => void) => {
    const members = view(m);
    for (let i = 0; i < members.size; i += 1) {
      const memberFacts = members.facts(i);
      if (condition !== undefined && !ctx.test(condition, memberFacts)) continue;
      try {
        visit(memberFacts);
      } catch (error) {
        throw ofMember(error, i);
      }
    }
  };
  return {
    kind: 'money',
    value: (ctx, _f, m) => {
      let total = ctx.a.zero;
      each(ctx, m, (memberFacts) => (total = ctx.a.add(total, of.value(ctx, memberFacts, m))));
      return total;
    },
    text: (ctx, _f, m) => {
      const parts: string[] = [];
      each(ctx, m, (memberFacts) => parts.push(of.text(ctx, memberFacts, m)));
      return `sum over members${sum.where === undefined ? '' : ` (${sum.where})`}(${parts.length === 0 ? ctx.a.exact(ctx.a.zero) : parts.join(' + ')})`;
    },
  };
}
