/**
 * The interactions of a household programme (dibao, or a declared household programme), in the
 * same forms as a member line's (higherOf, reducedBy, excludedBy, each with its basis and switch):
 * applied to the household's amount once every entitlement is known, weighing what the other
 * programmes give the household — a member programme's lines added up, a household programme's
 * amount — or whatever else the interaction's amounts say. Each one applied is traced (no member:
 * the household) and, where it changes the amount, named among the programme's reasons. An
 * unknown it reads (another programme not decided) leaves the programme not configured, naming
 * it, never a zero. See docs/decisions/0029-runner-sub-amounts-and-household-scope.md.
 */
import type { Household } from '../schemas/household.js';
import type { UsedFacts } from '../programmes/types.js';
import { householdFacts } from '../programmes/declared/household-scope.js';
import { NOT_CONFIGURED, UNKNOWN } from '../programmes/context.js';
import type { Run } from './types.js';
import { move } from './used.js';
import { linePaid, weigh } from './interactions.js';

type A = Run['ctx']['a'];

/** What the programme at a position finally pays the household, its own interactions applied
 * first (the runner settles it before answering), in the reader's arithmetic. */
export type HouseholdPaidBy = (position: number, a: A) => unknown;

/** What a settled programme pays the household: UNKNOWN when any part of it is not decided. */
export function householdPaid(other: Run, household: Household, a: A): unknown {
  if (other.rules.scope === 'household') return other.suspended !== undefined ? UNKNOWN : move(other.paid ?? other.outcome.amount, other.ctx.a, a);
  let sum = a.zero;
  for (let i = 0; i < household.members.length; i += 1) {
    const paid = linePaid(other, household, i, a);
    if (paid === UNKNOWN) return UNKNOWN;
    sum = a.add(sum, paid);
  }
  return sum;
}

/** What a programme gives the household before interactions: UNKNOWN when any part is not decided. */
function householdEntitled(other: Run, a: A): unknown {
  if (other.suspended !== undefined) return UNKNOWN;
  if (other.rules.scope === 'household') return move(other.outcome.amount, other.ctx.a, a);
  let sum = a.zero;
  for (const line of other.outcome.members ?? []) {
    if (line.unknown !== undefined && !line.unknown.entitledKnown) return UNKNOWN;
    sum = a.add(sum, move(line.entitled, other.ctx.a, a));
  }
  return sum;
}

/** Applies a household programme's interactions to its amount (once: the runner keeps count). The
 * amount paid is kept beside the entitlement (run.paid); the entitlement and the facts the
 * programme gave others stand, as a member line's do. */
export function settleHousehold(run: Run, position: number, runs: readonly Run[], household: Household, used: UsedFacts, paidBy: HouseholdPaidBy): void {
  const { ctx, info } = run;
  const a = ctx.a;
  let paid = run.outcome.amount;
  run.paid = paid;
  if (a.isZero(paid)) return;
  try {
    const facts = householdFacts(ctx, info, household, used);
    runs.forEach((other, i) => {
      if (i === position) return;
      facts[`${other.rules.programme}.entitled`] = householdEntitled(other, a);
      if (i < position) facts[`${other.rules.programme}.paid`] = paidBy(i, a);
    });
    const pays = (by: string) =>
      paidBy(
        runs.findIndex((r) => r.rules.programme === by),
        a,
      );
    for (const interaction of info.interactions) {
      if (a.isZero(paid)) break;
      if (interaction.when !== undefined && !ctx.check(interaction.when, facts, undefined, 'whenMet')) continue;
      const before = paid;
      const { after, others } = weigh(interaction, facts, before, run, pays);
      if (others === undefined) continue;
      // Read only now that the rule would bite: a pack silent on it leaves the amount undecided.
      if (interaction.rule.switch !== undefined && ctx.param<boolean>(interaction.rule.switch) !== true) continue;
      const rounded = info.rounding === undefined ? after : a.round(after, ctx.required(info.rounding));
      paid = rounded;
      if (a.compare(rounded, before) !== 0) run.outcome.reasons.push(interaction.rule.id);
      if (ctx.trace) ctx.record({ kind: 'interaction', id: interaction.rule.id, form: interaction.rule.kind, entitled: a.money(before), others, paid: a.money(rounded) });
    }
    run.paid = paid;
  } catch (error) {
    if (error !== NOT_CONFIGURED) throw error;
    run.paid = undefined;
    run.suspended = ctx.stopped();
  }
}
