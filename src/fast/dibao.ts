/**
 * The compiled dibao path: the same steps as src/programmes/dibao, in the same order, on
 * fixed-point units instead of Decimals, so that its results — trace included — are byte-identical
 * to the reference evaluator's. Whatever cannot be held exactly bails out (exactOrBail / Inexact)
 * to the reference.
 */
import { yearsBetween } from '../dates.js';
import type { Household } from '../schemas/household.js';
import type { DibaoResult } from '../programmes/dibao/index.js';
import { exclusionReasons } from '../programmes/dibao/membership.js';
import type { Recorder } from './record.js';
import { Inexact, exactOrBail, safe } from './record.js';
import { countLine, employmentDeduction } from './income.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';
import { leave, singlePerson } from './exit.js';
import { exitState } from '../programmes/dibao/exit.js';
import { divide, exactUnits, moneyText, moneyUnits, plainUnits, times, wholeFen, type Rate } from './units.js';

/** Past these, double-precision comparisons of per-capita quotients are no longer exact. */
const MAX_TOTAL = 2 ** 43;
const MAX_MEMBERS = 1000;

export function evaluateDibao(r: Recorder, household: Household): { amount: number; result: DibaoResult } {
  const { day, month } = r.plan.settings;
  const standard = r.required<number>(household.residence === 'urban' ? 'dibao.standard.urban' : 'dibao.standard.rural');
  // Membership (民发〔2021〕57号 第七条).
  const threshold = r.read<number>('dibao.membership.clergyYearsApart');
  const { counted, isCounted, ownIncome, memberFacts: facts } = r;
  counted.length = 0;
  isCounted.length = 0;
  const countedIds: string[] = [];
  for (const member of household.members) {
    const exclusion = member.exclusion;
    facts.imprisoned = exclusion?.imprisoned ?? false;
    facts.compulsoryRehabilitation = exclusion?.compulsoryRehabilitation ?? false;
    facts.declaredMissing = exclusion?.declaredMissing ?? false;
    facts.clergyYearsApart = exclusion?.clergyLivingApartSince ? yearsBetween(exclusion.clergyLivingApartSince, day) : null;
    facts.clergyYearsThreshold = threshold;
    const excluded = r.check('memberExcluded', facts, member.id, 'whenMet');
    if (r.trace) r.record({ kind: 'member', member: member.id, counted: !excluded, reasons: excluded ? exclusionReasons(facts) : [] });
    isCounted.push(!excluded);
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
  for (let m = 0; m < household.members.length; m += 1) {
    const member = household.members[m] as Household['members'][number];
    let own = 0;
    let employment = 0;
    for (const income of member.incomes ?? []) {
      if (!isCounted[m]) {
        if (r.trace) r.record({ kind: 'income', member: member.id, type: income.type, monthly: exactUnits(exactOrBail(moneyUnits(income.monthly))), treatment: 'notMember', counted: '0' });
        continue;
      }
      const amount = countLine(r, member.id, income);
      own += amount;
      if (income.type === 'wages' || income.type === 'migrantWork') employment += amount;
    }
    if (!isCounted[m]) continue;
    if (employment > 0) own -= employmentDeduction(r, member.id, employment, standard);
    ownIncome.push(own);
    total += own;
  }
  for (const income of household.incomes ?? []) total += countLine(r, null, income);
  if (total > MAX_TOTAL) throw new Inexact();
  const perCapita = perCapitaIncome(r, total, size);
  const multiple = r.read<Rate>('dibao.marginal.incomeMultiple');
  const exit = exitState<Rate>(r, household, month);
  const assets = household.assets;
  const months = r.read<Rate>('dibao.assets.financialMonthsPerPerson');
  const exemptTypes = r.read<string[]>('dibao.assets.exemptVehicleTypes');
  let countedVehicles = 0;
  for (const vehicle of assets?.vehicles ?? []) if (exemptTypes === null || !exemptTypes.includes(vehicle.type)) countedVehicles += 1;
  const householdFacts = {
    householdSize: size,
    countableIncome: total,
    perCapitaIncome: perCapita,
    standard,
    marginalLine: multiple === null ? null : exactOrBail(times(standard, multiple)),
    financialAssets: assets?.financial === undefined ? 0 : exactOrBail(moneyUnits(assets.financial)),
    financialAssetLimit: months === null ? null : exactOrBail(safe(exactOrBail(times(standard, months)) * size)),
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
  const incomeBelow = r.check('incomeBelowStandard', householdFacts);
  const assetsOk = r.check('assetsWithinLimits', householdFacts);
  const eligible = r.check('eligible', householdFacts, undefined, 'never');
  const marginal = !eligible && r.check('marginal', householdFacts);
  const reasons: string[] = [size === 0 ? 'noCountedMembers' : incomeBelow ? 'incomeBelowStandard' : 'incomeNotBelowStandard'];
  if (!assetsOk) reasons.push('assetsOverLimits');
  if (marginal) reasons.push('marginal');
  const shown = Number.isInteger(perCapita) ? divide(perCapita, 100, 'halfUp') : divide(total, size * 100, 'halfUp');
  const head: Head = { size, countedIds, total, shown, standard, marginal, eligible, reasons };
  if (eligible) {
    reasons.unshift('eligible');
    return out(r, head, roundAmount(r, amountFor(r, size, total, perCapita, standard)), 'enrolled', 'household', [], null);
  }
  if (exit.enrolled) {
    const leaving = leave(r, household, householdFacts, exit, reasons);
    if (leaving) return out(r, head, leaving.amount, leaving.status, leaving.enrolment, [], leaving.gradualExit);
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
  const result: DibaoResult = {
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
    monthlyAmount: moneyText(exactOrBail(wholeFen(amount))),
    notConfigured: r.notices,
  };
  if (r.trace) result.trace = r.trace;
  return { amount, result };
}
