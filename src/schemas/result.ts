/**
 * The published contract of what benefit-rules returns: a result, an error, a batch record. The
 * JSON Schemas in schema/ (`npm run schema`) and the service's OpenAPI document are generated from
 * these zod schemas, and a test validates every golden case's actual result against them, so the
 * contract cannot drift from the engine unseen. The literal lists below also give the TypeScript
 * types their unions (src/programmes/result.ts).
 *
 * Written to be extended: a new status or reason is one more word in its list; a new field is one
 * more key in its object. The objects are strict, so a field the engine adds without the contract
 * fails the golden-case test instead of shipping undocumented.
 */
import { z } from 'zod';
import { isoDate, isoMonth } from './common.js';

/** The programmes of the bundled rule files, by name for the TypeScript types; a rule file's own
 * id is any other string (a new programme is a rule file, not an edit here). */
export const MEMBER_PROGRAMME_IDS = [
  'disability-living-subsidy',
  'disability-care-subsidy',
  'orphan-allowance',
  'extreme-poverty',
  'high-age-allowance',
  'dibao-category-supplement',
  'price-subsidy',
  'temporary-assistance',
] as const;
export const PROGRAMME_IDS = ['dibao', ...MEMBER_PROGRAMME_IDS] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number] | (string & {});
export type MemberProgrammeId = (typeof MEMBER_PROGRAMME_IDS)[number];

/** When no pack sets a rule the programme needs (not in force) or the pack marks it not configured. */
export const SUSPENDED_STATUSES = ['not-configured', 'not-in-force'] as const;
/** The decision turns on a rule not configured this month (decision 0011). */
export const UNDETERMINED = 'undetermined' as const;
export const DIBAO_STATUSES = ['enrolled', 'gradual-exit', 'ineligible', UNDETERMINED, ...SUSPENDED_STATUSES] as const;
export type DibaoStatus = (typeof DIBAO_STATUSES)[number];
/** A declared programme: paid or not; some lines not decided (partly-configured, missing-facts, decision 0010). */
/** caseworker-decision: a one-off amount the caseworker sets within the bounds given (temporary
 * assistance); no-event: nobody applies for such a programme, as no event was described. */
export const MEMBER_PROGRAMME_STATUSES = [
  'paid',
  'not-paid',
  'ineligible',
  'caseworker-decision',
  'no-event',
  'partly-configured',
  'missing-facts',
  UNDETERMINED,
  ...SUSPENDED_STATUSES,
] as const;
export type MemberProgrammeStatus = (typeof MEMBER_PROGRAMME_STATUSES)[number];
/** A member line that is not decided. */
export const LINE_STATUSES = ['not-configured', 'not-in-force', 'missing-facts'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** Reason codes: the rule files' condition and interaction ids (their messages say them in zh and
 * en) and the engine's own (notConfigured, someMembersUnknown, missingFact, amountNotConfigured,
 * undetermined). Strings, so that a rule file adds its own. */
const reasonCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/)
  .describe("A reason code: a rule file's condition or interaction id, or the engine's.");

/** Why a member is not counted in the dibao household (trace `member` entries). */
export const MEMBER_EXCLUSION_REASONS = ['imprisoned', 'compulsoryRehabilitation', 'declaredMissing', 'clergyLivingApart', 'supportedApart'] as const;

/** Money the engine writes: yuan with exactly two decimals, as a string (never a float). */
export const moneyOut = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .describe('Yuan with exactly two decimals, as a string, e.g. "1170.00".');
/** An exact decimal as the engine writes it (rates, standards, intermediate values). */
export const decimalOut = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('An exact decimal as a string.');

const sourceOut = z
  .object({
    id: z.string(),
    title: z.string(),
    number: z.string().optional(),
    issued: z.string().optional(),
    published: z.string().optional(),
    url: z.string().optional(),
    seed: z.string().optional(),
    tag: z.string(),
  })
  .strict();

const checkOut = z.object({ fact: z.string(), operator: z.string(), factValue: z.unknown(), value: z.unknown(), valueFact: z.string().optional(), result: z.boolean() }).strict();

const strings = z.record(z.string(), z.string());

/** A parameter's value written as a multiple of another: in the trace and GET /v1/parameters. */
export const multipleOfOut = z
  .object({
    parameter: z.string(),
    value: decimalOut.nullable(),
    factor: decimalOut,
    rounding: z.object({ mode: z.string(), step: decimalOut }).strict().optional(),
    jurisdiction: z.string(),
    from: z.string(),
  })
  .strict()
  .optional()
  .describe('A value written as a multiple of another parameter: that parameter, its value this month and the factor.');

export const reformNameOut = z.string().optional().describe('The name of the reform that set this value (evaluate --reform): a hypothesis, not a rule in force.');

/** One step of the explanation trace; `kind` says which. */
export const traceEntrySchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('parameter'),
        id: z.string(),
        value: z.unknown().describe('The value as written in the pack; null when not configured.'),
        from: z.string(),
        until: z.string().nullable(),
        jurisdiction: z.string(),
        verified: z.boolean(),
        sources: z.array(sourceOut),
        note: z.string().optional(),
        multipleOf: multipleOfOut,
        reform: reformNameOut,
      })
      .strict(),
    z.object({ kind: z.literal('notSet'), id: z.string() }).strict(),
    z.object({ kind: z.literal('member'), member: z.string(), counted: z.boolean(), reasons: z.array(z.enum(MEMBER_EXCLUSION_REASONS)) }).strict(),
    z
      .object({
        kind: z.literal('income'),
        member: z.string().nullable(),
        type: z.string(),
        monthly: decimalOut,
        treatment: z.enum(['counted', 'exempt', 'share', 'notMember']),
        counted: decimalOut,
        share: decimalOut.optional(),
        parameter: z.string().optional(),
      })
      .strict(),
    z.object({ kind: z.literal('deduction'), member: z.string(), method: z.string(), employmentIncome: decimalOut, deduction: decimalOut, capped: z.boolean() }).strict(),
    z.object({ kind: z.literal('condition'), id: z.string(), member: z.string().optional(), result: z.boolean(), checks: z.array(checkOut) }).strict(),
    z.object({ kind: z.literal('calculation'), id: z.string(), member: z.string().optional(), values: strings, result: z.string() }).strict(),
    z
      .object({
        kind: z.literal('interaction'),
        id: z.string(),
        form: z.string(),
        member: z.string().optional(),
        entitled: moneyOut,
        others: z.array(z.string()),
        paid: moneyOut,
      })
      .strict(),
    z.object({ kind: z.literal('rounding'), id: z.string(), parameter: z.string(), mode: z.string(), step: z.string(), before: z.string(), after: z.string() }).strict(),
    z.object({ kind: z.literal('decision'), id: z.string(), values: strings.optional() }).strict(),
  ])
  .meta({ id: 'TraceEntry' });

/** Fields every programme's result has. */
const programmeBase = {
  monthlyAmount: moneyOut
    .nullable()
    .describe('What is paid this month, after the interactions with other programmes; null when it is not known (never a zero); "0.00" for a one-off programme.'),
  period: z.literal('event').optional().describe('A one-off programme: its amount is oneOffAmount, never in totalMonthlyAmount.'),
  oneOffAmount: moneyOut
    .nullable()
    .optional()
    .describe(
      'The amount for the event (one-off programmes); where the caseworker sets it (status caseworker-decision), the suggested amount; null when not known or no rule suggests one.',
    ),
  bounds: z
    .object({
      minimum: moneyOut.nullable().describe('The least the rules allow for the event; null: the packs set no minimum.'),
      maximum: moneyOut.nullable().describe('The most the rules allow for the event; null: the packs set no maximum.'),
    })
    .strict()
    .optional()
    .describe('status caseworker-decision: the range within which the caseworker sets the one-off amount.'),
  notConfigured: z.array(z.string()).describe('Every rule read this month that the packs leave without a value (null: not configured; set by none: not in force).'),
  provisional: z.boolean().describe('The amount turns on rules not configured this month.'),
  provisionalBecause: z.array(z.string()).describe('The rules not configured on which the amount turns.'),
  undeterminedBecause: z.array(z.string()).describe('status undetermined: the rules not configured on which the decision turns.'),
  trace: z.array(traceEntrySchema).optional().describe('Every parameter, member, income line, condition and calculation (absent with trace: false).'),
};

export const dibaoResultSchema = z
  .object({
    status: z.enum(DIBAO_STATUSES),
    reasons: z.array(reasonCode),
    ...programmeBase,
    // Absent when dibao is not configured this month: nothing was computed.
    eligible: z.boolean().optional().describe('Passes the means test.'),
    enrolment: z.enum(['household', 'singlePerson', 'moratorium']).nullable().optional(),
    householdSize: z.number().int().min(0).optional(),
    countedMembers: z.array(z.string()).optional(),
    countableIncome: decimalOut.optional(),
    perCapitaIncome: decimalOut.optional().describe('Shown to the fen; the calculation uses it exactly (see the trace).'),
    standard: decimalOut.optional(),
    marginal: z.boolean().nullable().optional().describe('Null when it turns on a marginal line not configured.'),
    singlePersonMembers: z.array(z.string()).optional(),
    gradualExit: z
      .object({ since: isoMonth, month: z.number().int().min(1), of: z.number().int().min(1), share: decimalOut, lastAmount: decimalOut })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: 'DibaoResult' });

const missingFactOut = z.object({ path: z.string().describe('JSON path of the input to give, e.g. $.members[1].selfCare'), fact: z.string() }).strict();

export const memberLineSchema = z
  .object({
    member: z.string(),
    entitled: moneyOut.nullable().describe('Before interactions; null when the line is not decided, or when the caseworker sets the amount and no rule suggests one.'),
    paid: moneyOut.nullable().describe('After interactions; null when the line is not decided.'),
    reasons: z.array(reasonCode),
    status: z.enum(LINE_STATUSES).optional().describe('Only on a line that is not decided.'),
    notConfigured: z.array(z.string()).optional(),
    missingFacts: z.array(missingFactOut).optional(),
    parts: z
      .record(z.string(), moneyOut)
      .optional()
      .describe('The named parts of entitled, where the rule file names them (a basic part and a care part): they add up to entitled.'),
  })
  .strict()
  .meta({ id: 'MemberLine' });

export const memberProgrammeResultSchema = z
  .object({
    status: z.enum(MEMBER_PROGRAMME_STATUSES),
    reasons: z.array(reasonCode),
    ...programmeBase,
    // Absent for a household-level programme.
    entitledAmount: moneyOut.nullable().optional().describe('What the members are entitled to before interactions (decided lines); null when none is.'),
    members: z.array(memberLineSchema).optional().describe('One line per member considered.'),
    unknownMembers: z
      .array(
        z.object({ member: z.string(), status: z.enum(LINE_STATUSES), notConfigured: z.array(z.string()).optional(), missingFacts: z.array(missingFactOut).optional() }).strict(),
      )
      .optional()
      .describe('Lines not decided: who, and why.'),
    missingFacts: z
      .array(
        z
          .object({
            member: z
              .string()
              .optional()
              .describe('The member whose line needs it; absent: a top-level fact of the household itself, which a household programme needs (its status is then missing-facts).'),
            path: z.string(),
            fact: z.string(),
          })
          .strict(),
      )
      .optional()
      .describe('Household facts missing for some lines, with their JSON paths; or the household fact a household programme needs.'),
  })
  .strict()
  .meta({ id: 'MemberProgrammeResult' });

export const receiptSchema = z
  .object({
    engine: z.string().describe('benefit-rules@<version>'),
    rules: z.array(z.object({ programme: z.string(), hash: z.string() }).strict()),
    packs: z.array(z.object({ id: z.string(), hash: z.string() }).strict()),
    reform: z
      .object({ name: z.string(), sha256: z.string() })
      .strict()
      .optional()
      .describe('The reform applied to the packs (evaluate --reform), by name and the sha256 of its canonical JSON.'),
  })
  .strict()
  .meta({ id: 'Receipt' });

export const evaluationResultSchema = z
  .object({
    household: z.string(),
    jurisdiction: z.string(),
    month: isoMonth,
    knownAt: isoDate.optional(),
    // Dibao by name; every other programme (one a rule file) by its id.
    programmes: z.object({ dibao: dibaoResultSchema }).catchall(memberProgrammeResultSchema),
    totalMonthlyAmount: moneyOut.describe('The sum of what is known to be paid this month (one-off amounts apart).'),
    totalIsPartial: z.boolean().describe('Some amount is not known: the total is then a lower bound.'),
    unknown: z
      .array(z.object({ programme: z.string(), status: z.string(), members: z.array(z.string()).optional() }).strict())
      .describe('What the total leaves out (empty when totalIsPartial is false).'),
    receipt: receiptSchema,
    explanation: z.array(z.string()).optional().describe('The trace as sentences, one a line, in the language asked for (only when lang is given).'),
  })
  .strict()
  .meta({ id: 'EvaluationResult' });

export const errorDetailSchema = z
  .object({
    path: z.string().describe('JSON path inside the input ($ for the root), an option, or a file.'),
    expected: z.string(),
    found: z.string().optional(),
    file: z.string().optional(),
    line: z.number().int().min(1).optional().describe('In a YAML rule or pack file: the line of the node the path names (1 = the first).'),
    column: z.number().int().min(1).optional().describe('In a YAML rule or pack file: its column (1 = the first).'),
  })
  .strict()
  .meta({ id: 'ErrorDetail' });

/** An error as the library's toJSON and the batch write it. */
export const errorObjectSchema = z
  .object({ code: z.string().describe('invalid-household, invalid-input, unknown-jurisdiction, …'), message: z.string(), details: z.array(errorDetailSchema) })
  .strict()
  .meta({ id: 'ErrorObject' });

/** The service's error body and `--json` errors: `{ "error": { code, message, details } }`. */
export const errorSchema = z.object({ error: errorObjectSchema }).strict().meta({ id: 'Error' });
