/**
 * Leaving dibao. A household whose income has risen above the standard keeps a payment through the
 * gradual exit (渐退期: a schedule of shares of its last amount, month by month); a local exit
 * moratorium can keep it on at its last amount instead (Hannan 2020: no exit before December except
 * hard cases). Hard cases (assets over the limits, no member left) leave at once; the conditions in
 * rules/dibao/ decide which case applies, this module supplies the facts and the amounts.
 */
import { BenefitRulesError } from '../../errors.js';
import { monthsFrom } from '../../dates.js';
import type { Household } from '../../schemas/household.js';
import type { Context } from '../context.js';

export interface ExitState<R> {
  enrolled: boolean;
  exitMoratorium: boolean;
  /** 1 for the first month of the exit; null when the pack sets no gradual exit. */
  gradualExitMonth: number | null;
  gradualExitMonths: number | null;
  gradualExitSince: string;
  schedule: R[] | null;
}

/** Where the household stands in leaving dibao this month. */
export function exitState<N, R, G>(ctx: Context<N, R, G>, household: Household, month: string): ExitState<R> {
  const history = household.history?.dibao;
  const enrolled = history?.enrolledSince !== undefined;
  checkHistory(household, month);
  const since = history?.gradualExitSince ?? month;
  if (!enrolled) {
    return { enrolled, exitMoratorium: false, gradualExitMonth: null, gradualExitMonths: null, gradualExitSince: since, schedule: null };
  }
  const schedule = ctx.param<R[]>('dibao.gradualExit.schedule');
  return {
    enrolled,
    exitMoratorium: ctx.param<boolean>('dibao.exitMoratorium.active') === true,
    gradualExitMonth: schedule === null ? null : monthsFrom(since, month) + 1,
    gradualExitMonths: schedule === null ? null : schedule.length,
    gradualExitSince: since,
    schedule,
  };
}

/** The last amount as the household gives it, which the moratorium and the gradual exit continue from. */
export function lastAmountInput(household: Household): string | number {
  const amount = household.history?.dibao?.lastAmount;
  if (amount === undefined) {
    throw new BenefitRulesError('invalid-household', '$.history.dibao.lastAmount is needed: the household is leaving dibao and its payment continues from the last amount', [
      { path: '$.history.dibao.lastAmount', expected: 'the last monthly dibao payment', found: 'nothing' },
    ]);
  }
  return amount;
}

/** Refuses a history that starts after the month evaluated. */
function checkHistory(household: Household, month: string): void {
  const history = household.history?.dibao;
  for (const field of ['enrolledSince', 'gradualExitSince'] as const) {
    const value = history?.[field];
    if (value !== undefined && value > month) {
      throw new BenefitRulesError('invalid-household', `$.history.dibao.${field} ${value} is after the month evaluated (${month})`, [
        { path: `$.history.dibao.${field}`, expected: `a month not after ${month}`, found: JSON.stringify(value) },
      ]);
    }
  }
}
