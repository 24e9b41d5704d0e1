/**
 * How a month's dibao result becomes the next month's history (timelines and audits). Lives beside
 * exit.ts because that is where the history is read: the two must agree on what each field means.
 */
import type { ProgrammeResult } from '../result.js';

export interface DibaoHistory {
  enrolledSince?: string;
  lastAmount?: string;
  gradualExitSince?: string;
}

/**
 * enrolled (by qualifying or alone): enrolment continues or starts this month, and this month's
 * payment is the base any later exit continues from. enrolled under a moratorium: nothing changes,
 * the base stays the amount paid before it. gradual-exit: the exit started in its first month, the
 * base is unchanged. ineligible: the case ends, and so does its history. not-configured or
 * not-in-force (no standard the month), or undetermined (the decision turns on a rule not configured): nothing is known, so the case state is kept as it was.
 */
export function dibaoNextHistory(result: ProgrammeResult, month: string, previous: DibaoHistory | undefined): DibaoHistory | undefined {
  if (result.status === 'not-configured' || result.status === 'not-in-force' || result.status === 'undetermined' || result.monthlyAmount === null) return previous;
  const enrolment = result['enrolment'];
  if (result.status === 'enrolled' && enrolment === 'moratorium' && previous) return previous;
  if (result.status === 'enrolled') return { enrolledSince: previous?.enrolledSince ?? month, lastAmount: result.monthlyAmount as string };
  if (result.status === 'gradual-exit' && previous) return { ...previous, gradualExitSince: previous.gradualExitSince ?? month };
  return undefined;
}
