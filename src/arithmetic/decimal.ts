/** The reference arithmetic: exact Decimals (decimal.js at 40 significant digits, see 0002). */
import { Decimal, ZERO, formatDecimal, formatExact, formatMoney, plain, roundTo, toDecimal, type Rounding } from '../money.js';
import type { Arithmetic } from './types.js';

export type DecimalArithmetic = Arithmetic<Decimal, Decimal, Rounding>;

export const decimalArithmetic: DecimalArithmetic = Object.freeze({
  kind: 'decimal' as const,
  zero: ZERO,
  input: (value: string | number) => toDecimal(value),
  add: (a: Decimal, b: Decimal) => a.plus(b),
  sub: (a: Decimal, b: Decimal) => a.minus(b),
  times: (a: Decimal, rate: Decimal) => a.times(rate),
  timesCount: (a: Decimal, n: number) => a.times(n),
  perCount: (a: Decimal, n: number) => a.dividedBy(n),
  compare: (a: Decimal, b: Decimal) => a.comparedTo(b),
  lessThanShare: (a: Decimal, b: Decimal, rate: Decimal) => a.lessThan(b.times(rate)),
  atMostShare: (a: Decimal, b: Decimal, rate: Decimal) => a.lessThanOrEqualTo(b.times(rate)),
  compareRates: (a: Decimal, b: Decimal) => a.comparedTo(b),
  max: (a: Decimal, b: Decimal) => (a.lessThan(b) ? b : a),
  min: (a: Decimal, b: Decimal) => (b.lessThan(a) ? b : a),
  isZero: (a: Decimal) => a.isZero(),
  round: (a: Decimal, rounding: Rounding) => roundTo(a, rounding),
  isOne: (rate: Decimal) => rate.equals(1),
  plain,
  exact: formatExact,
  money: formatMoney,
  shown: (a: Decimal) => formatDecimal(a),
  rateText: plain,
  roundingText: (rounding: Rounding) => rounding,
  toDecimal: (a: Decimal) => a,
  fromDecimal: (d: Decimal) => d,
  parameter: (value: unknown) => value,
  representable: () => true,
  reset: () => undefined,
});
