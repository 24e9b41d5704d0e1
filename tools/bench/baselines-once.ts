/**
 * The last two programmes of baseline (e), in plain JS on integer units: the price-linked subsidy
 * (a member in any recipient group, in a month the pack says was triggered, is paid the amount of
 * the pack's method, rounded as it says) and temporary assistance (the bounds of the caseworker's
 * decision on the household's event: one-off, never in the monthly total). Like the rest of (e):
 * no result and no explanation; a parameter or fact that is not there pays nothing (a bound: none).
 */
import type { Household } from '../../src/schemas/household.js';
import type { Plan } from '../../src/programmes/plan.js';
import { divide, type Rate, type UnitRounding } from '../../src/arithmetic/units-core.js';
import { value } from './baselines-more.js';

/** What (e) works out for one household, in units: each programme's monthly amount, and the
 * bounds of temporary assistance (null: the result gives none). */
export interface Amounts {
  dibao: number;
  'extreme-poverty': number;
  'disability-living-subsidy': number;
  'disability-care-subsidy': number;
  'orphan-allowance': number;
  'high-age-allowance': number;
  'dibao-category-supplement': number;
  'price-subsidy': number;
  minimum: number | null;
  maximum: number | null;
}

/** The monthly programmes of Amounts, in the engine's result ids. */
export type MonthlyProgramme = Exclude<keyof Amounts, 'minimum' | 'maximum'>;
export const MONTHLY: readonly MonthlyProgramme[] = [
  'dibao',
  'extreme-poverty',
  'disability-living-subsidy',
  'disability-care-subsidy',
  'orphan-allowance',
  'high-age-allowance',
  'dibao-category-supplement',
  'price-subsidy',
];

export function emptyAmounts(): Amounts {
  const out = { minimum: null, maximum: null } as Amounts;
  for (const id of MONTHLY) out[id] = 0;
  return out;
}

/** The two programmes' parameters, read once per plan. */
interface Tables {
  triggered: boolean | null;
  method: string | null;
  rise: Rate | null;
  multiplier: number | null;
  lowerDivisor: number | null;
  upperDivisor: number | null;
  upperFrom: Rate | null;
  upperIncludesLimit: boolean | null;
  floor: number | null;
  rounding: UnitRounding | null;
  recipients: { extremePoor: boolean | null; orphans: boolean | null; marginal: boolean | null; insurance: boolean | null; assistance: boolean | null };
  urban: number | null;
  rural: number | null;
  months: { emergency: number | null; expenditure: number | null };
  maximumMonths: number | null;
}
const tablesByPlan = new WeakMap<Plan, Tables>();
function tables(plan: Plan): Tables {
  let t = tablesByPlan.get(plan);
  if (t) return t;
  const p = <T>(id: string) => value<T>(plan, `priceSubsidy.${id}`);
  t = {
    triggered: p('triggered'),
    method: p('method'),
    rise: p('rise'),
    multiplier: p('multiplier'),
    lowerDivisor: p('fraction.lowerDivisor'),
    upperDivisor: p('fraction.upperDivisor'),
    upperFrom: p('fraction.upperFrom'),
    upperIncludesLimit: p('fraction.upperIncludesLimit'),
    floor: p('floor'),
    rounding: p('rounding'),
    recipients: {
      extremePoor: p('recipients.extremePoor'),
      orphans: p('recipients.orphans'),
      marginal: p('recipients.marginal'),
      insurance: p('recipients.unemploymentInsurance'),
      assistance: p('recipients.unemploymentAssistance'),
    },
    urban: value<number>(plan, 'dibao.standard.urban'),
    rural: value<number>(plan, 'dibao.standard.rural'),
    months: { emergency: value<number>(plan, 'temporaryAssistance.minimumMonths.emergency'), expenditure: value<number>(plan, 'temporaryAssistance.minimumMonths.expenditure') },
    maximumMonths: value<number>(plan, 'temporaryAssistance.maximumMonths'),
  };
  tablesByPlan.set(plan, t);
  return t;
}

/** What the price subsidy reads of one member: the groups of the other programmes they are in. */
export interface Groups {
  covered: boolean;
  extremePoor: boolean;
  orphan: boolean;
  marginal: boolean;
}

/** Whether the member is in a recipient group (a group the pack does not configure: not counted). */
export function priceRecipient(plan: Plan, member: Household['members'][number], groups: Groups): boolean {
  const { recipients } = tables(plan);
  if (groups.covered) return true;
  if (groups.extremePoor && recipients.extremePoor === true) return true;
  if (groups.orphan && recipients.orphans === true) return true;
  if (groups.marginal && recipients.marginal === true) return true;
  if (member.unemploymentBenefit === 'insurance' && recipients.insurance === true) return true;
  return member.unemploymentBenefit === 'assistance' && recipients.assistance === true;
}

/** units × numerator ÷ denominator, rounded to the pack's step. */
const rounded = (numerator: number, denominator: number, rounding: UnitRounding) => divide(numerator, denominator * rounding.step, rounding.mode) * rounding.step;

/** The price subsidy of one recipient this month; 0 when not triggered or not configured. */
export function priceSubsidy(plan: Plan, standard: number): number {
  const t = tables(plan);
  if (t.triggered !== true || t.multiplier === null || t.rounding === null) return 0;
  if (t.method === 'standardTimesRise') return t.rise === null ? 0 : rounded(standard * t.rise.numerator * t.multiplier, t.rise.denominator, t.rounding);
  if (t.method === 'fractionOfStandard') {
    const { rise, upperFrom } = t;
    if (rise === null || upperFrom === null) return 0;
    const sign = rise.numerator * upperFrom.denominator - upperFrom.numerator * rise.denominator;
    if (sign === 0 && t.upperIncludesLimit === null) return 0;
    const divisor = sign > 0 || (sign === 0 && t.upperIncludesLimit) ? t.upperDivisor : t.lowerDivisor;
    return divisor === null ? 0 : rounded(standard * t.multiplier, divisor, t.rounding);
  }
  if (t.method === 'averageStandardsTimesRise') {
    if (t.rise === null || t.urban === null || t.rural === null || t.floor === null) return 0;
    // Rounding keeps order, so the higher of the two rounded is the rounded higher.
    return Math.max(rounded((t.urban + t.rural) * t.rise.numerator * t.multiplier, t.rise.denominator * 2, t.rounding), rounded(t.floor, 1, t.rounding));
  }
  return 0;
}

/**
 * Temporary assistance: the bounds for the household's event, the applicant's line alone. The
 * least is per person affected (a count the household must give); the most per household.
 */
export function temporaryAssistance(plan: Plan, household: Household, standard: number, out: Amounts): void {
  out.minimum = out.maximum = null;
  const event = household.event;
  if (event === undefined) return;
  const t = tables(plan);
  const months = t.months[event.kind];
  if (months !== null && t.urban !== null) {
    if (event.peopleAffected === undefined) return; // a missing fact: the line gives no bounds
    out.minimum = t.urban * months * event.peopleAffected;
  }
  if (t.maximumMonths !== null) out.maximum = standard * t.maximumMonths;
}
