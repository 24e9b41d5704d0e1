/**
 * The two baselines of the benchmark. Both start from facts computed by the same small hand-written
 * routine on integer units: (d) hands them to json-rules-engine with the dibao rule conditions, as
 * a json-rules-engine user would; (e) compares them in plain JS, which is the practical limit.
 * Both cover the main path (membership, income, assets, the difference); neither explains anything.
 */
import { Engine } from 'json-rules-engine';
import type { Rulebook } from '../rulebook/index.js';
import type { Household } from '../schemas/household.js';
import type { DibaoPlan } from '../fast/plan.js';
import { moneyUnits, times, type Rate } from '../fast/units.js';

export interface Facts {
  members: { imprisoned: boolean; compulsoryRehabilitation: boolean; declaredMissing: boolean; clergyYearsApart: null; clergyYearsThreshold: number | null }[];
  household: Record<string, unknown>;
  size: number;
  total: number;
  standard: number;
}

const value = <T>(plan: DibaoPlan, id: string): T | null => (plan.parameters.get(id)?.value ?? null) as T | null;

/** Main-path dibao facts on integer units, by hand. */
export function facts(plan: DibaoPlan, household: Household): Facts {
  const standard = value<number>(plan, `dibao.standard.${household.residence}`) as number;
  const members = [];
  let size = 0;
  let total = 0;
  for (const member of household.members) {
    const e = member.exclusion;
    const f = { imprisoned: e?.imprisoned ?? false, compulsoryRehabilitation: e?.compulsoryRehabilitation ?? false, declaredMissing: e?.declaredMissing ?? false, clergyYearsApart: null, clergyYearsThreshold: value<number>(plan, 'dibao.membership.clergyYearsApart') };
    members.push(f);
    if (f.imprisoned || f.compulsoryRehabilitation || f.declaredMissing) continue;
    size += 1;
    for (const income of member.incomes ?? []) {
      const rule = plan.income[income.type];
      if (rule?.exempt && value<boolean>(plan, rule.exempt) === true) continue;
      const share = rule?.share ? value<Rate>(plan, rule.share) : null;
      const units = moneyUnits(income.monthly);
      total += share ? times(units, share) : units;
    }
  }
  const months = value<Rate>(plan, 'dibao.assets.financialMonthsPerPerson');
  const multiple = value<Rate>(plan, 'dibao.marginal.incomeMultiple');
  return {
    members,
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

/** (e) the limit: plain JS comparisons and the difference, in integer units. */
export function plainDibao(plan: DibaoPlan, household: Household): number {
  const f = facts(plan, household);
  const h = f.household;
  if (f.size === 0 || !(f.total < f.standard * f.size)) return 0;
  if (h.financialAssetLimit !== null && (h.financialAssets as number) > (h.financialAssetLimit as number)) return 0;
  if (h.maxVehicles !== null && (h.countedVehicles as number) > (h.maxVehicles as number)) return 0;
  if (h.maxDwellings !== null && (h.dwellings as number) > (h.maxDwellings as number)) return 0;
  if (h.businessRegistrationDisqualifies === true && h.businessRegistered === true) return 0;
  return f.standard * f.size - f.total;
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
  return async (plan: DibaoPlan, input: Household): Promise<number> => {
    const f = facts(plan, input);
    for (const m of f.members) await member.run(m);
    const { events } = await household.run(f.household);
    return events.some((e) => e.type === 'eligible') ? f.standard * f.size - f.total : 0;
  };
}
