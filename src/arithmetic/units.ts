/**
 * The compiled path's arithmetic: integers in units of 1/10 000 yuan in plain JS numbers. Every
 * operation is exact or throws INEXACT. One rational is allowed to stay unreduced: a per-capita
 * quotient (total ÷ size), kept as a double whose comparisons with whole units are still exact
 * under the bounds below (docs/decisions/0006), and remembered with its numerator and denominator
 * so that it can be rounded or written exactly.
 */
import { Decimal, type Rounding } from '../money.js';
import type { Bracket } from '../parameters/values.js';
import { INEXACT, type Arithmetic } from './types.js';
import {
  UNITS_PER_YUAN,
  decimalUnits,
  divide,
  exactUnits,
  moneyText,
  moneyUnits,
  plainUnits,
  quotientText,
  rateOf,
  roundUnits,
  times,
  unitRounding,
  type Rate,
  type UnitRounding,
} from './units-core.js';

export type { Rate, UnitRounding };

/** Past these, double comparisons of per-capita quotients are no longer exact. */
const MAX_NUMERATOR = 2 ** 43;
const MAX_DENOMINATOR = 1000;

function whole(value: number): number {
  if (!Number.isSafeInteger(value)) throw INEXACT;
  return value;
}

export class UnitsArithmetic implements Arithmetic<number, Rate, UnitRounding> {
  readonly kind = 'units' as const;
  readonly zero = 0;
  /** Quotients made in the current evaluation: value, numerator, denominator. */
  private readonly quotients: number[] = [];

  reset(): void {
    if (this.quotients.length !== 0) this.quotients.length = 0;
  }

  input(value: string | number): number {
    const units = moneyUnits(value);
    if (Number.isNaN(units)) throw INEXACT;
    return units;
  }

  add(a: number, b: number): number {
    return whole(whole(a) + whole(b));
  }

  sub(a: number, b: number): number {
    return whole(whole(a) - whole(b));
  }

  times(a: number, rate: Rate): number {
    const product = times(whole(a), rate);
    if (Number.isNaN(product)) throw INEXACT;
    return product;
  }

  timesCount(a: number, n: number): number {
    return whole(whole(a) * n);
  }

  perCount(a: number, n: number): number {
    whole(a);
    if (n === 1) return a;
    const q = a / n;
    if (Number.isInteger(q) && q * n === a) return q;
    if (Math.abs(a) > MAX_NUMERATOR || n > MAX_DENOMINATOR) throw INEXACT;
    this.quotients.push(q, a, n);
    return q;
  }

  compare(a: number, b: number): number {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  lessThanShare(a: number, b: number, rate: Rate): boolean {
    // a < b × p / d  ⇔  a × d < p × b, with a quotient a = x / n as x × d < p × b × n.
    const x = this.numerator(a);
    const n = this.denominator(a);
    return whole(x * rate.denominator) < whole(whole(rate.numerator * whole(b)) * n);
  }

  atMostShare(a: number, b: number, rate: Rate): boolean {
    const x = this.numerator(a);
    const n = this.denominator(a);
    return whole(x * rate.denominator) <= whole(whole(rate.numerator * whole(b)) * n);
  }

  compareRates(a: Rate, b: Rate): number {
    const left = whole(a.numerator * b.denominator);
    const right = whole(b.numerator * a.denominator);
    return left < right ? -1 : left > right ? 1 : 0;
  }

  max(a: number, b: number): number {
    return a < b ? b : a;
  }

  min(a: number, b: number): number {
    return b < a ? b : a;
  }

  isZero(a: number): boolean {
    return a === 0;
  }

  round(a: number, rounding: UnitRounding): number {
    if (Number.isInteger(a)) {
      const after = roundUnits(a, rounding);
      if (Number.isNaN(after)) throw INEXACT;
      return after;
    }
    const x = this.numerator(a);
    const n = this.denominator(a);
    if (x < 0) throw INEXACT;
    return whole(divide(x, whole(n * rounding.step), rounding.mode) * rounding.step);
  }

  isOne(rate: Rate): boolean {
    return rate.numerator === rate.denominator;
  }

  plain(a: number): string {
    if (Number.isInteger(a)) return plainUnits(a);
    const x = this.numerator(a);
    const n = this.denominator(a);
    return quotientText(x, n);
  }

  exact(a: number): string {
    return Number.isInteger(a) ? exactUnits(a) : this.plain(a);
  }

  money(a: number): string {
    if (!Number.isInteger(a) || a % 100 !== 0) throw new Error(`internal: amount ${this.plain(a)} reached output unrounded`);
    return moneyText(a);
  }

  shown(a: number): string {
    const x = this.numerator(a);
    const n = this.denominator(a);
    if (x < 0) throw INEXACT;
    return moneyText(divide(x, n * 100, 'halfUp') * 100);
  }

  rateText(rate: Rate): string {
    return new Decimal(rate.numerator).dividedBy(rate.denominator).toFixed();
  }

  roundingText(rounding: UnitRounding): Rounding {
    return rounding.source;
  }

  toDecimal(a: number): Decimal {
    const x = this.numerator(a);
    const n = this.denominator(a);
    return new Decimal(x).dividedBy(n * UNITS_PER_YUAN);
  }

  fromDecimal(d: Decimal): number {
    const units = decimalUnits(d);
    if (Number.isNaN(units)) throw INEXACT;
    return units;
  }

  parameter(value: unknown, kind: string): unknown {
    if (value === null || value === undefined) return null;
    if (value instanceof Decimal) return kind === 'money' ? decimalUnits(value) : rateOf(value);
    if (Array.isArray(value)) {
      return value.map((item: unknown) => {
        if (item instanceof Decimal) return rateOf(item);
        if (item !== null && typeof item === 'object' && 'amountShare' in item) {
          const bracket = item as Bracket;
          const units = { upToShare: bracket.upToShare === null ? null : rateOf(bracket.upToShare), amountShare: rateOf(bracket.amountShare) };
          return bracket.includesLimit === true ? { ...units, includesLimit: true } : units;
        }
        return item;
      });
    }
    if (typeof value === 'object' && 'mode' in value) return unitRounding(value as Rounding, (step) => decimalUnits(new Decimal(step)));
    return value;
  }

  representable(value: unknown): boolean {
    if (typeof value === 'number') return !Number.isNaN(value);
    if (Array.isArray(value)) return value.every((v) => this.representable(v));
    if (value !== null && typeof value === 'object') return Object.values(value).every((v) => this.representable(v));
    return true;
  }

  /** A value's numerator and denominator in units: a whole number is over 1, a quotient (made by
   * perCount in this evaluation) has its own in the table. Read one by one, not as a destructured pair, which cost an iterator per read. */
  private numerator(a: number): number {
    return Number.isInteger(a) ? a : (this.quotients[this.entry(a) + 1] as number);
  }

  private denominator(a: number): number {
    return Number.isInteger(a) ? 1 : (this.quotients[this.entry(a) + 2] as number);
  }

  /** Where quotient q is in the table; INEXACT when it is not one this household made. */
  private entry(q: number): number {
    const list = this.quotients;
    for (let i = 0; i < list.length; i += 3) if (list[i] === q) return i;
    throw INEXACT;
  }
}
