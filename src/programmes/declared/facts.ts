/**
 * The member facts every declared programme's conditions may read, with their names in both
 * languages. Drawn from the household model once per member; a programme's own parameters and the
 * facts of the programmes it uses are added beside them (see member.ts).
 */
import type { Bilingual } from '../../schemas/common.js';
import { childStatusSchema, disabilitySchema, eventSchema, memberSchema, type Household, type Member } from '../../schemas/household.js';
import type { Arithmetic } from '../../arithmetic/types.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST, absentValue, factValues, type FactDeclaration } from '../../schemas/facts.js';
import { yearsBetween } from '../../dates.js';

// The values an enumerated fact can take, from the household model itself: a "cases" form on the
// fact must name each (checked at load, see select.ts).
// The declared input facts (schemas/facts.ts) that conditions read: the ones with a name. A member
// sees its household's facts as its own (residence).
const READ = MEMBER_INPUT_FACT_LIST.filter((fact) => fact.name !== undefined);
const READ_HOUSEHOLD = HOUSEHOLD_INPUT_FACT_LIST.filter((fact) => fact.name !== undefined);

const values: Readonly<Record<string, readonly string[]>> = {
  relation: memberSchema.shape.relation.options,
  disabilityCategory: disabilitySchema.shape.category.options,
  disabilityGrade: ['1', '2', '3', '4'],
  childStatus: childStatusSchema.shape.status.options,
  childCare: childStatusSchema.shape.care.unwrap().options,
  eventKind: eventSchema.shape.kind.options,
  // The declared facts' values ('true' and 'false' for a boolean one).
  ...Object.fromEntries([...READ_HOUSEHOLD, ...READ].map((fact) => [fact.id, factValues(fact)])),
};

/** Every value an enumerated member fact can take, as case keys; undefined for the others. */
export function memberFactValues(fact: string): readonly string[] | undefined {
  return Object.hasOwn(values, fact) ? values[fact] : undefined;
}

/** The member facts made here from more than one input key (or from the household), by name. */
const DERIVED = {
  age: { kind: 'integer', description: { zh: '年龄（周岁）', en: 'age (completed years)' } },
  relation: { kind: 'text', description: { zh: '与户主关系', en: 'relation to the head' } },
  disabled: { kind: 'boolean', description: { zh: '持有残疾人证', en: 'holds a disability certificate' } },
  disabilityCategory: { kind: 'text', description: { zh: '残疾类别', en: 'disability category' } },
  disabilityGrade: { kind: 'integer', description: { zh: '残疾等级', en: 'disability grade' } },
  fullTimeStudent: { kind: 'boolean', description: { zh: '全日制在校学生', en: 'full-time student' } },
  childStatus: { kind: 'text', description: { zh: '儿童类别', en: 'child status' } },
  childCare: { kind: 'text', description: { zh: '养育方式', en: 'care arrangement' } },
  otherCareAllowance: { kind: 'money', description: { zh: '可领取的老年护理补贴', en: 'elderly care allowance the member is entitled to' } },
  workInjuryCarePay: { kind: 'boolean', description: { zh: '领取工伤保险生活护理费', en: 'draws work-injury insurance care pay' } },
  // The household's temporary-assistance event, seen from each member: a one-off programme's line
  // is the applicant's, so it is listed once per household.
  eventKind: { kind: 'text', description: { zh: '临时救助类型', en: 'kind of temporary-assistance event' } },
  eventApplicant: { kind: 'boolean', description: { zh: '临时救助申请人', en: 'the applicant for temporary assistance' } },
  eventPeopleAffected: { kind: 'integer', description: { zh: '实际遭遇困难人数', en: 'members affected by the difficulty' } },
} as const satisfies Record<string, { kind: string; description: Bilingual }>;
type Derived = keyof typeof DERIVED;
const DERIVED_NAMES = Object.keys(DERIVED) as Derived[];

/**
 * The order the facts were listed in before the declared ones came from facts.ts (traces and the
 * inputs a programme reads follow it); a fact declared later comes after these, before the event's.
 */
const ORDER = [
  'age',
  'relation',
  'residence',
  'disabled',
  'disabilityCategory',
  'disabilityGrade',
  'selfCare',
  'needsLongTermCare',
  'seriousIllness',
  'schooling',
  'fullTimeStudent',
  'childStatus',
  'childCare',
  'otherCareAllowance',
  'workInjuryCarePay',
  'localHukou',
  'pensionKind',
  'unemploymentBenefit',
  'supporters',
  'supportArrangement',
];
const NAMES = [...new Set([...ORDER, ...READ_HOUSEHOLD.map((fact) => fact.id), ...READ.map((fact) => fact.id), ...DERIVED_NAMES])];
/** Each declared fact read, by name, with the object it is read from: the member (`m`) or its household (`h`). */
const declared = new Map<string, FactDeclaration & { from: 'm' | 'h' }>([
  ...READ_HOUSEHOLD.map((fact) => [fact.id as string, { ...fact, from: 'h' as const }] as const),
  ...READ.map((fact) => [fact.id as string, { ...fact, from: 'm' as const }] as const),
]);

/** Every member fact a rule file's conditions may read, with its kind and names in both languages. */
export const MEMBER_FACTS: Readonly<Record<string, { kind: string; description: Bilingual }>> = Object.fromEntries(
  NAMES.map((name) => {
    const fact = declared.get(name);
    return [name, fact ? { kind: fact.kind === 'enum' ? 'text' : 'boolean', description: fact.name as Bilingual } : DERIVED[name as Derived]];
  }),
);

/** Where each optional member fact comes from in the household, for a missing input's JSON path. */
export const MEMBER_FACT_INPUTS: Readonly<Record<string, string>> = {
  disabilityCategory: 'disability.category',
  disabilityGrade: 'disability.grade',
  childStatus: 'child.status',
  childCare: 'child.care',
  ...Object.fromEntries(READ.filter((fact) => fact.absent === null).map((fact) => [fact.id, fact.id])),
};

/** Member facts drawn from the household as a whole, by their JSON path: the event's, and each
 * declared household fact a record may leave out, at the top level. */
const HOUSEHOLD_FACT_PATHS: Readonly<Record<string, string>> = {
  eventKind: '$.event.kind',
  eventPeopleAffected: '$.event.peopleAffected',
  ...Object.fromEntries(READ_HOUSEHOLD.filter((fact) => !fact.required).map((fact) => [fact.id, `$.${fact.id}`])),
};

/** The JSON path of a fact of the household itself (no member's), or undefined for a member's. */
export function householdFactPath(fact: string): string | undefined {
  return HOUSEHOLD_FACT_PATHS[fact];
}

/** The JSON path of member `index`'s input behind a member fact. */
export function factPath(index: number, fact: string): string {
  return HOUSEHOLD_FACT_PATHS[fact] ?? `$.members[${index}].${MEMBER_FACT_INPUTS[fact] ?? fact}`;
}

/** The member who applies for the household's event: the one named, else the head, else the first. */
function applicantOf(household: Household): string | undefined {
  const event = household.event;
  if (event === undefined) return undefined;
  return event.applicant ?? (household.members.find((m) => m.relation === 'head') ?? household.members[0])?.id;
}

/** Completed years from a birth date to a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  return yearsBetween(birthDate, day);
}

/** One member's facts, amounts in the arithmetic `a`. */
export function memberFacts<N>(a: Arithmetic<N>, household: Household, member: Member, day: string): Record<string, unknown> {
  // The highest elderly care allowance; null when the member has none, so no rule weighs it.
  // Work-injury care pay is not weighed but excludes (国发〔2015〕52号), so it is a fact of its own.
  let other: N | null = null;
  let workInjury = false;
  for (const allowance of member.otherAllowances ?? []) {
    if (allowance.type === 'workInjuryCare') workInjury = true;
    else other = other === null ? a.input(allowance.monthly) : a.max(other, a.input(allowance.monthly));
  }
  return assemble(
    member,
    household,
    ageOn(member.birthDate, day),
    member.relation,
    member.disability !== undefined,
    member.disability?.category ?? null,
    member.disability?.grade ?? null,
    member.schooling !== undefined && member.schooling !== 'none',
    member.child?.status ?? null,
    member.child?.care ?? null,
    other,
    workInjury,
    household.event?.kind ?? null,
    household.event !== undefined && applicantOf(household) === member.id,
    household.event?.peopleAffected ?? null,
  );
}

/**
 * The facts object of a member, one object literal with every name (so one fixed shape, see
 * shape.ts), generated once when the module loads: the derived facts come as arguments, in
 * DERIVED's order, and each declared fact is read from the member (or its household), its absence
 * as declared (a required one is always there). Only JSON-quoted names and the declared absent
 * values (null, false) go into the code.
 */
const assemble = new Function(
  'm',
  'h',
  ...DERIVED_NAMES.map((_, i) => `d${i}`),
  `return {\n${NAMES.map((name) => {
    const fact = declared.get(name);
    const q = JSON.stringify(name);
    if (!fact) return `${q}: d${DERIVED_NAMES.indexOf(name as Derived)}`;
    return fact.required ? `${q}: ${fact.from}[${q}]` : `${q}: ${fact.from}[${q}] ?? ${JSON.stringify(absentValue(fact))}`;
  }).join(',\n')}\n};`,
) as (member: Member, household: Household, ...derived: unknown[]) => Record<string, unknown>;
