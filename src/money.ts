/**
 * Money and other exact decimals. Every amount is a Decimal from a private decimal.js clone, so no
 * global configuration of the host application can change our results, and no amount ever passes
 * through a binary float. See docs/decisions/0002-exact-money.md.
 */
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * 40 significant digits: amounts are at most ~12 digits, so quotients such as a per-capita income of
 * 1000 / 3 carry 28 exact digits beyond the fen, far more than any comparison against a two-decimal
 * standard can need (see the decision note for the argument).
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** True when text is a plain decimal numeral ("830", "0.5", "-1.25"): no exponent, no spaces. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

/** Parses a validated decimal numeral or a JSON number (read through its shortest text form). */
export function toDecimal(value: string | number): Decimal {
  return new Decimal(typeof value === 'number' ? String(value) : value);
}

export type RoundingMode = 'halfUp' | 'halfEven' | 'halfDown' | 'up' | 'down' | 'ceiling' | 'floor';

const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  halfUp: DecimalJs.ROUND_HALF_UP,
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  halfDown: DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceiling: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};

export interface Rounding {
  mode: RoundingMode;
  /** The unit rounded to: "0.01" (fen), "0.1" (jiao), "1" (yuan), "10". */
  step: string;
}

/** Rounds to a multiple of `step` in the given mode, exactly. */
export function roundTo(value: Decimal, rounding: Rounding): Decimal {
  const step = new Decimal(rounding.step);
  return value.dividedBy(step).toDecimalPlaces(0, MODES[rounding.mode]).times(step);
}

/** Money out: a string with exactly two decimals. Refuses an amount with finer precision, because
 * that would be a rounding no pack declared. */
export function formatMoney(value: Decimal): string {
  if (!value.equals(value.toDecimalPlaces(2))) {
    throw new Error(`internal: amount ${value.toString()} reached output unrounded`);
  }
  // Decimal#toFixed is exact decimal formatting, not Number#toFixed.
  return value.toFixed(2);
}

/** A decimal for display in traces: rounded half-up to `places`, trailing zeros kept. */
export function formatDecimal(value: Decimal, places = 2): string {
  return value.toDecimalPlaces(places).toFixed(places);
}

/** An exact amount as text: two decimals when that is exact ("900.00"), otherwise every digit. */
export function formatExact(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

/** Plain text of an exact decimal, no exponent ("0.5", "830"). */
export function plain(value: Decimal): string {
  return value.toFixed();
}
