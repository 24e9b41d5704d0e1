/**
 * The compiled dibao path: the same steps as src/programmes/dibao, in the same order, on
 * fixed-point units instead of Decimals, so that its results — trace included — are byte-identical
 * to the reference evaluator's. Every exactness limit bails out through `exact()` / Inexact.
 */
import { BenefitRulesError } from '../errors.js';
import { monthsFrom, yearsBetween } from '../dates.js';
import type { Household, Income, Member } from '../schemas/household.js';
import type { DibaoResult } from '../programmes/dibao/index.js';
import type { Bracket } from '../parameters/values.js';
import type { Recorder } from './record.js';
import { exact, Inexact } from './record.js';
import { divide, exactUnits, moneyText, moneyUnits, plainUnits, roundUnits, times, type Rate, type UnitRounding } from './units.js';

const EXCLUSIONS = ['imprisoned', 'compulsoryRehabilitation', 'declaredMissing'] as const;
/** Past these, double-precision comparisons of per-capita quotients are no longer exact. */
const MAX_TOTAL = 2 ** 43;
const MAX_MEMBERS = 1000;

type FastBracket = { upToShare: Rate | null; amountShare: Rate };

/** The dibao part of a result, keys in the reference's order. */
export type DibaoOutput = DibaoResult;

// Scratch space reused from one household to the next: the kernel allocates only its result.
const counted: Member[] = [];
const ownIncome: number[] = [];
const memberFacts = {
  imprisoned: false,
  compulsoryRehabilitation: false,
  declaredMissing: false,
  clergyYearsApart: null as number | null,
  clergyYearsThreshold: null as number | null,
};

export function evaluateDibao(r: Recorder, household: Household): { amount: number; result: DibaoOutput } {
  const { day, month } = r.plan.settings;
  const standard = r.required<number>(household.residence === 'urban' ? 'dibao.standard.urban' : 'dibao.standard.rural');
  // Membership.
  const threshold = r.read<number>('dibao.membership.clergyYearsApart');
  counted.length = 0;
  const countedIds: string[] = [];
  for (const member of household.members) {
    const exclusion = member.exclusion;
    const facts = memberFacts;
    facts.imprisoned = exclusion?.imprisoned ?? false;
    facts.compulsoryRehabilitation = exclusion?.compulsoryRehabilitation ?? false;
    facts.declaredMissing = exclusion?.declaredMissing ?? false;
    facts.clergyYearsApart = exclusion?.clergyLivingApartSince ? yearsBetween(exclusion.clergyLivingApartSince, day) : null;
    facts.clergyYearsThreshold = threshold;
    const excluded = r.check('memberExcluded', facts, member.id, 'whenMet');
    if (r.trace) {
      const reasons: string[] = [];
      if (excluded) {
        for (const fact of EXCLUSIONS) if (facts[fact]) reasons.push(fact);
        if (threshold !== null && facts.clergyYearsApart !== null && facts.clergyYearsApart >= threshold) reasons.push('clergyLivingApart');
      }
      r.record({ kind: 'member', member: member.id, counted: !excluded, reasons });
    }
    if (!excluded) {
      counted.push(member);
      countedIds.push(member.id);
    }
  }
  const size = counted.length;
  if (size > MAX_MEMBERS) throw new Inexact();
  // Income.
  ownIncome.length = 0;
  let total = 0;
  for (const member of household.members) {
    const isCounted = counted.includes(member);
    let own = 0;
    let employment = 0;
    for (const income of member.incomes ?? []) {
      if (!isCounted) {
        if (r.trace) r.record({ kind: 'income', member: member.id, type: income.type, monthly: exactUnits(exact(moneyUnits(income.monthly))), treatment: 'notMember', counted: '0' });
        continue;
      }
      const amount = countLine(r, member.id, income);
      own += amount;
      if (income.type === 'wages' || income.type === 'migrantWork') employment += amount;
    }
    if (!isCounted) continue;
    if (employment > 0) own -= employmentDeduction(r, member.id, employment, standard);
    ownIncome.push(own);
    total += own;
  }
  for (const income of household.incomes ?? []) total += countLine(r, null, income);
  if (total > MAX_TOTAL) throw new Inexact();
  const perCapita = perCapitaIncome(r, total, size);
  const multiple = r.read<Rate>('dibao.marginal.incomeMultiple');
  const exit = exitState(r, household, month);
  const assets = household.assets;
  const months = r.read<Rate>('dibao.assets.financialMonthsPerPerson');
  const exemptTypes = r.read<string[]>('dibao.assets.exemptVehicleTypes');
  let countedVehicles = 0;
  for (const vehicle of assets?.vehicles ?? []) if (exemptTypes === null || !exemptTypes.includes(vehicle.type)) countedVehicles += 1;
  const facts = {
    householdSize: size,
    countableIncome: total,
    perCapitaIncome: perCapita,
    standard,
    marginalLine: multiple === null ? null : exact(times(standard, multiple)),
    financialAssets: assets?.financial === undefined ? 0 : exact(moneyUnits(assets.financial)),
    financialAssetLimit: months === null ? null : exact(times(standard, months)) * size,
    countedVehicles,
    maxVehicles: r.read<number>('dibao.assets.maxVehicles'),
    dwellings: assets?.dwellings ?? 0,
    maxDwellings: r.read<number>('dibao.assets.maxDwellings'),
    businessRegistered: assets?.businessRegistered ?? false,
    businessRegistrationDisqualifies: r.read<boolean>('dibao.assets.businessRegistrationDisqualifies'),
    enrolled: exit.enrolled,
    exitMoratorium: exit.exitMoratorium,
    gradualExitMonth: exit.gradualExitMonth,
    gradualExitMonths: exit.gradualExitMonths,
  };
  const incomeBelow = r.check('incomeBelowStandard', facts);
  const assetsOk = r.check('assetsWithinLimits', facts);
  const eligible = r.check('eligible', facts, undefined, 'never');
  const marginal = !eligible && r.check('marginal', facts);
  const reasons: string[] = [size === 0 ? 'noCountedMembers' : incomeBelow ? 'incomeBelowStandard' : 'incomeNotBelowStandard'];
  if (!assetsOk) reasons.push('assetsOverLimits');
  if (marginal) reasons.push('marginal');
  const shown = Number.isInteger(perCapita) ? divide(perCapita, 100, 'halfUp') : divide(total, size * 100, 'halfUp');
  const head = { size, countedIds, total, shown, standard, marginal, eligible, reasons };
  if (eligible) {
    reasons.unshift('eligible');
    return out(r, head, roundAmount(r, amountFor(r, size, total, perCapita, standard)), 'enrolled', 'household', [], null);
  }
  if (exit.enrolled) {
    const leaving = leave(r, household, facts, exit, reasons);
    if (leaving) return out(r, head, leaving.amount, leaving.status, leaving.enrolment, [], leaving.gradualExit ?? null);
  }
  const alone = singlePerson(r, household, standard, marginal, assetsOk);
  if (alone.members.length > 0) {
    reasons.push('singlePerson');
    return out(r, head, alone.amount, 'enrolled', 'singlePerson', alone.members, null);
  }
  return out(r, head, 0, 'ineligible', null, [], null);
}

interface Head {
  size: number;
  countedIds: string[];
  total: number;
  shown: number;
  standard: number;
  marginal: boolean;
  eligible: boolean;
  reasons: string[];
}

/** The result, keys in the order the reference writes them. */
function out(r: Recorder, h: Head, amount: number, status: DibaoResult['status'], enrolment: DibaoResult['enrolment'], singlePersonMembers: string[], gradualExit: DibaoResult['gradualExit']) {
  const result: DibaoOutput = {
    householdSize: h.size,
    countedMembers: h.countedIds,
    countableIncome: exactUnits(h.total),
    perCapitaIncome: moneyText(h.shown * 100),
    standard: plainUnits(h.standard),
    marginal: h.marginal,
    singlePersonMembers,
    gradualExit,
    eligible: h.eligible,
    status,
    enrolment,
    reasons: h.reasons,
    monthlyAmount: moneyText(amount),
    notConfigured: r.notices,
  };
  if (r.trace) result.trace = r.trace;
  return { amount, result };
}

function countLine(r: Recorder, member: string | null, income: Income): number {
  const monthly = exact(moneyUnits(income.monthly));
  const rule = r.plan.income[income.type] as { exempt: string | undefined; share: string | undefined };
  if (rule.exempt !== undefined && r.read<boolean>(rule.exempt) === true) {
    if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'exempt', counted: '0', parameter: rule.exempt });
    return 0;
  }
  const share = rule.share === undefined ? null : r.read<Rate>(rule.share);
  if (share !== null && share.numerator !== share.denominator) {
    const value = exact(times(monthly, share));
    if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'share', counted: exactUnits(value), share: plainRate(share), parameter: rule.share as string });
    return value;
  }
  if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'counted', counted: exactUnits(monthly) });
  return monthly;
}

function employmentDeduction(r: Recorder, member: string, employment: number, standard: number): number {
  const method = r.read<string>('dibao.employmentDeduction.method');
  if (method === null || method === 'none') return 0;
  let deduction: number;
  if (method === 'shareOfWage') deduction = exact(times(employment, r.required<Rate>('dibao.employmentDeduction.rate')));
  else if (method === 'shareOfStandard') deduction = exact(times(standard, r.required<Rate>('dibao.employmentDeduction.rate')));
  else deduction = r.required<number>('dibao.employmentDeduction.amount');
  const capShare = r.read<Rate>('dibao.employmentDeduction.capShareOfStandard');
  let capped = false;
  if (capShare !== null) {
    const cap = exact(times(standard, capShare));
    if (deduction > cap) {
      deduction = cap;
      capped = true;
    }
  }
  deduction = Math.min(deduction, employment);
  if (r.trace) r.record({ kind: 'deduction', member, method, employmentIncome: exactUnits(employment), deduction: exactUnits(deduction), capped });
  return deduction;
}

/** Per-capita income in units: an integer when rounded or when it divides evenly, else the double
 * quotient, whose comparisons with whole-unit amounts are still exact (see MAX_TOTAL). */
function perCapitaIncome(r: Recorder, total: number, size: number): number {
  if (size === 0) return 0;
  r.numerator = total;
  r.denominator = size;
  const rounding = r.read<UnitRounding>('dibao.rounding.perCapitaIncome');
  const value = total / size;
  if (rounding === null) return value;
  const after = exact(divide(total, size * rounding.step, rounding.mode) * rounding.step);
  if (r.trace && after !== value) r.record({ kind: 'rounding', id: 'perCapitaIncome', parameter: 'dibao.rounding.perCapitaIncome', mode: rounding.mode, step: rounding.source.step, before: r.money(value), after: plainUnits(after) });
  return after;
}

function amountFor(r: Recorder, size: number, total: number, perCapita: number, standard: number): number {
  const method = r.required<string>('dibao.amount.method');
  let amount: number;
  if (method === 'tiers') {
    amount = tierAmount(r, size, total, perCapita, standard);
  } else if (r.read('dibao.rounding.perCapitaIncome') !== null) {
    amount = exact((standard - perCapita) * size);
    if (r.trace) r.record({ kind: 'calculation', id: 'differencePerPerson', values: { standard: plainUnits(standard), perCapitaIncome: plainUnits(perCapita), householdSize: String(size) }, result: exactUnits(amount) });
  } else {
    amount = standard * size - total;
    if (r.trace) r.record({ kind: 'calculation', id: 'difference', values: { standard: plainUnits(standard), householdSize: String(size), countableIncome: exactUnits(total) }, result: exactUnits(amount) });
  }
  const floorShare = r.read<Rate>('dibao.amount.floorShareOfStandard');
  if (floorShare !== null) {
    const floor = exact(times(standard, floorShare)) * size;
    if (amount < floor) {
      if (r.trace) r.record({ kind: 'calculation', id: 'floor', values: { amount: plainUnits(amount), share: plainRate(floorShare), standard: plainUnits(standard), householdSize: String(size) }, result: exactUnits(floor) });
      amount = floor;
    }
  }
  return Math.max(amount, 0);
}

function tierAmount(r: Recorder, size: number, total: number, perCapita: number, standard: number): number {
  const tiers = r.required<FastBracket[]>('dibao.amount.tiers');
  // perCapita / standard < upTo  ⇔  perCapita × n × D < upTo × D × standard × n, all in integers.
  const numerator = Number.isInteger(perCapita) ? perCapita * size : total;
  const index = tiers.findIndex((tier) => tier.upToShare === null || exact(safe(numerator * tier.upToShare.denominator)) < exact(safe(tier.upToShare.numerator * standard * size)));
  const tier = tiers[index] as FastBracket;
  const amount = exact(times(standard, tier.amountShare)) * size;
  if (r.trace) r.record({
    kind: 'calculation',
    id: 'tiers',
    values: { perCapitaIncome: r.money(perCapita), standard: plainUnits(standard), tier: String(index + 1), amountShare: plainRate(tier.amountShare), householdSize: String(size) },
    result: exactUnits(amount),
  });
  return amount;
}

function roundAmount(r: Recorder, amount: number): number {
  const rounding = r.required<UnitRounding>('dibao.rounding.amount');
  const after = exact(roundUnits(amount, rounding));
  if (r.trace && after !== amount) r.record({ kind: 'rounding', id: 'amount', parameter: 'dibao.rounding.amount', mode: rounding.mode, step: rounding.source.step, before: plainUnits(amount), after: plainUnits(after) });
  return after;
}

interface Exit {
  enrolled: boolean;
  exitMoratorium: boolean;
  gradualExitMonth: number | null;
  gradualExitMonths: number | null;
  gradualExitSince: string;
  schedule: Rate[] | null;
}

function exitState(r: Recorder, household: Household, month: string): Exit {
  const history = household.history?.dibao;
  const enrolled = history?.enrolledSince !== undefined;
  for (const field of ['enrolledSince', 'gradualExitSince'] as const) {
    const value = history?.[field];
    if (value !== undefined && value > month) {
      throw new BenefitRulesError('invalid-household', `history.dibao.${field} ${value} is after the month evaluated (${month})`, [
        { path: `$.history.dibao.${field}`, expected: `a month not after ${month}`, found: JSON.stringify(value) },
      ]);
    }
  }
  const since = history?.gradualExitSince ?? month;
  if (!enrolled) return { enrolled, exitMoratorium: false, gradualExitMonth: null, gradualExitMonths: null, gradualExitSince: since, schedule: null };
  const schedule = r.read<Rate[]>('dibao.gradualExit.schedule');
  return {
    enrolled,
    exitMoratorium: r.read<boolean>('dibao.exitMoratorium.active') === true,
    gradualExitMonth: schedule === null ? null : monthsFrom(since, month) + 1,
    gradualExitMonths: schedule === null ? null : schedule.length,
    gradualExitSince: since,
    schedule,
  };
}

function lastAmount(household: Household): number {
  const amount = household.history?.dibao?.lastAmount;
  if (amount === undefined) {
    throw new BenefitRulesError('invalid-household', 'history.dibao.lastAmount is needed: the household is leaving dibao and its payment continues from the last amount', [
      { path: '$.history.dibao.lastAmount', expected: 'the last monthly dibao payment', found: 'nothing' },
    ]);
  }
  return exact(moneyUnits(amount));
}

function leave(r: Recorder, household: Household, facts: Record<string, unknown>, exit: Exit, reasons: string[]) {
  if (r.check('hardCase', facts, undefined, 'never')) {
    reasons.push('hardCase');
    return undefined;
  }
  if (r.check('exitMoratorium', facts, undefined, 'never')) {
    reasons.push('exitMoratorium');
    const amount = lastAmount(household);
    if (r.trace) r.record({ kind: 'decision', id: 'moratoriumKeepsLastAmount', values: { lastAmount: moneyText(amount) } });
    return { amount, status: 'enrolled' as const, enrolment: 'moratorium' as const, gradualExit: null };
  }
  if (r.check('gradualExit', facts)) {
    reasons.push('gradualExit');
    const last = lastAmount(household);
    const month = exit.gradualExitMonth as number;
    const share = (exit.schedule as Rate[])[month - 1] as Rate;
    const raw = exact(times(last, share));
    if (r.trace) r.record({ kind: 'calculation', id: 'gradualExit', values: { lastAmount: moneyText(last), month: String(month), of: String(exit.gradualExitMonths), share: plainRate(share) }, result: exactUnits(raw) });
    const amount = roundAmount(r, raw);
    const gradualExit = { since: exit.gradualExitSince, month, of: exit.gradualExitMonths as number, share: plainRate(share), lastAmount: moneyText(last) };
    return { amount, status: 'gradual-exit' as const, enrolment: null, gradualExit };
  }
  reasons.push(exit.gradualExitMonths === null ? 'noGradualExit' : 'gradualExitComplete');
  return undefined;
}

const singleFacts = {
  householdMarginal: false,
  householdAssetsWithinLimits: false,
  residence: '' as string,
  singlePersonDisabilityGrades: [] as number[],
  singlePersonIntellectualMentalGrades: [] as number[],
  singlePersonSeriousIllnessResidences: [] as string[],
  singlePersonPovertyRegistered: false,
  disabilityCategory: null as string | null,
  disabilityGrade: null as number | null,
  seriousIllness: false,
  povertyRegistered: false,
};

function singlePerson(r: Recorder, household: Household, standard: number, marginal: boolean, assetsOk: boolean) {
  const facts = singleFacts;
  facts.householdMarginal = marginal;
  facts.householdAssetsWithinLimits = assetsOk;
  facts.residence = household.residence;
  facts.singlePersonDisabilityGrades = r.read<number[]>('dibao.singlePerson.disabilityGrades') ?? [];
  facts.singlePersonIntellectualMentalGrades = r.read<number[]>('dibao.singlePerson.intellectualMentalGrades') ?? [];
  facts.singlePersonSeriousIllnessResidences = r.read<string[]>('dibao.singlePerson.seriousIllnessResidences') ?? [];
  facts.singlePersonPovertyRegistered = r.read<boolean>('dibao.singlePerson.povertyRegistered') === true;
  const members: string[] = [];
  let amount = 0;
  for (let i = 0; i < counted.length; i += 1) {
    const member = counted[i] as Member;
    facts.disabilityCategory = member.disability?.category ?? null;
    facts.disabilityGrade = member.disability?.grade ?? null;
    facts.seriousIllness = member.seriousIllness ?? false;
    facts.povertyRegistered = member.povertyRegistered ?? false;
    if (!r.check('singlePerson', facts, member.id)) continue;
    const own = ownIncome[i] as number;
    if (!(own < standard)) {
      if (r.trace) r.record({ kind: 'decision', id: 'singlePersonIncomeTooHigh', values: { member: member.id, income: exactUnits(own), standard: plainUnits(standard) } });
      continue;
    }
    members.push(member.id);
    amount += roundAmount(r, amountFor(r, 1, own, perCapitaIncome(r, own, 1), standard));
  }
  return { members, amount };
}

function plainRate(rate: Rate): string {
  return plainUnits((rate.numerator * 10_000) / rate.denominator);
}

function safe(value: number): number {
  return Number.isSafeInteger(value) ? value : Number.NaN;
}
