/**
 * The declared amount forms of a programme (rules/<programme>.json "amount"), compiled once for
 * both arithmetics like the conditions: a parameter; a fact (another programme's figure); a share
 * or multiple (times); a sum; the difference of two amounts (never below zero); the higher or lower
 * of several; and cases on a fact or a parameter (a bracket by age band, grade, self-care level,
 * or the pack's chosen method).
 */
import { z } from 'zod';

export type AmountExpression =
  | { parameter: string }
  | { none: true }
  | { fact: string }
  | { times: [AmountExpression, AmountExpression] }
  | { sum: AmountExpression[] }
  | { difference: [AmountExpression, AmountExpression] }
  | { higher: AmountExpression[] }
  | { lower: AmountExpression[] }
  | { cases: { on: { fact: string } | { parameter: string }; when: Record<string, AmountExpression>; otherwise?: AmountExpression } }
  | { bands: { on: { fact: string }; below: { limit: { parameter: string }; then: AmountExpression }[]; otherwise: AmountExpression } };

const parameterId = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, 'expected a parameter id such as "orphanAllowance.scattered"');
const factName = z.string().min(1);

export const amountExpressionSchema: z.ZodType<AmountExpression> = z.lazy(() =>
  z.union([
    z.object({ parameter: parameterId }).strict(),
    z
      .object({ none: z.literal(true) })
      .strict()
      .describe('No amount (zero): a case where nothing is paid or deducted.'),
    z.object({ fact: factName }).strict(),
    z.object({ times: z.tuple([amountExpressionSchema, amountExpressionSchema]) }).strict(),
    z.object({ sum: z.array(amountExpressionSchema).min(1) }).strict(),
    z.object({ difference: z.tuple([amountExpressionSchema, amountExpressionSchema]) }).strict(),
    z.object({ higher: z.array(amountExpressionSchema).min(1) }).strict(),
    z.object({ lower: z.array(amountExpressionSchema).min(1) }).strict(),
    z
      .object({
        cases: z
          .object({
            on: z.union([z.object({ fact: factName }).strict(), z.object({ parameter: parameterId }).strict()]),
            when: z.record(z.string(), amountExpressionSchema),
            otherwise: amountExpressionSchema.optional(),
          })
          .strict(),
      })
      .strict(),
    z
      .object({
        bands: z
          .object({
            on: z.object({ fact: factName }).strict(),
            below: z.array(z.object({ limit: z.object({ parameter: parameterId }).strict(), then: amountExpressionSchema }).strict()).min(1),
            otherwise: amountExpressionSchema,
          })
          .strict(),
      })
      .strict(),
  ]),
) as z.ZodType<AmountExpression>;
