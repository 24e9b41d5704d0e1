/**
 * The programmes of baseline (e) beyond the first four, in plain JS on integer units: extreme-poverty
 * support (who qualifies, and the amount by the pack's method), the high-age allowance and the dibao
 * category supplements. Each member programme is one function of the same shape, so one more is one
 * more entry in MEMBER_PROGRAMMES. Like the rest of (e): no result, no explanation, no rounding,
 * no gradual exit (the category supplements' gradual-exit gate is never reached), and a parameter
 * that is not configured pays nothing.
 */
import type { Household } from '../../src/schemas/household.js';
import type { Plan } from '../../src/programmes/plan.js';

type Member = Household['members'][number];
export const value = <T>(plan: Plan, id: string): T | null => (plan.get(id).units ?? null) as T | null;

/** What a member programme sees: each member's age, and dibao after extreme-poor members left it. */
export interface DibaoState {
  ages: readonly number[];
  covered: readonly boolean[];
  tables: Tables;
}

/** The new programmes' parameters, read once per plan (as a hand-written system loads its tables). */
export interface Tables {
  universal: boolean | null;
  lowIncome: boolean | null;
  first: number | null;
  second: number | null;
  universalRates: Record<string, number | null>;
  lowIncomeRates: Record<string, number | null>;
  supplement: { disabled: number | null; severe: number | null; children: number | null };
}
const tablesByPlan = new WeakMap<Plan, Tables>();
export function tables(plan: Plan): Tables {
  let t = tablesByPlan.get(plan);
  if (t) return t;
  const v = (id: string) => value<number>(plan, id);
  t = {
    universal: value<boolean>(plan, 'highAgeAllowance.universalScheme'),
    lowIncome: value<boolean>(plan, 'highAgeAllowance.lowIncomeScheme'),
    first: v('highAgeAllowance.firstBandTop'),
    second: v('highAgeAllowance.secondBandTop'),
    universalRates: { first: v('highAgeAllowance.universal.first'), second: v('highAgeAllowance.universal.second'), third: v('highAgeAllowance.universal.third') },
    lowIncomeRates: {
      urban: v('highAgeAllowance.lowIncome.first.urban'),
      rural: v('highAgeAllowance.lowIncome.first.rural'),
      second: v('highAgeAllowance.lowIncome.second'),
      third: v('highAgeAllowance.lowIncome.third'),
    },
    supplement: { disabled: v('dibaoCategorySupplement.disabled'), severe: v('dibaoCategorySupplement.severe'), children: v('dibaoCategorySupplement.children') },
  };
  tablesByPlan.set(plan, t);
  return t;
}

/** A member programme of the baseline: the member's monthly amount in units, 0 when not paid. */
export type MemberProgramme = (plan: Plan, household: Household, member: Member, m: number, dibao: DibaoState) => number;

const STUDENT = new Set(['compulsory', 'seniorSecondary', 'vocational']);

function unableToWork(plan: Plan, member: Member, age: number): boolean {
  if (age >= 60) return true;
  const minor = value<number>(plan, 'extremePoverty.minorAgeLimit');
  if (minor !== null && age < minor) return true;
  if (value<boolean>(plan, 'extremePoverty.studentsBeyondMinorAge') === true && member.schooling !== undefined && STUDENT.has(member.schooling)) return true;
  const d = member.disability;
  if (d === undefined) return false;
  if (d.category === 'intellectual' || d.category === 'mental') return d.grade <= 3;
  if (d.category === 'physical') return d.grade <= 2;
  return d.category === 'visual' && d.grade === 1;
}

/**
 * Extreme-poverty support: whether the member qualifies (so leaves the household's dibao), and the
 * amount (0 when a fact or a parameter the amount needs is missing; the member still leaves dibao).
 */
export function extremePoverty(
  plan: Plan,
  household: Household,
  member: Member,
  age: number,
  ownIncome: number,
  standard: number,
  assetsOk: boolean,
): { qualifies: boolean; amount: number } {
  const no = { qualifies: false, amount: 0 };
  const method = value<string>(plan, 'extremePoverty.method');
  if (member.supporters === undefined) return no;
  if (member.supporters === 'able' || !assetsOk || ownIncome >= standard) return no;
  if (member.child !== undefined && value<boolean>(plan, 'extremePoverty.childAllowancesExclude') !== false) return no;
  if (!unableToWork(plan, member, age)) return no;
  const arrangement = member.supportArrangement;
  const selfCare = member.selfCare;
  // Qualifying takes the member out of dibao even when the amount is not configured (decision 0017).
  if (method === null || arrangement === undefined || selfCare === undefined) return { qualifies: true, amount: 0 };
  if (method === 'basicPlusCare') {
    const basic = value<number>(plan, `extremePoverty.basic.${household.residence}`);
    let care = value<number>(plan, `extremePoverty.care.${arrangement}.${selfCare}`);
    if (basic === null || care === null) return { qualifies: true, amount: 0 };
    const special = value<number>(plan, 'extremePoverty.care.specialGroups');
    const d = member.disability;
    const group =
      age < 16 || (d !== undefined && d.grade <= 2 && (d.category === 'physical' || d.category === 'intellectual' || d.category === 'mental' || d.category === 'visual'));
    if (special !== null && group && special > care) care = special;
    return { qualifies: true, amount: basic + care };
  }
  const total = value<number>(plan, `extremePoverty.total.${household.residence}`);
  const extra = arrangement === 'dispersed' || selfCare === 'full' ? 0 : value<number>(plan, `extremePoverty.totalSupplement.${selfCare}`);
  return total === null || extra === null ? { qualifies: true, amount: 0 } : { qualifies: true, amount: total + extra };
}

/** The high-age allowance: age bands, local hukou, the higher of the universal and low-income schemes. */
export const highAge: MemberProgramme = (_plan, household, member, m, dibao) => {
  const age = dibao.ages[m] as number;
  if (age < 80 || member.localHukou !== true) return 0; // false: refused; absent: a missing fact
  const { universal, lowIncome, first, second, universalRates, lowIncomeRates } = dibao.tables;
  if (universal === null || lowIncome === null || first === null || second === null) return 0;
  const band = age <= first ? 'first' : age <= second ? 'second' : 'third';
  const pension = member.pensionKind;
  if (pension === undefined && (lowIncome || !universal)) return 0; // the answer turns on it
  const fixedIncome = pension === 'basic' || pension === 'retirement';
  if (!universal && fixedIncome) return 0;
  let best = 0;
  if (universal) {
    const rate = universalRates[band] as number | null;
    if (rate === null) return 0;
    best = rate;
  }
  if (lowIncome && !fixedIncome) {
    const rate = lowIncomeRates[band === 'first' ? household.residence : band] as number | null;
    if (rate === null) return 0;
    if (rate > best) best = rate;
  }
  return best;
};

/** The dibao category supplements: dibao-covered members; the disabled amount plus the higher of the others. */
export const categorySupplement: MemberProgramme = (_plan, _household, member, m, dibao) => {
  if (dibao.covered[m] !== true) return 0;
  const age = dibao.ages[m] as number;
  const disabled = member.disability !== undefined;
  const severe = (member.disability !== undefined && member.disability.grade <= 2) || member.seriousIllness === true || age >= 70;
  const child = age < 6 || (member.schooling !== undefined && member.schooling !== 'none');
  if (!disabled && !severe && !child) return 0;
  const { supplement } = dibao.tables;
  const d = disabled ? supplement.disabled : 0;
  const s = severe ? supplement.severe : 0;
  const c = child ? supplement.children : 0;
  if (d === null || s === null || c === null) return 0;
  return d + Math.max(s, c);
};

/** The member programmes that neither take anyone out of dibao nor interact with another, by result id. */
export const MEMBER_PROGRAMMES: readonly (readonly ['high-age-allowance' | 'dibao-category-supplement', MemberProgramme])[] = [
  ['high-age-allowance', highAge],
  ['dibao-category-supplement', categorySupplement],
];
