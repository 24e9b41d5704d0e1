/**
 * The interactions between programmes, as the rule files declare them with their legal basis,
 * applied member by member after every entitlement is known: the higher of two allowances is what
 * counts (higherOf), an allowance pays only the difference above others (reducedBy), or what
 * another programme pays excludes it (excludedBy). Each one applied is written in the trace: what
 * was weighed, what was paid before and after, and under which rule. An interaction that reads an
 * unknown (another programme's line not decided for this member) leaves this member's line
 * undecided, and no other member's.
 */
import type { Household } from '../schemas/household.js';
import type { MemberLine, UsedFacts } from '../programmes/types.js';
import { factsFor } from '../programmes/declared/member.js';
import { memberFacts } from '../programmes/declared/facts.js';
import type { PreparedInteraction } from '../programmes/declared/prepare.js';
import type { Run } from './types.js';
import { move } from './used.js';
import { NOT_CONFIGURED, UNKNOWN } from '../programmes/context.js';

/** What another programme finally pays a member, in the arithmetic of the reader: its own
 * interactions applied first (the runner settles that line before answering). */
export type PaidBy = (programme: string, member: string, a: Run['ctx']['a']) => unknown;

/** Applies this programme's interactions to one member's line (once: the runner keeps count). */
export function settleLine(run: Run, line: MemberLine<unknown>, position: number, runs: readonly Run[], household: Household, used: UsedFacts, paidBy: PaidBy): void {
  const { ctx, info } = run;
  const a = ctx.a;
  if (line.unknown !== undefined || a.isZero(line.paid)) return;
  const index = household.members.findIndex((m) => m.id === line.member);
  try {
    // What the other programmes give this member, only when the interactions read it.
    const others = info.readsOthers ? otherProgrammes(household, index, position, runs, a, ctx.settings.day) : undefined;
    const facts = factsFor(ctx, info, household, index, used, others);
    for (const interaction of info.interactions) {
      if (a.isZero(line.paid)) break;
      if (interaction.when !== undefined && !ctx.check(interaction.when, facts, line.member, 'whenMet')) continue;
      const before = line.paid;
      const { after, others } = weigh(interaction, facts, before, run, (by) => paidBy(by, line.member, a));
      if (others === undefined) continue;
      // Read only now that the rule would bite: a pack silent on it leaves this line undecided.
      if (interaction.rule.switch !== undefined && ctx.param<boolean>(interaction.rule.switch) !== true) continue;
      const rounded = info.rounding === undefined ? after : a.round(after, ctx.required(info.rounding));
      line.paid = rounded;
      if (a.compare(rounded, before) !== 0) line.reasons.push(interaction.rule.id);
      if (ctx.trace) {
        ctx.record({ kind: 'interaction', id: interaction.rule.id, form: interaction.rule.kind, member: line.member, entitled: a.money(before), others, paid: a.money(rounded) });
      }
    }
  } catch (error) {
    if (error !== NOT_CONFIGURED) throw error;
    line.paid = a.zero;
    line.reasons.push('notConfigured');
    line.unknown = { ...ctx.takeSuspension(), entitledKnown: true };
  }
}

/** The new amount and what it was weighed against; others undefined when the rule does not bite.
 * `pays` says what the excluding programme pays whoever the amount is for (a member, or the
 * household: household-interactions.ts). */
export function weigh(
  interaction: PreparedInteraction,
  facts: Record<string, unknown>,
  paid: unknown,
  run: Run,
  pays: (by: string) => unknown,
): { after: unknown; others: string[] | undefined } {
  const { ctx } = run;
  const a = ctx.a;
  const rule = interaction.rule;
  if (rule.kind === 'excludedBy') {
    // What the other programme pays after its own interactions, not what it would: an entitlement
    // it does not pay (or cannot say it pays) must not take this one away.
    const by = rule.by as string;
    const other = pays(by);
    if (other === UNKNOWN) ctx.unknown(`${by}.paid`);
    if (other === undefined || a.isZero(other)) return { after: paid, others: undefined };
    return { after: a.zero, others: [`${by} ${a.money(other)}`] };
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

/** Whether a programme not configured as a whole would consider this member at all: a child who
 * is not disabled gets no living subsidy, configured or not. */
function considered(other: Run, household: Household, index: number, a: Run['ctx']['a'], day: string): boolean {
  const { candidates, candidatesOnMemberFacts } = other.info;
  return !candidates || !candidatesOnMemberFacts || candidates.test(memberFacts(a, household, household.members[index] as Household['members'][number], day));
}

/** What another member programme pays one member: UNKNOWN when its line for them is not decided. */
export function linePaid(other: Run, household: Household, index: number, a: Run['ctx']['a']): unknown {
  if (other.suspended !== undefined) return considered(other, household, index, a, other.ctx.settings.day) ? UNKNOWN : a.zero;
  const member = (household.members[index] as Household['members'][number]).id;
  const line = other.outcome.members?.find((l) => l.member === member);
  if (line === undefined) return a.zero;
  return line.unknown !== undefined ? UNKNOWN : move(line.paid, other.ctx.a, a);
}

/** What every member programme gives this member: entitled everywhere, paid where already settled. */
function otherProgrammes(household: Household, index: number, position: number, runs: readonly Run[], a: Run['ctx']['a'], day: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const member = (household.members[index] as Household['members'][number]).id;
  runs.forEach((other, i) => {
    if (other.rules.scope !== 'member') return;
    const id = other.rules.programme;
    if (i < position) out[`${id}.paid`] = linePaid(other, household, index, a);
    if (other.suspended !== undefined) {
      out[`${id}.entitled`] = considered(other, household, index, a, day) ? UNKNOWN : a.zero;
      return;
    }
    const line = other.outcome.members?.find((l) => l.member === member);
    out[`${id}.entitled`] = line === undefined ? a.zero : line.unknown !== undefined && !line.unknown.entitledKnown ? UNKNOWN : move(line.entitled, other.ctx.a, a);
  });
  return out;
}
