/**
 * The types the runner (run.ts), the interactions, what programmes read of each other (used.ts)
 * and the assembly of a result share: in a file of their own, so that none of those imports the
 * runner that calls it.
 */
import type { Context } from '../programmes/context.js';
import type { Prepared } from '../programmes/declared/prepare.js';
import type { Outcome } from '../programmes/types.js';
import type { ProgrammeRules } from '../rulebook/index.js';

export interface RunSettings {
  /** Try fixed-point units first (the compiled path). */
  fast: boolean;
  /** Record the trace (to return it, or to render it). */
  record: boolean;
  /** Put the trace in the result. */
  include: boolean;
}

export interface Run {
  rules: ProgrammeRules;
  info: Prepared;
  ctx: Context;
  outcome: Outcome<unknown>;
  /** Set when the programme as a whole cannot be evaluated this month (a household programme, or
   * a parameter read before any member), or undetermined when its decision turns on a rule not
   * configured, or missing-facts when a household programme needs a household fact not given
   * (ctx.missingFact); a member programme's lines are otherwise suspended one by one. */
  suspended: 'not-configured' | 'not-in-force' | 'undetermined' | 'missing-facts' | undefined;
  /** A household programme with interactions: its amount once they are applied (the outcome's
   * amount stays the entitlement); unset for every other programme. */
  paid?: unknown;
  /** Members it no longer counts because another programme supports them apart. */
  apart?: ReadonlySet<string>;
}

/** The runs of one household by programme id: its runs array read through the pool's fixed index of
 * programme positions (a Map filled for every household cost more than the lookups it served). */
export class RunsById {
  constructor(
    private readonly runs: readonly Run[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  get(programme: string): Run | undefined {
    const i = this.index.get(programme);
    return i === undefined ? undefined : this.runs[i];
  }
}
