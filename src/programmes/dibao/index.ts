/**
 * Dibao (最低生活保障, minimum living allowance) for one household-month: who counts, what income
 * counts, whether the household qualifies, how much it is paid, and how it leaves. The conditions
 * are data (rules/dibao.json); this module computes the facts they read and the amounts, once, for
 * either arithmetic.
 */
import type { Household, Member } from '../../schemas/household.js';
import type { Context } from '../context.js';
import type { Outcome, ProgrammeModule, ProvidedFacts } from '../types.js';
import type { DibaoFields } from '../result.js';
import { countMembers } from './membership.js';
import { countIncome } from './income.js';
import { assetFacts } from './assets.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';
import { exitState, lastAmountInput, type ExitState } from './exit.js';
import { dibaoNextHistory } from './history.js';

type Status = 'enrolled' | 'gradual-exit' | 'ineligible';

const NONE: readonly never[] = Object.freeze([]);
/** Nobody excluded (the usual case): every member counts. */
const EVERYONE = { has: () => true };

export type { DibaoFields };

export const dibao: ProgrammeModule = {
  id: 'dibao',
  nextHistory: dibaoNextHistory,
  evaluate<N, R, G>(ctx: Context<N, R, G>, household: Household): Outcome<N> {
    const { a } = ctx;
    const standard = ctx.required<N>(household.residence === 'urban' ? 'dibao.standard.urban' : 'dibao.standard.rural');
    const counted = countMembers(ctx, household);
    const size = counted.length;
    const income = countIncome(ctx, household, size === household.members.length ? EVERYONE : new Set(counted), standard);
    const perCapita = perCapitaIncome(ctx, income.total, size);
    const multiple = ctx.param<R>('dibao.marginal.incomeMultiple');
    const exit = exitState(ctx, household, ctx.settings.month);
    const assets = assetFacts(ctx, household, standard, size);
    // One literal with every key, so the conditions read an object of one fixed shape.
    const facts = {
      householdSize: size,
      countableIncome: income.total,
      perCapitaIncome: perCapita,
      standard,
      marginalLine: multiple === null ? null : a.times(standard, multiple),
      financialAssets: assets.financialAssets,
      financialAssetLimit: assets.financialAssetLimit,
      countedVehicles: assets.countedVehicles,
      maxVehicles: assets.maxVehicles,
      dwellings: assets.dwellings,
      maxDwellings: assets.maxDwellings,
      businessRegistered: assets.businessRegistered,
      businessRegistrationDisqualifies: assets.businessRegistrationDisqualifies,
      enrolled: exit.enrolled,
      exitMoratorium: exit.exitMoratorium,
      gradualExitMonth: exit.gradualExitMonth,
      gradualExitMonths: exit.gradualExitMonths,
    };
    const incomeBelow = ctx.check(ctx.condition('incomeBelowStandard'), facts);
    const assetsOk = ctx.check(ctx.condition('assetsWithinLimits'), facts);
    const eligible = ctx.check(ctx.condition('eligible'), facts, undefined, 'never');
    const marginal = !eligible && ctx.check(ctx.condition('marginal'), facts);
    const reasons: string[] = [size === 0 ? 'noCountedMembers' : incomeBelow ? 'incomeBelowStandard' : 'incomeNotBelowStandard'];
    if (!assetsOk) reasons.push('assetsOverLimits');
    if (marginal) reasons.push('marginal');
    const fields: DibaoFields = {
      eligible,
      enrolment: null,
      householdSize: size,
      countedMembers: counted.map((m) => m.id),
      countableIncome: a.exact(income.total),
      perCapitaIncome: a.shown(perCapita),
      standard: a.plain(standard),
      marginal,
      singlePersonMembers: [],
      gradualExit: null,
    };
    const done = (status: Status, amount: N, covered: Map<string, N>): Outcome<N> => ({
      status,
      reasons,
      amount,
      fields: fields as unknown as Record<string, unknown>,
      provides: provided(standard, marginal, size, covered),
    });
    if (eligible) {
      reasons.unshift('eligible');
      fields.enrolment = 'household';
      const amount = roundAmount(ctx, amountFor(ctx, size, income.total, perCapita, standard));
      return done('enrolled', amount, shares(ctx, counted, amount));
    }
    if (exit.enrolled) {
      const leaving = leave(ctx, household, facts, exit, reasons);
      if (leaving) {
        fields.enrolment = leaving.status === 'enrolled' ? 'moratorium' : null;
        fields.gradualExit = leaving.gradualExit;
        return done(leaving.status, leaving.amount, shares(ctx, counted, leaving.amount));
      }
    }
    const alone = singlePersonEnrolment(ctx, household, counted, income.byMember, standard, marginal, assetsOk);
    if (alone.size > 0) {
      reasons.push('singlePerson');
      fields.enrolment = 'singlePerson';
      fields.singlePersonMembers = [...alone.keys()];
      let amount = a.zero;
      for (const paid of alone.values()) amount = a.add(amount, paid);
      return done('enrolled', amount, alone);
    }
    return done('ineligible', a.zero, new Map());
  },
};

/** What dibao tells the programmes that use it (rules/dibao.json "provides"). */
function provided<N>(standard: N, marginal: boolean, size: number, covered: Map<string, N>): ProvidedFacts {
  const members = new Map<string, Record<string, unknown>>();
  // Members with the same share share one (never changed) facts object: a household's are all alike.
  let last: { covered: true; memberShare: N } | undefined;
  for (const [id, share] of covered) {
    if (last === undefined || last.memberShare !== share) last = { covered: true, memberShare: share };
    members.set(id, last);
  }
  return { household: { standard, marginal, householdSize: size, receiving: covered.size > 0 }, members };
}

/** Each counted member's share of the household's payment, to the fen as payments are made. */
function shares<N, R, G>(ctx: Context<N, R, G>, counted: readonly Member[], amount: N): Map<string, N> {
  const { a } = ctx;
  const out = new Map<string, N>();
  if (a.isZero(amount) || counted.length === 0) return out;
  const share = a.round(a.perCount(amount, counted.length), ctx.required<G>('dibao.rounding.amount'));
  for (const member of counted) out.set(member.id, share);
  return out;
}

/** An enrolled household that no longer qualifies: moratorium, gradual exit, or out at once. */
function leave<N, R, G>(ctx: Context<N, R, G>, household: Household, facts: Record<string, unknown>, exit: ExitState<R>, reasons: string[]) {
  const { a } = ctx;
  if (ctx.check(ctx.condition('hardCase'), facts, undefined, 'never')) {
    reasons.push('hardCase');
    return undefined;
  }
  if (ctx.check(ctx.condition('exitMoratorium'), facts, undefined, 'never')) {
    reasons.push('exitMoratorium');
    const amount = a.input(lastAmountInput(household));
    if (ctx.trace) ctx.record({ kind: 'decision', id: 'moratoriumKeepsLastAmount', values: { lastAmount: a.money(amount) } });
    return { status: 'enrolled' as const, amount, gradualExit: null };
  }
  if (ctx.check(ctx.condition('gradualExit'), facts)) {
    reasons.push('gradualExit');
    const last = a.input(lastAmountInput(household));
    const month = exit.gradualExitMonth as number;
    const share = (exit.schedule as R[])[month - 1] as R;
    const raw = a.times(last, share);
    if (ctx.trace)
      ctx.record({
        kind: 'calculation',
        id: 'gradualExit',
        values: { lastAmount: a.money(last), month: String(month), of: String(exit.gradualExitMonths), share: a.rateText(share) },
        result: a.exact(raw),
      });
    const amount = roundAmount(ctx, raw);
    const gradualExit = { since: exit.gradualExitSince, month, of: exit.gradualExitMonths as number, share: a.rateText(share), lastAmount: a.money(last) };
    return { status: 'gradual-exit' as const, amount, gradualExit };
  }
  reasons.push(exit.gradualExitMonths === null ? 'noGradualExit' : 'gradualExitComplete');
  return undefined;
}

/**
 * Members enrolled alone (单人保), each as a one-person household on their own income plus their
 * per-capita share of the household's own income (rent, say): income of the household as a whole
 * belongs to each of its members, so it cannot be left out of anyone's.
 */
function singlePersonEnrolment<N, R, G>(
  ctx: Context<N, R, G>,
  household: Household,
  counted: readonly Member[],
  byMember: ReadonlyMap<string, N>,
  standard: N,
  marginal: boolean,
  assetsOk: boolean,
): Map<string, N> {
  const { a } = ctx;
  // One facts object for every member, changed member by member: member conditions are never
  // remembered, and the trace copies the values it records.
  const facts = {
    householdMarginal: marginal,
    householdAssetsWithinLimits: assetsOk,
    residence: household.residence,
    singlePersonDisabilityGrades: ctx.param<number[]>('dibao.singlePerson.disabilityGrades') ?? NONE,
    singlePersonIntellectualMentalGrades: ctx.param<number[]>('dibao.singlePerson.intellectualMentalGrades') ?? NONE,
    singlePersonSeriousIllnessResidences: ctx.param<string[]>('dibao.singlePerson.seriousIllnessResidences') ?? NONE,
    singlePersonPovertyRegistered: ctx.param<boolean>('dibao.singlePerson.povertyRegistered') === true,
    disabilityCategory: null as string | null,
    disabilityGrade: null as number | null,
    seriousIllness: false,
    povertyRegistered: false,
  };
  const condition = ctx.condition('singlePerson');
  const enrolled = new Map<string, N>();
  let householdShare: N | undefined;
  for (const member of counted) {
    facts.disabilityCategory = member.disability?.category ?? null;
    facts.disabilityGrade = member.disability?.grade ?? null;
    facts.seriousIllness = member.seriousIllness ?? false;
    facts.povertyRegistered = member.povertyRegistered ?? false;
    if (!ctx.check(condition, facts, member.id)) continue;
    householdShare ??= householdIncomeShare(ctx, household, counted.length);
    const own = a.add(byMember.get(member.id) ?? a.zero, householdShare);
    // As a one-person household: its income as the pack compares incomes (rounded, if it rounds).
    const income = perCapitaIncome(ctx, own, 1);
    if (a.compare(income, standard) >= 0) {
      if (ctx.trace) ctx.record({ kind: 'decision', id: 'singlePersonIncomeTooHigh', values: { member: member.id, income: a.exact(income), standard: a.plain(standard) } });
      continue;
    }
    const paid = roundAmount(ctx, amountFor(ctx, 1, own, income, standard));
    if (!a.isZero(paid)) enrolled.set(member.id, paid);
  }
  return enrolled;
}

/** The household's own countable income (not any member's) divided among its counted members. */
function householdIncomeShare<N, R, G>(ctx: Context<N, R, G>, household: Household, size: number): N {
  const { a } = ctx;
  if (!household.incomes?.length) return a.zero;
  // Exemptions and shares apply as to every income line (recorded in the trace already).
  const trace = ctx.trace;
  ctx.trace = undefined;
  let total: N;
  try {
    total = countIncome(ctx, { ...household, members: [] }, new Set(), a.zero).total;
  } finally {
    ctx.trace = trace;
  }
  const share = a.perCount(total, size);
  if (ctx.trace) ctx.record({ kind: 'calculation', id: 'householdIncomeShare', values: { householdIncome: a.exact(total), householdSize: String(size) }, result: a.exact(share) });
  return share;
}
