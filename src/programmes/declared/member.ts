/**
 * A declared member-level programme (a rule file with "scope": "member" and an "amount" form, no
 * module): for each member, the candidate condition (who is considered), then each eligibility
 * condition in turn, then the amount, rounded as the pack says. Written once, run on either
 * arithmetic.
 */
import type { Household } from '../../schemas/household.js';
import { NOT_CONFIGURED, UNKNOWN, type Context } from '../context.js';
import { NOTHING_PROVIDED, lineOf, type LineUnknown, type MemberLine, type Outcome, type ProvidedFacts, type UsedFacts } from '../types.js';
import { factPath, memberFacts } from './facts.js';
import { AmountCaseMissing, type CompiledAmount, type MembersView } from './expression.js';
import type { Prepared } from './prepare.js';
import { memberParts, partFacts } from './parts.js';
import { conventionLine } from './age.js';

/** The engine's facts of one member (age, disability, child status…), made once per household run
 * and arithmetic, whichever programmes read them. Never changed once made. */
function baseFacts<N, R, G>(ctx: Context<N, R, G>, household: Household, memberIndex: number, used: UsedFacts): Record<string, unknown> {
  const cache = used.scratch?.memberFacts[ctx.a.kind];
  let facts = cache?.[memberIndex];
  if (facts === undefined) {
    facts = memberFacts(ctx.a, household, household.members[memberIndex] as Household['members'][number], ctx.settings.day);
    if (cache) cache[memberIndex] = facts;
  }
  return facts;
}

/** The facts a declared programme's conditions and amount read for one member. */
export function factsFor<N, R, G>(
  ctx: Context<N, R, G>,
  info: Prepared,
  household: Household,
  memberIndex: number,
  used: UsedFacts,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  const params = ctx.factParameters(info.parameterFacts, info.exactParameters);
  return info.makeFacts(baseFacts(ctx, household, memberIndex, used), params, used.producers, memberIndex, ctx.a.zero, extra);
}

export function evaluateDeclared<N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, used: UsedFacts): Outcome<N> {
  const { a } = ctx;
  const lines: MemberLine<N>[] = [];
  const entitled: Record<string, unknown>[] = [];
  let total = a.zero;
  const members = info.readsMembers ? membersView(ctx, info, household, used) : undefined;
  for (let m = 0; m < household.members.length; m += 1) {
    // Members who are not candidates at all (not disabled, not a child…) are not listed, and cost
    // no more than the candidate test on their own facts when that test reads nothing else.
    if (info.candidatesOnMemberFacts && !(info.candidates as NonNullable<Prepared['candidates']>).test(baseFacts(ctx, household, m, used))) continue;
    const line =
      info.ageConvention === undefined
        ? memberLine(ctx, info, household, m, used, members)
        : conventionLine(ctx, info.ageConvention, household, m, (age) => memberLine(ctx, info, household, m, used, members, age));
    if (line === undefined) continue;
    lines.push(line);
    // Qualifying is known once every condition held, even where the amount is not.
    const provided: Record<string, unknown> = { entitled: line.unknown ? UNKNOWN : line.entitled, qualifies: line.qualifies === true ? true : line.unknown ? UNKNOWN : false };
    if (info.parts !== undefined) partFacts(info.parts, line, provided);
    entitled[m] = provided;
    total = a.add(total, line.entitled);
  }
  // Nobody applies: no event was described, which is not a refusal.
  if (lines.length === 0) return nobody(a, info.bounds === undefined ? 'ineligible' : 'no-event');
  if (info.bounds !== undefined) return caseworkersDecision(ctx, lines, total, entitled);
  const paid = !a.isZero(total);
  // The status of a programme with undecided lines is the engine's to say (run.ts): it knows the
  // interactions' outcome too.
  return {
    status: paid ? 'paid' : 'ineligible',
    reasons: [paid ? 'membersEligible' : lines.length > 0 ? 'noMemberEligible' : 'noCandidates'],
    amount: total,
    fields: {},
    members: lines,
    provides: { household: {}, members: entitled },
  };
}

/** One member's line; undefined when the member is not a candidate. A figure not configured for
 * this member, or a fact of theirs another programme cannot give, leaves this line undecided and
 * no other: the members whose figures are known are still paid. */
function memberLine<N, R, G>(
  ctx: Context<N, R, G>,
  info: Prepared,
  household: Household,
  m: number,
  used: UsedFacts,
  members: MembersView | undefined,
  age?: number,
): MemberLine<N> | undefined {
  const { a } = ctx;
  const member = household.members[m] as Household['members'][number];
  let qualifies = false;
  try {
    // Another age than the first day's, under the programme's age convention (age.ts).
    const facts = age === undefined ? factsFor(ctx, info, household, m, used) : { ...factsFor(ctx, info, household, m, used), age };
    // A condition that stops on an unknown fact suspends this line (asked without an exception:
    // for a programme not configured this month, nearly every member's line stops so).
    if (info.candidates !== undefined && !info.candidatesOnMemberFacts) {
      const candidate = ctx.decide(info.candidates, facts);
      if (candidate === undefined) return suspendedLine(ctx, member.id, false);
      if (!candidate) return undefined;
    }
    // Known to hold by now (on these facts, or on the member facts they copy): only the trace
    // wants it again, a member condition being remembered nowhere.
    if (info.candidates !== undefined && ctx.trace) ctx.check(info.candidates, facts, member.id, 'never');
    for (const condition of info.eligibility) {
      const held = ctx.checked(condition, facts, member.id);
      if (held === undefined) return suspendedLine(ctx, member.id, false);
      if (!held) return lineOf(member.id, a.zero, [condition.id], false);
    }
    qualifies = true;
    try {
      if (info.bounds !== undefined) return boundedLine(ctx, info, info.bounds, facts, member.id, members);
      const amount = memberAmount(ctx, info, facts, member.id, members);
      const line = lineOf(member.id, amount, ['eligible'], qualifies);
      if (info.parts !== undefined) line.parts = memberParts(ctx, info.parts, amount, info.rounding, facts, member.id, members);
      return line;
    } catch (error) {
      // Most often a figure not configured for this member: answered here, not thrown on again.
      if (error === NOT_CONFIGURED) return suspendedLine(ctx, member.id, qualifies);
      if (!(error instanceof AmountCaseMissing)) throw error;
      if (ctx.trace) ctx.record({ kind: 'decision', id: error.fact ? 'missingFact' : 'amountNotConfigured', values: { member: member.id, case: error.message } });
      if (error.fact === undefined) return lineOf(member.id, a.zero, ['amountNotConfigured'], qualifies);
      const unknown: LineUnknown = { status: 'missing-facts', missingFacts: [{ path: factPath(error.member ?? m, error.fact), fact: error.fact }] };
      return lineOf(member.id, a.zero, ['missingFact'], qualifies, unknown);
    }
  } catch (error) {
    if (error !== NOT_CONFIGURED) throw error;
    return suspendedLine(ctx, member.id, qualifies);
  }
}

/** The line of a member stopped by a rule not configured (or a fact unknown) this month. */
function suspendedLine<N, R, G>(ctx: Context<N, R, G>, member: string, qualifies: boolean): MemberLine<N> {
  return lineOf(member, ctx.a.zero, ['notConfigured'], qualifies, ctx.takeSuspension());
}

/** Every member's facts, made when a count or a sum over members first asks. */
function membersView<N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, used: UsedFacts): MembersView {
  const made: Record<string, unknown>[] = [];
  return { size: household.members.length, facts: (i) => (made[i] ??= factsFor(ctx, info, household, i, used)) };
}

function memberAmount<N, R, G>(ctx: Context<N, R, G>, info: Prepared, facts: Record<string, unknown>, member: string, members: MembersView | undefined): N {
  return computed(ctx, info, info.amount as NonNullable<Prepared['amount']>, 'memberAmount', facts, member, members);
}

/** One form's amount, rounded as the pack says, with its formula and rounding in the trace. */
function computed<N, R, G>(
  ctx: Context<N, R, G>,
  info: Prepared,
  form: CompiledAmount,
  id: string,
  facts: Record<string, unknown>,
  member: string,
  members: MembersView | undefined,
): N {
  const { a } = ctx;
  const raw = form.value(ctx, facts, members) as N;
  const rounded = info.rounding === undefined ? raw : a.round(raw, ctx.required<G>(info.rounding));
  if (ctx.trace) {
    ctx.record({ kind: 'calculation', id, member, values: { formula: form.text(ctx, facts, members) }, result: a.exact(raw) });
    if (a.compare(rounded, raw) !== 0 && info.rounding !== undefined) {
      const { mode, step } = a.roundingText(ctx.required<G>(info.rounding));
      ctx.record({ kind: 'rounding', id, parameter: info.rounding, mode, step, before: a.plain(raw), after: a.plain(rounded) });
    }
  }
  return rounded;
}

/** The line of a one-off programme whose amount is the caseworker's decision: each bound, and the
 * suggested amount, on its own. A bound the pack does not configure is null, named in
 * notConfigured, and leaves the others standing: the caseworker still decides, knowing less. A
 * fact the household does not give (people affected) still stops the line: it can be given. */
function boundedLine<N, R, G>(
  ctx: Context<N, R, G>,
  info: Prepared,
  bounds: NonNullable<Prepared['bounds']>,
  facts: Record<string, unknown>,
  member: string,
  members: MembersView | undefined,
): MemberLine<N> {
  const one = (form: CompiledAmount | undefined, id: string): N | null => {
    if (form === undefined) return null;
    try {
      return computed(ctx, info, form, id, facts, member, members);
    } catch (error) {
      if (error !== NOT_CONFIGURED) throw error;
      const { notConfigured } = ctx.takeSuspension();
      if (ctx.trace) ctx.record({ kind: 'decision', id: `${id}NotConfigured`, values: { member, rules: notConfigured.join(', ') } });
      return null;
    }
  };
  const minimum = one(bounds.minimum, 'minimum');
  const maximum = one(bounds.maximum, 'maximum');
  const suggested = one(info.amount, 'suggestedAmount');
  const amount = suggested ?? ctx.a.zero;
  return lineOf(member, amount, ['caseworkersDecision'], true, undefined, { minimum, maximum, suggested: suggested !== null });
}

/** A one-off programme with bounds: the caseworker decides, within the bounds the lines give. */
function caseworkersDecision<N, R, G>(ctx: Context<N, R, G>, lines: MemberLine<N>[], amount: N, entitled: ProvidedFacts['members']): Outcome<N> {
  const { a } = ctx;
  const add = (key: 'minimum' | 'maximum'): string | null => {
    let sum = a.zero;
    for (const line of lines) {
      const value = line.bounds?.[key];
      if (value === null || value === undefined) return null;
      sum = a.add(sum, value);
    }
    return a.money(sum);
  };
  const decided = lines.every((line) => line.bounds !== undefined);
  const fields: Record<string, unknown> = decided ? { bounds: { minimum: add('minimum'), maximum: add('maximum') } } : {};
  return { status: 'caseworker-decision', reasons: ['caseworkersDecision'], amount, fields, members: lines, provides: { household: {}, members: entitled } };
}

// By arithmetic, then by status: every household without a candidate shares one.
const NO_CANDIDATES: Record<'units' | 'decimal', Partial<Record<'ineligible' | 'no-event', Outcome<unknown>>>> = { units: {}, decimal: {} };

/** The outcome when no member is even considered (no-event: nobody applies for a one-off
 * programme): one shared, frozen object per arithmetic and status, made on first use. */
function nobody<N>(a: Context<N>['a'], status: 'ineligible' | 'no-event'): Outcome<N> {
  const byStatus = NO_CANDIDATES[a.kind];
  let outcome = byStatus[status] as Outcome<N> | undefined;
  if (!outcome) {
    outcome = Object.freeze({
      status,
      reasons: Object.freeze(['noCandidates']) as unknown as string[],
      amount: a.zero,
      fields: Object.freeze({}),
      members: Object.freeze([]) as unknown as MemberLine<N>[],
      provides: Object.freeze({ household: Object.freeze({}), members: NOTHING_PROVIDED }),
    });
    byStatus[status] = outcome as Outcome<unknown>;
  }
  return outcome;
}
