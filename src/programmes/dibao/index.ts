/**
 * Dibao (最低生活保障, minimum living allowance) for one household-month: who counts, what income
 * counts, whether the household qualifies, how much it is paid, and how it leaves. The conditions
 * are data (rules/dibao.json); this module computes the facts they read and the amounts.
 */
import type { Household } from '../../schemas/household.js';
import { Decimal, ZERO, formatDecimal, formatExact, formatMoney, plain } from '../../money.js';
import type { Rulebook } from '../../rulebook/index.js';
import type { ProgrammeContext } from '../context.js';
import type { Programme, ProgrammeResultBase } from '../types.js';
import { countMembers } from './membership.js';
import { countIncome } from './income.js';
import { assetFacts } from './assets.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';
import { exitState, lastAmount, type ExitState } from './exit.js';
import { dibaoRules, type DibaoRules } from './rules.js';
import { DIBAO_FACTS, DIBAO_MONEY_FACTS } from './facts.js';

export interface DibaoResult extends ProgrammeResultBase {
  eligible: boolean;
  status: 'enrolled' | 'gradual-exit' | 'ineligible';
  /** How the payment arises: the household qualifies, members enrolled alone, or the moratorium. */
  enrolment: 'household' | 'singlePerson' | 'moratorium' | null;
  householdSize: number;
  countedMembers: string[];
  countableIncome: string;
  /** Per-capita income shown to the fen; the calculation uses it exactly (see the trace). */
  perCapitaIncome: string;
  standard: string;
  marginal: boolean;
  singlePersonMembers: string[];
  gradualExit: { since: string; month: number; of: number; share: string; lastAmount: string } | null;
}

const rulesCache = new WeakMap<Rulebook, DibaoRules>();

function rulesOf(rulebook: Rulebook): DibaoRules {
  let rules = rulesCache.get(rulebook);
  if (!rules) rulesCache.set(rulebook, (rules = dibaoRules(rulebook)));
  return rules;
}

export const dibao: Programme<Omit<DibaoResult, 'monthlyAmount' | 'notConfigured' | 'trace'>> = {
  id: 'dibao',
  name: { zh: '最低生活保障', en: 'Minimum living allowance (dibao)' },
  facts: DIBAO_FACTS,
  moneyFacts: DIBAO_MONEY_FACTS,
  prepare: (rulebook) => void rulesOf(rulebook),
  evaluate(ctx, household) {
    const rules = rulesOf(ctx.settings.rulebook);
    const standard = ctx.required<Decimal>(`dibao.standard.${household.residence}`);
    const { counted } = countMembers(ctx, rules, household);
    const size = counted.length;
    const income = countIncome(ctx, household, counted, standard);
    const perCapita = perCapitaIncome(ctx, income.total, size);
    const multiple = ctx.param<Decimal>('dibao.marginal.incomeMultiple');
    const exit = exitState(ctx, household, ctx.settings.month);
    const facts = {
      householdSize: size,
      countableIncome: income.total,
      perCapitaIncome: perCapita,
      standard,
      marginalLine: multiple === null ? null : standard.times(multiple),
      ...assetFacts(ctx, household, standard, size),
      enrolled: exit.enrolled,
      exitMoratorium: exit.exitMoratorium,
      gradualExitMonth: exit.gradualExitMonth,
      gradualExitMonths: exit.gradualExitMonths,
    };
    const incomeBelow = ctx.check(rules.incomeBelowStandard, facts);
    const assetsOk = ctx.check(rules.assetsWithinLimits, facts);
    const eligible = ctx.check(rules.eligible, facts, undefined, 'never');
    const marginal = !eligible && ctx.check(rules.marginal, facts);
    const reasons: string[] = [size === 0 ? 'noCountedMembers' : incomeBelow ? 'incomeBelowStandard' : 'incomeNotBelowStandard'];
    if (!assetsOk) reasons.push('assetsOverLimits');
    if (marginal) reasons.push('marginal');

    const base = {
      householdSize: size,
      countedMembers: counted.map((m) => m.id),
      countableIncome: formatExact(income.total),
      perCapitaIncome: formatDecimal(perCapita),
      standard: plain(standard),
      marginal,
      singlePersonMembers: [] as string[],
      gradualExit: null as DibaoResult['gradualExit'],
    };
    if (eligible) {
      const amount = roundAmount(ctx, amountFor(ctx, size, income.total, perCapita, standard));
      return { amount, result: { ...base, eligible, status: 'enrolled', enrolment: 'household', reasons: ['eligible', ...reasons] } };
    }
    if (exit.enrolled) {
      const leaving = leave(ctx, rules, household, facts, exit, reasons);
      if (leaving) return { amount: leaving.amount, result: { ...base, eligible, ...leaving.result, reasons } };
    }
    const alone = singlePersonEnrolment(ctx, rules, household, counted, income.byMember, standard, marginal, assetsOk);
    if (alone.members.length > 0) {
      reasons.push('singlePerson');
      return { amount: alone.amount, result: { ...base, eligible, status: 'enrolled', enrolment: 'singlePerson', singlePersonMembers: alone.members, reasons } };
    }
    return { amount: ZERO, result: { ...base, eligible, status: 'ineligible', enrolment: null, reasons } };
  },
};

/** An enrolled household that no longer qualifies: moratorium, gradual exit, or out at once. */
function leave(ctx: ProgrammeContext, rules: DibaoRules, household: Household, facts: Record<string, unknown>, exit: ExitState, reasons: string[]) {
  if (ctx.check(rules.hardCase, facts, undefined, 'never')) {
    reasons.push('hardCase');
    return undefined;
  }
  if (ctx.check(rules.exitMoratorium, facts, undefined, 'never')) {
    reasons.push('exitMoratorium');
    const amount = lastAmount(household);
    ctx.record({ kind: 'decision', id: 'moratoriumKeepsLastAmount', values: { lastAmount: formatMoney(amount) } });
    return { amount, result: { status: 'enrolled' as const, enrolment: 'moratorium' as const } };
  }
  if (ctx.check(rules.gradualExit, facts)) {
    reasons.push('gradualExit');
    const last = lastAmount(household);
    const month = exit.gradualExitMonth as number;
    const share = (exit.schedule as Decimal[])[month - 1] as Decimal;
    const raw = last.times(share);
    ctx.record({ kind: 'calculation', id: 'gradualExit', values: { lastAmount: formatMoney(last), month: String(month), of: String(exit.gradualExitMonths), share: plain(share) }, result: formatExact(raw) });
    const amount = roundAmount(ctx, raw);
    const gradualExit = { since: exit.gradualExitSince, month, of: exit.gradualExitMonths as number, share: plain(share), lastAmount: formatMoney(last) };
    return { amount, result: { status: 'gradual-exit' as const, enrolment: null, gradualExit } };
  }
  reasons.push(exit.gradualExitMonths === null ? 'noGradualExit' : 'gradualExitComplete');
  return undefined;
}

/** Members enrolled alone (单人保), each as a one-person household on their own income. */
function singlePersonEnrolment(
  ctx: ProgrammeContext,
  rules: DibaoRules,
  household: Household,
  counted: Household['members'],
  byMember: ReadonlyMap<string, Decimal>,
  standard: Decimal,
  marginal: boolean,
  assetsOk: boolean,
): { members: string[]; amount: Decimal } {
  const shared = {
    householdMarginal: marginal,
    householdAssetsWithinLimits: assetsOk,
    residence: household.residence,
    singlePersonDisabilityGrades: ctx.param<number[]>('dibao.singlePerson.disabilityGrades') ?? [],
    singlePersonIntellectualMentalGrades: ctx.param<number[]>('dibao.singlePerson.intellectualMentalGrades') ?? [],
    singlePersonSeriousIllnessResidences: ctx.param<string[]>('dibao.singlePerson.seriousIllnessResidences') ?? [],
    singlePersonPovertyRegistered: ctx.param<boolean>('dibao.singlePerson.povertyRegistered') === true,
  };
  const members: string[] = [];
  let amount = ZERO;
  for (const member of counted) {
    const facts = {
      ...shared,
      disabilityCategory: member.disability?.category ?? null,
      disabilityGrade: member.disability?.grade ?? null,
      seriousIllness: member.seriousIllness ?? false,
      povertyRegistered: member.povertyRegistered ?? false,
    };
    if (!ctx.check(rules.singlePerson, facts, member.id)) continue;
    const own = byMember.get(member.id) ?? ZERO;
    // As a one-person household: its income as the pack compares incomes (rounded, if it rounds).
    const income = perCapitaIncome(ctx, own, 1);
    if (!income.lessThan(standard)) {
      ctx.record({ kind: 'decision', id: 'singlePersonIncomeTooHigh', values: { member: member.id, income: formatExact(income), standard: plain(standard) } });
      continue;
    }
    const paid = roundAmount(ctx, amountFor(ctx, 1, own, income, standard));
    if (paid.isZero()) continue;
    members.push(member.id);
    amount = amount.plus(paid);
  }
  return { members, amount };
}
