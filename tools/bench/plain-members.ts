/**
 * Baseline (e), the member programmes by hand: one function per rule file, each giving one
 * member's line — the amount entitled in units, UNKNOWN where the engine leaves the line undecided
 * (a figure not configured, a missing fact, an unknown from dibao; decision 0010), or NONE where
 * the member is not a candidate at all (no line). Conditions are taken in the rule file's order,
 * as the engine short-circuits them: a line refused before it reads a figure not configured is a
 * known 0. Interactions (paid after another programme) are in plain-household.ts.
 */
import type { Household } from '../../src/schemas/household.js';
import { NC, type Tables } from './plain-tables.js';
import { round, UNDETERMINED, type Dibao } from './plain-dibao.js';

export const UNKNOWN = -1;
export const NONE = -2;

type Member = Household['members'][number];
const IM = (category: string | undefined) => category === 'intellectual' || category === 'mental';
const STUDENT = (s: string | undefined) => s === 'compulsory' || s === 'seniorSecondary' || s === 'vocational';

/**
 * rules/extreme-poverty.yaml: candidates assessed (supporters given); unableToWork, noAbleSupporter,
 * incomeBelowDibaoStandard and assetsWithinDibaoRules (on dibao before anyone leaves it),
 * notCoveredAsChild; then basicPlusCare (Chongqing, Ningxia) or totalByTier (Wuhan).
 * `qualifies` gets 1 when every condition held (the member leaves dibao even if the amount is
 * unknown), 2 when a condition could not be decided.
 */
export function extremePoverty(t: Tables, h: Household, member: Member, m: number, age: number, d: Dibao, qualifies: Uint8Array): number {
  qualifies[m] = 0;
  if (member.supporters === undefined) return NONE;
  const ep = t.ep;
  const dis = member.disability;
  const unable =
    age >= 60 ||
    age < ep.minorAge ||
    (ep.students === true && STUDENT(member.schooling)) ||
    (dis !== undefined && ((IM(dis.category) && dis.grade <= 3) || (dis.category === 'physical' && dis.grade <= 2) || (dis.category === 'visual' && dis.grade === 1)));
  if (!unable || member.supporters === 'able') return 0;
  if (d.status === UNDETERMINED) {
    qualifies[m] = 2;
    return UNKNOWN;
  }
  if (!((d.income[m] as number) < d.standard) || !d.assetsOk) return 0;
  if (member.child !== undefined && ep.childExclude !== false) return 0;
  qualifies[m] = 1;
  const arrangement = member.supportArrangement;
  const selfCare = member.selfCare;
  if (ep.method === NC) return UNKNOWN;
  if (ep.method === 'basicPlusCare') {
    const basic = ep.basic[h.residence];
    if (basic === NC || arrangement === undefined || selfCare === undefined) return UNKNOWN;
    let care = ep.care[arrangement]?.[selfCare];
    if (care === NC || care === undefined) return UNKNOWN;
    // specialCareGroup: grade 1–2 of the four categories, or under 16 — the higher care part
    const group = (dis !== undefined && dis.grade <= 2 && dis.category !== 'hearing' && dis.category !== 'speech' && dis.category !== 'multiple') || age < 16;
    if (ep.special !== null && group && ep.special > (care as number)) care = ep.special;
    return round((basic as number) + (care as number), ep.rounding);
  }
  // totalByTier: the total by residence, plus a supplement for concentrated members who need care
  const total = ep.total[h.residence];
  if (total === NC || arrangement === undefined) return UNKNOWN;
  if (arrangement === 'dispersed') return round(total as number, ep.rounding);
  if (selfCare === undefined) return UNKNOWN;
  if (selfCare === 'full') return round(total as number, ep.rounding);
  const supplement = ep.supplement[selfCare];
  return supplement === NC || supplement === undefined ? UNKNOWN : round((total as number) + (supplement as number), ep.rounding);
}

/** rules/dibao-category-supplement.yaml (Chongqing): dibao-covered members by category; the
 * disabled 40 plus the higher of severe 60 and children 100; elsewhere not configured. */
export function categorySupplement(t: Tables, member: Member, m: number, age: number, d: Dibao): number {
  const dis = member.disability;
  const disabled = dis !== undefined;
  const severe = (dis !== undefined && dis.grade <= 2) || member.seriousIllness === true || age >= 70;
  const child = age < 6 || (member.schooling !== undefined && member.schooling !== 'none');
  if (!disabled && !severe && !child) return NONE;
  if (d.status === UNDETERMINED) return UNKNOWN;
  if (d.covered[m] !== 1) return 0;
  const c = t.category;
  if (d.gradualExit && c.duringExit !== true) return c.duringExit === NC ? UNKNOWN : 0;
  const a = disabled ? c.disabled : 0;
  const s = severe ? c.severe : 0;
  const k = child ? c.children : 0;
  if (a === NC || s === NC || k === NC) return UNKNOWN;
  return round((a as number) + Math.max(s as number, k as number), c.rounding);
}

/** rules/disability-care-subsidy.yaml: grade 1–2 (or the extended grades), needing care, no
 * work-injury care pay; fixed, by grade or by self-care. Before the interactions. */
export function careSubsidy(t: Tables, member: Member): number {
  const dis = member.disability;
  if (dis === undefined) return NONE;
  const c = t.care;
  if (!(c.grades.includes(dis.grade) || (IM(dis.category) && c.im.includes(dis.grade)))) return 0;
  if (member.needsLongTermCare === false || workInjury(member)) return 0;
  let amount: number | null | typeof NC;
  if (c.method === 'fixed') amount = c.amount;
  else if (c.method === 'byGrade') amount = c.byGrade[dis.grade - 1] as number | typeof NC;
  else if (c.method === 'bySelfCare') amount = member.selfCare === undefined ? NC : (c.bySelfCare[member.selfCare] as number | typeof NC);
  else amount = NC;
  return amount === NC || amount === null ? UNKNOWN : round(amount, c.rounding);
}

/** rules/disability-living-subsidy.yaml: disabled members dibao covers (or of a marginal household
 * where the pack extends it), no work-injury care pay; fixed or a share of the dibao standard. */
export function livingSubsidy(t: Tables, member: Member, m: number, d: Dibao): number {
  const dis = member.disability;
  if (dis === undefined) return NONE;
  const l = t.living;
  if (!l.grades.includes(dis.grade)) return 0;
  if (d.status === UNDETERMINED) return UNKNOWN;
  if (d.covered[m] !== 1) {
    if (l.includeMarginal !== true) return 0;
    if (d.marginal === null) return UNKNOWN;
    if (!d.marginal) return 0;
  }
  if (workInjury(member)) return 0;
  if (l.method === 'fixed') return l.amount === NC || l.amount === null ? UNKNOWN : round(l.amount, l.rounding);
  if (l.method !== 'shareOfDibaoStandard') return UNKNOWN;
  const share = dis.grade <= 2 ? l.severe : l.other;
  if (share === NC || share === null) return UNKNOWN;
  return round((d.standard * share.numerator) / share.denominator, l.rounding);
}

/** rules/orphan-allowance.yaml, before the interactions: orphans (by care) and de-facto
 * unsupported children under the age limit (or the student limit). `qualifies` as for extreme poverty. */
export function orphanAllowance(t: Tables, member: Member, m: number, age: number, qualifies: Uint8Array): number {
  qualifies[m] = 0;
  const child = member.child;
  if (child === undefined) return NONE;
  const o = t.orphan;
  const student = member.schooling !== undefined && member.schooling !== 'none';
  if (!(age < o.ageLimit || (student && o.studentAgeLimit !== null && age < o.studentAgeLimit))) return 0;
  qualifies[m] = 1;
  const rate = child.status === 'deFactoUnsupported' ? o.deFacto : child.care === undefined ? NC : child.care === 'institution' ? o.institution : o.scattered;
  return rate === NC || rate === null ? UNKNOWN : round(rate, o.rounding);
}

/** rules/high-age-allowance.yaml: 80+, not known to be non-local, by age band; the higher of the
 * universal scheme and the low-income one (members without fixed income). */
export function highAge(t: Tables, h: Household, member: Member, age: number): number {
  if (age < 80) return NONE;
  if (member.localHukou === false) return 0;
  const a = t.highAge;
  // noFixedIncomeWhereRequired reads the universal scheme first
  if (a.universal === NC) return UNKNOWN;
  const pension = member.pensionKind;
  const fixedIncome = pension === 'basic' || pension === 'retirement';
  if (a.universal !== true && fixedIncome) return 0;
  if (member.localHukou === undefined) return UNKNOWN; // a missing fact
  const band = (): number => {
    if (a.first === NC || a.first === null) return -1;
    if (age <= a.first) return 0;
    if (a.second === NC || a.second === null) return -1;
    return age <= a.second ? 1 : 2;
  };
  let best = 0;
  if (a.universal === true) {
    const b = band();
    const rate = b < 0 ? NC : a.u[b];
    if (rate === NC || rate === null || rate === undefined) return UNKNOWN;
    best = rate;
  }
  if (a.lowIncome === NC) return UNKNOWN;
  if (a.lowIncome === true && !fixedIncome) {
    if (pension === undefined) return UNKNOWN; // a missing fact
    const b = band();
    const rate = b < 0 ? NC : b === 0 ? a.lowFirst[h.residence] : a.low[b];
    if (rate === NC || rate === null || rate === undefined) return UNKNOWN;
    if (rate > best) best = rate;
  }
  return round(best, a.rounding);
}

export function workInjury(member: Member): boolean {
  for (const a of member.otherAllowances ?? []) if (a.type === 'workInjuryCare') return true;
  return false;
}
