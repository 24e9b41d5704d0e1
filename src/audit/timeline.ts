/**
 * Timelines: one household over a range of months, from dated snapshots of its facts, with each
 * programme's case state (enrolment start, last amount, gradual exit) carried from one month to
 * the next by the programme's own `nextHistory`. The evaluator stays pure and month-by-month; the
 * timeline is what feeds it the history a case system would otherwise send.
 */
import { z } from 'zod';
import { BenefitRulesError, describeValue, jsonPath, valueAt } from '../errors.js';
import { isoMonth } from '../schemas/common.js';
import { parseHousehold } from '../evaluate.js';
import { quickHousehold } from '../schemas/quick.js';
import type { EvaluationResult } from '../engine/result.js';
import type { Household } from '../schemas/household.js';
import type { CompiledEvaluator } from '../fast/evaluator.js';
import { MODULES } from '../programmes/index.js';
import { programmeOf } from '../programmes/result.js';

const snapshotSchema = z
  .object({
    from: isoMonth.describe('First month these facts hold.'),
    household: z.unknown().optional().describe('The whole household from this month on.'),
    changes: z.record(z.string(), z.unknown()).optional().describe('A JSON merge patch (RFC 7386) on the previous snapshot.'),
  })
  .strict()
  .refine((s) => (s.household === undefined) !== (s.changes === undefined), { message: 'expected either "household" or "changes", not both or neither' });

const timelineSchema = z.object({ $schema: z.string().optional(), snapshots: z.array(snapshotSchema).min(1) }).strict();

export interface Snapshot {
  /** Undefined for a plain household: the same facts every month. */
  from: string | undefined;
  /** The facts, without history. */
  household: Household;
  /** Case state the snapshot sets explicitly (a decision recorded): it replaces the carried one. */
  history: Record<string, unknown> | undefined;
}

export interface Timeline {
  id: string;
  jurisdiction: string;
  snapshots: Snapshot[];
}

/** One month of a timeline: the household as evaluated (history included) and its result or error. */
export interface TimelineMonth {
  month: string;
  household: Household;
  result?: EvaluationResult;
  error?: BenefitRulesError;
}

function merge(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = merge(out[key], value);
  }
  return out;
}

function withPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof BenefitRulesError)) return error;
  const details = error.details.map((d) => ({ ...d, path: d.path.replace(/^\$/, prefix) }));
  return new BenefitRulesError(error.code, error.message.replaceAll('  $', `  ${prefix}`), details);
}

/** A timeline ({ snapshots: [...] }) or a plain household (the same facts every month). */
export function parseTimeline(input: unknown): Timeline {
  if (input === null || typeof input !== 'object' || !('snapshots' in input)) {
    // The compiled path's fast check first (what it accepts zod accepts; the evaluator takes either alike):
    // the audit reads every household twice, once to check the file and once when its lines come.
    const household = quickHousehold(input) ?? parseHousehold(input);
    const { history, ...facts } = household;
    return { id: household.id, jurisdiction: household.jurisdiction, snapshots: [{ from: undefined, household: facts, history: history as Record<string, unknown> | undefined }] };
  }
  const parsed = timelineSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), expected: issue.message, found: describeValue(valueAt(input, issue.path)) }));
    throw new BenefitRulesError('invalid-household', `The timeline is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`, details);
  }
  const snapshots: Snapshot[] = [];
  let raw: unknown;
  parsed.data.snapshots.forEach((snapshot, index) => {
    const at = `$.snapshots[${index}]`;
    const previous = snapshots[index - 1];
    if (previous?.from !== undefined && snapshot.from <= previous.from) {
      throw new BenefitRulesError('invalid-household', `${at}.from ${snapshot.from} is not after the snapshot before it (${previous.from})`, [
        { path: `${at}.from`, expected: `a month after ${previous.from}`, found: JSON.stringify(snapshot.from) },
      ]);
    }
    if (index === 0 && snapshot.household === undefined) {
      throw new BenefitRulesError('invalid-household', `${at} gives "changes", but the first snapshot must give the whole "household"`, [
        { path: `${at}.household`, expected: 'the whole household', found: 'nothing' },
      ]);
    }
    const own = snapshot.household ?? snapshot.changes;
    raw = snapshot.household !== undefined ? snapshot.household : merge(raw, snapshot.changes);
    let household: Household;
    try {
      household = quickHousehold(raw) ?? parseHousehold(raw);
    } catch (error) {
      throw withPrefix(error, `${at}.${snapshot.household !== undefined ? 'household' : 'changes'}`);
    }
    const first = snapshots[0]?.household;
    if (first && (household.id !== first.id || household.jurisdiction !== first.jurisdiction)) {
      throw new BenefitRulesError('invalid-household', `${at}: a timeline is one household in one jurisdiction (${first.id}, ${first.jurisdiction})`, [
        { path: at, expected: `id ${first.id} and jurisdiction ${first.jurisdiction}`, found: `${household.id}, ${household.jurisdiction}` },
      ]);
    }
    const explicit = own !== null && typeof own === 'object' && 'history' in own;
    const { history, ...facts } = household;
    snapshots.push({ from: snapshot.from, household: facts, history: explicit ? ((history ?? {}) as Record<string, unknown>) : undefined });
  });
  const head = snapshots[0] as Snapshot;
  return { id: head.household.id, jurisdiction: head.household.jurisdiction, snapshots };
}

/** The first month the timeline has facts for (`fallback` for a plain household). */
export function timelineStart(timeline: Timeline, fallback: string): string {
  return timeline.snapshots[0]?.from ?? fallback;
}

/** The case state after `month`, from the programmes that declare one. */
export function nextState(result: EvaluationResult, month: string, previous: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const module of MODULES.values()) {
    const programme = programmeOf(result, module.id);
    if (!module.nextHistory || !programme) {
      if (previous[module.id] !== undefined) next[module.id] = previous[module.id];
      continue;
    }
    const history = module.nextHistory(programme, month, previous[module.id]);
    if (history !== undefined) next[module.id] = history;
  }
  return next;
}

/**
 * A walk through a timeline's months: the snapshot in force and the case state carried into each
 * month. A run that reaches a month with the same state as another run evaluates the same household.
 */
export class TimelineWalk {
  month: string;
  private index = 0;
  /** The case state the current month is evaluated with, once `enter` has applied its snapshot. */
  state: Record<string, unknown>;

  constructor(
    private readonly timeline: Timeline,
    start: string,
  ) {
    this.month = timelineStart(timeline, start);
    this.state = timeline.snapshots[0]?.history ?? {};
  }

  /** The household of the current month: its snapshot's facts, history from the state (or the snapshot's decision). */
  enter(): Household {
    const { snapshots } = this.timeline;
    while (this.index + 1 < snapshots.length && (snapshots[this.index + 1] as Snapshot).from! <= this.month) {
      this.index += 1;
      const set = (snapshots[this.index] as Snapshot).history;
      if (set !== undefined) this.state = set;
    }
    const snapshot = snapshots[this.index] as Snapshot;
    return Object.keys(this.state).length > 0 ? ({ ...snapshot.household, history: this.state } as Household) : snapshot.household;
  }

  /** On to the next month with the state the current one left. */
  leave(state: Record<string, unknown>): void {
    this.state = state;
    this.month = nextMonth(this.month);
  }
}

/**
 * The months of a timeline from its first month on (or from `start` for a plain household), one at
 * a time: the caller decides how far to go. A month that cannot be evaluated (no rule in force, a
 * member born later) is yielded with its error and leaves the case state as it was.
 */
export function* timelineMonths(timeline: Timeline, evaluator: CompiledEvaluator, start: string): Generator<TimelineMonth, never> {
  const walk = new TimelineWalk(timeline, start);
  for (;;) {
    const { month } = walk;
    const household = walk.enter();
    const entered = walk.state;
    let result: EvaluationResult;
    try {
      result = evaluator.evaluateHousehold(household, month);
    } catch (error) {
      if (!(error instanceof BenefitRulesError)) throw error;
      yield { month, household, error };
      walk.leave(entered);
      continue;
    }
    yield { month, household, result };
    walk.leave(nextState(result, month, entered));
  }
}

/** The month after `month` (YYYY-MM), by plain arithmetic: this runs once per household-month. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
}
