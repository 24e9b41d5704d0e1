/**
 * The shape of a result: one household-month, every programme; made by src/engine, read everywhere.
 * The public types (EvaluationResult and what it holds) name every status, reason and programme id
 * as a literal, from the lists of the published contract (src/schemas/result.ts), so a misspelt id
 * or status does not compile. The engine builds programmes generically (ProgrammeResult) and the
 * contract test checks every golden result against the same lists at run time.
 */
import type { TraceEntry } from './trace.js';
import type { DibaoReason, DibaoStatus, MemberLineReason, MemberProgrammeId, MemberProgrammeReason, MemberProgrammeStatus, ProgrammeId } from '../schemas/result.js';

export type { DibaoReason, DibaoStatus, MemberLineReason, MemberProgrammeId, MemberProgrammeReason, MemberProgrammeStatus, ProgrammeId };

/** One member's line of a member-level programme. */
export interface MemberResult {
  member: string;
  /** What the member is entitled to before interactions with other programmes (yuan, two decimals). */
  entitled: string;
  /** What is paid after them. */
  paid: string;
  /** `eligible`, the eligibility condition that failed, and any interaction that changed `paid`. */
  reasons: MemberLineReason[];
}

/** A programme's result as the engine builds it, before it is typed by programme. */
export interface ProgrammeResult {
  status: string;
  reasons: string[];
  /** What is paid this month, after the interactions with other programmes. */
  monthlyAmount: string;
  /** Member programmes: what the members are entitled to before interactions. */
  entitledAmount?: string;
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  members?: { member: string; entitled: string; paid: string; reasons: string[] }[];
  trace?: TraceEntry[];
  [field: string]: unknown;
}

/** What every programme's result has. */
interface ProgrammeCommon {
  /** What is paid this month, after the interactions with other programmes (yuan, two decimals). */
  monthlyAmount: string;
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  /** Every parameter, member, income line, condition and calculation; absent with `trace: false`. */
  trace?: TraceEntry[];
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
  marginal: boolean;
  singlePersonMembers: string[];
  gradualExit: { since: string; month: number; of: number; share: string; lastAmount: string } | null;
}

/** Dibao's result. Its own fields (DibaoFields) are absent when it is not configured or not in
 * force this month: nothing was computed. */
export type DibaoResult = ProgrammeCommon & {
  status: DibaoStatus;
  reasons: DibaoReason[];
  /** Dibao is paid to the household: no member lines (declared so that code walking every
   * programme reads `members` the same way). */
  entitledAmount?: undefined;
  members?: undefined;
} & Partial<DibaoFields>;

export interface MemberProgrammeResult extends ProgrammeCommon {
  status: MemberProgrammeStatus;
  reasons: MemberProgrammeReason[];
  /** What the members are entitled to before interactions; absent when not configured or not in force. */
  entitledAmount?: string;
  /** One line per member considered (members who are not candidates at all are not listed);
   * absent when not configured or not in force. */
  members?: MemberResult[];
}

/** Every programme by id: dibao, then the member programmes. */
export type Programmes = { dibao: DibaoResult } & { [P in MemberProgrammeId]: MemberProgrammeResult };

export interface Receipt {
  /** `benefit-rules@<version>`. */
  engine: string;
  rules: { programme: ProgrammeId; hash: string }[];
  packs: { id: string; hash: string }[];
}

export interface EvaluationResult {
  household: string;
  jurisdiction: string;
  month: string;
  knownAt?: string;
  /** Every programme by id; a misspelt id does not compile. */
  programmes: Programmes;
  /** What every programme pays this month, after their interactions (yuan, two decimals). */
  totalMonthlyAmount: string;
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
