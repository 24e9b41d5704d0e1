/** The shape of a result: one household-month, every programme; made by src/engine, read everywhere. */
import type { TraceEntry } from './trace.js';

export interface MemberResult {
  member: string;
  entitled: string;
  paid: string;
  reasons: string[];
}

export interface ProgrammeResult {
  status: string;
  reasons: string[];
  /** What is paid this month, after the interactions with other programmes ("0.00" for a one-off programme). */
  monthlyAmount: string;
  /** A one-off programme (rule file "period": "event"): the amount for the event, never in totalMonthlyAmount. */
  period?: 'event';
  oneOffAmount?: string;
  /** Member programmes: what the members are entitled to before interactions. */
  entitledAmount?: string;
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  members?: MemberResult[];
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
  totalMonthlyAmount: string;
  /** What produced the result: engine version, the hash of each rule file and of every pack on the chain. */
  receipt: Receipt;
  explanation?: string[];
}
