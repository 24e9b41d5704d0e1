/**
 * What a declared household-level programme (scope household, an amount form, no module) reads of
 * the household and gives the programmes that use it; apart from household-scope.ts so that the
 * preparation (prepare.ts) and the evaluation can both read it without importing each other.
 */
import type { Bilingual } from '../../schemas/common.js';
import type { ProgrammeRules } from '../../rulebook/index.js';
import { HOUSEHOLD_INPUT_FACT_LIST } from '../../schemas/facts.js';

/** The declared household facts (schemas/facts.ts) that conditions read: the ones with a name. */
export const DECLARED_HOUSEHOLD_FACTS = HOUSEHOLD_INPUT_FACT_LIST.filter((fact) => fact.name !== undefined);

/** The household facts a household programme's conditions and amount read: its size, the declared
 * ones (residence…), its assets. An asset the household does not state is none, as dibao reads it
 * (src/programmes/dibao/assets.ts). */
export const HOUSEHOLD_FACTS: Readonly<Record<string, { kind: string; description: Bilingual }>> = {
  householdSize: { kind: 'integer', description: { zh: '家庭成员人数（登记的全部成员）', en: 'household size (every member listed)' } },
  ...Object.fromEntries(DECLARED_HOUSEHOLD_FACTS.map((fact) => [fact.id, { kind: fact.kind === 'enum' ? 'text' : 'boolean', description: fact.name as Bilingual }])),
  financialAssets: { kind: 'money', description: { zh: '家庭金融资产', en: "the household's financial assets" } },
  dwellings: { kind: 'integer', description: { zh: '家庭拥有住房套数', en: 'dwellings owned' } },
  vehicles: { kind: 'integer', description: { zh: '家庭拥有机动车辆数', en: 'vehicles owned' } },
  businessRegistered: { kind: 'boolean', description: { zh: '持有营业执照或经营门面', en: 'holds a business registration or shopfront' } },
};

/** A household programme declared in its rule file alone (dibao, with a module, declares its own facts). */
export function isDeclaredHousehold(rules: ProgrammeRules): boolean {
  return rules.scope === 'household' && rules.facts === undefined;
}

/** What every declared household programme gives the programmes that use it, besides its "provides". */
export function declaredHouseholdProvides(other: ProgrammeRules): Record<string, { kind: string; description: Bilingual }> {
  if (!isDeclaredHousehold(other)) return {};
  return {
    entitled: { kind: 'money', description: { zh: `${other.name.zh}应享金额`, en: `${other.name.en}: amount entitled` } },
    pays: { kind: 'boolean', description: { zh: `${other.name.zh}本月发放`, en: `${other.name.en}: pays this month` } },
  };
}
