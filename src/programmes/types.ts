/** What a programme gives the engine for one household-month, in the arithmetic it ran on. */
import type { Household } from '../schemas/household.js';
import type { Context } from './context.js';
import type { ProgrammeResult } from './result.js';

/** One member's part of a member-level programme. */
export interface MemberLine<N> {
  member: string;
  entitled: N;
  paid: N;
  reasons: string[];
  /** Set when this member's line cannot be decided: its amounts are then written null. */
  unknown?: LineUnknown;
  /** Every condition is met: the member qualifies, whether or not the amount is known. */
  qualifies?: true;
  /** A one-off programme the caseworker sets: the lowest and highest amounts (null: the pack
   * gives none), and whether `entitled` is a suggested amount (false: no rule suggests one). */
  bounds?: { minimum: N | null; maximum: N | null; suggested: boolean };
  /** The named parts of `entitled` (rule file "parts"), on a line whose amount was worked out. */
  parts?: Record<string, N>;
}

/** A member's line with every key present, so that every line of every programme has one object
 * shape and the code reading lines (the interactions, the result) sees one. */
export function lineOf<N>(member: string, entitled: N, reasons: string[], qualifies: boolean, unknown?: LineUnknown, bounds?: MemberLine<N>['bounds']): MemberLine<N> {
  return { member, entitled, paid: entitled, reasons, unknown, qualifies: qualifies ? true : undefined, bounds, parts: undefined };
}

/** Why one member's line is not decided: a figure the pack does not configure (or no pack sets)
 * for this member, or a fact of the household the amount needs and the caller did not give. */
export type LineUnknown = ({ status: 'not-configured' | 'not-in-force'; notConfigured: string[] } | { status: 'missing-facts'; missingFacts: { path: string; fact: string }[] }) & {
  /** Set when only an interaction is undecided: the entitlement itself is known. */
  entitledKnown?: true;
};

/** Facts a programme gives the programmes that use it: the household's, and each member's. */
export interface ProvidedFacts {
  household: Record<string, unknown>;
  /** By the member's position in the household (undefined: nothing for that member). An array, not
   * a Map: every programme gives one for every household, and making a Map cost more than reading it. */
  members: readonly (Record<string, unknown> | undefined)[];
  /** The programme is not configured this month: every fact it would give is UNKNOWN. */
  unknown?: true;
}

/** A programme that gives nothing of any member: shared, frozen. */
export const NOTHING_PROVIDED: ProvidedFacts['members'] = Object.freeze([]);

/** What a programme reads of the programmes it uses, in the order of its "uses", each already in
 * the reader's arithmetic. */
export interface UsedFacts {
  producers: readonly ProvidedFacts[];
  /** Scratch of one household's run, shared by its programmes: each member's facts made once. */
  scratch?: RunScratch;
  /** Members another programme supports apart: no longer counted in this programme's household
   * (rule files' "leavesHousehold"). */
  apart?: ReadonlySet<string>;
}

export interface RunScratch {
  memberFacts: { units: (Record<string, unknown> | undefined)[]; decimal: (Record<string, unknown> | undefined)[] };
}

export interface Outcome<N> {
  status: string;
  reasons: string[];
  /** What the programme would pay before any interaction with another programme. */
  amount: N;
  /** Programme-specific result fields, in the order they are written. */
  fields: Record<string, unknown>;
  /** Member-level programmes: one line per member considered. */
  members?: MemberLine<N>[];
  /** Facts for the programmes that use this one, named without the programme prefix. */
  provides: ProvidedFacts;
}

/** A programme whose steps are code (dibao): one module, written once for both arithmetics. */
export interface ProgrammeModule {
  id: string;
  evaluate<N, R, G>(ctx: Context<N, R, G>, household: Household, used: UsedFacts): Outcome<N>;
  /** How this month's result becomes next month's `household.history[id]` (timelines, audits);
   * undefined ends the history. Absent: the programme keeps no history. */
  nextHistory?(result: ProgrammeResult, month: string, previous: unknown): unknown;
}
