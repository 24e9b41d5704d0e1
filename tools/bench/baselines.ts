/**
 * Baseline (d) of the benchmark, on the same plans (parameters resolved in fixed-point units) as
 * the compiled path: hand-computed dibao facts handed to json-rules-engine with the dibao rule
 * conditions, as a json-rules-engine user would (main path only: no gradual exit, no one-person
 * enrolment, nothing explained). Baseline (e), the hand-written programmes, is plain-*.ts.
 */
import { Engine } from 'json-rules-engine';
import type { Rulebook } from '../../src/rulebook/index.js';
import type { Household } from '../../src/schemas/household.js';
import type { Plan } from '../../src/programmes/plan.js';
import { moneyUnits, times, type Rate } from '../../src/arithmetic/units-core.js';

const value = <T>(plan: Plan, id: string): T | null => (plan.get(id).units ?? null) as T | null;

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
      if (plan.slots.has('dibao.income.exempt') && value<string[]>(plan, 'dibao.income.exempt')?.includes(income.type) === true) continue;
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
