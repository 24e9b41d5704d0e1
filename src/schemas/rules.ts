/**
 * A rule file (rules/<programme>.json): the parameters a programme reads, with their kind, unit and
 * meaning, and its eligibility conditions in json-rules-engine's format. Shared by every pack.
 */
import { z } from 'zod';
import { bilingual } from './common.js';
import { conditionSchema } from './condition.js';

export const parameterKindSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('money') }).strict(),
  z.object({ kind: z.literal('decimal') }).strict(),
  z.object({ kind: z.literal('integer') }).strict(),
  z.object({ kind: z.literal('boolean') }).strict(),
  z.object({ kind: z.literal('enum'), values: z.array(z.string()).min(1) }).strict(),
  z.object({ kind: z.literal('decimalList') }).strict(),
  z.object({ kind: z.literal('integerList') }).strict(),
  z.object({ kind: z.literal('enumList'), values: z.array(z.string()).min(1) }).strict(),
  z.object({ kind: z.literal('rounding'), wholeFen: z.boolean().optional().describe('The rounded value is paid: the step must be whole fen.') }).strict(),
  z.object({ kind: z.literal('brackets') }).strict(),
]);
export type ParameterKind = z.infer<typeof parameterKindSchema>;

export const parameterDeclarationSchema = z
  .object({
    type: parameterKindSchema,
    unit: z.string().optional(),
    description: bilingual,
    /**
     * What evaluation does when a pack says the value is not configured (null) for the month:
     * "error" stops with a clear message; "skip" turns the rule off and says so in the trace.
     */
    whenNotConfigured: z.enum(['error', 'skip']),
  })
  .strict();
export type ParameterDeclaration = z.infer<typeof parameterDeclarationSchema>;

export const legalBasisSchema = z
  .object({
    document: z.string().min(1).describe('Document number or title, e.g. 民发〔2021〕57号.'),
    article: z.string().optional(),
    text: z.string().optional().describe('The paragraph the rule comes from, quoted.'),
  })
  .strict();

export const ruleConditionSchema = z
  .object({
    scope: z.enum(['household', 'member']),
    description: bilingual,
    basis: z.array(legalBasisSchema).optional(),
    when: conditionSchema.refine((c) => !('fact' in c), {
      message: 'expected "all", "any", "not" or "condition" at the root, as json-rules-engine requires',
    }),
  })
  .strict();
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

export const ruleFileSchema = z
  .object({
    $schema: z.string().optional(),
    programme: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    name: bilingual,
    basis: z.array(legalBasisSchema).optional(),
    parameters: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/), parameterDeclarationSchema),
    conditions: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), ruleConditionSchema),
  })
  .strict();
export type RuleFile = z.infer<typeof ruleFileSchema>;
