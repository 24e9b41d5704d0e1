/**
 * The declared amount forms of a programme (rules/<programme>.json "amount"), compiled once for
 * both arithmetics like the conditions: a parameter; a fact (another programme's figure); a share
 * or multiple (times); an amount divided by a count (dividedBy); a sum; the difference of two
 * amounts (never below zero); the higher or lower of several (amounts, or shares); cases on a fact
 * or a parameter (a bracket by grade, self-care level, arrangement, or the pack's chosen method);
 * bands on a number fact whose edges say whether they include the limit; a count of the
 * household's members meeting a condition; an amount gated by a condition (when); and a sum over
 * the household's members (each member's amount, where a condition holds). See
 * docs/decisions/0016-forms.md.
 */
import { z } from 'zod';

export type AmountExpression =
  | { parameter: string }
  | { none: true }
  | { fact: string }
  | { times: [AmountExpression, AmountExpression] }
  | { dividedBy: [AmountExpression, AmountExpression | number] }
  | { sum: AmountExpression[] }
  | { difference: [AmountExpression, AmountExpression] }
  | { higher: AmountExpression[] }
  | { lower: AmountExpression[] }
  | { cases: { on: { fact: string } | { parameter: string }; when: Record<string, AmountExpression>; otherwise?: AmountExpression } }
  | { bands: { on: { fact: string }; below: Band[]; otherwise: AmountExpression } }
  | { count: { where: string } }
  | { when: { condition: string; then: AmountExpression; otherwise?: AmountExpression } }
  | { sumOverMembers: { of: AmountExpression; where?: string } };

/** A band: values below the limit (or up to it, when `includesLimit`) take `then`. */
export interface Band {
  limit: { parameter: string };
  includesLimit?: boolean;
  then: AmountExpression;
}

const parameterId = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, 'expected a parameter id such as "orphanAllowance.scattered"');
const factName = z.string().min(1);
const conditionId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected the id of a member condition of this rule file');

export const amountExpressionSchema: z.ZodType<AmountExpression> = z.lazy(() =>
  z.union([
    z.object({ parameter: parameterId }).strict(),
    z
      .object({ none: z.literal(true) })
      .strict()
      .describe('No amount (zero): a case where nothing is paid or deducted.'),
    z.object({ fact: factName }).strict(),
    z.object({ times: z.tuple([amountExpressionSchema, amountExpressionSchema]) }).strict(),
    z
      .object({ dividedBy: z.tuple([amountExpressionSchema, z.union([amountExpressionSchema, z.number().int().min(1)])]) })
      .strict()
      .describe(
        'An amount divided by a count (an integer parameter, a count of members, or a whole number written here): 1/12 of the dibao standard, the average of two standards.',
      ),
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
            below: z
              .array(
                z
                  .object({
                    limit: z.object({ parameter: parameterId }).strict(),
                    includesLimit: z.boolean().optional().describe('True: a value equal to the limit is in this band ("77–200(含)"); default false.'),
                    then: amountExpressionSchema,
                  })
                  .strict(),
              )
              .min(1),
            otherwise: amountExpressionSchema,
          })
          .strict(),
      })
      .strict(),
    z
      .object({ count: z.object({ where: conditionId }).strict() })
      .strict()
      .describe("The number of the household's members who meet a member condition."),
    z
      .object({ when: z.object({ condition: conditionId, then: amountExpressionSchema, otherwise: amountExpressionSchema.optional() }).strict() })
      .strict()
      .describe('An amount paid only where a member condition is met (otherwise: zero, or the given amount).'),
    z
      .object({ sumOverMembers: z.object({ of: amountExpressionSchema, where: conditionId.optional() }).strict() })
      .strict()
      .describe("The sum of an amount over the household's members (those meeting a member condition)."),
  ]),
) as z.ZodType<AmountExpression>;
