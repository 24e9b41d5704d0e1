/**
 * Leaving dibao and one-person enrolment on the compiled path: src/programmes/dibao/exit.ts and the
 * single-person part of src/programmes/dibao/index.ts, in fixed-point units.
 */
import type { Household, Member } from '../schemas/household.js';
import { lastAmountInput, type ExitState } from '../programmes/dibao/exit.js';
import type { Recorder } from './record.js';
import { exactOrBail } from './record.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';
import { plainRate } from './income.js';
import { exactUnits, moneyText, moneyUnits, plainUnits, times, type Rate } from './units.js';

export type Exit = ExitState<Rate>;

const lastAmount = (household: Household) => exactOrBail(moneyUnits(lastAmountInput(household)));

export function leave(r: Recorder, household: Household, facts: Record<string, unknown>, exit: Exit, reasons: string[]) {
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
    const raw = exactOrBail(times(last, share));
    if (r.trace) r.record({ kind: 'calculation', id: 'gradualExit', values: { lastAmount: moneyText(last), month: String(month), of: String(exit.gradualExitMonths), share: plainRate(share) }, result: exactUnits(raw) });
    const amount = roundAmount(r, raw);
    const gradualExit = { since: exit.gradualExitSince, month, of: exit.gradualExitMonths as number, share: plainRate(share), lastAmount: moneyText(last) };
    return { amount, status: 'gradual-exit' as const, enrolment: null, gradualExit };
  }
  reasons.push(exit.gradualExitMonths === null ? 'noGradualExit' : 'gradualExitComplete');
  return undefined;
}

export function singlePerson(r: Recorder, household: Household, standard: number, marginal: boolean, assetsOk: boolean) {
  // One facts object for every member: only the member's own fields change.
  const facts = {
    householdMarginal: marginal,
    householdAssetsWithinLimits: assetsOk,
    residence: household.residence as string,
    singlePersonDisabilityGrades: r.read<number[]>('dibao.singlePerson.disabilityGrades') ?? [],
    singlePersonIntellectualMentalGrades: r.read<number[]>('dibao.singlePerson.intellectualMentalGrades') ?? [],
    singlePersonSeriousIllnessResidences: r.read<string[]>('dibao.singlePerson.seriousIllnessResidences') ?? [],
    singlePersonPovertyRegistered: r.read<boolean>('dibao.singlePerson.povertyRegistered') === true,
    disabilityCategory: null as string | null,
    disabilityGrade: null as number | null,
    seriousIllness: false,
    povertyRegistered: false,
  };
  const members: string[] = [];
  let amount = 0;
  for (let i = 0; i < r.counted.length; i += 1) {
    const member = r.counted[i] as Member;
    facts.disabilityCategory = member.disability?.category ?? null;
    facts.disabilityGrade = member.disability?.grade ?? null;
    facts.seriousIllness = member.seriousIllness ?? false;
    facts.povertyRegistered = member.povertyRegistered ?? false;
    if (!r.check('singlePerson', facts, member.id)) continue;
    const own = r.ownIncome[i] as number;
    const income = perCapitaIncome(r, own, 1);
    if (!(income < standard)) {
      if (r.trace) r.record({ kind: 'decision', id: 'singlePersonIncomeTooHigh', values: { member: member.id, income: exactUnits(income), standard: plainUnits(standard) } });
      continue;
    }
    const paid = roundAmount(r, amountFor(r, 1, own, income, standard));
    if (paid === 0) continue;
    members.push(member.id);
    amount += paid;
  }
  return { members, amount };
}
