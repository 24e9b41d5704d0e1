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

export const PROGRAMME_IDS = ['dibao', 'disability-living-subsidy', 'disability-care-subsidy', 'orphan-allowance'] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];
export const MEMBER_PROGRAMME_IDS = ['disability-living-subsidy', 'disability-care-subsidy', 'orphan-allowance'] as const;
export type MemberProgrammeId = (typeof MEMBER_PROGRAMME_IDS)[number];

/** When no pack sets a rule the programme needs (not in force) or the pack marks it not configured. */
export const SUSPENDED_STATUSES = ['not-configured', 'not-in-force'] as const;
export const DIBAO_STATUSES = ['enrolled', 'gradual-exit', 'ineligible', ...SUSPENDED_STATUSES] as const;
export type DibaoStatus = (typeof DIBAO_STATUSES)[number];
export const MEMBER_PROGRAMME_STATUSES = ['paid', 'not-paid', 'ineligible', ...SUSPENDED_STATUSES] as const;
export type MemberProgrammeStatus = (typeof MEMBER_PROGRAMME_STATUSES)[number];

/** Dibao's reasons: its rule file's messages, and the engine's `notConfigured`. */
export const DIBAO_REASONS = [
  'eligible',
  'incomeBelowStandard',
  'incomeNotBelowStandard',
  'noCountedMembers',
  'assetsOverLimits',
  'marginal',
  'singlePerson',
  'hardCase',
  'exitMoratorium',
  'gradualExit',
  'gradualExitComplete',
  'noGradualExit',
  'notConfigured',
] as const;
export type DibaoReason = (typeof DIBAO_REASONS)[number];

export const MEMBER_PROGRAMME_REASONS = ['membersEligible', 'noMemberEligible', 'noCandidates', 'notConfigured'] as const;
export type MemberProgrammeReason = (typeof MEMBER_PROGRAMME_REASONS)[number];

/** A member line's reasons: `eligible`, the eligibility condition that failed, or an interaction
 * that changed what is paid (ids of the rule files in rules/). */
export const MEMBER_LINE_REASONS = [
  'eligible',
  'amountNotConfigured',
  'gradeQualifies',
  'inDibaoOrMarginalHousehold',
  'noWorkInjuryCarePay',
  'severeOrExtended',
  'needsCare',
  'underAgeLimit',
  'orphanGetsNoLivingSubsidy',
  'higherOfOtherCareAllowance',
  'deFactoChildOnDibaoPaidTheDifference',
  'deFactoChildWithLivingSubsidyPaidTheDifference',
] as const;
export type MemberLineReason = (typeof MEMBER_LINE_REASONS)[number];

/** Why a member is not counted in the dibao household (trace `member` entries). */
export const MEMBER_EXCLUSION_REASONS = ['imprisoned', 'compulsoryRehabilitation', 'declaredMissing', 'clergyLivingApart'] as const;

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
        member: z.string(),
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
  monthlyAmount: moneyOut.describe('What is paid this month, after the interactions with other programmes.'),
  notConfigured: z.array(z.string()).describe('Parameters the pack marks "not configured" this month, whose rule was therefore left out.'),
  trace: z.array(traceEntrySchema).optional().describe('Every parameter, member, income line, condition and calculation (absent with trace: false).'),
};

export const dibaoResultSchema = z
  .object({
    status: z.enum(DIBAO_STATUSES),
    reasons: z.array(z.enum(DIBAO_REASONS)),
    ...programmeBase,
    // Absent when dibao is not configured this month: nothing was computed.
    eligible: z.boolean().optional().describe('Passes the means test.'),
    enrolment: z.enum(['household', 'singlePerson', 'moratorium']).nullable().optional(),
    householdSize: z.number().int().min(0).optional(),
    countedMembers: z.array(z.string()).optional(),
    countableIncome: decimalOut.optional(),
    perCapitaIncome: decimalOut.optional().describe('Shown to the fen; the calculation uses it exactly (see the trace).'),
    standard: decimalOut.optional(),
    marginal: z.boolean().optional(),
    singlePersonMembers: z.array(z.string()).optional(),
    gradualExit: z
      .object({ since: isoMonth, month: z.number().int().min(1), of: z.number().int().min(1), share: decimalOut, lastAmount: decimalOut })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: 'DibaoResult' });

export const memberLineSchema = z
  .object({ member: z.string(), entitled: moneyOut, paid: moneyOut, reasons: z.array(z.enum(MEMBER_LINE_REASONS)) })
  .strict()
  .meta({ id: 'MemberLine' });

export const memberProgrammeResultSchema = z
  .object({
    status: z.enum(MEMBER_PROGRAMME_STATUSES),
    reasons: z.array(z.enum(MEMBER_PROGRAMME_REASONS)),
    ...programmeBase,
    // Both absent when the programme is not configured or not in force this month.
    entitledAmount: moneyOut.optional().describe('What the members are entitled to before interactions.'),
    members: z.array(memberLineSchema).optional().describe('One line per member considered.'),
  })
  .strict()
  .meta({ id: 'MemberProgrammeResult' });

export const receiptSchema = z
  .object({
    engine: z.string().describe('benefit-rules@<version>'),
    rules: z.array(z.object({ programme: z.enum(PROGRAMME_IDS), hash: z.string() }).strict()),
    packs: z.array(z.object({ id: z.string(), hash: z.string() }).strict()),
  })
  .strict()
  .meta({ id: 'Receipt' });

export const evaluationResultSchema = z
  .object({
    household: z.string(),
    jurisdiction: z.string(),
    month: isoMonth,
    knownAt: isoDate.optional(),
    programmes: z
      .object({
        dibao: dibaoResultSchema,
        'disability-living-subsidy': memberProgrammeResultSchema,
        'disability-care-subsidy': memberProgrammeResultSchema,
        'orphan-allowance': memberProgrammeResultSchema,
      })
      .strict(),
    totalMonthlyAmount: moneyOut,
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

/** One NDJSON line of a batch's output. */
export const batchRecordSchema = z
  .discriminatedUnion('ok', [
    z.object({ line: z.number().int().min(1), ok: z.literal(true), result: evaluationResultSchema }).strict(),
    z.object({ line: z.number().int().min(1), ok: z.literal(false), error: errorObjectSchema }).strict(),
  ])
  .meta({ id: 'BatchRecord' });
