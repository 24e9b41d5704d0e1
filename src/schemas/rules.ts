/**
 * A rule file (rules/<programme>.json): one programme declared — its scope, the programmes whose
 * results it uses, the parameters it reads (kind, unit, meaning), its eligibility conditions in
 * json-rules-engine's format, its amount (a declared form, or a module's), its interactions with
 * other programmes, its messages and its output columns. Shared by every pack.
 */
import { z } from 'zod';
import { bilingual } from './common.js';
import { conditionSchema } from './condition.js';
import { amountExpressionSchema } from './amount.js';

export const parameterKindSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('money') }).strict(),
  z.object({ kind: z.literal('decimal') }).strict(),
  z.object({ kind: z.literal('integer') }).strict(),
  z.object({ kind: z.literal('boolean') }).strict(),
  z.object({ kind: z.literal('enum'), values: z.array(z.string()).min(1) }).strict(),
  z.object({ kind: z.literal('decimalList') }).strict(),
  z.object({ kind: z.literal('integerList') }).strict(),
  z.object({ kind: z.literal('enumList'), values: z.array(z.string()).min(1) }).strict(),
  z
    .object({ kind: z.literal('incomeTypeList') })
    .strict()
    .describe('A list of income types (src/schemas/income.ts), named once there rather than in every rule file.'),
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
     * What evaluation does when a pack has no value for the month, or says it is not configured
     * (null): "error" stops with a clear message; "skip" turns the rule off and says so;
     * "programme" reports the whole programme not configured this month (its amount unknown).
     */
    whenNotConfigured: z.enum(['error', 'skip', 'programme']),
    /** Kept for older rule files: every rule a month reads that no pack sets is now listed under
     * notConfigured unless it is a local option. */
    reportWhenNotSet: z.boolean().optional(),
    /**
     * A local option whose absence is itself the rule (a payment floor, a moratorium, rounding
     * before comparing): a month no pack sets it, the option is not taken and nothing is listed.
     * Every other rule a month reads that no pack sets is listed under notConfigured.
     */
    localOption: z.boolean().optional(),
  })
  .strict();
export type ParameterDeclaration = z.infer<typeof parameterDeclarationSchema>;

/** A document a whole programme rests on (the rule file's own "basis"): no article needed. */
export const documentBasisSchema = z
  .object({
    document: z.string().min(1).describe('Document number or title, e.g. 民发〔2021〕57号.'),
    article: z.string().optional(),
    text: z.string().optional().describe('The paragraph the rule comes from, quoted.'),
  })
  .strict();

const document = z.string().min(1).describe('Document number, with its title where it is first cited, e.g. 民发〔2021〕57号《最低生活保障审核确认办法》.');
const quoted = z.string().min(1).optional().describe('The paragraph the rule comes from, quoted, or a note on the source.');

/**
 * Where one condition, amount or interaction comes from: a document and its article or paragraph;
 * a document whose article was not identified, said in so many words rather than guessed; or an
 * implementation convention with no legal text, and why (an input check, an engine default).
 */
export const legalBasisSchema = z.union(
  [
    z
      .object({ document, article: z.string().min(1).describe('Article, paragraph or section, as the document numbers them: 第八条, 第十二条第二款, 三、（一）.'), text: quoted })
      .strict(),
    z
      .object({
        document,
        articleUnidentified: z.literal(true).describe('The document is known but not the article or paragraph: the rule book says "article not identified".'),
        text: quoted,
      })
      .strict(),
    z.object({ convention: bilingual.describe('Why the rule is written so, where no legal text says it: an input check, an engine default, a fact left to the caller.') }).strict(),
  ],
  {
    error:
      'expected a basis: {"document", "article"}, {"document", "articleUnidentified": true} where the article is not known, or {"convention": {"zh", "en"}} where no legal text applies',
  },
);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

const basisList = z
  .array(legalBasisSchema, { error: 'expected "basis": a list of the legal texts (document and article) or the convention the rule comes from' })
  .min(1, 'expected at least one basis: a legal text (document and article) or a convention');

export const ruleConditionSchema = z
  .object({
    scope: z.enum(['household', 'member']),
    description: bilingual,
    basis: basisList,
    when: conditionSchema.refine((c) => !('fact' in c), {
      message: 'expected "all", "any", "not" or "condition" at the root, as json-rules-engine requires',
    }),
  })
  .strict();
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const programmeId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a programme id such as "dibao" or "orphan-allowance"');
const conditionId = z.string().regex(/^[a-z][A-Za-z0-9]*$/);
const factKind = z.enum(['money', 'boolean', 'integer', 'text']);

/** A fact one programme gives the programmes that use it. */
export const providedFactSchema = z.object({ kind: factKind, description: bilingual }).strict();

export const interactionSchema = z
  .object({
    id: conditionId,
    /**
     * higherOf: the higher of this allowance and another amount is what counts — this one is
     * dropped when the other is at least as high. reducedBy: this one pays only the difference
     * above the other amounts. excludedBy: not paid to a member another programme pays.
     */
    kind: z.enum(['higherOf', 'reducedBy', 'excludedBy']),
    description: bilingual,
    basis: basisList,
    /** A member condition of this programme; the interaction applies only where it is met. */
    when: conditionId.optional(),
    /** excludedBy: the programme whose entitlement excludes this one. */
    by: programmeId.optional(),
    /** higherOf and reducedBy: the other amounts, per member. */
    amounts: z.array(amountExpressionSchema).min(1).optional(),
    /** A boolean parameter by which the pack says whether this rule holds there: read only where the
     * rule would bite, so a pack that does not say leaves that member's line undecided, no other. */
    switch: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/)
      .optional(),
  })
  .strict()
  .refine((i) => (i.kind === 'excludedBy' ? i.by !== undefined && i.amounts === undefined : i.amounts !== undefined && i.by === undefined), {
    message: 'expected "by" (a programme) for excludedBy, and "amounts" for higherOf and reducedBy',
  });
export type Interaction = z.infer<typeof interactionSchema>;

/** A named part of the amount: a form of its own (rounded like the amount), or the remainder of
 * the amount once the other parts are taken ("a care part that takes the remainder"). */
export const partSchema = z
  .object({
    description: bilingual,
    amount: amountExpressionSchema.optional(),
    remainder: z.literal(true).optional().describe('This part is the amount less the other parts.'),
  })
  .strict()
  .refine((part) => (part.amount === undefined) !== (part.remainder === undefined), { message: 'expected either "amount" (a form) or "remainder": true' });

const partsSchema = z
  .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a part name such as "basic" or "care"'), partSchema)
  .refine((parts) => Object.values(parts).filter((part) => part.remainder === true).length === 1, {
    message: 'expected exactly one part with "remainder": true, so that the parts add up to the amount',
  });

const template = bilingual.describe('Text with {placeholders} filled from the trace entry.');

const ruleFileObject = z
  .object({
    $schema: z.string().optional(),
    programme: programmeId,
    name: bilingual,
    basis: z.array(documentBasisSchema).optional(),
    /** household: one amount for the household; member: an amount per member, added up. */
    scope: z.enum(['household', 'member']),
    /** month (default): a monthly amount; event: a one-off amount for an event, kept out of the monthly total. */
    period: z.enum(['month', 'event']).optional(),
    /** The first segment of every parameter id this file declares (default: the programme id). */
    parameterPrefix: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*$/)
      .optional(),
    /** Programmes whose results this one reads; evaluated first. */
    uses: z.array(programmeId).optional(),
    /** Facts this programme gives the programmes that use it, by scope. */
    provides: z
      .object({ household: z.record(z.string(), providedFactSchema).optional(), member: z.record(z.string(), providedFactSchema).optional() })
      .strict()
      .optional(),
    /** The facts a module programme gives its own conditions (declared programmes use the engine's). */
    facts: z.record(z.string(), providedFactSchema).optional(),
    parameters: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/), parameterDeclarationSchema),
    conditions: z.record(conditionId, ruleConditionSchema),
    /** Member programmes: who is considered at all (listed in the result), then the conditions all to be met. */
    candidates: conditionId.optional(),
    eligibility: z.array(conditionId).optional(),
    /** The amount per member (member scope) in a declared form, and the parameter that rounds it. */
    amount: amountExpressionSchema.optional(),
    /** A one-off programme whose amount is the caseworker's to set (temporary assistance): the
     * lowest and highest amounts the rules allow, each a form like the amount, rounded like it. The
     * amount, when given, is the suggested one. */
    bounds: z.object({ minimum: amountExpressionSchema.optional(), maximum: amountExpressionSchema.optional() }).strict().optional(),
    rounding: z.string().optional(),
    /** The basis of each amount: "amount", "minimum" and "maximum" for the declared forms, and each
     * calculation a module writes (messages.calculations), by id; checked at load (rulebook/basis.ts). */
    amountBasis: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), basisList).optional(),
    /** How age is counted in a month: an enum parameter of this file (firstDay, lastDay) each pack
     * sets; none: completed years on the month's first day. A pack whose sources are silent sets it
     * null, and a line that turns on it is not configured (docs/decisions/0029). */
    ageConvention: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/)
      .optional(),
    /** Named parts of a member's amount (extreme poverty's basic and care parts), read by other
     * programmes as "<programme>.<part>" and written in each member's line. See partsSchema. */
    parts: partsSchema.optional(),
    interactions: z.array(interactionSchema).optional(),
    /** Members this programme supports are no longer counted in another programme's household
     * (extreme-poverty support and dibao): that programme and those after it are evaluated again
     * without them. */
    leavesHousehold: z.object({ of: programmeId, description: bilingual, basis: basisList }).strict().optional(),
    messages: z
      .object({
        status: z.record(z.string(), bilingual).optional(),
        reasons: z.record(z.string(), bilingual).optional(),
        calculations: z.record(z.string(), template).optional(),
        decisions: z.record(z.string(), template).optional(),
        labels: z.record(z.string(), bilingual).optional(),
      })
      .strict()
      .optional(),
    /** Result fields written as CSV columns (<programme>_<field>) and shown in the demo table. */
    columns: z.array(z.string()).optional(),
  })
  .strict();

export const ruleFileSchema = ruleFileObject.refine((file) => file.bounds === undefined || file.period === 'event', {
  path: ['bounds'],
  message: 'expected bounds only on a one-off programme ("period": "event")',
});

/** One part of a rule folder (rules/<programme>/NN-<concern>.yaml, decision 0026): any keys of a
 * rule file, each as in a rule file; the merged parts are checked as one rule file. */
export const ruleFilePartSchema = ruleFileObject.partial();
export type RuleFile = z.infer<typeof ruleFileSchema>;
