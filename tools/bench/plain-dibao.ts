/**
 * Baseline (e), dibao by hand on integer units: who counts, countable income, assets, the means
 * test, the marginal line, gradual exit and moratorium, one-person enrolment, and "undetermined"
 * where the decision turns on a rule the pack leaves not configured (decision 0011). Follows
 * the conditions of rules/dibao/ and src/programmes/dibao/*.ts's documented steps, written out.
 * Not written (no bench month uses them; setup refuses such a month): per-capita rounding before
 * comparing.
 */
import type { Household } from '../../src/schemas/household.js';
import { divide, moneyUnits, times, type Rate, type UnitRounding } from '../../src/arithmetic/units-core.js';
import type { Tables } from './plain-tables.js';

export const ENROLLED = 0;
export const GRADUAL_EXIT = 1;
export const INELIGIBLE = 2;
export const UNDETERMINED = 3;

/** What dibao tells the programmes that use it (rules/dibao/ "provides"), per member by index. */
export interface Dibao {
  status: number;
  amount: number;
  standard: number;
  /** null: turns on a marginal line not configured (an unknown to whoever reads it). */
  marginal: boolean | null;
  assetsOk: boolean;
  gradualExit: boolean;
  counted: Uint8Array;
  /** Each counted member's own countable income (dibao.countableIncome; 0 for the others). */
  income: Float64Array;
  covered: Uint8Array;
  share: Float64Array;
}

export function dibaoState(capacity: number): Dibao {
  return {
    status: INELIGIBLE,
    amount: 0,
    standard: 0,
    marginal: false,
    assetsOk: true,
    gradualExit: false,
    counted: new Uint8Array(capacity),
    income: new Float64Array(capacity),
    covered: new Uint8Array(capacity),
    share: new Float64Array(capacity),
  };
}

export const round = (units: number, r: UnitRounding): number => divide(units, r.step, r.mode) * r.step;

const IM = (category: string | undefined) => category === 'intellectual' || category === 'mental';

/** amount.ts amountFor, for the difference and tiers methods, with the optional floor. */
function amountFor(t: Tables, standard: number, size: number, income: number): number {
  let amount: number;
  if (t.method === 'tiers') {
    const tiers = t.tiers as NonNullable<Tables['tiers']>;
    // per-capita income / standard below the tier's share (at most, where it includes its limit), without dividing
    const tier = tiers.find((x) => {
      if (x.upToShare === null) return true;
      const left = income * x.upToShare.denominator;
      const right = standard * size * x.upToShare.numerator;
      return x.includesLimit === true ? left <= right : left < right;
    }) as NonNullable<Tables['tiers']>[number];
    amount = times(standard, tier.amountShare) * size;
  } else amount = standard * size - income;
  if (t.floor !== null) amount = Math.max(amount, times(standard, t.floor) * size);
  return Math.max(amount, 0);
}

/** income.ts employmentDeduction: the local deduction for one worker, at most their earnings. */
function deduction(t: Tables, work: number, standard: number): number {
  const d = t.deduction;
  if (d.method === null || d.method === 'none') return 0;
  let amount = d.method === 'shareOfWage' ? times(work, d.rate as Rate) : d.method === 'shareOfStandard' ? times(standard, d.rate as Rate) : (d.amount as number);
  if (d.cap !== null) amount = Math.min(amount, times(standard, d.cap));
  return Math.min(amount, work);
}

function share(d: Dibao, members: number, size: number, amount: number, rounding: UnitRounding): void {
  // index.ts shares: the household amount per counted member, to the fen
  const each = amount === 0 || size === 0 ? 0 : divide(amount, size * rounding.step, rounding.mode) * rounding.step;
  for (let m = 0; m < members; m += 1) {
    d.covered[m] = each !== 0 && d.counted[m] === 1 ? 1 : 0;
    d.share[m] = d.covered[m] === 1 ? each : 0;
  }
}

/** One month's dibao for the household; `apart` marks members another programme supports apart. */
export function dibao(t: Tables, h: Household, apart: Uint8Array | undefined, d: Dibao): void {
  const members = h.members;
  const n = members.length;
  const S = h.residence === 'urban' ? t.urban : t.rural;
  d.standard = S;
  d.gradualExit = false;
  // membership.ts: prison, compulsory rehabilitation, declared missing, clergy apart N years, supported apart
  let size = 0;
  let total = 0;
  let uncertain = 0;
  let doubt = false;
  for (let m = 0; m < n; m += 1) {
    const member = members[m] as Household['members'][number];
    const x = member.exclusion;
    let out = apart !== undefined && apart[m] === 1;
    if (!out && x !== undefined) {
      const since = x.clergyLivingApartSince;
      out = x.imprisoned === true || x.compulsoryRehabilitation === true || x.declaredMissing === true;
      if (!out && since && t.clergyYears !== null) {
        const years = Math.max(0, t.year - Number(since.slice(0, 4)) - (t.monthDay < since.slice(5) ? 1 : 0));
        out = years >= t.clergyYears;
      }
    }
    d.counted[m] = out ? 0 : 1;
    d.income[m] = 0;
    if (out) continue;
    size += 1;
    // income.ts: exempt lines, shares, a doubt where the exemption or share is not configured
    let own = 0;
    let work = 0;
    const incomes = member.incomes;
    if (incomes !== undefined)
      for (let i = 0; i < incomes.length; i += 1) {
        const line = incomes[i] as NonNullable<typeof incomes>[number];
        const rule = t.income[line.type] as Tables['income'][string];
        const monthly = moneyUnits(line.monthly);
        if (rule.exemptUnknown && monthly !== 0) {
          uncertain += monthly;
          doubt = true;
        }
        if (rule.exempt === true) continue;
        if (rule.shareUnknown && monthly !== 0) {
          uncertain += monthly;
          doubt = true;
        }
        const counted = rule.share === null ? monthly : times(monthly, rule.share);
        own += counted;
        if (rule.work) work += counted;
      }
    if (work > 0) own -= deduction(t, work, S);
    d.income[m] = own;
    total += own;
  }
  // The household's own income lines (rent, say) count for everyone; shared out for one-person enrolment.
  let householdIncome = 0;
  for (const line of h.incomes ?? []) {
    const rule = t.income[line.type] as Tables['income'][string];
    const monthly = moneyUnits(line.monthly);
    if ((rule.exemptUnknown || rule.shareUnknown) && monthly !== 0) {
      uncertain += rule.exemptUnknown && rule.shareUnknown ? 2 * monthly : monthly;
      doubt = true;
    }
    if (rule.exempt !== true) householdIncome += rule.share === null ? monthly : times(monthly, rule.share);
  }
  total += householdIncome;
  // assets.ts + conditions assetsWithinLimits: each limit the pack sets
  const assets = h.assets;
  let assetsOk = true;
  const limits = t.assets;
  if (assets !== undefined) {
    if (limits.months !== null && assets.financial !== undefined && moneyUnits(assets.financial) > times(S, limits.months) * size) assetsOk = false;
    if (limits.maxVehicles !== null && assets.vehicles !== undefined) {
      let counted = 0;
      for (const v of assets.vehicles) if (limits.exemptVehicles === null || !limits.exemptVehicles.includes(v.type)) counted += 1;
      if (counted > limits.maxVehicles) assetsOk = false;
    }
    if (limits.maxDwellings !== null && (assets.dwellings ?? 0) > limits.maxDwellings) assetsOk = false;
    if (limits.business === true && assets.businessRegistered === true) assetsOk = false;
  }
  d.assetsOk = assetsOk;
  // incomeBelowStandard: per-capita income < standard, i.e. total < standard × size (size 0: 0 < standard)
  const incomeBelow = size === 0 ? S > 0 : total < S * size;
  const eligible = size > 0 && incomeBelow && assetsOk;
  // marginal: not below the standard, below the marginal line; null when that line is not configured
  const line = t.marginal === null ? null : times(S, t.marginal);
  const couldBeMarginal = size > 0 && !incomeBelow && assetsOk;
  d.marginal = eligible ? false : line === null && t.marginalUnknown && couldBeMarginal ? null : couldBeMarginal && line !== null && total < line * size;
  // householdCouldQualify: with every doubtful line exempt, would the household pass?
  let open = !eligible && doubt && size > 0 && assetsOk && total - uncertain < S * size;
  if (eligible) {
    d.status = ENROLLED;
    d.amount = round(amountFor(t, S, size, total), t.rounding);
    share(d, n, size, d.amount, t.rounding);
    return;
  }
  const history = h.history?.dibao;
  if (history?.enrolledSince !== undefined && size > 0 && assetsOk) {
    // exit.ts, not a hard case: the moratorium keeps the last amount, the gradual exit a share of it
    const last = moneyUnits(history.lastAmount as string | number);
    if (t.moratorium === true) {
      d.status = ENROLLED;
      d.amount = last;
      share(d, n, size, last, t.rounding);
      return;
    }
    if (t.schedule !== null) {
      const since = history.gradualExitSince ?? t.month;
      const k = (Number(t.month.slice(0, 4)) - Number(since.slice(0, 4))) * 12 + Number(t.month.slice(5, 7)) - Number(since.slice(5, 7));
      if (k < t.schedule.length) {
        const s = t.schedule[k] as Rate;
        d.status = GRADUAL_EXIT;
        d.amount = divide(last * s.numerator, s.denominator * t.rounding.step, t.rounding.mode) * t.rounding.step;
        d.gradualExit = true;
        share(d, n, size, d.amount, t.rounding);
        return;
      }
    }
    // Out as configured; a moratorium or schedule not configured might have kept it on.
    if ((t.moratorium === null && t.moratoriumUnknown) || (t.schedule === null && t.scheduleUnknown)) open = true;
  }
  // single.ts: one-person enrolment of members of a marginal household (or registered poor)
  const sp = t.single;
  const each = size === 0 ? 0 : householdIncome / size;
  let alone = 0;
  for (let m = 0; m < n; m += 1) {
    d.covered[m] = 0;
    d.share[m] = 0;
    if (d.counted[m] === 0) continue;
    const member = members[m] as Household['members'][number];
    const grade = member.disability?.grade;
    const category = member.disability?.category;
    const ill = member.seriousIllness === true;
    const poor = member.povertyRegistered === true;
    const met =
      (d.marginal === true && ((grade !== undefined && (sp.grades.includes(grade) || (IM(category) && sp.im.includes(grade)))) || (ill && sp.residences.includes(h.residence)))) ||
      (poor && sp.poverty && assetsOk);
    const own = (d.income[m] as number) + each;
    if (!met) {
      if (!sp.any_ || open) continue;
      // undecided: the widest values of the rules not configured that this member's facts reach
      const graded = grade !== undefined;
      const reaches = (sp.grades_ && graded) || (sp.im_ && graded && IM(category)) || (sp.residences_ && ill) || (d.marginal === null && (graded || ill)) || (sp.poverty_ && poor);
      if (!reaches) continue;
      const marginal = d.marginal === null || d.marginal;
      const could =
        (marginal &&
          ((graded && (sp.grades_ || sp.grades.includes(grade) || (IM(category) && (sp.im_ || sp.im.includes(grade))))) ||
            (ill && (sp.residences_ || sp.residences.includes(h.residence))))) ||
        (poor && (sp.poverty_ || sp.poverty) && assetsOk);
      if (could && own < S) open = true;
      continue;
    }
    if (own >= S) continue;
    const paid = round(amountFor(t, S, 1, own), t.rounding);
    if (paid === 0) continue;
    d.covered[m] = 1;
    d.share[m] = paid;
    alone += paid;
  }
  if (alone > 0) {
    d.status = ENROLLED;
    d.amount = alone;
    return;
  }
  d.amount = 0;
  d.status = open ? UNDETERMINED : INELIGIBLE;
}
