/**
 * The two baselines of the benchmark, on the same plans (parameters resolved in fixed-point units)
 * as the compiled path. (d) hands hand-computed dibao facts to json-rules-engine with the dibao rule
 * conditions, as a json-rules-engine user would. (e) computes the same programmes in plain JS on
 * integer units — the practical limit: membership, income with exemptions and shares, assets, the
 * difference; extreme-poverty support taking members out of dibao; the disability living and care
 * subsidies and the orphan allowance per member, with the interactions; the high-age allowance and
 * the category supplements (baselines-more.ts); the price subsidy and temporary assistance's bounds
 * (baselines-once.ts). Neither explains anything or handles gradual exits; (e) rounds only the price
 * subsidy (the pack's rounding is its amount).
 */
import { Engine } from 'json-rules-engine';
import type { Rulebook } from '../../src/rulebook/index.js';
import type { Household } from '../../src/schemas/household.js';
import type { Plan } from '../../src/programmes/plan.js';
import { moneyUnits, times, type Rate } from '../../src/arithmetic/units-core.js';
import { extremePoverty, MEMBER_PROGRAMMES, tables, value, type DibaoState } from './baselines-more.js';
import { emptyAmounts, MONTHLY, priceRecipient, priceSubsidy, temporaryAssistance, type Amounts } from './baselines-once.js';

export interface Facts {
  members: { imprisoned: boolean; compulsoryRehabilitation: boolean; declaredMissing: boolean; clergyYearsApart: null; clergyYearsThreshold: number | null }[];
  counted: boolean[];
  /** Each member's own countable income (counted or not). */
  incomes: number[];
  household: Record<string, unknown>;
  size: number;
  total: number;
  standard: number;
}

/** Main-path dibao facts on integer units, by hand; `apart` members (extreme-poor) are not counted. */
export function facts(plan: Plan, household: Household, apart?: readonly boolean[]): Facts {
  const standard = value<number>(plan, `dibao.standard.${household.residence}`) as number;
  const members = [];
  const counted: boolean[] = [];
  const incomes: number[] = [];
  let size = 0;
  let total = 0;
  for (const member of household.members) {
    const e = member.exclusion;
    const f = {
      imprisoned: e?.imprisoned ?? false,
      compulsoryRehabilitation: e?.compulsoryRehabilitation ?? false,
      declaredMissing: e?.declaredMissing ?? false,
      clergyYearsApart: null,
      clergyYearsThreshold: value<number>(plan, 'dibao.membership.clergyYearsApart'),
    };
    members.push(f);
    const out = f.imprisoned || f.compulsoryRehabilitation || f.declaredMissing || apart?.[incomes.length] === true;
    counted.push(!out);
    let own = 0;
    for (const income of member.incomes ?? []) {
      if (plan.slots.has(`dibao.income.exempt.${income.type}`) && value<boolean>(plan, `dibao.income.exempt.${income.type}`) === true) continue;
      const share = plan.slots.has(`dibao.income.share.${income.type}`) ? value<Rate>(plan, `dibao.income.share.${income.type}`) : null;
      const units = moneyUnits(income.monthly);
      own += share ? times(units, share) : units;
    }
    incomes.push(own);
    if (out) continue;
    size += 1;
    total += own;
  }
  const months = value<Rate>(plan, 'dibao.assets.financialMonthsPerPerson');
  const multiple = value<Rate>(plan, 'dibao.marginal.incomeMultiple');
  return {
    members,
    counted,
    incomes,
    size,
    total,
    standard,
    household: {
      householdSize: size,
      countableIncome: total,
      perCapitaIncome: size === 0 ? 0 : total / size,
      standard,
      marginalLine: multiple === null ? null : times(standard, multiple),
      financialAssets: household.assets?.financial === undefined ? 0 : moneyUnits(household.assets.financial),
      financialAssetLimit: months === null ? null : times(standard, months) * size,
      countedVehicles: household.assets?.vehicles?.length ?? 0,
      maxVehicles: value(plan, 'dibao.assets.maxVehicles'),
      dwellings: household.assets?.dwellings ?? 0,
      maxDwellings: value(plan, 'dibao.assets.maxDwellings'),
      businessRegistered: household.assets?.businessRegistered ?? false,
      businessRegistrationDisqualifies: value(plan, 'dibao.assets.businessRegistrationDisqualifies'),
      enrolled: household.history?.dibao?.enrolledSince !== undefined,
      exitMoratorium: false,
      gradualExitMonth: null,
      gradualExitMonths: null,
    },
  };
}

function assetsOk(h: Record<string, unknown>): boolean {
  if (h.financialAssetLimit !== null && (h.financialAssets as number) > (h.financialAssetLimit as number)) return false;
  if (h.maxVehicles !== null && (h.countedVehicles as number) > (h.maxVehicles as number)) return false;
  if (h.maxDwellings !== null && (h.dwellings as number) > (h.maxDwellings as number)) return false;
  return !(h.businessRegistrationDisqualifies === true && h.businessRegistered === true);
}

const SCRATCH = emptyAmounts();

/**
 * (e) the limit: every bundled programme in plain JS, integer units. Extreme-poor members are found
 * on the household's dibao facts, then dibao is worked out again without them. Returns the monthly
 * total; `out` gets each programme's amount and the one-off bounds.
 */
export function plainProgrammes(plan: Plan, household: Household, out: Amounts = SCRATCH): number {
  for (const id of MONTHLY) out[id] = 0;
  // Completed years on the first of the month (as ageOn), its year and MM-DD taken apart once.
  const year = Number(plan.settings.month.slice(0, 4));
  const monthDay = `${plan.settings.month.slice(5)}-01`;
  let f = facts(plan, household);
  const assetsWithin = assetsOk(f.household);
  let apart: boolean[] | undefined;
  const support: number[] = [];
  const ages: number[] = [];
  for (let m = 0; m < household.members.length; m += 1) {
    const member = household.members[m] as Household['members'][number];
    const born = member.birthDate;
    const age = Math.max(0, year - Number(born.slice(0, 4)) - (monthDay < born.slice(5) ? 1 : 0));
    ages.push(age);
    const ep = member.supporters === undefined ? null : extremePoverty(plan, household, member, age, f.incomes[m] as number, f.standard, assetsWithin);
    support.push(ep?.amount ?? 0);
    if (ep?.qualifies) (apart ??= new Array<boolean>(household.members.length).fill(false))[m] = true;
    out['extreme-poverty'] += ep?.amount ?? 0;
  }
  if (apart) f = facts(plan, household, apart);
  const h = f.household;
  const ok = f.size > 0 && assetsOk(h);
  const dibao = ok && f.total < f.standard * f.size ? f.standard * f.size - f.total : 0;
  const multiple = value<Rate>(plan, 'dibao.marginal.incomeMultiple');
  const marginal = dibao === 0 && ok && multiple !== null && f.total * multiple.denominator < multiple.numerator * f.standard * f.size;
  const share = dibao > 0 ? Math.round(dibao / f.size / 100) * 100 : 0;
  const livingGrades = value<number[]>(plan, 'disabilityLivingSubsidy.grades');
  const livingAmount = value<string>(plan, 'disabilityLivingSubsidy.method') === 'fixed' ? value<number>(plan, 'disabilityLivingSubsidy.amount') : null;
  const includeMarginal = value<boolean>(plan, 'disabilityLivingSubsidy.includeMarginal') === true;
  const careGrades = value<number[]>(plan, 'disabilityCareSubsidy.grades');
  const careMethod = value<string>(plan, 'disabilityCareSubsidy.method');
  const ageLimit = value<number>(plan, 'orphanAllowance.ageLimit');
  // The switches of the disability subsidies' exclusion of extreme-poor members (no closures here:
  // tsx names every function it creates, which costs as much as the programmes themselves).
  const livingOff = apart !== undefined && value<boolean>(plan, 'disabilityLivingSubsidy.excludesExtremePoor') !== false;
  const careOff = apart !== undefined && value<boolean>(plan, 'disabilityCareSubsidy.excludesExtremePoor') !== false;
  const state: DibaoState = { ages, covered: dibao > 0 ? f.counted : [], tables: tables(plan) };
  out.dibao = dibao;
  const price = { covered: false, extremePoor: false, orphan: false, marginal };
  let priceAmount: number | undefined;
  for (let m = 0; m < household.members.length; m += 1) {
    const member = household.members[m] as Household['members'][number];
    const covered = dibao > 0 && f.counted[m] === true;
    const grade = member.disability?.grade;
    let living = 0;
    if (grade !== undefined && livingGrades?.includes(grade) && livingAmount !== null && (covered || (includeMarginal && marginal)) && !(livingOff && apart?.[m] === true))
      living = livingAmount;
    if (grade !== undefined && careGrades?.includes(grade) && member.needsLongTermCare !== false && careMethod !== null && !(careOff && apart?.[m] === true)) {
      const care = (careMethod === 'fixed' ? value<number>(plan, 'disabilityCareSubsidy.amount') : value<number>(plan, `disabilityCareSubsidy.amountByGrade.grade${grade}`)) ?? 0;
      let other = 0;
      for (const allowance of member.otherAllowances ?? []) other = Math.max(other, moneyUnits(allowance.monthly));
      if (other < care) out['disability-care-subsidy'] += care;
    }
    const child = member.child;
    const orphan = child !== undefined && ageLimit !== null && (ages[m] as number) < ageLimit;
    if (orphan) {
      const rate =
        child.status === 'deFactoUnsupported'
          ? value<number>(plan, 'orphanAllowance.deFacto')
          : value<number>(plan, child.care === 'institution' ? 'orphanAllowance.institution' : 'orphanAllowance.scattered');
      if (rate !== null) {
        if (child.status === 'orphan') living = 0;
        const offset = child.status === 'deFactoUnsupported' && covered && value<string>(plan, 'orphanAllowance.deFactoDibaoOffset') === 'perCapitaPayment' ? share : 0;
        const deFacto = child.status === 'deFactoUnsupported';
        out['orphan-allowance'] += Math.max(rate - offset - (deFacto ? living + (support[m] as number) : 0), 0);
      }
    }
    out['disability-living-subsidy'] += living;
    for (const [id, programme] of MEMBER_PROGRAMMES) out[id] += programme(plan, household, member, m, state);
    price.covered = covered;
    price.extremePoor = apart?.[m] === true;
    price.orphan = orphan;
    if (priceRecipient(plan, member, price)) out['price-subsidy'] += priceAmount ??= priceSubsidy(plan, f.standard);
  }
  temporaryAssistance(plan, household, f.standard, out);
  let total = 0;
  for (const id of MONTHLY) total += out[id];
  return total;
}

/** (d) json-rules-engine: one Engine per scope, reused; one run per member and one per household. */
export function jsonRulesEngineDibao(rulebook: Rulebook) {
  const rules = rulebook.programmes.get('dibao');
  if (!rules) throw new Error('internal: no dibao rules');
  const household = new Engine([], { allowUndefinedFacts: true });
  const member = new Engine([], { allowUndefinedFacts: true });
  for (const [id, condition] of rules.conditions) {
    household.setCondition(id, condition.when as never);
    member.setCondition(id, condition.when as never);
  }
  member.addRule({ conditions: rules.conditions.get('memberExcluded')?.when as never, event: { type: 'memberExcluded' } });
  for (const id of ['eligible', 'marginal', 'hardCase', 'exitMoratorium', 'gradualExit']) {
    household.addRule({ conditions: rules.conditions.get(id)?.when as never, event: { type: id } });
  }
  return async (plan: Plan, input: Household): Promise<number> => {
    const f = facts(plan, input);
    for (const m of f.members) await member.run(m);
    const { events } = await household.run(f.household);
    return events.some((e) => e.type === 'eligible') ? f.standard * f.size - f.total : 0;
  };
}
