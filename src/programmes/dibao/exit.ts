/**
 * Leaving dibao. A household whose income has risen above the standard keeps a payment through the
 * gradual exit (渐退期: a schedule of shares of its last amount, month by month); a local exit
 * moratorium can keep it on at its last amount instead (Hannan 2020: no exit before December except
 * hard cases). Hard cases (assets over the limits, no member left) leave at once; the conditions in
 * rules/dibao.json decide which case applies, this module supplies the facts and the amounts.
 */
import { BenefitRulesError } from '../../errors.js';
import { monthsFrom } from '../../dates.js';
import type { Household } from '../../schemas/household.js';
import { Decimal, toDecimal } from '../../money.js';

export interface ExitState<Share = Decimal> {
  enrolled: boolean;
  exitMoratorium: boolean;
  /** 1 for the first month of the exit; null when the pack sets no gradual exit. */
  gradualExitMonth: number | null;
  gradualExitMonths: number | null;
  gradualExitSince: string;
  schedule: Share[] | null;
}

/** What exitState needs to read a parameter: ProgrammeContext (Decimals) or the compiled path's
 * Recorder (fixed point). Both record the read in the trace the same way. */
export interface ParameterReader {
  read<T>(id: string): T | null;
}

/** Where the household stands in leaving dibao this month (both evaluation paths). */
export function exitState<Share = Decimal>(reader: ParameterReader, household: Household, month: string): ExitState<Share> {
  const history = household.history?.dibao;
  const enrolled = history?.enrolledSince !== undefined;
  checkHistory(household, month);
  const since = history?.gradualExitSince ?? month;
  if (!enrolled) {
    return { enrolled, exitMoratorium: false, gradualExitMonth: null, gradualExitMonths: null, gradualExitSince: since, schedule: null };
  }
  const schedule = reader.read<Share[]>('dibao.gradualExit.schedule');
  return {
    enrolled,
    exitMoratorium: reader.read<boolean>('dibao.exitMoratorium.active') === true,
    gradualExitMonth: schedule === null ? null : monthsFrom(since, month) + 1,
    gradualExitMonths: schedule === null ? null : schedule.length,
    gradualExitSince: since,
    schedule,
  };
}

/** The last amount paid, which both the moratorium and the gradual exit continue from. */
export function lastAmount(household: Household): Decimal {
  return toDecimal(lastAmountInput(household));
}

/** The last amount as the household gives it, or the error both evaluation paths report. */
export function lastAmountInput(household: Household): string | number {
  const amount = household.history?.dibao?.lastAmount;
  if (amount === undefined) {
    throw new BenefitRulesError('invalid-household', '$.history.dibao.lastAmount is needed: the household is leaving dibao and its payment continues from the last amount', [
      { path: '$.history.dibao.lastAmount', expected: 'the last monthly dibao payment', found: 'nothing' },
    ]);
  }
  return amount;
}

/** Refuses a history that starts after the month evaluated (both evaluation paths). */
export function checkHistory(household: Household, month: string): void {
  const history = household.history?.dibao;
  for (const field of ['enrolledSince', 'gradualExitSince'] as const) {
    const value = history?.[field];
    if (value !== undefined && value > month) throw historyError(field, value, month);
  }
}

function historyError(field: string, value: string, month: string): BenefitRulesError {
  return new BenefitRulesError('invalid-household', `$.history.dibao.${field} ${value} is after the month evaluated (${month})`, [
    { path: `$.history.dibao.${field}`, expected: `a month not after ${month}`, found: JSON.stringify(value) },
  ]);
}
