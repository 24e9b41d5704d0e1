/**
 * One household under audit: its timeline evaluated as known now and, where it can differ, as known
 * on each payment date, month by month and only as far as the ledger needs; what the ledger has
 * paid it so far. This is the state the audit keeps per household, and drops when the household's
 * last ledger line has been read.
 */
import type { BenefitRulesError } from '../errors.js';
import type { CompiledEvaluator } from '../fast/evaluator.js';
import type { Household } from '../schemas/household.js';
import { resultFen } from './fen.js';
import { timelineMonths, timelineStart, type Timeline, type TimelineMonth } from './timeline.js';

/** A programme's due amounts in one month (fen), or why there are none to check against. */
export interface ProgrammeDue {
  status: string;
  fen: number;
  /** Member programmes: what each member considered is paid. */
  members?: Map<string, number>;
  /** Set when no rule was in force (or the pack marks it not configured): nothing can be checked. */
  unavailable?: string;
}

export interface MonthDue {
  month: string;
  /** The household as evaluated, history included (to explain a finding again with its trace). */
  household: Household | undefined;
  programmes?: Map<string, ProgrammeDue>;
  error?: { code: string; message: string };
}

export type Due = { fen: number; status: string } | { unavailable: string; message: string };

function compact(entry: TimelineMonth): MonthDue {
  if (!entry.result) {
    const error = entry.error as BenefitRulesError;
    return { month: entry.month, household: entry.household, error: { code: error.code, message: error.message } };
  }
  const programmes = new Map<string, ProgrammeDue>();
  for (const [id, programme] of Object.entries(entry.result.programmes)) {
    const due: ProgrammeDue = { status: programme.status, fen: resultFen(programme.monthlyAmount) };
    if (programme.status === 'not-in-force' || programme.status === 'not-configured') due.unavailable = programme.status;
    if (programme.members) due.members = new Map(programme.members.map((m) => [m.member, resultFen(m.paid)]));
    programmes.set(id, due);
  }
  return { month: entry.month, household: entry.household, programmes };
}

/** One timeline run (one knowledge date), advanced lazily and remembered month by month. */
export class TimelineCache {
  private readonly months = new Map<string, MonthDue>();
  private readonly run: Generator<TimelineMonth, never>;
  private reached = '';
  readonly start: string;

  constructor(timeline: Timeline, evaluator: CompiledEvaluator, fallbackStart: string) {
    this.start = timelineStart(timeline, fallbackStart);
    this.run = timelineMonths(timeline, evaluator, fallbackStart);
  }

  at(month: string): MonthDue {
    if (month < this.start) return { month, household: undefined, error: { code: 'no-facts', message: `the household's timeline starts in ${this.start}` } };
    while (this.reached < month) {
      const entry = compact(this.run.next().value);
      this.months.set(entry.month, entry);
      this.reached = entry.month;
    }
    return this.months.get(month) as MonthDue;
  }
}

/** What is due to `member` (or the household) under `programme` in a month, or why it cannot be said. */
export function dueOf(month: MonthDue, programme: string, member: string): Due {
  if (month.error) return { unavailable: month.error.code, message: month.error.message };
  const due = month.programmes?.get(programme);
  if (!due) return { unavailable: 'unknown-programme', message: `no ${programme} in the rulebook` };
  if (due.unavailable) return { unavailable: due.unavailable, message: `${programme}: no rule ${due.unavailable === 'not-in-force' ? 'in force' : 'configured'} in ${month.month}` };
  if (!member) return { fen: due.fen, status: due.status };
  return { fen: due.members?.get(member) ?? 0, status: due.members?.has(member) ? due.status : 'ineligible' };
}

export class HouseholdCase {
  readonly now: TimelineCache;
  private readonly then = new Map<string, TimelineCache>();
  /** Cumulative fen paid per programme, member and month (key "programme\0member\0month"). */
  readonly paid = new Map<string, number>();
  /** Every line read, to tell a repeated line from a second payment for the same month. */
  readonly lines = new Map<string, number>();
  remaining: number;
  /** The first and last months the ledger pays this household. */
  first: string | undefined;
  last: string | undefined;

  constructor(
    readonly timeline: Timeline,
    private readonly evaluatorAt: (knownAt: string | undefined) => CompiledEvaluator,
    private readonly fallbackStart: string,
    lines: number,
  ) {
    this.now = new TimelineCache(timeline, evaluatorAt(undefined), fallbackStart);
    this.remaining = lines;
  }

  knownOn(date: string): TimelineCache {
    let cache = this.then.get(date);
    if (!cache) {
      cache = new TimelineCache(this.timeline, this.evaluatorAt(date), this.fallbackStart);
      this.then.set(date, cache);
    }
    return cache;
  }

  /** The members of the household in a month, to refuse a line paid to someone who is not one. */
  hasMember(month: string, member: string): boolean {
    const household = this.now.at(month).household ?? this.timeline.snapshots[0]?.household;
    return household?.members.some((m) => m.id === member) ?? false;
  }
}
