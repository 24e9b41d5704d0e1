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
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine(existingDay, { message: 'expected a calendar date that exists' })
  .meta({ format: 'date' });

/** A month written YYYY-MM. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM');

/** An exact decimal written as a string, as every pack file writes money and rates. */
export const decimalString = z
  .string()
  .refine(isDecimalText, { message: 'expected a decimal written as a string, such as "830" or "0.5"' });

/** Money as input from users: a decimal string or a JSON number, ≥ 0, at most two decimals (fen). */
export const moneyInput = z
  .union([z.string(), z.number()])
  .refine(
    (value) => {
      const text = typeof value === 'number' ? String(value) : value;
      return isDecimalText(text) && !text.startsWith('-') && !/\.\d{3,}$/.test(text);
    },
    { message: 'expected an amount in yuan ≥ 0 with at most two decimals, as a string ("1234.50") or a number' },
  )
  .meta({ description: 'Yuan, at most two decimals; a decimal string is preferred over a JSON number.', 'x-money': true });

/** Text in both languages of the project. */
export const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof bilingual>;
