/**
 * The arithmetic every programme formula is written against. Two implementations: exact Decimals
 * (the reference) and fixed-point integer units (the compiled path). A formula is written once;
 * which arithmetic runs it is the engine's choice. See docs/decisions/0008-one-engine.md.
 */
import { signal } from '../errors.js';
import type { Decimal, Rounding } from '../money.js';

export type ArithmeticKind = 'decimal' | 'units';

/**
 * N: an amount of money; R: a pack rate (share, multiple); G: a rounding. A units operation that
 * cannot stay exact throws INEXACT, and the engine re-runs that programme on Decimals.
 */
export interface Arithmetic<N = unknown, R = unknown, G = unknown> {
  readonly kind: ArithmeticKind;
  readonly zero: N;
  /** A household's money input (validated: ≥ 0, at most two decimals). */
  input(value: string | number): N;
  add(a: N, b: N): N;
  sub(a: N, b: N): N;
  /** a × a pack rate. */
  times(a: N, rate: R): N;
  /** a × a whole number (a household size). */
  timesCount(a: N, n: number): N;
  /** a ÷ a whole number > 0 (a per-capita figure): exact as a rational. */
  perCount(a: N, n: number): N;
  /** Sign of a − b. */
  compare(a: N, b: N): number;
  /** a < b × rate, exactly. */
  lessThanShare(a: N, b: N, rate: R): boolean;
  /** a ≤ b × rate, exactly (an edge that includes its limit). */
  atMostShare(a: N, b: N, rate: R): boolean;
  /** Sign of rate a − rate b, exactly. */
  compareRates(a: R, b: R): number;
  max(a: N, b: N): N;
  min(a: N, b: N): N;
  isZero(a: N): boolean;
  round(a: N, rounding: G): N;
  /** True when a rate equals 1. */
  isOne(rate: R): boolean;
  /** Text as Decimal#toFixed() writes it: "830", "333.3333…" (40 significant digits). */
  plain(a: N): string;
  /** Two decimals when exact ("900.00"), every digit otherwise. */
  exact(a: N): string;
  /** Two decimals; the amount must already be whole fen. */
  money(a: N): string;
  /** Rounded half-up to the fen, for display ("333.33"). */
  shown(a: N): string;
  rateText(rate: R): string;
  roundingText(rounding: G): Rounding;
  /** The exact Decimal an amount stands for, and back (INEXACT when units cannot hold it). */
  toDecimal(a: N): Decimal;
  fromDecimal(d: Decimal): N;
  /** A pack value of the given kind in this arithmetic's form (NaN parts: not representable). */
  parameter(value: unknown, kind: string): unknown;
  /** True when a value from `parameter` is held exactly. */
  representable(value: unknown): boolean;
  /** Forgets per-evaluation scratch (the units path's quotients). */
  reset(): void;
}

/** Fixed point cannot hold a value exactly: the engine re-runs that programme on Decimals. */
export class InexactError extends Error {
  override readonly name = 'InexactError';
  constructor() {
    super('internal: a fixed-point amount cannot be held exactly (the engine re-runs the programme on Decimals)');
  }
}

/** The one InexactError thrown, without a stack (errors.ts `signal`). */
export const INEXACT = signal(() => new InexactError());

export function isInexact(error: unknown): boolean {
  return error === INEXACT;
}
