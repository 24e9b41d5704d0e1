/**
 * Baseline (e), setup: every parameter the hand-written programmes read, resolved once per
 * jurisdiction-month from the Plan into plain fields (money in units of 1/10 000 yuan, shares as
 * Rates), outside the timed loop — as a hand-written system loads its rate tables. A figure the
 * pack leaves not configured in a way that stops a line (the rule file's `whenNotConfigured:
 * "programme"`, README "result model") is NC; one that is merely absent is null.
 */
import type { Plan } from '../../src/programmes/plan.js';
import type { Rate, UnitRounding } from '../../src/arithmetic/units-core.js';
import { INCOME_TYPE_IDS } from '../../src/schemas/income.js';

const EXEMPT_ID = 'dibao.income.exempt';
const NOT_CONFIGURED_ID = 'dibao.income.exemptNotConfigured';

/** Not configured this month: reading it leaves the member's line (or dibao) undecided. */
export const NC: unique symbol = Symbol('not configured');
export type Param<T> = T | null | typeof NC;

/** How dibao treats one income type (rules/dibao/ dibao.income.*; src/programmes/dibao/income.ts). */
export interface IncomeRule {
  exempt: boolean;
  /** The pack says the exemption is not configured: the line may turn out exempt. */
  exemptUnknown: boolean;
  share: Rate | null;
  shareUnknown: boolean;
  /** Wages and migrant work: income the employment-cost deduction is taken from. */
  work: boolean;
}

export interface Tables {
  day: string;
  year: number;
  monthDay: string;
  month: string;
  // dibao (rules/dibao/)
  urban: number;
  rural: number;
  clergyYears: number | null;
  income: Record<string, IncomeRule>;
  deduction: { method: string | null; rate: Rate | null; amount: number | null; cap: Rate | null };
  assets: { months: Rate | null; exemptVehicles: string[] | null; maxVehicles: number | null; maxDwellings: number | null; business: boolean | null };
  marginal: Rate | null;
  marginalUnknown: boolean;
  single: { grades: number[]; im: number[]; residences: string[]; poverty: boolean; grades_: boolean; im_: boolean; residences_: boolean; poverty_: boolean; any_: boolean };
  method: string;
  tiers: { upToShare: Rate | null; includesLimit?: true; amountShare: Rate }[] | null;
  floor: Rate | null;
  rounding: UnitRounding;
  schedule: Rate[] | null;
  scheduleUnknown: boolean;
  moratorium: boolean | null;
  moratoriumUnknown: boolean;
  // the member programmes (rules/<id>.json), in the order the engine runs them
  category: { disabled: Param<number>; severe: Param<number>; children: Param<number>; duringExit: Param<boolean>; rounding: UnitRounding };
  care: {
    grades: number[];
    im: number[];
    method: Param<string>;
    amount: Param<number>;
    byGrade: Param<number>[];
    bySelfCare: Record<string, Param<number>>;
    rounding: UnitRounding;
    excludesEP: Param<boolean>;
  };
  living: {
    grades: number[];
    includeMarginal: boolean | null;
    method: Param<string>;
    amount: Param<number>;
    severe: Param<Rate>;
    other: Param<Rate>;
    rounding: UnitRounding;
    excludesEP: Param<boolean>;
  };
  ep: {
    minorAge: number;
    students: boolean | null;
    childExclude: boolean | null;
    method: Param<string>;
    basic: Record<string, Param<number>>;
    care: Record<string, Record<string, Param<number>>>;
    special: number | null;
    total: Record<string, Param<number>>;
    supplement: Record<string, Param<number>>;
    rounding: UnitRounding;
  };
  highAge: {
    universal: Param<boolean>;
    lowIncome: Param<boolean>;
    first: Param<number>;
    second: Param<number>;
    u: Param<number>[];
    low: Param<number>[];
    lowFirst: Record<string, Param<number>>;
    rounding: UnitRounding;
  };
  orphan: {
    institution: Param<number>;
    scattered: Param<number>;
    deFacto: Param<number>;
    ageLimit: number;
    studentAgeLimit: number | null;
    offset: Param<string>;
    rounding: UnitRounding;
  };
  price: {
    triggered: Param<boolean>;
    method: Param<string>;
    rise: Param<Rate>;
    multiplier: Param<number>;
    lower: Param<number>;
    upper: Param<number>;
    upperFrom: Param<Rate>;
    upperIncludes: Param<boolean>;
    floor: Param<number>;
    rounding: Param<UnitRounding>;
    recipients: { extremePoor: boolean | null; orphans: boolean | null; marginal: boolean | null; insurance: boolean | null; assistance: boolean | null };
  };
  ta: { months: Record<string, Param<number>>; maximum: Param<number> };
}

function reader(plan: Plan) {
  /** A value as an amount or a condition reads it: NC where it stops the line. */
  const get = <T>(id: string): Param<T> => {
    const p = plan.get(id);
    return p.suspends ? NC : ((p.units ?? null) as T | null);
  };
  /** A value set to null in a pack (not configured), as against not set at all (not in force). */
  const unknown = (id: string): boolean => {
    const p = plan.get(id);
    return p.notice && p.decimal === null && p.entry?.kind === 'parameter';
  };
  /** A value the hand-written code reads as a plain fact: a month that leaves it not configured
   * would need a branch nobody has written, so setup says so instead of guessing. */
  const fact = <T>(id: string): T => {
    const value = get<T>(id);
    if (value === NC) throw new Error(`baseline (e): ${id} is not configured for ${plan.settings.jurisdiction} ${plan.settings.month}; no branch written for that`);
    return value as T;
  };
  return { get, unknown, fact };
}

export function tablesOf(plan: Plan): Tables {
  const { get, unknown, fact } = reader(plan);
  const month = plan.settings.month;
  const income: Record<string, IncomeRule> = {};
  // income.ts: a type is exempt if the list names it; doubtful if the list is not configured as a
  // whole, or the types not configured name it (docs/decisions/0028).
  const declared = (id: string) => plan.slots.has(id);
  const exemptList = declared(EXEMPT_ID) ? fact<string[] | null>(EXEMPT_ID) : null;
  const listUnknown = exemptList === null && declared(EXEMPT_ID) && unknown(EXEMPT_ID);
  const open = declared(NOT_CONFIGURED_ID) ? fact<string[] | null>(NOT_CONFIGURED_ID) : null;
  const openUnknown = open === null && declared(NOT_CONFIGURED_ID) && unknown(NOT_CONFIGURED_ID);
  for (const type of INCOME_TYPE_IDS) {
    const shareId = `dibao.income.share.${type}`;
    const declaredShare = declared(shareId);
    const share = declaredShare ? fact<Rate | null>(shareId) : null;
    const exempt = exemptList?.includes(type) === true;
    income[type] = {
      exempt,
      exemptUnknown: !exempt && (listUnknown || (open === null ? openUnknown : open.includes(type))),
      // A share of one counts the whole line, as no share does.
      share: share !== null && share.numerator === share.denominator ? null : share,
      shareUnknown: declaredShare && share === null && unknown(shareId),
      work: type === 'wages' || type === 'migrantWork',
    };
  }
  const single = {
    grades: fact<number[] | null>('dibao.singlePerson.disabilityGrades') ?? [],
    im: fact<number[] | null>('dibao.singlePerson.intellectualMentalGrades') ?? [],
    residences: fact<string[] | null>('dibao.singlePerson.seriousIllnessResidences') ?? [],
    poverty: fact<boolean | null>('dibao.singlePerson.povertyRegistered') === true,
    grades_: fact('dibao.singlePerson.disabilityGrades') === null && unknown('dibao.singlePerson.disabilityGrades'),
    im_: fact('dibao.singlePerson.intellectualMentalGrades') === null && unknown('dibao.singlePerson.intellectualMentalGrades'),
    residences_: fact('dibao.singlePerson.seriousIllnessResidences') === null && unknown('dibao.singlePerson.seriousIllnessResidences'),
    poverty_: fact('dibao.singlePerson.povertyRegistered') === null && unknown('dibao.singlePerson.povertyRegistered'),
    any_: false,
  };
  const marginal = fact<Rate | null>('dibao.marginal.incomeMultiple');
  const marginalUnknown = marginal === null && unknown('dibao.marginal.incomeMultiple');
  single.any_ = marginalUnknown || single.grades_ || single.im_ || single.residences_ || single.poverty_;
  if (fact('dibao.rounding.perCapitaIncome') !== null) throw new Error('baseline (e): per-capita rounding before comparing is not written (no bench month uses it)');
  const method = fact<string>('dibao.amount.method');
  const schedule = fact<Rate[] | null>('dibao.gradualExit.schedule');
  const moratorium = fact<boolean | null>('dibao.exitMoratorium.active');
  const residences = ['urban', 'rural'];
  const byResidence = (prefix: string): Record<string, Param<number>> => Object.fromEntries(residences.map((r) => [r, get<number>(`${prefix}.${r}`)]));
  const selfCares = ['full', 'partlyLost', 'fullyLost'];
  return {
    day: `${month}-01`,
    year: Number(month.slice(0, 4)),
    monthDay: `${month.slice(5)}-01`,
    month,
    urban: fact<number>('dibao.standard.urban'),
    rural: fact<number>('dibao.standard.rural'),
    clergyYears: fact<number | null>('dibao.membership.clergyYearsApart'),
    income,
    deduction: {
      method: fact<string | null>('dibao.employmentDeduction.method'),
      rate: fact<Rate | null>('dibao.employmentDeduction.rate'),
      amount: fact<number | null>('dibao.employmentDeduction.amount'),
      cap: fact<Rate | null>('dibao.employmentDeduction.capShareOfStandard'),
    },
    assets: {
      months: fact<Rate | null>('dibao.assets.financialMonthsPerPerson'),
      exemptVehicles: fact<string[] | null>('dibao.assets.exemptVehicleTypes'),
      maxVehicles: fact<number | null>('dibao.assets.maxVehicles'),
      maxDwellings: fact<number | null>('dibao.assets.maxDwellings'),
      business: fact<boolean | null>('dibao.assets.businessRegistrationDisqualifies'),
    },
    marginal,
    marginalUnknown,
    single,
    method,
    tiers: method === 'tiers' ? fact('dibao.amount.tiers') : null,
    floor: fact<Rate | null>('dibao.amount.floorShareOfStandard'),
    rounding: fact<UnitRounding>('dibao.rounding.amount'),
    schedule,
    scheduleUnknown: schedule === null && unknown('dibao.gradualExit.schedule'),
    moratorium,
    moratoriumUnknown: moratorium === null && unknown('dibao.exitMoratorium.active'),
    category: {
      disabled: get('dibaoCategorySupplement.disabled'),
      severe: get('dibaoCategorySupplement.severe'),
      children: get('dibaoCategorySupplement.children'),
      duringExit: get('dibaoCategorySupplement.paidDuringGradualExit'),
      rounding: fact('dibaoCategorySupplement.rounding'),
    },
    care: {
      grades: fact<number[] | null>('disabilityCareSubsidy.grades') ?? [],
      im: fact<number[] | null>('disabilityCareSubsidy.intellectualMentalGrades') ?? [],
      method: get('disabilityCareSubsidy.method'),
      amount: get('disabilityCareSubsidy.amount'),
      byGrade: [1, 2, 3, 4].map((g) => get<number>(`disabilityCareSubsidy.amountByGrade.grade${g}`)),
      bySelfCare: Object.fromEntries(selfCares.map((s) => [s, get<number>(`disabilityCareSubsidy.amountBySelfCare.${s}`)])),
      rounding: fact('disabilityCareSubsidy.rounding'),
      excludesEP: get('disabilityCareSubsidy.excludesExtremePoor'),
    },
    living: {
      grades: fact<number[] | null>('disabilityLivingSubsidy.grades') ?? [],
      includeMarginal: fact('disabilityLivingSubsidy.includeMarginal'),
      method: get('disabilityLivingSubsidy.method'),
      amount: get('disabilityLivingSubsidy.amount'),
      severe: get('disabilityLivingSubsidy.shareOfDibaoStandard.severe'),
      other: get('disabilityLivingSubsidy.shareOfDibaoStandard.other'),
      rounding: fact('disabilityLivingSubsidy.rounding'),
      excludesEP: get('disabilityLivingSubsidy.excludesExtremePoor'),
    },
    ep: {
      minorAge: fact('extremePoverty.minorAgeLimit'),
      students: fact('extremePoverty.studentsBeyondMinorAge'),
      childExclude: fact('extremePoverty.childAllowancesExclude'),
      method: get('extremePoverty.method'),
      basic: byResidence('extremePoverty.basic'),
      care: Object.fromEntries(['concentrated', 'dispersed'].map((a) => [a, Object.fromEntries(selfCares.map((s) => [s, get<number>(`extremePoverty.care.${a}.${s}`)]))])),
      special: fact('extremePoverty.care.specialGroups'),
      total: byResidence('extremePoverty.total'),
      supplement: { partlyLost: get('extremePoverty.totalSupplement.partlyLost'), fullyLost: get('extremePoverty.totalSupplement.fullyLost') },
      rounding: fact('extremePoverty.rounding'),
    },
    highAge: {
      universal: get('highAgeAllowance.universalScheme'),
      lowIncome: get('highAgeAllowance.lowIncomeScheme'),
      first: get('highAgeAllowance.firstBandTop'),
      second: get('highAgeAllowance.secondBandTop'),
      u: ['first', 'second', 'third'].map((b) => get<number>(`highAgeAllowance.universal.${b}`)),
      low: [NC, get<number>('highAgeAllowance.lowIncome.second'), get<number>('highAgeAllowance.lowIncome.third')],
      lowFirst: byResidence('highAgeAllowance.lowIncome.first'),
      rounding: fact('highAgeAllowance.rounding'),
    },
    orphan: {
      institution: get('orphanAllowance.institution'),
      scattered: get('orphanAllowance.scattered'),
      deFacto: get('orphanAllowance.deFacto'),
      ageLimit: fact('orphanAllowance.ageLimit'),
      studentAgeLimit: fact('orphanAllowance.studentAgeLimit'),
      offset: get('orphanAllowance.deFactoDibaoOffset'),
      rounding: fact('orphanAllowance.rounding'),
    },
    price: {
      triggered: get('priceSubsidy.triggered'),
      method: get('priceSubsidy.method'),
      rise: get('priceSubsidy.rise'),
      multiplier: get('priceSubsidy.multiplier'),
      lower: get('priceSubsidy.fraction.lowerDivisor'),
      upper: get('priceSubsidy.fraction.upperDivisor'),
      upperFrom: get('priceSubsidy.fraction.upperFrom'),
      upperIncludes: get('priceSubsidy.fraction.upperIncludesLimit'),
      floor: get('priceSubsidy.floor'),
      rounding: get('priceSubsidy.rounding'),
      recipients: {
        extremePoor: fact('priceSubsidy.recipients.extremePoor'),
        orphans: fact('priceSubsidy.recipients.orphans'),
        marginal: fact('priceSubsidy.recipients.marginal'),
        insurance: fact('priceSubsidy.recipients.unemploymentInsurance'),
        assistance: fact('priceSubsidy.recipients.unemploymentAssistance'),
      },
    },
    ta: {
      months: { emergency: get('temporaryAssistance.minimumMonths.emergency'), expenditure: get('temporaryAssistance.minimumMonths.expenditure') },
      maximum: get('temporaryAssistance.maximumMonths'),
    },
  };
}
