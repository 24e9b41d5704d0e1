/**
 * One household under audit: its timeline evaluated as known now and, where it can differ, as known
 * on each payment date, month by month and only as far as the ledger needs; what the ledger has
 * paid it so far. This is the state the audit keeps per household, and drops when the household's
 * last ledger line has been read.
 */
import { BenefitRulesError } from '../errors.js';
import type { CompiledEvaluator } from '../fast/evaluator.js';
import type { EvaluationResult } from '../engine/result.js';
import type { Household } from '../schemas/household.js';
import { resultFen } from './fen.js';
import type { Knowledge } from './knowledge.js';
import type { PlanValues } from './share.js';
import { TimelineWalk, nextState, timelineStart, type Timeline, type TimelineMonth } from './timeline.js';

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
    if (programme.status === 'not-in-force' || programme.status === 'not-configured' || programme.status === 'undetermined') due.unavailable = programme.status;
    if (programme.members) due.members = new Map(programme.members.map((m) => [m.member, resultFen(m.paid)]));
    programmes.set(id, due);
  }
  return { month: entry.month, household: entry.household, programmes };
}

/** A month evaluated once for every run that reaches it alike: what was due, and the case state it leaves. */
interface Step {
  due: MonthDue;
  after: Record<string, unknown>;
  /** Made by the run as known now: only its errors' messages are the ones the report shows. */
  now: boolean;
}

/** Case states as text, each worked out once: runs that share a month go on with the same state object.
 * (States are never changed once made: each month's is a new object.) */
const stateTexts = new WeakMap<object, string>();

function stateText(state: Record<string, unknown>): string {
  let text = stateTexts.get(state);
  if (text === undefined) stateTexts.set(state, (text = JSON.stringify(state)));
  return text;
}

/** The household's evaluations, shared by its runs (key: month, parameter values' id, case state). */
export type Steps = Map<string, Step>;

/** One timeline run (one knowledge class), advanced lazily and remembered month by month. */
export class TimelineCache {
  private readonly months = new Map<string, MonthDue>();
  private readonly walk: TimelineWalk;
  private reached = '';
  readonly start: string;

  constructor(
    timeline: Timeline,
    private readonly evaluator: CompiledEvaluator,
    fallbackStart: string,
    /** The id of the month's parameter values under this run's knowledge (PlanValues). */
    private readonly valuesOf: (month: string) => number,
    private readonly steps: Steps,
    private readonly isNow: boolean,
  ) {
    this.start = timelineStart(timeline, fallbackStart);
    this.walk = new TimelineWalk(timeline, fallbackStart);
  }

  at(month: string): MonthDue {
    if (month < this.start) return { month, household: undefined, error: { code: 'no-facts', message: `the household's timeline starts in ${this.start}` } };
    while (this.reached < month) {
      const current = this.walk.month;
      const household = this.walk.enter();
      const entered = this.walk.state;
      const key = `${current}\0${this.valuesOf(current)}\0${stateText(entered)}`;
      let step = this.steps.get(key);
      if (!step || (this.isNow && !step.now)) this.steps.set(key, (step = this.evaluate(household, current, entered)));
      this.months.set(current, step.due);
      this.walk.leave(step.after);
      this.reached = current;
    }
    return this.months.get(month) as MonthDue;
  }

  private evaluate(household: Household, month: string, entered: Record<string, unknown>): Step {
    let result: EvaluationResult;
    try {
      result = this.evaluator.evaluateHousehold(household, month);
    } catch (error) {
      if (!(error instanceof BenefitRulesError)) throw error;
      return { due: compact({ month, household, error }), after: entered, now: this.isNow };
    }
    return { due: compact({ month, household, result }), after: nextState(result, month, entered), now: this.isNow };
  }
}

/** What is due to `member` (or the household) under `programme` in a month, or why it cannot be said. */
export function dueOf(month: MonthDue, programme: string, member: string): Due {
  if (month.error) return { unavailable: month.error.code, message: month.error.message };
  const due = month.programmes?.get(programme);
  if (!due) return { unavailable: 'unknown-programme', message: `no ${programme} in the rulebook` };
  if (due.unavailable)
    return { unavailable: due.unavailable, message: `${programme}: no rule ${due.unavailable === 'not-in-force' ? 'in force' : 'configured'} in ${month.month}` };
  if (!member) return { fen: due.fen, status: due.status };
  return { fen: due.members?.get(member) ?? 0, status: due.members?.has(member) ? due.status : 'ineligible' };
}

/** What a household's runs are made with: evaluators and parameter values per knowledge class. */
export interface RunMakers {
  knowledge: Knowledge;
  values: PlanValues;
  /** The evaluator of a knowledge class ('' : now), made on the first date of the class asked for. */
  evaluator(knowledge: string, date: string | undefined): CompiledEvaluator;
  /** False: every payment date its own run, no evaluation shared (the reference the tests compare with). */
  share: boolean;
}

export class HouseholdCase {
  readonly now: TimelineCache;
  /** Runs as known on a date, one per knowledge class: dates of a class give the same run. */
  private readonly then = new Map<string, TimelineCache>();
  private readonly steps: Steps = new Map();
  private readonly traces = new Map<MonthDue, Map<string, EvaluationResult['programmes']>>();
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
    private readonly makers: RunMakers,
    private readonly fallbackStart: string,
    lines: number,
  ) {
    const { jurisdiction } = timeline;
    this.now = new TimelineCache(timeline, makers.evaluator('', undefined), fallbackStart, (month) => makers.values.of(jurisdiction, month, '', undefined), this.steps, true);
    this.remaining = lines;
  }

  knownOn(date: string): TimelineCache {
    const { jurisdiction } = this.timeline;
    const knowledge = this.makers.share ? this.makers.knowledge.classOf(jurisdiction, date) : date;
    if (knowledge === '') return this.now;
    let cache = this.then.get(knowledge);
    if (!cache) {
      const values = this.makers.values;
      cache = new TimelineCache(
        this.timeline,
        this.makers.evaluator(knowledge, date),
        this.fallbackStart,
        (month) => values.of(jurisdiction, month, knowledge, date),
        this.makers.share ? this.steps : new Map(),
        false,
      );
      this.then.set(knowledge, cache);
    }
    return cache;
  }
  /** A month's programmes evaluated with their trace (to explain findings): the lines of one month
   * share it. Only the last few months are kept. */
  traced(month: MonthDue, knownAt: string | undefined, evaluate: () => EvaluationResult): EvaluationResult['programmes'] {
    let byDate = this.traces.get(month);
    if (!byDate) {
      if (this.traces.size >= 4) this.traces.clear();
      this.traces.set(month, (byDate = new Map()));
    }
    let programmes = byDate.get(knownAt ?? '');
    if (!programmes) byDate.set(knownAt ?? '', (programmes = evaluate().programmes));
    return programmes;
  }

  /** The members of the household in a month, to refuse a line paid to someone who is not one. */
  hasMember(month: string, member: string): boolean {
    const household = this.now.at(month).household ?? this.timeline.snapshots[0]?.household;
    return household?.members.some((m) => m.id === member) ?? false;
  }
}
