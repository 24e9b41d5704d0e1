/**
 * Baseline (e), one household-month: the engine's order (README "result model"; src/engine/run.ts
 * documents it) written out by hand. Dibao; extreme-poverty support on that dibao; dibao again
 * without the members it supports apart; then each member's lines, their interactions (the care
 * subsidy and an elderly care allowance, the higher; an orphan gets no living subsidy; a de-facto
 * child is paid the difference above dibao's share, the living subsidy and extreme-poverty
 * support; an extreme-poor member gets neither disability subsidy), the price subsidy and
 * temporary assistance's bounds. A programme's amount is the sum of its decided lines, null when
 * none is decided; the total is the sum of what is known, partial when any line is not.
 */
import type { Household } from '../../src/schemas/household.js';
import { moneyUnits } from '../../src/arithmetic/units-core.js';
import { NC, type Tables } from './plain-tables.js';
import { dibao, dibaoState, round, UNDETERMINED, type Dibao } from './plain-dibao.js';
import { careSubsidy, categorySupplement, extremePoverty, highAge, livingSubsidy, NONE, orphanAllowance, UNKNOWN } from './plain-members.js';
import { priceSubsidy, temporaryAssistance } from './plain-once.js';

/** The monthly programmes, in the engine's result ids (and its order). */
export const MONTHLY = [
  'dibao',
  'dibao-category-supplement',
  'disability-care-subsidy',
  'disability-living-subsidy',
  'extreme-poverty',
  'high-age-allowance',
  'orphan-allowance',
  'price-subsidy',
] as const;
export type MonthlyProgramme = (typeof MONTHLY)[number];
const [DIBAO, CATEGORY, CARE, LIVING, EP, HIGH_AGE, ORPHAN, PRICE] = [0, 1, 2, 3, 4, 5, 6, 7];

/** What (e) says of one household, in units: what a case system reads of the engine's result. */
export interface Outcome {
  /** Each programme's monthly amount; null where the engine's is null (nothing decided). */
  amounts: (number | null)[];
  /** Each programme has a line (or, for dibao, a decision) that is not known. */
  unknown: boolean[];
  total: number;
  partial: boolean;
  /** Temporary assistance: false where the result gives no bounds (no event, or a missing fact). */
  bounds: boolean;
  minimum: number | null;
  maximum: number | null;
}

export function emptyOutcome(): Outcome {
  return { amounts: MONTHLY.map(() => 0), unknown: MONTHLY.map(() => false), total: 0, partial: false, bounds: false, minimum: null, maximum: null };
}

/** Scratch for one household at a time (never read across households). */
const CAPACITY = 64;
const first = dibaoState(CAPACITY);
const second = dibaoState(CAPACITY);
const ages = new Int32Array(CAPACITY);
const epLine = new Float64Array(CAPACITY);
const epQualifies = new Uint8Array(CAPACITY);
const orphanQualifies = new Uint8Array(CAPACITY);
const apart = new Uint8Array(CAPACITY);
const paid = new Float64Array(MONTHLY.length);
const decided = new Int32Array(MONTHLY.length);
const open = new Int32Array(MONTHLY.length);
const SCRATCH = emptyOutcome();

/** Adds one member's line of a programme: paid (units), UNKNOWN, or NONE (no line). */
function add(programme: number, line: number): void {
  if (line === NONE) return;
  if (line === UNKNOWN) open[programme] = (open[programme] as number) + 1;
  else {
    paid[programme] = (paid[programme] as number) + line;
    decided[programme] = (decided[programme] as number) + 1;
  }
}

/** What an exclusion by extreme-poverty support does to a line it reaches (excludedBy, with the pack's switch). */
function excludedByExtremePoverty(line: number, m: number, excludes: unknown): number {
  const ep = epLine[m] as number;
  if (ep === UNKNOWN) return UNKNOWN;
  if (ep === NONE || ep === 0) return line;
  if (excludes === NC) return UNKNOWN;
  return excludes === true ? 0 : line;
}

export function plainHousehold(t: Tables, h: Household, out: Outcome = SCRATCH): number {
  const members = h.members;
  const n = members.length;
  if (n > CAPACITY) throw new Error('baseline (e): more members than its scratch holds');
  paid.fill(0);
  decided.fill(0);
  open.fill(0);
  for (let m = 0; m < n; m += 1) {
    const born = (members[m] as Household['members'][number]).birthDate;
    ages[m] = Math.max(0, t.year - Number(born.slice(0, 4)) - (t.monthDay < born.slice(5) ? 1 : 0));
  }
  dibao(t, h, undefined, first);
  // Extreme-poverty support reads dibao before anyone leaves it; those who qualify leave it.
  let leaving = false;
  for (let m = 0; m < n; m += 1) {
    const line = extremePoverty(t, h, members[m] as Household['members'][number], m, ages[m] as number, first, epQualifies);
    epLine[m] = line;
    add(EP, line);
    apart[m] = epQualifies[m] === 1 ? 1 : 0;
    if (apart[m] === 1) leaving = true;
  }
  let d: Dibao = first;
  if (leaving) {
    dibao(t, h, apart, second);
    d = second;
  }
  if (d.status === UNDETERMINED) open[DIBAO] = 1;
  else paid[DIBAO] = d.amount;
  let price: number | undefined;
  for (let m = 0; m < n; m += 1) {
    const member = members[m] as Household['members'][number];
    const age = ages[m] as number;
    add(CATEGORY, categorySupplement(t, member, m, age, d));
    add(HIGH_AGE, highAge(t, h, member, age));
    // The care subsidy: the higher of it and an elderly care allowance, then extreme poverty's exclusion.
    let care = careSubsidy(t, member);
    if (care > 0) {
      let other = 0;
      for (const a of member.otherAllowances ?? []) if (a.type === 'elderlyCare') other = Math.max(other, moneyUnits(a.monthly));
      if (other > 0 && other >= care) care = 0;
      if (care > 0) care = excludedByExtremePoverty(care, m, t.care.excludesEP);
    }
    add(CARE, care);
    // The orphan allowance as entitled; an orphan so paid gets no living subsidy.
    const entitled = orphanAllowance(t, member, m, age, orphanQualifies);
    const deFacto = member.child?.status === 'deFactoUnsupported';
    let living = livingSubsidy(t, member, m, d);
    if (living > 0 && member.child?.status === 'orphan') living = entitled === UNKNOWN ? UNKNOWN : entitled > 0 ? 0 : living;
    if (living > 0) living = excludedByExtremePoverty(living, m, t.living.excludesEP);
    add(LIVING, living);
    // A de-facto child is paid the difference above dibao's share, the living subsidy, extreme poverty.
    let orphan = entitled;
    if (orphan > 0 && deFacto) {
      if (d.status === UNDETERMINED) orphan = UNKNOWN;
      else if (d.covered[m] === 1) {
        const o = t.orphan.offset;
        const offset = o === NC ? -1 : o === 'perCapitaPayment' ? (d.share[m] as number) : o === 'dibaoStandard' ? d.standard : 0;
        orphan = offset < 0 ? UNKNOWN : offset > 0 ? round(Math.max(orphan - offset, 0), t.orphan.rounding) : orphan;
      }
      if (orphan > 0 && living !== NONE) orphan = living === UNKNOWN ? UNKNOWN : living > 0 ? round(Math.max(orphan - living, 0), t.orphan.rounding) : orphan;
      const ep = epLine[m] as number;
      if (orphan > 0 && ep !== NONE) orphan = ep === UNKNOWN ? UNKNOWN : ep > 0 ? round(Math.max(orphan - ep, 0), t.orphan.rounding) : orphan;
    }
    add(ORPHAN, orphan);
    // The price subsidy: recipients in the groups the pack names, in a month its index triggered.
    let line = NONE;
    if (d.status === UNDETERMINED) line = UNKNOWN;
    else {
      const r = t.price.recipients;
      const ep = epQualifies[m] as number;
      const oq = orphanQualifies[m] as number;
      let recipient: boolean | null = d.covered[m] === 1;
      if (!recipient && ep !== 0) recipient = ep === 2 ? null : r.extremePoor === true;
      if (recipient === false && oq !== 0) recipient = r.orphans === true;
      if (recipient === false && d.marginal !== false) recipient = d.marginal === null ? null : r.marginal === true;
      if (recipient === false)
        recipient = (member.unemploymentBenefit === 'insurance' && r.insurance === true) || (member.unemploymentBenefit === 'assistance' && r.assistance === true);
      if (recipient === null) line = UNKNOWN;
      else if (recipient) line = t.price.triggered === NC ? UNKNOWN : t.price.triggered !== true ? 0 : (price ??= priceSubsidy(t, d.standard));
    }
    add(PRICE, line);
  }
  temporaryAssistance(t, h, d, out);
  let total = 0;
  let partial = false;
  for (let p = 0; p < MONTHLY.length; p += 1) {
    const unknown = (open[p] as number) > 0;
    out.unknown[p] = unknown;
    out.amounts[p] = unknown && decided[p] === 0 ? null : (paid[p] as number);
    total += paid[p] as number;
    if (unknown) partial = true;
  }
  out.total = total;
  out.partial = partial;
  return total;
}
