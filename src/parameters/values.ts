/**
 * Checks a pack value against the kind its rule file declares and turns it into the typed value the
 * programmes read (Decimals for money and rates, never binary floats).
 */
import { z } from 'zod';
import { decimalString } from '../schemas/common.js';
import { INCOME_TYPE_IDS } from '../schemas/income.js';
import type { ParameterKind } from '../schemas/rules.js';
import { Decimal, toDecimal, type Rounding } from '../money.js';

export interface Bracket<R = Decimal> {
  /** Upper bound of per-capita income as a share of the standard (exclusive); null for the last. */
  upToShare: R | null;
  /** Amount per person as a share of the standard. */
  amountShare: R;
  /** The upper bound belongs to this tier (≤ rather than <). */
  includesLimit?: boolean;
}

/**
 * A money value defined as a multiple of another parameter, possibly another programme's ("2 × the
 * urban dibao standard"), rounded as the pack declares: resolved per month (rulebook/multiples.ts).
 */
export interface Multiple {
  multipleOf: string;
  factor: Decimal;
  rounding?: Rounding;
}

export type ParameterValue = Decimal | number | boolean | string | Decimal[] | number[] | string[] | Rounding | Bracket[] | Multiple;

export function isMultiple(value: unknown): value is Multiple {
  return value !== null && typeof value === 'object' && 'multipleOf' in value;
}

const nonNegativeDecimal = decimalString.refine((text) => !text.startsWith('-'), { message: 'expected a value ≥ 0' });

const roundingSchema = z
  .object({
    mode: z.enum(['halfUp', 'halfEven', 'halfDown', 'up', 'down', 'ceiling', 'floor']),
    step: nonNegativeDecimal.refine((text) => Number(text) > 0, { message: 'expected a step > 0' }),
  })
  .strict();

const multipleSchema = z
  .object({
    multipleOf: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, 'expected a parameter id such as "dibao.standard.urban"'),
    factor: nonNegativeDecimal,
    rounding: roundingSchema.optional(),
  })
  .strict();

const bracketsSchema = z
  .array(
    z
      .object({
        upToShare: nonNegativeDecimal.nullable(),
        amountShare: nonNegativeDecimal,
        includesLimit: z.boolean().optional().describe('True: income exactly at upToShare × the standard is in this tier ("(含)"); default false.'),
      })
      .strict(),
  )
  .min(1)
  .refine((list) => list.every((b, i) => (b.upToShare === null) === (i === list.length - 1)), {
    message: 'expected every bracket but the last to have an upToShare, and the last to have null',
  });

/** The zod schema of a value of the given kind, used for validation and for pack JSON Schema. */
export function valueSchema(kind: ParameterKind): z.ZodType {
  switch (kind.kind) {
    case 'money':
      return z.union([nonNegativeDecimal, multipleSchema], {
        error: 'expected a decimal written as a string, or { "multipleOf": <parameter>, "factor": <decimal>, "rounding"?: … }',
      });
    case 'decimal':
      // Shares, rates, multiples and schedules: a negative one has no meaning in these rules.
      return nonNegativeDecimal;
    case 'integer':
      return z.number().int();
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(kind.values as [string, ...string[]]);
    case 'decimalList':
      return z.array(nonNegativeDecimal);
    case 'integerList':
      return z.array(z.number().int());
    case 'enumList':
      return z.array(z.enum(kind.values as [string, ...string[]]));
    case 'incomeTypeList':
      return z
        .array(z.enum(INCOME_TYPE_IDS, { error: `expected an income type: ${INCOME_TYPE_IDS.join(', ')}` }))
        .refine((list) => new Set(list).size === list.length, { message: 'expected each income type once' });
    case 'rounding':
      return kind.wholeFen
        ? roundingSchema.refine((r) => /^\d+(\.\d{1,2})?$/.test(r.step), {
            message: 'expected a step of whole fen (0.01, 0.1, 1, 10 …): payments are made in fen',
          })
        : roundingSchema;
    case 'brackets':
      return bracketsSchema;
  }
}

/** Converts a validated raw value to its typed form. */
export function typedValue(kind: ParameterKind, raw: unknown): ParameterValue {
  switch (kind.kind) {
    case 'money':
      if (raw !== null && typeof raw === 'object') {
        const { multipleOf, factor, rounding } = raw as { multipleOf: string; factor: string; rounding?: Rounding };
        return rounding === undefined ? { multipleOf, factor: toDecimal(factor) } : { multipleOf, factor: toDecimal(factor), rounding };
      }
      return toDecimal(raw as string);
    case 'decimal':
      return toDecimal(raw as string);
    case 'decimalList':
      return (raw as string[]).map((text) => toDecimal(text));
    case 'brackets':
      return (raw as { upToShare: string | null; amountShare: string; includesLimit?: boolean }[]).map((b) => ({
        upToShare: b.upToShare === null ? null : toDecimal(b.upToShare),
        amountShare: toDecimal(b.amountShare),
        ...(b.includesLimit === true ? { includesLimit: true } : {}),
      }));
    default:
      return raw as ParameterValue;
  }
}

/** The JSON form of a typed value (Decimals as exact text), as a pack would write it. */
export function toJson(value: unknown): unknown {
  if (value instanceof Decimal) return value.toFixed();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toJson(inner);
    return out;
  }
  return value;
}
