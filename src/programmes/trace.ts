/**
 * The explanation trace: what happened, step by step, in a form a machine can read and both
 * renderers (Chinese and English) can turn into sentences. Written by the programmes, read by
 * src/explain. Values are plain JSON (Decimals become
 * strings), so a trace serialises byte-identically.
 */
export interface TraceSource {
  id: string;
  title: string;
  number?: string;
  issued?: string;
  published?: string;
  url?: string;
  seed?: string;
  tag: string;
}

export type TraceEntry =
  | {
      kind: 'parameter';
      id: string;
      /** The value as written in the pack; null when not configured. */
      value: unknown;
      from: string;
      until: string | null;
      jurisdiction: string;
      verified: boolean;
      sources: TraceSource[];
      note?: string;
      /** The value is a multiple of another parameter: that one's value, the factor, the rounding. */
      multipleOf?: TraceMultiple;
      /** The reform that set it: a hypothesis an analyst wrote, not a rule in force. */
      reform?: string;
    }
  | { kind: 'notSet'; id: string }
  | { kind: 'member'; member: string; counted: boolean; reasons: string[] }
  | {
      kind: 'income';
      member: string | null;
      type: string;
      monthly: string;
      treatment: 'counted' | 'exempt' | 'share' | 'notMember';
      counted: string;
      share?: string;
      parameter?: string;
    }
  | { kind: 'deduction'; member: string; method: string; employmentIncome: string; deduction: string; capped: boolean }
  | { kind: 'condition'; id: string; member?: string; result: boolean; checks: TraceCheck[] }
  | { kind: 'calculation'; id: string; member?: string; values: Record<string, string>; result: string }
  | {
      kind: 'interaction';
      id: string;
      /** higherOf, reducedBy or excludedBy, as the rule file declares it. */
      form: string;
      /** The member whose line it settles; absent for a household programme's amount. */
      member?: string;
      entitled: string;
      /** The other amounts weighed (higherOf, reducedBy) or the programme that excludes (excludedBy). */
      others: string[];
      paid: string;
    }
  | { kind: 'rounding'; id: string; parameter: string; mode: string; step: string; before: string; after: string }
  | { kind: 'decision'; id: string; values?: Record<string, string> };

export interface TraceCheck {
  fact: string;
  operator: string;
  factValue: unknown;
  value: unknown;
  valueFact?: string;
  result: boolean;
}

/** How a parameter defined as a multiple of another was computed (rulebook/multiples.ts). */
export interface TraceMultiple {
  parameter: string;
  value: string | null;
  factor: string;
  rounding?: { mode: string; step: string };
  jurisdiction: string;
  from: string;
}
