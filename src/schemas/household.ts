/**
 * The household model: what a case-management system sends for one household and one month.
 * Every object is strict, so a misspelt field is reported instead of silently ignored.
 */
import { z } from 'zod';
import { isoDate, isoMonth, moneyInput } from './common.js';
import { INCOME_TYPE_IDS } from './income.js';
import { HOUSEHOLD_INPUT_FACTS, MEMBER_INPUT_FACTS, type FactDeclaration } from './facts.js';

type ValueSchema<F> = F extends { kind: 'enum'; values: infer V extends readonly [string, ...string[]] } ? z.ZodEnum<{ [K in V[number]]: K }> : z.ZodBoolean;
type FactSchema<F> = F extends { required: true } ? ValueSchema<F> : z.ZodOptional<ValueSchema<F>>;
type FactShape<R> = { [K in keyof R]: FactSchema<R[K]> };

/** The zod schema of one declared fact (facts.ts): optional unless required, with its description. */
function factSchema(fact: FactDeclaration) {
  const value = fact.kind === 'enum' ? z.enum(fact.values) : z.boolean();
  return (fact.required ? value : value.optional()).describe(fact.description);
}

/** The zod keys of a registry's facts, made once when the module loads. */
function factShape<R extends Record<string, FactDeclaration>>(registry: R): FactShape<R> {
  return Object.fromEntries(Object.entries(registry).map(([id, fact]) => [id, factSchema(fact)])) as FactShape<R>;
}

const memberFactShape = factShape(MEMBER_INPUT_FACTS);
const householdFactShape = factShape(HOUSEHOLD_INPUT_FACTS);

export const incomeSchema = z
  .object({
    type: z.enum(INCOME_TYPE_IDS).describe('Income category; its treatment is set by the rule pack.'),
    monthly: moneyInput.describe('Monthly amount in yuan.'),
    note: z.string().optional(),
  })
  .strict();

export const disabilitySchema = z
  .object({
    category: z.enum(['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple']),
    grade: z.number().int().min(1).max(4).describe('1 is the most severe (一级), 4 the least (四级).'),
  })
  .strict();

export const exclusionSchema = z
  .object({
    imprisoned: z.boolean().optional().describe('Serving a prison sentence (服刑).'),
    compulsoryRehabilitation: z.boolean().optional().describe('In compulsory drug rehabilitation (强制隔离戒毒).'),
    declaredMissing: z.boolean().optional().describe('Declared missing by a court (宣告失踪).'),
    clergyLivingApartSince: isoDate.optional().describe('Clergy living apart from the household since this date (宗教教职人员).'),
  })
  .strict();

export const childStatusSchema = z
  .object({
    status: z.enum(['orphan', 'deFactoUnsupported']).describe('孤儿 or 事实无人抚养儿童.'),
    care: z
      .enum(['scattered', 'institution'])
      .optional()
      .describe('Scattered (散居) or institutional (机构) care; absent: unknown, so an orphan rate that depends on it is reported as a missing fact.'),
  })
  .strict();

export const otherAllowanceSchema = z
  .object({
    type: z
      .enum(['elderlyCare', 'workInjuryCare'])
      .describe(
        'An elderly care allowance (老年护理补贴), weighed against the care subsidy, or work-injury care pay (工伤保险生活护理费), which excludes both disability subsidies.',
      ),
    monthly: moneyInput.describe('Monthly amount in yuan.'),
  })
  .strict();

export const memberSchema = z
  .object({
    id: z.string().min(1),
    birthDate: isoDate,
    relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other']),
    exclusion: exclusionSchema.optional(),
    disability: disabilitySchema.optional(),
    ...memberFactShape,
    otherAllowances: z
      .array(otherAllowanceSchema)
      .optional()
      .describe('Other care allowances the member receives or is entitled to, which the disability care subsidy is weighed against.'),
    child: childStatusSchema.optional(),
    incomes: z.array(incomeSchema).optional(),
  })
  .strict();

export const vehicleSchema = z
  .object({
    type: z.enum(['car', 'truck', 'motorcycle', 'disabilityVehicle', 'agricultural', 'other']),
    note: z.string().optional(),
  })
  .strict();

export const assetsSchema = z
  .object({
    financial: moneyInput.optional().describe('Deposits, securities and savings insurance, in yuan.'),
    vehicles: z.array(vehicleSchema).optional(),
    dwellings: z.number().int().min(0).optional().describe('Number of dwellings owned.'),
    businessRegistered: z.boolean().optional().describe('Holds a business registration or shopfront.'),
  })
  .strict();

/** A gradual exit starts during an enrolment, never before it (ISO months compare as text). */
export function exitBeforeEnrolment(history: { enrolledSince?: string | undefined; gradualExitSince?: string | undefined } | undefined): boolean {
  return history?.enrolledSince !== undefined && history.gradualExitSince !== undefined && history.gradualExitSince < history.enrolledSince;
}

export const dibaoHistorySchema = z
  .object({
    enrolledSince: isoMonth.optional().describe('First month of the current dibao enrolment; absent if not enrolled.'),
    lastAmount: moneyInput
      .optional()
      .describe(
        'The monthly dibao payment before the household began to leave: the base that the gradual-exit schedule and an exit moratorium apply to, unchanged through the exit.',
      ),
    gradualExitSince: isoMonth.optional().describe('First month of a gradual exit (渐退) already under way; not before enrolledSince.'),
  })
  .strict()
  .superRefine((history, ctx) => {
    if (exitBeforeEnrolment(history)) {
      ctx.addIssue({ code: 'custom', path: ['gradualExitSince'], message: `expected a month not before enrolledSince (${history.enrolledSince})` });
    }
  });

export const historySchema = z.object({ dibao: dibaoHistorySchema.optional() }).strict();

/** A difficulty the household asks temporary assistance (临时救助) for: one event, not a month. */
export const eventSchema = z
  .object({
    kind: z
      .enum(['emergency', 'expenditure'])
      .describe(
        'Emergency (急难型: a sudden accident, disaster or illness) or expenditure-driven (支出型: essential spending beyond the means of the household), 民发〔2018〕23号.',
      ),
    applicant: z.string().min(1).optional().describe("The applying member's id; absent: the head (relation head), else the first member listed."),
    peopleAffected: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('How many members the difficulty affects (实际遭遇困难人数); absent where a pack counts per person: a missing fact.'),
    note: z.string().optional(),
  })
  .strict();

/** What the published JSON Schema cannot say, said in its description (README: "Your first evaluation"). */
const HOUSEHOLD_DESCRIPTION =
  'One household for one month. evaluate checks more than this schema can say: member ids must be unique; ' +
  'no member may be born after the month evaluated; history.dibao.gradualExitSince may not be before enrolledSince, ' +
  "and neither may be after the month evaluated; event.applicant must be a member's id and event.peopleAffected at most the number of members; an amount given as a JSON number may have at most two decimals " +
  '(a decimal string is checked here in full).';

export const householdSchema = z
  .object({
    id: z.string().min(1),
    jurisdiction: z.string().min(1).describe('Pack id such as cn-420113 (GB/T 2260 division code).'),
    // The declared household facts (facts.ts), residence first: here, so its key keeps its place.
    ...householdFactShape,
    members: z.array(memberSchema).min(1),
    incomes: z.array(incomeSchema).optional().describe('Income of the household as a whole (rent, for example).'),
    assets: assetsSchema.optional(),
    history: historySchema.optional(),
    event: eventSchema.optional().describe('A temporary-assistance (临时救助) event to assess; absent: none.'),
  })
  .strict()
  .superRefine((household, ctx) => {
    const applicant = household.event?.applicant;
    if (applicant !== undefined && !household.members.some((member) => member.id === applicant)) {
      ctx.addIssue({ code: 'custom', path: ['event', 'applicant'], message: `expected the id of a member of the household, found "${applicant}"` });
    }
    if (household.event?.peopleAffected !== undefined && household.event.peopleAffected > household.members.length) {
      ctx.addIssue({ code: 'custom', path: ['event', 'peopleAffected'], message: `expected at most the ${household.members.length} members of the household` });
    }
    const seen = new Set<string>();
    household.members.forEach((member, index) => {
      if (seen.has(member.id)) {
        const first = household.members.findIndex((other) => other.id === member.id);
        ctx.addIssue({ code: 'custom', path: ['members', index, 'id'], message: `expected an id no other member has (it is also $.members[${first}].id)` });
      }
      seen.add(member.id);
    });
  })
  .meta({ description: HOUSEHOLD_DESCRIPTION });

export type Household = z.infer<typeof householdSchema>;
export type HouseholdInput = z.input<typeof householdSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Income = z.infer<typeof incomeSchema>;
