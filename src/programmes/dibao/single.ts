/**
 * One-person enrolment (单人保, 民发〔2021〕57号): members of a marginal household with a severe
 * disability or a serious illness, or where the pack says so registered-poor members, enrolled
 * each as a one-person household. Where the rules it needs are not configured this month, a member
 * who could qualify under some value of them is not turned away: the rules are named, and the
 * decision is undetermined.
 */
import type { Household, Member } from '../../schemas/household.js';
import type { CompiledRuleCondition } from '../../rulebook/index.js';
import type { Context } from '../context.js';
import { countIncome } from './income.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';

const NONE: readonly never[] = Object.freeze([]);
const GRADES = 'dibao.singlePerson.disabilityGrades';
const INTELLECTUAL_MENTAL = 'dibao.singlePerson.intellectualMentalGrades';
const ILLNESS = 'dibao.singlePerson.seriousIllnessResidences';
const POVERTY = 'dibao.singlePerson.povertyRegistered';
export const MARGINAL_LINE = 'dibao.marginal.incomeMultiple';
/** The widest value each list could take: what a rule not configured could at most allow. */
const EVERY_GRADE = Object.freeze([1, 2, 3, 4]);
const EVERY_RESIDENCE = Object.freeze(['urban', 'rural']);

export interface SinglePersonOutcome<N> {
  enrolled: Map<string, N>;
  /** Rules not configured on which some member's enrolment turns. */
  open: string[];
}

/**
 * Members enrolled alone, each as a one-person household on their own income plus their
 * per-capita share of the household's own income (rent, say): income of the household as a whole
 * belongs to each of its members, so it cannot be left out of anyone's. `marginal` is null when
 * the household's marginal status is unknown (its line is not configured).
 */
export function singlePersonEnrolment<N, R, G>(
  ctx: Context<N, R, G>,
  household: Household,
  counted: readonly Member[],
  byMember: ReadonlyMap<string, N>,
  standard: N,
  marginal: boolean | null,
  assetsOk: boolean,
): SinglePersonOutcome<N> {
  const { a } = ctx;
  const grades = ctx.param<number[]>(GRADES);
  const intellectualMental = ctx.param<number[]>(INTELLECTUAL_MENTAL);
  const residences = ctx.param<string[]>(ILLNESS);
  const poverty = ctx.param<boolean>(POVERTY);
  // One facts object for every member, changed member by member: member conditions are never
  // remembered, and the trace copies the values it records.
  const facts = {
    householdMarginal: marginal === true,
    householdAssetsWithinLimits: assetsOk,
    residence: household.residence,
    singlePersonDisabilityGrades: grades ?? NONE,
    singlePersonIntellectualMentalGrades: intellectualMental ?? NONE,
    singlePersonSeriousIllnessResidences: residences ?? NONE,
    singlePersonPovertyRegistered: poverty === true,
    disabilityCategory: null as string | null,
    disabilityGrade: null as number | null,
    seriousIllness: false,
    povertyRegistered: false,
  };
  const unknown = {
    marginal: marginal === null,
    grades: grades === null && ctx.isUnknown(GRADES),
    intellectualMental: intellectualMental === null && ctx.isUnknown(INTELLECTUAL_MENTAL),
    residences: residences === null && ctx.isUnknown(ILLNESS),
    poverty: poverty === null && ctx.isUnknown(POVERTY),
  };
  const anyUnknown = unknown.marginal || unknown.grades || unknown.intellectualMental || unknown.residences || unknown.poverty;
  const condition = ctx.condition('singlePerson');
  const enrolled = new Map<string, N>();
  const open: string[] = [];
  let householdShare: N | undefined;
  const ownIncome = (member: Member) => {
    householdShare ??= householdIncomeShare(ctx, household, counted.length);
    return a.add(byMember.get(member.id) ?? a.zero, householdShare);
  };
  for (const member of counted) {
    facts.disabilityCategory = member.disability?.category ?? null;
    facts.disabilityGrade = member.disability?.grade ?? null;
    facts.seriousIllness = member.seriousIllness ?? false;
    facts.povertyRegistered = member.povertyRegistered ?? false;
    if (!ctx.check(condition, facts, member.id)) {
      if (anyUnknown) undecided(ctx, member, facts, unknown, condition, standard, ownIncome, open);
      continue;
    }
    const own = ownIncome(member);
    // As a one-person household: its income as the pack compares incomes (rounded, if it rounds).
    const income = perCapitaIncome(ctx, own, 1);
    if (a.compare(income, standard) >= 0) {
      if (ctx.trace) ctx.record({ kind: 'decision', id: 'singlePersonIncomeTooHigh', values: { member: member.id, income: a.exact(income), standard: a.plain(standard) } });
      continue;
    }
    const paid = roundAmount(ctx, amountFor(ctx, 1, own, income, standard));
    if (!a.isZero(paid)) enrolled.set(member.id, paid);
  }
  return { enrolled, open };
}

type Facts = Record<string, unknown> & { disabilityCategory: string | null; disabilityGrade: number | null; seriousIllness: boolean; povertyRegistered: boolean };
type Unknown = { marginal: boolean; grades: boolean; intellectualMental: boolean; residences: boolean; poverty: boolean };

/**
 * A member turned away with the rules as configured: would the widest values of the rules not
 * configured enrol them? The condition only asks for membership of these lists and for true flags,
 * so the widest values are the most it could allow. Only the rules this member's own facts reach
 * are named: nobody is undetermined for a rule that cannot concern them.
 */
function undecided<N, R, G>(
  ctx: Context<N, R, G>,
  member: Member,
  facts: Facts,
  unknown: Unknown,
  condition: CompiledRuleCondition,
  standard: N,
  ownIncome: (member: Member) => N,
  open: string[],
): void {
  const { a } = ctx;
  const rules: string[] = [];
  const graded = facts.disabilityGrade !== null;
  const intellectualMental = graded && (facts.disabilityCategory === 'intellectual' || facts.disabilityCategory === 'mental');
  if (unknown.grades && graded) rules.push(GRADES);
  if (unknown.intellectualMental && intellectualMental) rules.push(INTELLECTUAL_MENTAL);
  if (unknown.residences && facts.seriousIllness) rules.push(ILLNESS);
  if (unknown.marginal && (graded || facts.seriousIllness)) rules.push(MARGINAL_LINE);
  if (unknown.poverty && facts.povertyRegistered) rules.push(POVERTY);
  if (rules.length === 0) return;
  const widest = {
    ...facts,
    householdMarginal: unknown.marginal ? true : facts['householdMarginal'],
    singlePersonDisabilityGrades: unknown.grades ? EVERY_GRADE : facts['singlePersonDisabilityGrades'],
    singlePersonIntellectualMentalGrades: unknown.intellectualMental ? EVERY_GRADE : facts['singlePersonIntellectualMentalGrades'],
    singlePersonSeriousIllnessResidences: unknown.residences ? EVERY_RESIDENCE : facts['singlePersonSeriousIllnessResidences'],
    singlePersonPovertyRegistered: unknown.poverty ? true : facts['singlePersonPovertyRegistered'],
  };
  if (!ctx.test(condition, widest)) return;
  // Enrolled alone, they would still need their own income below the standard.
  const trace = ctx.trace;
  ctx.trace = undefined;
  let below: boolean;
  try {
    below = a.compare(perCapitaIncome(ctx, ownIncome(member), 1), standard) < 0;
  } finally {
    ctx.trace = trace;
  }
  if (!below) return;
  for (const id of rules) if (!open.includes(id)) open.push(id);
  if (ctx.trace) ctx.record({ kind: 'decision', id: 'undetermined', values: { path: `singlePerson ${member.id}`, rules: rules.join(', ') } });
}

/** The household's own countable income (not any member's) divided among its counted members. */
function householdIncomeShare<N, R, G>(ctx: Context<N, R, G>, household: Household, size: number): N {
  const { a } = ctx;
  if (!household.incomes?.length) return a.zero;
  // Exemptions and shares apply as to every income line (recorded in the trace already).
  const trace = ctx.trace;
  ctx.trace = undefined;
  let total: N;
  try {
    total = countIncome(ctx, { ...household, members: [] }, new Set(), a.zero).total;
  } finally {
    ctx.trace = trace;
  }
  const share = a.perCount(total, size);
  if (ctx.trace) ctx.record({ kind: 'calculation', id: 'householdIncomeShare', values: { householdIncome: a.exact(total), householdSize: String(size) }, result: a.exact(share) });
  return share;
}
