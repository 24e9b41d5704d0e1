/**
 * Fixed-point money for the compiled path: integers in units of 1/10 000 yuan (a hundredth of a
 * fen), held in plain JS numbers. Every operation here is exact or says it cannot be: a result that
 * would not be a safe integer, or a division that would not come out even, returns NaN and the
 * caller hands the household to the exact Decimal evaluator. See docs/decisions/0006-compiled-path.md.
 */
import type { Decimal, Rounding, RoundingMode } from '../money.js';

export const UNITS_PER_YUAN = 10_000;
const DIGITS = 4;

/** Money input (validated: ≥ 0, at most two decimals) to units; NaN when too large to be safe. */
export function moneyUnits(value: string | number): number {
  if (typeof value === 'number') {
    const units = Math.round(value * UNITS_PER_YUAN);
    return units <= MAX_INPUT ? units : Number.NaN;
  }
  const dot = value.indexOf('.');
  const whole = dot < 0 ? value : value.slice(0, dot);
  const fraction = dot < 0 ? '' : value.slice(dot + 1);
  const units = Number(whole) * UNITS_PER_YUAN + (fraction === '' ? 0 : Number(fraction.padEnd(DIGITS, '0')));
  return units <= MAX_INPUT ? units : Number.NaN;
}

/** Inputs above 100 million yuan a month are left to the Decimal evaluator. */
const MAX_INPUT = 1e8 * UNITS_PER_YUAN;

/** A pack decimal (standard, share, rate) as a rational with a power-of-ten denominator. */
export interface Rate {
  numerator: number;
  denominator: number;
}

export function rateOf(value: Decimal): Rate {
  const places = value.decimalPlaces();
  // Finer than units cannot be written back exactly: such a plan goes to the Decimal evaluator.
  if (places > DIGITS) return { numerator: Number.NaN, denominator: 1 };
  const denominator = 10 ** places;
  return { numerator: value.times(denominator).toNumber(), denominator };
}

/** A pack decimal in units (an amount: a standard, a fixed deduction); NaN if not whole units. */
export function decimalUnits(value: Decimal): number {
  const units = value.times(UNITS_PER_YUAN);
  return units.isInteger() && units.abs().lessThan(Number.MAX_SAFE_INTEGER) ? units.toNumber() : Number.NaN;
}

/** units × rate, exactly; NaN when the product is not whole units or not a safe integer. */
export function times(units: number, rate: Rate): number {
  const product = units * rate.numerator;
  if (!Number.isSafeInteger(product)) return Number.NaN;
  if (rate.denominator === 1) return product;
  return product % rate.denominator === 0 ? product / rate.denominator : Number.NaN;
}

/** Integer division rounded as the mode says (a ≥ 0, b > 0), exact for safe integers. */
export function divide(a: number, b: number, mode: RoundingMode): number {
  let q = Math.floor(a / b);
  // a / b in floating point can land on the wrong side of an integer: correct it.
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  const r = a - q * b;
  if (r === 0) return q;
  switch (mode) {
    case 'down':
    case 'floor':
      return q;
    case 'up':
    case 'ceiling':
      return q + 1;
    case 'halfUp':
      return 2 * r >= b ? q + 1 : q;
    case 'halfDown':
      return 2 * r > b ? q + 1 : q;
    case 'halfEven':
      return 2 * r > b || (2 * r === b && q % 2 === 1) ? q + 1 : q;
  }
}

export interface UnitRounding {
  mode: RoundingMode;
  step: number;
  source: Rounding;
}

export function unitRounding(rounding: Rounding, toUnits: (d: string) => number): UnitRounding {
  return { mode: rounding.mode, step: toUnits(rounding.step), source: rounding };
}

/** Rounds units (≥ 0) to a multiple of the step; NaN for negative input (left to Decimal). */
export function roundUnits(units: number, rounding: UnitRounding): number {
  if (units < 0 || !Number.isFinite(units)) return Number.NaN;
  return divide(units, rounding.step, rounding.mode) * rounding.step;
}

/** Exact decimal text of units with no trailing zeros, as Decimal#toFixed() writes it. */
export function plainUnits(units: number): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / UNITS_PER_YUAN);
  const fraction = String(abs - whole * UNITS_PER_YUAN)
    .padStart(DIGITS, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Two decimals when exact, every digit otherwise, as formatExact does for Decimals. */
export function exactUnits(units: number): string {
  return units % 100 === 0 ? moneyText(units) : plainUnits(units);
}

/** Two decimals, as formatMoney writes a Decimal; NaN-free only for whole fen (the caller checks). */
export function moneyText(units: number): string {
  if (units === 0) return '0.00'; // most amounts of most programmes
  const fen = Math.abs(units) / 100;
  const whole = Math.floor(fen / 100);
  return `${units < 0 ? '-' : ''}${whole}.${String(fen - whole * 100).padStart(2, '0')}`;
}

/** Whole fen, or NaN: an amount about to be written as money must already be rounded to the fen. */
export function wholeFen(units: number): number {
  return units % 100 === 0 ? units : Number.NaN;
}

/**
 * Text of numerator / denominator units (both safe integers, denominator > 0) as decimal.js writes a
 * quotient at 40 significant digits rounded half up, trailing zeros removed: the reference's
 * per-capita income in a trace.
 */
export function quotientText(numerator: number, denominator: number): string {
  const scale = denominator * UNITS_PER_YUAN;
  const whole = Math.floor(numerator / scale);
  let remainder = numerator - whole * scale;
  const wholeDigits = whole === 0 ? 0 : String(whole).length;
  const digits: number[] = [];
  let leadingZeros = 0;
  while (remainder !== 0) {
    remainder *= 10;
    const digit = Math.floor(remainder / scale);
    remainder -= digit * scale;
    digits.push(digit);
    if (whole === 0 && digit === 0 && leadingZeros === digits.length - 1) leadingZeros += 1;
    if (wholeDigits + digits.length - leadingZeros >= 40) break;
  }
  let carry = remainder !== 0 && Math.floor((remainder * 10) / scale) >= 5 ? 1 : 0;
  for (let i = digits.length - 1; i >= 0 && carry; i -= 1) {
    const next = (digits[i] as number) + carry;
    digits[i] = next % 10;
    carry = next === 10 ? 1 : 0;
  }
  const fraction = digits.join('').replace(/0+$/, '');
  const wholePart = String(whole + carry);
  return fraction ? `${wholePart}.${fraction}` : wholePart;
}
