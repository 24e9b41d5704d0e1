/**
 * How a programme counts age in a month (rule file "ageConvention": a parameter each pack sets):
 * completed years on the month's first day (firstDay, what every programme does without one) or on
 * its last day (lastDay: "reaches 80 in the month"). Sources are mostly silent, so a pack may say
 * null (not configured): for a member whose birthday falls inside the month the line is worked out
 * on both ages, and where the answers differ it is not configured, naming the parameter — an
 * answer that turns on an unknown is never a decision or a zero. Only such members read the
 * parameter. See docs/decisions/0029-runner-sub-amounts-and-household-scope.md.
 */
import type { ProgrammeRules, Rulebook } from '../../rulebook/index.js';
import type { Household } from '../../schemas/household.js';
import { addToMonth, dayBefore, firstDayOf } from '../../dates.js';
import type { Context } from '../context.js';
import { lineOf, type MemberLine } from '../types.js';
import { AmountCompileError } from './expression.js';
import { ageOn } from './facts.js';

export const AGE_CONVENTIONS = ['firstDay', 'lastDay'] as const;

/** The rule file's age convention parameter, checked: declared by it, an enum of the conventions. */
export function ageConventionOf(rulebook: Rulebook, rules: ProgrammeRules): string | undefined {
  const id = rules.ageConvention;
  if (id === undefined) return undefined;
  const type = rulebook.declarations.get(id)?.type;
  const values = type?.kind === 'enum' ? type.values : undefined;
  if (!rules.parameterIds.includes(id) || values?.length !== AGE_CONVENTIONS.length || !AGE_CONVENTIONS.every((c) => values.includes(c)))
    throw new AmountCompileError('$.ageConvention', `expected an enum parameter of this file with the values ${AGE_CONVENTIONS.join(', ')}, found ${id}`);
  if (rulebook.declarations.get(id)?.whenNotConfigured === 'programme')
    throw new AmountCompileError('$.ageConvention', `expected ${id} not to stop the programme when not configured ("skip"): only members whose birthday is in the month read it`);
  return id;
}

/** A member's line under the programme's age convention; `line(age)` works it out with the age
 * given (undefined: the first day's, as the member facts have it). */
export function conventionLine<N, R, G>(
  ctx: Context<N, R, G>,
  id: string,
  household: Household,
  m: number,
  line: (age: number | undefined) => MemberLine<N> | undefined,
): MemberLine<N> | undefined {
  const member = household.members[m] as Household['members'][number];
  const first = ageOn(member.birthDate, ctx.settings.day);
  const last = ageOn(member.birthDate, dayBefore(firstDayOf(addToMonth(ctx.settings.month, 1))));
  if (first === last) return line(undefined);
  const convention = ctx.param<string>(id);
  if (convention === 'lastDay') return line(last);
  // No pack sets it: the first day, as always. A pack that says it is not configured: both.
  if (convention === 'firstDay' || !ctx.isUnknown(id)) return line(undefined);
  const onFirst = line(undefined);
  if (onFirst?.unknown !== undefined) return onFirst;
  const trace = ctx.trace;
  ctx.trace = undefined;
  let onLast: MemberLine<N> | undefined;
  try {
    onLast = line(last);
  } finally {
    ctx.trace = trace;
  }
  if (same(ctx, onFirst, onLast)) return onFirst;
  if (ctx.trace) ctx.record({ kind: 'decision', id: 'ageConventionUnknown', values: { member: member.id, firstDay: String(first), lastDay: String(last), parameter: id } });
  return lineOf(member.id, ctx.a.zero, ['notConfigured'], false, { status: 'not-configured', notConfigured: [id] });
}

/** The two lines give the same answer: both absent, or the same amount, reasons and qualifying. */
function same<N, R, G>(ctx: Context<N, R, G>, x: MemberLine<N> | undefined, y: MemberLine<N> | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  return y.unknown === undefined && ctx.a.compare(x.entitled, y.entitled) === 0 && x.reasons.join() === y.reasons.join() && x.qualifies === y.qualifies;
}
