/**
 * A declared member-level programme (a rule file with "scope": "member" and an "amount" form, no
 * module): for each member, the candidate condition (who is considered), then each eligibility
 * condition in turn, then the amount, rounded as the pack says. Written once, run on either
 * arithmetic.
 */
import type { Household } from '../../schemas/household.js';
import type { Context } from '../context.js';
import type { MemberLine, Outcome, ProvidedFacts } from '../types.js';
import { memberFacts } from './facts.js';
import { AmountCaseMissing } from './expression.js';
import { prepared, type Prepared } from './prepare.js';

/** The facts a declared programme's conditions and amount read for one member. */
export function factsFor<N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, memberIndex: number, used: ProvidedFacts, extra?: Record<string, unknown>): Record<string, unknown> {
  const member = household.members[memberIndex] as Household['members'][number];
  const facts = memberFacts(ctx.a, household, member, ctx.settings.day);
  for (const id of info.parameterFacts) facts[id] = ctx.param(id);
  Object.assign(facts, used.household);
  const own = used.members.get(member.id);
  for (const [name, fallback] of info.memberDefaults) facts[name] = own?.[name] ?? (fallback === 'zero' ? ctx.a.zero : fallback);
  if (extra) Object.assign(facts, extra);
  return facts;
}

export function evaluateDeclared<N, R, G>(ctx: Context<N, R, G>, household: Household, used: ProvidedFacts): Outcome<N> {
  const { a } = ctx;
  const info = prepared(ctx.settings.rulebook, ctx.rules);
  const lines: MemberLine<N>[] = [];
  const entitled = new Map<string, Record<string, unknown>>();
  let total = a.zero;
  for (let m = 0; m < household.members.length; m += 1) {
    const member = household.members[m] as Household['members'][number];
    const facts = factsFor(ctx, info, household, m, used);
    // Members who are not candidates at all (not disabled, not a child…) are not listed.
    if (info.candidates !== undefined && !info.candidates.test(facts)) continue;
    if (info.candidates !== undefined) ctx.check(info.candidates, facts, member.id, 'never');
    const reasons: string[] = [];
    for (const condition of info.eligibility) {
      if (!ctx.check(condition, facts, member.id)) {
        reasons.push(condition.id);
        break;
      }
    }
    let amount = a.zero;
    if (reasons.length === 0) {
      try {
        amount = memberAmount(ctx, info, facts, member.id);
        reasons.push('eligible');
      } catch (error) {
        if (!(error instanceof AmountCaseMissing)) throw error;
        reasons.push('amountNotConfigured');
        if (ctx.trace) ctx.record({ kind: 'decision', id: 'amountNotConfigured', values: { member: member.id, case: error.message } });
      }
    }
    lines.push({ member: member.id, entitled: amount, paid: amount, reasons });
    entitled.set(member.id, { entitled: amount });
    total = a.add(total, amount);
  }
  const paid = !a.isZero(total);
  return {
    status: paid ? 'paid' : 'ineligible',
    reasons: [paid ? 'membersEligible' : lines.length > 0 ? 'noMemberEligible' : 'noCandidates'],
    amount: total,
    fields: {},
    members: lines,
    provides: { household: {}, members: entitled },
  };
}

function memberAmount<N, R, G>(ctx: Context<N, R, G>, info: Prepared, facts: Record<string, unknown>, member: string): N {
  const { a } = ctx;
  const amount = info.amount as NonNullable<Prepared['amount']>;
  const raw = amount.value(ctx, facts) as N;
  const rounded = info.rounding === undefined ? raw : a.round(raw, ctx.required<G>(info.rounding));
  if (ctx.trace) {
    ctx.record({ kind: 'calculation', id: 'memberAmount', member, values: { formula: amount.text(ctx, facts) }, result: a.exact(raw) });
    if (a.compare(rounded, raw) !== 0 && info.rounding !== undefined) {
      const { mode, step } = a.roundingText(ctx.required<G>(info.rounding));
      ctx.record({ kind: 'rounding', id: 'memberAmount', parameter: info.rounding, mode, step, before: a.plain(raw), after: a.plain(rounded) });
    }
  }
  return rounded;
}
