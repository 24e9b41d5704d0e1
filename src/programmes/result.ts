/** The shape of a result: one household-month, every programme; made by src/engine, read everywhere. */
import type { TraceEntry } from './trace.js';

export interface MemberResult {
  member: string;
  /** null when the line is not decided (see status). */
  entitled: string | null;
  paid: string | null;
  reasons: string[];
  /** Only on a line that is not decided: not-configured, not-in-force or missing-facts. */
  status?: 'not-configured' | 'not-in-force' | 'missing-facts';
  /** The parameters (or programmes whose facts are unknown) that leave the line undecided. */
  notConfigured?: string[];
  /** The household facts the line needs and the caller did not give, with their JSON paths. */
  missingFacts?: { path: string; fact: string }[];
}

/** A member whose line is not decided, listed in the programme's result. */
export interface UnknownMember {
  member: string;
  status: 'not-configured' | 'not-in-force' | 'missing-facts';
  notConfigured?: string[];
  missingFacts?: { path: string; fact: string }[];
}

/** What the household's total leaves out: a programme with no known amount, or some members' lines. */
export interface UnknownPart {
  programme: string;
  status: string;
  /** Member programmes: the members whose lines are not decided. */
  members?: string[];
}

export interface ProgrammeResult {
  status: string;
  reasons: string[];
  /** What is paid this month, after the interactions with other programmes; of the decided
   * lines only when some are not (status partly-configured or missing-facts); null when nothing is
   * known; "0.00" for a one-off programme. */
  monthlyAmount: string | null;
  /** A one-off programme (rule file "period": "event"): the amount for the event, never in
   * totalMonthlyAmount; null when it is not known. */
  period?: 'event';
  oneOffAmount?: string | null;
  /** Member programmes: what the members are entitled to before interactions (decided lines). */
  entitledAmount?: string | null;
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  /** The amount turns on rules not configured this month (provisionalBecause): it may change once
   * they are known. */
  provisional: boolean;
  provisionalBecause: string[];
  /** status "undetermined": the rules not configured this month on which the decision turns. */
  undeterminedBecause: string[];
  members?: MemberResult[];
  /** Member programmes with lines not decided: who, and why (absent when every line is decided). */
  unknownMembers?: UnknownMember[];
  /** Household facts missing for some lines, with their JSON paths (absent when none). */
  missingFacts?: { member: string; path: string; fact: string }[];
  trace?: TraceEntry[];
  [field: string]: unknown;
}

export interface Receipt {
  engine: string;
  rules: { programme: string; hash: string }[];
  packs: { id: string; hash: string }[];
}

export interface EvaluationResult {
  household: string;
  jurisdiction: string;
  month: string;
  knownAt?: string;
  /** Every programme of the rulebook by id; dibao is always there. */
  programmes: Record<string, ProgrammeResult> & { dibao: ProgrammeResult };
  /** The sum of what is known to be paid; see totalIsPartial. */
  totalMonthlyAmount: string;
  /** True when some programme's amount, or some member's line, is not known: the total is then a lower bound. */
  totalIsPartial: boolean;
  /** What the total leaves out (empty when totalIsPartial is false). */
  unknown: UnknownPart[];
  /** What produced the result: engine version, the hash of each rule file and of every pack on the chain. */
  receipt: Receipt;
  explanation?: string[];
}
