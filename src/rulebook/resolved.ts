/**
 * What resolving a parameter gives (resolve.ts), and what a value defined as a multiple of another
 * adds to it (multiples.ts): types both files read, kept apart so that neither imports the other
 * for them.
 */
import type { Decimal } from '../money.js';
import type { Multiple, ParameterValue } from '../parameters/values.js';
import type { Source } from '../schemas/pack.js';

export interface CitedSource extends Source {
  id: string;
}

export interface ResolvedParameter {
  id: string;
  /** Null when the pack says the value is not configured for the day. */
  value: ParameterValue | null;
  from: string;
  /** Last day in force, or null while no later value is known. */
  until: string | null;
  /** The pack that set the value. */
  jurisdiction: string;
  sources: CitedSource[];
  verified: boolean;
  note?: string;
  /** Set when the pack defines the value as a multiple of another parameter. */
  multipleOf?: MultipleOf;
  /** The reform that set the value (or the value it multiplies), when one did. */
  reform?: string;
}

export interface MultipleOf {
  parameter: string;
  /** The other parameter's value (null: not configured there, so neither is this). */
  value: Decimal | null;
  factor: Decimal;
  rounding?: Multiple['rounding'];
  jurisdiction: string;
  from: string;
}
