/**
 * The interactions between programmes, as the rule files declare them with their legal basis,
 * applied member by member after every entitlement is known: the higher of two allowances is what
 * counts (higherOf), an allowance pays only the difference above others (reducedBy), or another
 * programme's entitlement excludes it (excludedBy). Each one applied is written in the trace: what
 * was weighed, what was paid before and after, and under which rule.
 */
import type { Household } from '../schemas/household.js';
import type { UsedFacts } from '../programmes/types.js';
import { factsFor } from '../programmes/declared/member.js';
import { memberFacts } from '../programmes/declared/facts.js';
import type { PreparedInteraction } from '../programmes/declared/prepare.js';
import type { Run } from './run.js';
import { move } from './used.js';
import { UNKNOWN } from '../programmes/context.js';

export function applyInteractions(run: Run, position: number, runs: readonly Run[], household: Household, used: UsedFacts): void {
  const { ctx, info } = run;
  const a = ctx.a;
  const lines = run.outcome.members ?? [];
  for (const line of lines) {
    if (a.isZero(line.paid)) continue;
    const index = household.members.findIndex((m) => m.id === line.member);
    const facts = factsFor(ctx, info, household, index, used, otherProgrammes(household, index, position, runs, a, ctx.settings.day));
    for (const interaction of info.interactions) {
      if (a.isZero(line.paid)) break;
      if (interaction.when !== undefined && !ctx.check(interaction.when, facts, line.member, 'whenMet')) continue;
      const before = line.paid;
      const { after, others } = weigh(interaction, facts, before, run);
      if (others === undefined) continue;
      const rounded = info.rounding === undefined ? after : a.round(after, ctx.required(info.rounding));
      line.paid = rounded;
      if (a.compare(rounded, before) !== 0) line.reasons.push(interaction.rule.id);
      if (ctx.trace) {
        ctx.record({ kind: 'interaction', id: interaction.rule.id, form: interaction.rule.kind, member: line.member, entitled: a.money(before), others, paid: a.money(rounded) });
      }
    }
  }
}

/** The new amount and what it was weighed against; others undefined when the rule does not bite. */
function weigh(interaction: PreparedInteraction, facts: Record<string, unknown>, paid: unknown, run: Run): { after: unknown; others: string[] | undefined } {
  const { ctx } = run;
  const a = ctx.a;
  const rule = interaction.rule;
  if (rule.kind === 'excludedBy') {
    const other = facts[`${rule.by}.entitled`];
    if (other === UNKNOWN) ctx.unknown(`${rule.by}.entitled`);
    if (other === undefined || a.isZero(other)) return { after: paid, others: undefined };
    return { after: a.zero, others: [`${rule.by} ${a.money(other)}`] };
  }
  const values = interaction.amounts.map((amount) => amount.value(ctx, facts));
  const others = ctx.trace ? interaction.amounts.map((amount) => amount.text(ctx, facts)) : [];
  if (rule.kind === 'higherOf') {
    let best = a.zero;
    for (const value of values) best = a.max(best, value);
    if (a.isZero(best)) return { after: paid, others: undefined };
    // The higher is what the member gets: this allowance is dropped when the other is as high.
    return { after: a.compare(best, paid) >= 0 ? a.zero : paid, others };
  }
  let sum = a.zero;
  for (const value of values) sum = a.add(sum, value);
  if (a.isZero(sum)) return { after: paid, others: undefined };
  return { after: a.max(a.sub(paid, sum), a.zero), others };
}

/** What every member programme gives this member: entitled everywhere, paid where already settled. */
function otherProgrammes(household: Household, index: number, position: number, runs: readonly Run[], a: Run['ctx']['a'], day: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const member = (household.members[index] as Household['members'][number]).id;
  runs.forEach((other, i) => {
    if (other.rules.scope !== 'member') return;
    const id = other.rules.programme;
    if (other.suspended !== undefined) {
      // Not configured this month: unknown for a member it would consider, nothing for one it would
      // not (a child who is not disabled gets no living subsidy, configured or not).
      const { candidates, candidatesOnMemberFacts } = other.info;
      const considered = !candidates || !candidatesOnMemberFacts || candidates.test(memberFacts(a, household, household.members[index] as Household['members'][number], day));
      out[`${id}.entitled`] = considered ? UNKNOWN : a.zero;
      if (i < position) out[`${id}.paid`] = considered ? UNKNOWN : a.zero;
      return;
    }
    const line = other.outcome.members?.find((l) => l.member === member);
    out[`${id}.entitled`] = line ? move(line.entitled, other.ctx.a, a) : a.zero;
    if (i < position) out[`${id}.paid`] = line ? move(line.paid, other.ctx.a, a) : a.zero;
  });
  return out;
}
