/**
 * The member facts every declared programme's conditions may read, with their names in both
 * languages. Drawn from the household model once per member; a programme's own parameters and the
 * facts of the programmes it uses are added beside them (see member.ts).
 */
import type { Bilingual } from '../../schemas/common.js';
import { childStatusSchema, disabilitySchema, eventSchema, householdSchema, memberSchema, type Household, type Member } from '../../schemas/household.js';
import type { Arithmetic } from '../../arithmetic/types.js';
import { yearsBetween } from '../../dates.js';

// The values an enumerated fact can take, from the household model itself: a "cases" form on the
// fact must name each (checked at load, see select.ts).
const member = memberSchema.shape;
const values = {
  relation: member.relation.options,
  residence: householdSchema.shape.residence.options,
  disabilityCategory: disabilitySchema.shape.category.options,
  disabilityGrade: ['1', '2', '3', '4'],
  selfCare: member.selfCare.unwrap().options,
  schooling: member.schooling.unwrap().options,
  childStatus: childStatusSchema.shape.status.options,
  childCare: childStatusSchema.shape.care.unwrap().options,
  localHukou: ['true', 'false'],
  pensionKind: member.pensionKind.unwrap().options,
  unemploymentBenefit: member.unemploymentBenefit.unwrap().options,
  supporters: member.supporters.unwrap().options,
  supportArrangement: member.supportArrangement.unwrap().options,
  eventKind: eventSchema.shape.kind.options,
} as const satisfies Record<string, readonly string[]>;

/** Every value an enumerated member fact can take, as case keys; undefined for the others. */
export function memberFactValues(fact: string): readonly string[] | undefined {
  return Object.hasOwn(values, fact) ? values[fact as keyof typeof values] : undefined;
}

export const MEMBER_FACTS = {
  age: { kind: 'integer', description: { zh: '年龄（周岁）', en: 'age (completed years)' } },
  relation: { kind: 'text', description: { zh: '与户主关系', en: 'relation to the head' } },
  residence: { kind: 'text', description: { zh: '城乡类别', en: 'residence' } },
  disabled: { kind: 'boolean', description: { zh: '持有残疾人证', en: 'holds a disability certificate' } },
  disabilityCategory: { kind: 'text', description: { zh: '残疾类别', en: 'disability category' } },
  disabilityGrade: { kind: 'integer', description: { zh: '残疾等级', en: 'disability grade' } },
  selfCare: { kind: 'text', description: { zh: '生活自理能力', en: 'self-care' } },
  needsLongTermCare: { kind: 'boolean', description: { zh: '需要长期照护', en: 'needs long-term care' } },
  seriousIllness: { kind: 'boolean', description: { zh: '患重特大疾病', en: 'seriously ill' } },
  schooling: { kind: 'text', description: { zh: '在读学段', en: 'schooling' } },
  fullTimeStudent: { kind: 'boolean', description: { zh: '全日制在校学生', en: 'full-time student' } },
  childStatus: { kind: 'text', description: { zh: '儿童类别', en: 'child status' } },
  childCare: { kind: 'text', description: { zh: '养育方式', en: 'care arrangement' } },
  otherCareAllowance: { kind: 'money', description: { zh: '可领取的老年护理补贴', en: 'elderly care allowance the member is entitled to' } },
  workInjuryCarePay: { kind: 'boolean', description: { zh: '领取工伤保险生活护理费', en: 'draws work-injury insurance care pay' } },
  localHukou: { kind: 'boolean', description: { zh: '本地户籍', en: 'local household registration (hukou)' } },
  pensionKind: { kind: 'text', description: { zh: '养老金类别', en: 'kind of pension' } },
  unemploymentBenefit: { kind: 'text', description: { zh: '领取的失业保险金或失业补助金', en: 'unemployment insurance or assistance drawn' } },
  supporters: { kind: 'text', description: { zh: '法定赡养、抚养、扶养义务人', en: 'legal supporters' } },
  supportArrangement: { kind: 'text', description: { zh: '特困人员供养方式', en: 'extreme-poverty support arrangement' } },
  // The household's temporary-assistance event, seen from each member: a one-off programme's line
  // is the applicant's, so it is listed once per household.
  eventKind: { kind: 'text', description: { zh: '临时救助类型', en: 'kind of temporary-assistance event' } },
  eventApplicant: { kind: 'boolean', description: { zh: '临时救助申请人', en: 'the applicant for temporary assistance' } },
  eventPeopleAffected: { kind: 'integer', description: { zh: '实际遭遇困难人数', en: 'members affected by the difficulty' } },
} as const satisfies Record<string, { kind: string; description: Bilingual }>;

/** Where each optional member fact comes from in the household, for a missing input's JSON path. */
export const MEMBER_FACT_INPUTS: Readonly<Record<string, string>> = {
  disabilityCategory: 'disability.category',
  disabilityGrade: 'disability.grade',
  selfCare: 'selfCare',
  needsLongTermCare: 'needsLongTermCare',
  schooling: 'schooling',
  childStatus: 'child.status',
  childCare: 'child.care',
  localHukou: 'localHukou',
  pensionKind: 'pensionKind',
  unemploymentBenefit: 'unemploymentBenefit',
  supporters: 'supporters',
  supportArrangement: 'supportArrangement',
};

/** Member facts drawn from the household as a whole, by their JSON path. */
const HOUSEHOLD_FACT_PATHS: Readonly<Record<string, string>> = {
  eventKind: '$.event.kind',
  eventPeopleAffected: '$.event.peopleAffected',
};

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
  return {
    age: ageOn(member.birthDate, day),
    relation: member.relation,
    residence: household.residence,
    disabled: member.disability !== undefined,
    disabilityCategory: member.disability?.category ?? null,
    disabilityGrade: member.disability?.grade ?? null,
    selfCare: member.selfCare ?? null,
    needsLongTermCare: member.needsLongTermCare ?? null,
    seriousIllness: member.seriousIllness ?? false,
    schooling: member.schooling ?? null,
    fullTimeStudent: member.schooling !== undefined && member.schooling !== 'none',
    childStatus: member.child?.status ?? null,
    childCare: member.child?.care ?? null,
    otherCareAllowance: other,
    workInjuryCarePay: workInjury,
    localHukou: member.localHukou ?? null,
    pensionKind: member.pensionKind ?? null,
    unemploymentBenefit: member.unemploymentBenefit ?? null,
    supporters: member.supporters ?? null,
    supportArrangement: member.supportArrangement ?? null,
    eventKind: household.event?.kind ?? null,
    eventApplicant: household.event !== undefined && applicantOf(household) === member.id,
    eventPeopleAffected: household.event?.peopleAffected ?? null,
  };
}
