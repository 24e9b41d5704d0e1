/**
 * The flat input facts of a member and of a household, declared once (issue 16 §1; decisions 0025
 * and 0032). Each declaration says what the JSON key
 * is, what kind of value it holds, what its absence means, how it reads in both languages, its CSV
 * column, how the generators draw it. From this list come: the zod schema of those keys
 * (household.ts), and so the JSON Schema; the member facts the rule files' conditions read with
 * the value each takes when absent (programmes/declared/facts.ts); the CSV columns, their mapping
 * and the cells named for their errors (batch/csv.ts, batch/csv-errors.ts); the fuzzer's mutations
 * (tools/fuzz/mutate.ts); the generators (testing/members.ts, testing/population.ts,
 * tests/support/arbitraries.ts); the README's table (tools/readme/facts.ts). See
 * docs/decisions/0025-fact-registry.md.
 *
 * A member fact is a key of each member and a column of that member's CSV row; a household fact
 * (HOUSEHOLD_INPUT_FACTS) a key at the top level of the household and a column repeated on each of
 * its rows (later rows empty or equal to the first). The two are kept as two registries, each
 * declaration's entity being the registry it is in: they go into two zod objects, and a rule reads
 * a household fact from every member's facts as well as from the household's.
 *
 * Only the flat facts are here: one JSON key, one CSV column, one value. The structured parts of a
 * member (id, birthDate, relation, disability, exclusion, child, otherAllowances, incomes) and of a
 * household (members, assets, history, event) stay hand-written in household.ts, as their shape,
 * cross-field checks and derived facts (age, disabled, fullTimeStudent…) are not one column each.
 */
import type { Bilingual } from './common.js';

interface FactBase {
  /** The name a condition reads (a MEMBER_FACTS name) in both languages; absent: no rule reads it. */
  name?: Bilingual;
  /** The schema's description: what the fact means and what its absence means. */
  description: string;
  /** Its column in CSV input (one row per member; a household fact's repeated on its rows). */
  csv: string;
  /** How the generators draw it (defaults: see GeneratorHints). */
  generate?: GeneratorHints;
}

/** A fact the record may leave out: what a condition then sees. */
interface Optional {
  /** null is an unknown fact (a rule that needs it reports it missing, never decides), false is "no". */
  absent: null | false;
  required?: never;
}

/** A fact every record must give: its zod key is required and its CSV cell must not be empty. */
interface Required {
  required: true;
  absent?: never;
}

type Presence = Optional | Required;

/** The switches of householdArbitrary (src/testing) that turn a kind of trait on. */
export type TraitKnob = 'disability' | 'children' | 'singlePersonTraits' | 'others';

/**
 * Hints for the generators, as data: the property generators (src/testing/members.ts,
 * tests/support/arbitraries.ts) and the synthetic population (src/testing/population.ts) read them.
 */
export interface GeneratorHints {
  /** householdArbitrary draws it while any of these knobs is on; default ['others']. */
  knobs?: readonly TraitKnob[];
  /** One member in `odds` has it there; default 4. */
  odds?: number;
  /** Only `true` is drawn: a trait few have, whose absence is "no". */
  onlyTrue?: boolean;
  /** Not drawn on its own: the generators derive it from other traits (schooling from age). */
  derived?: boolean;
  /** The population's mix of its values, as weights, in this order; default each value once. */
  likely?: Readonly<Record<string, number>>;
  /**
   * The share of the population's members that have it, for a fact the population does not draw
   * in its own context (population.ts); default 0.1, 0 for never.
   */
  populationShare?: number;
}

export type BooleanFact = FactBase & Presence & { kind: 'boolean' };

export type EnumFact = FactBase & Presence & { kind: 'enum'; values: readonly [string, ...string[]] };

export type FactDeclaration = BooleanFact | EnumFact;

/** Whose fact it is: a member's (a key of each member) or the household's (a top-level key). */
export type FactEntity = 'member' | 'household';

/** Declared with `as const` so the zod schema keeps each enum's literal values for its types. */
export const MEMBER_INPUT_FACTS = {
  seriousIllness: {
    kind: 'boolean',
    name: { zh: '患重特大疾病', en: 'seriously ill' },
    description: 'A locally recognised major illness (重病).',
    csv: 'serious_illness',
    generate: { knobs: ['singlePersonTraits'], odds: 10, onlyTrue: true },
    absent: false,
  },
  selfCare: {
    kind: 'enum',
    values: ['full', 'partlyLost', 'fullyLost'],
    name: { zh: '生活自理能力', en: 'self-care' },
    description: 'Self-care over six daily activities: all six, up to three failed, four or more failed.',
    csv: 'self_care',
    generate: { knobs: ['disability', 'others'], likely: { full: 2, partlyLost: 1, fullyLost: 1 } },
    absent: null,
  },
  schooling: {
    kind: 'enum',
    values: ['none', 'preschool', 'compulsory', 'seniorSecondary', 'vocational', 'higher'],
    name: { zh: '在读学段', en: 'schooling' },
    description: 'Full-time schooling level, if any.',
    csv: 'schooling',
    generate: { derived: true },
    absent: null,
  },
  needsLongTermCare: {
    kind: 'boolean',
    name: { zh: '需要长期照护', en: 'needs long-term care' },
    description: 'Needs long-term care (长期照护), as assessed; absent: presumed for the grades the care subsidy covers.',
    csv: 'needs_long_term_care',
    generate: { knobs: ['disability'], odds: 8 },
    absent: null,
  },
  supporters: {
    kind: 'enum',
    values: ['none', 'unable', 'able'],
    name: { zh: '法定赡养、抚养、扶养义务人', en: 'legal supporters' },
    description:
      'Legal supporters (法定赡养、抚养、扶养义务人) as assessed for extreme-poverty support (特困人员救助供养): none; none able to support (无履行义务能力, 民发〔2021〕43号 第八条); or able. Absent: not assessed, so the member is not considered for extreme-poverty support.',
    csv: 'supporters',
    generate: { odds: 5, likely: { none: 2, unable: 2, able: 1 } },
    absent: null,
  },
  supportArrangement: {
    kind: 'enum',
    values: ['concentrated', 'dispersed'],
    name: { zh: '特困人员供养方式', en: 'extreme-poverty support arrangement' },
    description: 'Extreme-poverty support in an institution (集中供养) or at home (分散供养); absent where an amount depends on it: a missing fact.',
    csv: 'support_arrangement',
    generate: { odds: 5 },
    absent: null,
  },
  povertyRegistered: {
    kind: 'boolean',
    description: 'Registered poor (建档立卡) and not yet out of poverty.',
    csv: 'poverty_registered',
    generate: { knobs: ['singlePersonTraits'], odds: 10, onlyTrue: true },
    absent: false,
  },
  localHukou: {
    kind: 'boolean',
    name: { zh: '本地户籍', en: 'local household registration (hukou)' },
    description:
      "Holds the household registration (户籍) of the area whose scheme applies (the city's for Wuhan's 高龄津贴 and Suqian's 尊老金, the region's for Ningxia); absent: unknown, so a programme that requires it reports a missing fact.",
    csv: 'local_hukou',
    generate: { odds: 2 },
    absent: null,
  },
  pensionKind: {
    kind: 'enum',
    values: ['none', 'residentsBasic', 'basic', 'retirement'],
    name: { zh: '养老金类别', en: 'kind of pension' },
    description:
      "The member's pension: none; the residents' basic pension only (城乡居民基本养老保险养老金); the employees' basic pension (基本养老金, 职工基本养老保险); retirement pay of government and public institutions (离退休费). Only the last two are fixed income (固定收入) for Ningxia's high-age allowance. Absent: unknown, so a rule that reads it reports a missing fact.",
    csv: 'pension_kind',
    generate: { odds: 3, likely: { none: 1, residentsBasic: 2, basic: 1, retirement: 1 } },
    absent: null,
  },
  unemploymentBenefit: {
    kind: 'enum',
    values: ['insurance', 'assistance'],
    name: { zh: '领取的失业保险金或失业补助金', en: 'unemployment insurance or assistance drawn' },
    description:
      'Draws unemployment insurance (失业保险金) or unemployment assistance (失业补助金) this month, as the employment office records it; absent: draws neither. The price-linked subsidy reads it.',
    csv: 'unemployment_benefit',
    // The population triggers no price subsidy (its recipients are found, no amount paid): bench comparability.
    generate: { odds: 12, populationShare: 0 },
    absent: null,
  },
} as const satisfies Record<string, FactDeclaration>;

export type MemberInputFact = keyof typeof MEMBER_INPUT_FACTS;

/** A registry as a list, in declaration order (the order of the schema's keys). */
function listOf<K extends string>(registry: Record<K, FactDeclaration>): readonly (FactDeclaration & { id: K })[] {
  return (Object.entries(registry) as [K, FactDeclaration][]).map(([id, fact]) => ({ id, ...fact }));
}

export const MEMBER_INPUT_FACT_LIST = listOf<MemberInputFact>(MEMBER_INPUT_FACTS);

/**
 * The flat facts of the household as a whole: one top-level key, one CSV column repeated on the
 * household's rows. Their keys come in the household schema after `jurisdiction`, before `members`,
 * in this order (households are copied in the schema's key order, decision 0031). A fact here is
 * read by the household programmes' conditions and, from each member, by the member programmes'.
 * Generator hints: `knobs` and `odds` as for a member fact (householdArbitrary draws a required
 * fact always); the population draws a fact not named in population.ts from a stream of its own.
 */
export const HOUSEHOLD_INPUT_FACTS = {
  residence: {
    kind: 'enum',
    values: ['urban', 'rural'],
    name: { zh: '城乡类别', en: 'residence' },
    description: "Urban (城市) or rural (农村): which of the pack's standards and amounts apply to the household.",
    csv: 'residence',
    required: true,
  },
} as const satisfies Record<string, FactDeclaration>;

export type HouseholdInputFact = keyof typeof HOUSEHOLD_INPUT_FACTS;

export const HOUSEHOLD_INPUT_FACT_LIST = listOf<HouseholdInputFact>(HOUSEHOLD_INPUT_FACTS);

/** What a condition sees for the fact when the record leaves it out (a required one never is). */
export function absentValue(fact: FactDeclaration): null | false {
  return fact.required ? null : fact.absent;
}

/** The values a fact can take, as a condition's case keys see them ('true', 'false' for a boolean). */
export function factValues(fact: FactDeclaration): readonly string[] {
  return fact.kind === 'enum' ? fact.values : ['true', 'false'];
}
