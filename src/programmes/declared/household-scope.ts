/**
 * A declared household-level programme (a rule file with "scope": "household", an "amount" form and
 * no module): one amount for the household, decided by household conditions on the household's
 * facts (its size, residence and assets), its parameters and what the programmes it uses give
 * (dibao's counted household size, whether dibao pays). Its amount may count or add over the
 * members, whose conditions read the engine's member facts beside the household's. Written once,
 * run on either arithmetic. See docs/decisions/0029-runner-sub-amounts-and-household-scope.md.
 */
import type { Household } from '../../schemas/household.js';
import { UNKNOWN, type Context } from '../context.js';
import { NOTHING_PROVIDED, type Outcome, type UsedFacts } from '../types.js';
import { AmountCaseMissing, type MembersView } from './expression.js';
import { factPath, householdFactPath, memberFacts } from './facts.js';
import type { Prepared } from './prepare.js';
import { DECLARED_HOUSEHOLD_FACTS } from './household-facts.js';
import { absentValue } from '../../schemas/facts.js';

/** The facts of the household: its own, the parameters its conditions read, the used programmes'
 * (also what a household programme's interactions read, src/engine/household-interactions.ts). */
export function householdFacts<N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, used: UsedFacts): Record<string, unknown> {
  const { a } = ctx;
  const assets = household.assets;
  const facts: Record<string, unknown> = { householdSize: household.members.length };
  // The declared household facts, their absence as declared (the keys always in this order: one shape).
  const given = household as unknown as Record<string, unknown>;
  for (const fact of DECLARED_HOUSEHOLD_FACTS) facts[fact.id] = given[fact.id] ?? absentValue(fact);
  facts.financialAssets = assets?.financial === undefined ? a.zero : a.input(assets.financial);
  facts.dwellings = assets?.dwellings ?? 0;
  facts.vehicles = assets?.vehicles?.length ?? 0;
  facts.businessRegistered = assets?.businessRegistered ?? false;
  // Rates reach conditions as exact Decimals on both paths, as a member programme's do (member.ts).
  info.parameterFacts.forEach((id, i) => {
    const value = ctx.conditionParam(id);
    facts[id] = info.exactParameters[i] && value !== null && value !== UNKNOWN ? ctx.plan.get(id).decimal : value;
  });
  (ctx.rules.uses ?? []).forEach((programme, i) => {
    const producer = used.producers[i];
    if (producer === undefined) return;
    for (const name of info.usedHouseholdFacts[i] ?? []) facts[`${programme}.${name}`] = producer.unknown ? UNKNOWN : producer.household[name];
  });
  return facts;
}

export function evaluateHouseholdDeclared<N, R, G>(ctx: Context<N, R, G>, info: Prepared, household: Household, used: UsedFacts): Outcome<N> {
  const { a } = ctx;
  const facts = householdFacts(ctx, info, household, used);
  for (const condition of info.eligibility) {
    // A condition that reaches an unknown fact stops the programme (not configured, naming it).
    if (!ctx.check(condition, facts)) return outcome(a.zero, 'ineligible', [condition.id]);
  }
  const made: Record<string, unknown>[] = [];
  // A member's facts for the forms that count or add over members: the engine's member facts, and
  // the household's beside them (parameters, the used programmes' facts).
  const members: MembersView = {
    size: household.members.length,
    facts: (i) => (made[i] ??= { ...memberFacts(a, household, household.members[i] as Household['members'][number], ctx.settings.day), ...facts }),
  };
  const form = info.amount as NonNullable<Prepared['amount']>;
  let amount: N;
  try {
    const raw = form.value(ctx, facts, members) as N;
    amount = info.rounding === undefined ? raw : a.round(raw, ctx.required<G>(info.rounding));
    if (ctx.trace) {
      ctx.record({ kind: 'calculation', id: 'householdAmount', values: { formula: form.text(ctx, facts, members) }, result: a.exact(raw) });
      if (a.compare(amount, raw) !== 0 && info.rounding !== undefined) {
        const { mode, step } = a.roundingText(ctx.required<G>(info.rounding));
        ctx.record({ kind: 'rounding', id: 'householdAmount', parameter: info.rounding, mode, step, before: a.plain(raw), after: a.plain(amount) });
      }
    }
  } catch (error) {
    if (!(error instanceof AmountCaseMissing)) throw error;
    // A case the pack does not give, or a household fact not given: the amount cannot be said. A
    // fact of the household left out stops the programme as missing it (its JSON path), another
    // unknown one as not configured: never a zero.
    // A member's fact, read by a count or a sum over the members, is named at that member's path.
    const path = error.fact === undefined ? undefined : error.member === undefined ? householdFactPath(error.fact) : factPath(error.member, error.fact);
    if (path !== undefined) {
      if (ctx.trace) ctx.record({ kind: 'decision', id: 'missingFact', values: { case: error.message } });
      ctx.missing(path, error.fact as string);
    }
    if (error.fact !== undefined) ctx.unknown(error.fact);
    if (ctx.trace) ctx.record({ kind: 'decision', id: 'amountNotConfigured', values: { case: error.message } });
    return outcome(a.zero, 'ineligible', ['amountNotConfigured']);
  }
  return a.isZero(amount) ? outcome(amount, 'ineligible', ['eligible']) : outcome(amount, 'paid', ['eligible']);
}

function outcome<N>(amount: N, status: 'paid' | 'ineligible', reasons: string[]): Outcome<N> {
  return { status, reasons, amount, fields: {}, provides: { household: { entitled: amount, pays: status === 'paid' }, members: NOTHING_PROVIDED } };
}
