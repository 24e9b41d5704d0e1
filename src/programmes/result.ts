/**
 * The shape of a result: one household-month, every programme; made by src/engine, read everywhere.
 * The public types (EvaluationResult and what it holds) name every status as a literal, from the
 * lists of the published contract (src/schemas/result.ts), so a misspelt status does not compile.
 * Programme ids and reason codes come from the rule files: the bundled ones are literals (reason
 * codes generated from the rule files into reasons.ts), and any string is allowed beside them, since
 * a pack folder's own rule file adds its own. The engine builds programmes generically (ProgrammeResult) and the
 * contract test checks every golden result against the schema at run time.
 */
import type { TraceEntry } from './trace.js';
import type { DibaoStatus, LineStatus, MemberProgrammeId, MemberProgrammeStatus, ProgrammeId } from '../schemas/result.js';

import type { PROGRAMME_REASONS } from './reasons.js';
import type { ENGINE_REASONS } from './engine-reasons.js';

export type { DibaoStatus, LineStatus, MemberProgrammeId, MemberProgrammeStatus, ProgrammeId };

/** A reason code a bundled programme gives: its rule file's, or the engine's. */
export type KnownReason<P extends ProgrammeId = ProgrammeId> =
  (P extends keyof typeof PROGRAMME_REASONS ? (typeof PROGRAMME_REASONS)[P][number] : never) | (typeof ENGINE_REASONS)[number];

/** Reasons as a result carries them: the known codes complete in an editor; `string & {}` keeps any
 * other string valid (a custom pack's rule file) without widening the literals away. */
export type Reasons<P extends ProgrammeId = ProgrammeId> = (KnownReason<P> | (string & {}))[];

/** One member's line of a member-level programme. */
export interface MemberResult<P extends ProgrammeId = ProgrammeId> {
  member: string;
  /** What the member is entitled to before interactions (yuan, two decimals); null when the line
   * is not decided (see status). */
  entitled: string | null;
  /** What is paid after them; null when the line is not decided. */
  paid: string | null;
  /** `eligible`, the eligibility condition that failed, and any interaction that changed `paid`. */
  reasons: Reasons<P>;
  /** Only on a line that is not decided: not-configured, not-in-force or missing-facts. */
  status?: LineStatus;
  /** The named parts of `entitled` (a basic part and a care part), where the rule file names them. */
  parts?: Record<string, string>;
  /** The parameters (or programmes whose facts are unknown) that leave the line undecided. */
  notConfigured?: string[];
  /** The household facts the line needs and the caller did not give, with their JSON paths. */
  missingFacts?: { path: string; fact: string }[];
}

/** A member whose line is not decided, listed in the programme's result. */
export interface UnknownMember {
  member: string;
  status: LineStatus;
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

/** What every programme's result has, as the engine builds it. */
interface Common {
  reasons: string[];
  /** What is paid this month, after the interactions with other programmes; of the decided lines
   * only when some are not (status partly-configured or missing-facts); null when nothing is
   * known; "0.00" for a one-off programme. */
  monthlyAmount: string | null;
  /** A one-off programme (rule file "period": "event"): the amount for the event, never in
   * totalMonthlyAmount; null when it is not known. */
  period?: 'event';
  oneOffAmount?: string | null;
  /** status "caseworker-decision": the least and most the rules allow for the event (null: no
   * bound configured); oneOffAmount is then the suggested amount, null where no rule suggests one. */
  bounds?: { minimum: string | null; maximum: string | null };
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  /** The amount turns on rules not configured this month (provisionalBecause): it may change once
   * they are known. */
  provisional: boolean;
  provisionalBecause: string[];
  /** status "undetermined": the rules not configured this month on which the decision turns. */
  undeterminedBecause: string[];
  /** Every parameter, member, income line, condition and calculation; absent with `trace: false`. */
  trace?: TraceEntry[];
}

/** What a member-level programme adds. */
interface MemberParts {
  /** What the members are entitled to before interactions (decided lines); null when none is. */
  entitledAmount?: string | null;
  /** One line per member considered (members who are not candidates at all are not listed). */
  members?: MemberResult[];
  /** Lines not decided: who, and why (absent when every line is decided). */
  unknownMembers?: UnknownMember[];
  /** Household facts missing for some lines, with their JSON paths (absent when none); without a
   * member, a fact of the household itself that a household programme needs. */
  missingFacts?: { member?: string; path: string; fact: string }[];
}

/** A programme's result as the engine builds it, before it is typed by programme. */
export interface ProgrammeResult extends Common, MemberParts {
  status: string;
  [field: string]: unknown;
}

/** Dibao's own fields, there whenever dibao was computed. */
export interface DibaoFields {
  eligible: boolean;
  /** How the payment arises: the household qualifies, members enrolled alone, or the moratorium. */
  enrolment: 'household' | 'singlePerson' | 'moratorium' | null;
  householdSize: number;
  countedMembers: string[];
  countableIncome: string;
  /** Per-capita income shown to the fen; the calculation uses it exactly (see the trace). */
  perCapitaIncome: string;
  standard: string;
  /** Null when it cannot be said: the household fails the means test and its marginal line is not configured. */
  marginal: boolean | null;
  singlePersonMembers: string[];
  gradualExit: { since: string; month: number; of: number; share: string; lastAmount: string } | null;
}

/** Dibao's result. Its own fields (DibaoFields) are absent when it is not configured or not in
 * force this month: nothing was computed. */
export type DibaoResult = Omit<Common, 'reasons'> & {
  status: DibaoStatus;
  reasons: Reasons<'dibao'>;
  /** Dibao is paid to the household: no member lines (declared so that code walking every
   * programme reads `members` the same way). */
  entitledAmount?: undefined;
  members?: undefined;
  unknownMembers?: undefined;
  missingFacts?: undefined;
} & Partial<DibaoFields>;

/** A declared programme's result (the allowances and every programme a rule file adds). */
export interface MemberProgrammeResult<P extends MemberProgrammeId = MemberProgrammeId> extends Omit<Common, 'reasons'>, Omit<MemberParts, 'members'> {
  status: MemberProgrammeStatus;
  reasons: Reasons<P>;
  /** One line per member considered (members who are not candidates at all are not listed). */
  members?: MemberResult<P>[];
}

/** Every programme by id: dibao, the bundled member programmes by name, and any other rule file's. */
export type Programmes = { dibao: DibaoResult } & { [P in MemberProgrammeId]: MemberProgrammeResult<P> };

export interface Receipt {
  /** `benefit-rules@<version>`. */
  engine: string;
  rules: { programme: ProgrammeId; hash: string }[];
  packs: { id: string; hash: string }[];
  /** The reform applied to the packs, when one was (evaluate --reform, compare). */
  reform?: { name: string; sha256: string };
}

export interface EvaluationResult {
  household: string;
  jurisdiction: string;
  month: string;
  knownAt?: string;
  /** Every programme of the rulebook by id; dibao is always there. */
  programmes: Programmes;
  /** The sum of what is known to be paid this month; see totalIsPartial. */
  totalMonthlyAmount: string;
  /** True when some programme's amount, or some member's line, is not known: the total is then a lower bound. */
  totalIsPartial: boolean;
  /** What the total leaves out (empty when totalIsPartial is false). */
  unknown: UnknownPart[];
  /** What produced the result: engine version, the hash of each rule file and of every pack on the chain. */
  receipt: Receipt;
  /**
   * The trace as sentences a caseworker can read, one a line, in the language asked for (`lang`:
   * `zh` or `en`): every parameter with its value, period and source, each member counted or not,
   * each income line, condition, calculation, rounding and interaction, and the total. Present
   * only when `lang` is given; the same text as `benefit-rules evaluate --explain`.
   */
  explanation?: string[];
}

/** A programme's result by an id only known at run time (a rule file's, a ledger's): the engine's
 * generic view, for code that walks every programme. */
export function programmeOf(result: EvaluationResult, id: string): ProgrammeResult | undefined {
  return (result.programmes as unknown as Record<string, ProgrammeResult | undefined>)[id];
}
