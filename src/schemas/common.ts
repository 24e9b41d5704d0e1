/** Small zod building blocks shared by the household, pack and rule schemas. */
import { z } from 'zod';
import { isDecimalText } from '../money.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when YYYY-MM-DD names a day that exists (no 2023-02-30). Gregorian arithmetic, no Date:
 * this runs for every date of every household in a batch. */
function existingDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** A calendar date written YYYY-MM-DD that exists. */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  // abort: a date not written YYYY-MM-DD is one mistake, not also a day that does not exist.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD', abort: true })
  .refine(existingDay, { message: 'expected a calendar date that exists' })
  .meta({ format: 'date' });

/** A month written YYYY-MM. */
export const isoMonth = z.string({ error: 'expected a month written YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM');

/** An exact decimal written as a string, as every pack file writes money and rates. */
export const decimalString = z.string().refine(isDecimalText, { message: 'expected a decimal written as a string, such as "830" or "0.5"' });

/**
 * The largest amount a household may give: 999 999 999.99 yuan. Far above any monthly income or
 * savings a means test sees, and low enough that every sum and quotient the rules make stays exact
 * (decimals of 40 significant digits; see src/money.ts): an amount is refused, never rounded.
 */
export const MAX_MONEY = 999_999_999.99;

/** Money text: at most nine digits before the point and two after, no sign, exponent or space. */
export const MONEY_PATTERN = '^(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?$';
const MONEY_TEXT = new RegExp(MONEY_PATTERN);
const MONEY_MESSAGE = 'expected an amount in yuan ≥ 0 and below 1000000000 with at most two decimals, as a string ("1234.50") or a number';

/**
 * Money as input from users: a decimal string or a JSON number, ≥ 0, below a billion, at most two
 * decimals (fen). Written as a union of a patterned string and a bounded number so that the JSON
 * Schema says as much as it can; every failure gives the one message.
 */
export const moneyInput = z
  .union(
    [
      z.string().regex(MONEY_TEXT, MONEY_MESSAGE),
      z
        .number()
        .min(0, { message: MONEY_MESSAGE, abort: true })
        .max(MAX_MONEY, { message: MONEY_MESSAGE, abort: true })
        // String of a number below 1e9 never uses an exponent; its digits are the number's own.
        .refine((value) => MONEY_TEXT.test(String(value)), MONEY_MESSAGE),
    ],
    { error: MONEY_MESSAGE },
  )
  .meta({
    description:
      'Yuan, ≥ 0 and at most 999999999.99, at most two decimals; a decimal string is preferred over a JSON number (this schema cannot check the decimals of a number: evaluate refuses more than two).',
    'x-money': true,
  });

/** Text in both languages of the project. */
export const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof bilingual>;
