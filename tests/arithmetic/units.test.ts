import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divide, moneyText, plainUnits, quotientText } from '../../src/arithmetic/units-core.js';
import { Decimal } from '../../src/money.js';

describe('fixed-point units written as the reference writes Decimals', () => {
  it('plain text and money text, negatives included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (units) => {
        const yuan = new Decimal(units).dividedBy(10_000);
        expect(plainUnits(units)).toBe(yuan.toFixed());
        const fen = units - (units % 100);
        expect(moneyText(fen)).toBe(new Decimal(fen).dividedBy(10_000).toFixed(2));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotients at 40 significant digits, as decimal.js divides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 43 }), fc.integer({ min: 1, max: 1000 }), (numerator, denominator) => {
        expect(quotientText(numerator, denominator)).toBe(new Decimal(numerator).dividedBy(10_000).dividedBy(denominator).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('integer division rounds as Decimal rounds', () => {
    const modes = {
      halfUp: Decimal.ROUND_HALF_UP,
      halfEven: Decimal.ROUND_HALF_EVEN,
      halfDown: Decimal.ROUND_HALF_DOWN,
      up: Decimal.ROUND_UP,
      down: Decimal.ROUND_DOWN,
      ceiling: Decimal.ROUND_CEIL,
      floor: Decimal.ROUND_FLOOR,
    } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 1e7 }), fc.constantFrom(...(Object.keys(modes) as (keyof typeof modes)[])), (a, b, mode) => {
        expect(divide(a, b, mode)).toBe(new Decimal(a).dividedBy(b).toDecimalPlaces(0, modes[mode]).toNumber());
      }),
      { numRuns: 3000 },
    );
  });
});
