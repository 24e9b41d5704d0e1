/**
 * Baseline (e), the last two programmes by hand: the price-linked subsidy's amount for one
 * recipient (rules/price-subsidy.yaml, decision 0019), and temporary assistance's bounds for the
 * household's event (rules/temporary-assistance.yaml, decision 0022: one-off, never in the monthly
 * total, a bound not configured is null and the other stands, a missing count stops the line).
 */
import type { Household } from '../../src/schemas/household.js';
import { divide, type Rate, type UnitRounding } from '../../src/arithmetic/units-core.js';
import { NC, type Tables } from './plain-tables.js';
import { UNDETERMINED, type Dibao } from './plain-dibao.js';
import { UNKNOWN } from './plain-members.js';

/** units × numerator ÷ denominator, rounded to the pack's step. */
const rounded = (numerator: number, denominator: number, rounding: UnitRounding) => divide(numerator, denominator * rounding.step, rounding.mode) * rounding.step;

/** The price subsidy of one recipient in a triggered month, by the pack's method; UNKNOWN where a
 * figure it needs is not configured. */
export function priceSubsidy(t: Tables, standard: number): number {
  const p = t.price;
  const { multiplier, rounding } = p;
  if (p.method === NC || multiplier === NC || multiplier === null) return UNKNOWN;
  if (p.method === 'standardTimesRise') {
    if (p.rise === NC || p.rise === null || rounding === NC || rounding === null) return UNKNOWN;
    return rounded(standard * p.rise.numerator * multiplier, p.rise.denominator, rounding);
  }
  if (p.method === 'fractionOfStandard') {
    // riseInUpperBand: above the upper band's limit, or at it where the band includes it
    const { rise, upperFrom } = p;
    if (rise === NC || rise === null || upperFrom === NC || upperFrom === null) return UNKNOWN;
    const sign = rise.numerator * upperFrom.denominator - upperFrom.numerator * rise.denominator;
    if (sign === 0 && p.upperIncludes === NC) return UNKNOWN;
    const divisor = sign > 0 || (sign === 0 && p.upperIncludes === true) ? p.upper : p.lower;
    if (divisor === NC || divisor === null || rounding === NC || rounding === null) return UNKNOWN;
    return rounded(standard * multiplier, divisor, rounding);
  }
  if (p.method === 'averageStandardsTimesRise') {
    const rise = p.rise as Rate | typeof NC | null;
    if (rise === NC || rise === null || p.floor === NC || p.floor === null || rounding === NC || rounding === null) return UNKNOWN;
    // Rounding keeps order, so the higher of the two rounded is the rounded higher.
    return Math.max(rounded((t.urban + t.rural) * rise.numerator * multiplier, rise.denominator * 2, rounding), rounded(p.floor, 1, rounding));
  }
  return UNKNOWN;
}

/** The bounds of the caseworker's decision: the applicant's line (default the head, else the first member). */
export function temporaryAssistance(t: Tables, h: Household, d: Dibao, out: { bounds: boolean; minimum: number | null; maximum: number | null }): void {
  out.bounds = false;
  out.minimum = out.maximum = null;
  const event = h.event;
  if (event === undefined) return;
  const applicant = event.applicant ?? (h.members.find((m) => m.relation === 'head') ?? h.members[0])?.id;
  if (!h.members.some((m) => m.id === applicant)) return;
  // minimum: urban standard × months for the kind × people affected (a count the household gives)
  const months = t.ta.months[event.kind];
  if (months !== NC && months !== null && months !== undefined) {
    if (event.peopleAffected === undefined) return; // a missing fact: the line gives no bounds
    out.minimum = t.urban * months * event.peopleAffected;
  }
  // maximum: the dibao standard that applies × months (unknown while dibao is undetermined)
  const maximum = t.ta.maximum;
  if (d.status !== UNDETERMINED && maximum !== NC && maximum !== null) out.maximum = d.standard * maximum;
  out.bounds = true;
}
