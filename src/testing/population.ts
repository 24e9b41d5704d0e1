/**
 * A seeded synthetic population, for the benchmarks and the batch tests now and for users' own load
 * tests later (src/testing is what `benefit-rules/testing` will export): households of 1–8 members
 * with the income types, disabilities, self-care, other care allowances, orphans and de-facto
 * unsupported children, exclusions, assets and dibao histories the programmes read, supporters and
 * support arrangements (extreme-poverty support), members of 80–105 with hukou and pension kinds
 * (the high-age allowance), more 70+ in Chongqing (the category supplements) and a temporary-
 * assistance event in one household in twenty, spread over the bundled jurisdiction-months (none
 * of which triggers the price subsidy: its recipients are found, its amount not paid). Same seed,
 * same population, on every machine.
 */
import type { HouseholdInput } from '../schemas/household.js';
import { random } from './random.js';
import {
  HOUSEHOLD_INPUT_FACTS,
  HOUSEHOLD_INPUT_FACT_LIST,
  MEMBER_INPUT_FACTS,
  MEMBER_INPUT_FACT_LIST,
  type FactDeclaration,
  type HouseholdInputFact,
  type MemberInputFact,
} from '../schemas/facts.js';

/** Jurisdiction-months where every bundled pack on the chain has its standards. */
export const POPULATION_MONTHS: readonly [string, string][] = [
  ['cn-420100', '2017-06'],
  ['cn-420100', '2022-06'],
  ['cn-420113', '2020-08'],
  ['cn-321311', '2020-09'],
  ['cn-640000', '2024-06'],
  ['cn-640181', '2024-06'],
  ['cn-500000', '2021-10'],
  ['cn-500112', '2025-08'],
];

const INCOME_WEIGHTS: [string, number][] = [
  ['wages', 30],
  ['migrantWork', 10],
  ['business', 10],
  ['pension', 10],
  ['residentsBasicPension', 8],
  ['supportReceived', 6],
  ['property', 4],
  ['transfer', 4],
  ['socialAssistance', 5],
  ['veteransBenefits', 2],
  ['familyPlanningAwards', 2],
  ['scholarshipsAwards', 3],
  ['auxiliaryEmploymentDisabled', 2],
  ['other', 4],
];
const INCOME_TOTAL = INCOME_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
const CATEGORIES = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'] as const;

/** A fact's values as often as its `likely` hint weighs them (src/schemas/facts.ts), in that order. */
function likely(fact: FactDeclaration): readonly (string | boolean)[] {
  const weights = fact.generate?.likely;
  const values = fact.kind === 'enum' ? fact.values : [true, false];
  return weights ? values.flatMap((value) => Array.from({ length: weights[String(value)] ?? 0 }, () => value)) : values;
}

/**
 * The declared facts drawn below in their context (who has them turns on age, disability,
 * assessment); every other declared fact is drawn as its hints say, from a stream of its own, so
 * that declaring a fact leaves the draws of the others — and the bench — as they were.
 */
const IN_CONTEXT: ReadonlySet<MemberInputFact> = new Set([
  'seriousIllness',
  'povertyRegistered',
  'schooling',
  'selfCare',
  'needsLongTermCare',
  'localHukou',
  'pensionKind',
  'supporters',
  'supportArrangement',
]);
/** A declared fact drawn from the declared stream: by its share of members (households), always if required. */
const drawn = (fact: FactDeclaration & { id: string }) => ({ id: fact.id, share: fact.required ? 1 : (fact.generate?.populationShare ?? 0.1), values: likely(fact) });
const OTHER_FACTS = MEMBER_INPUT_FACT_LIST.filter((fact) => !IN_CONTEXT.has(fact.id) && (fact.generate?.populationShare ?? 0.1) > 0).map(drawn);
/** Likewise for the household's declared facts: residence is drawn in context (from the main stream, as it always was). */
const HOUSEHOLD_IN_CONTEXT: ReadonlySet<HouseholdInputFact> = new Set(['residence']);
const OTHER_HOUSEHOLD_FACTS = HOUSEHOLD_INPUT_FACT_LIST.filter((fact) => !HOUSEHOLD_IN_CONTEXT.has(fact.id) && (fact.required || (fact.generate?.populationShare ?? 0.1) > 0)).map(
  drawn,
);
const RESIDENCES = likely(HOUSEHOLD_INPUT_FACTS.residence) as readonly (typeof HOUSEHOLD_INPUT_FACTS.residence.values)[number][];
const SELF_CARE = MEMBER_INPUT_FACTS.selfCare.values;
const SELF_CARE_ASSESSED = likely(MEMBER_INPUT_FACTS.selfCare) as readonly (typeof SELF_CARE)[number][];
const PENSION_KINDS = likely(MEMBER_INPUT_FACTS.pensionKind) as readonly (typeof MEMBER_INPUT_FACTS.pensionKind.values)[number][];
const SUPPORTERS = likely(MEMBER_INPUT_FACTS.supporters) as readonly (typeof MEMBER_INPUT_FACTS.supporters.values)[number][];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `extra` draws the facts added after the first four programmes (supporters, hukou, pensions, the
 * very old) from a stream of its own, so the draws of everything else — and the tests that count
 * on them — are what they were; `events` likewise draws the temporary-assistance events, and
 * `declared` the declared facts not drawn in context (OTHER_FACTS).
 */
export function household(
  next: () => number,
  index: number,
  extra: () => number = random(index + 1),
  events: () => number = random((index + 1) ^ EVENT_STREAM),
  declared: () => number = random((index + 1) ^ DECLARED_STREAM),
): { household: HouseholdInput; month: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const pickExtra = <T>(list: readonly T[]): T => list[Math.floor(extra() * list.length)] as T;
  const [jurisdiction, month] = pick(POPULATION_MONTHS);
  const chongqing = jurisdiction.startsWith('cn-500');
  const year = Number(month.slice(0, 4));
  const size = 1 + Math.floor(next() * next() * 8);
  const members: HouseholdInput['members'] = [];
  for (let m = 0; m < size; m += 1) {
    const child = m >= 2 && next() < 0.7;
    let born = child ? year - 1 - Math.floor(next() * 17) : year - 18 - Math.floor(next() * 70);
    // The very old (80–105) for the high-age allowance; more 70+ in Chongqing for its category supplements.
    if (!child && m !== 1 && extra() < 0.07) born = year - 80 - Math.floor(extra() * 26);
    else if (!child && chongqing && extra() < 0.12) born = year - 70 - Math.floor(extra() * 10);
    const member: HouseholdInput['members'][number] = {
      id: `p${m}`,
      birthDate: `${born}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`,
      relation: m === 0 ? 'head' : m === 1 ? 'spouse' : child ? 'child' : pick(['parent', 'sibling', 'other'] as const),
    };
    if (next() < 0.12) member.disability = { category: pick(CATEGORIES), grade: 1 + Math.floor(next() * 4) };
    if (next() < 0.06) member.seriousIllness = true;
    if (next() < 0.05) member.povertyRegistered = true;
    if (next() < 0.03)
      member.exclusion = pick([{ imprisoned: true }, { compulsoryRehabilitation: true }, { declaredMissing: true }, { clergyLivingApartSince: `${year - 5}-03-01` }]);
    if (child) member.schooling = pick(['preschool', 'compulsory', 'seniorSecondary'] as const);
    if (child && next() < 0.08)
      member.child = next() < 0.5 ? { status: 'deFactoUnsupported', care: 'scattered' } : { status: 'orphan', care: pick(['scattered', 'institution'] as const) };
    if (member.disability && next() < 0.5) member.selfCare = pick(SELF_CARE);
    if (member.disability && next() < 0.1) member.needsLongTermCare = false;
    if (member.disability && !child && next() < 0.15) member.otherAllowances = [{ type: 'elderlyCare', monthly: String(50 + Math.floor(next() * 200)) }];
    const age = year - born;
    if (age >= 79) {
      const hukou = extra();
      if (hukou < 0.85) member.localHukou = true;
      else if (hukou < 0.95) member.localHukou = false;
      if (extra() < 0.95) member.pensionKind = pickExtra(PENSION_KINDS);
    } else if (!child && extra() < 0.2) member.localHukou = extra() < 0.9;
    // Assessed for extreme-poverty support: mostly the old, the disabled and children.
    if (extra() < (age >= 60 || member.disability || child ? 0.12 : 0.02)) {
      member.supporters = pickExtra(SUPPORTERS);
      if (member.supporters !== 'able' && extra() < 0.95) member.supportArrangement = extra() < 0.3 ? 'concentrated' : 'dispersed';
      if (member.selfCare === undefined && extra() < 0.9) member.selfCare = pickExtra(SELF_CARE_ASSESSED);
    }
    for (const fact of OTHER_FACTS) if (declared() < fact.share) (member as Record<string, unknown>)[fact.id] = fact.values[Math.floor(declared() * fact.values.length)];
    const lines = child ? (next() < 0.1 ? 1 : 0) : Math.floor(next() * 3);
    if (lines > 0) {
      member.incomes = [];
      for (let i = 0; i < lines; i += 1) {
        let roll = next() * INCOME_TOTAL;
        let type = 'other';
        for (const [name, weight] of INCOME_WEIGHTS) {
          roll -= weight;
          if (roll < 0) {
            type = name;
            break;
          }
        }
        member.incomes.push({ type: type as never, monthly: (Math.floor(next() * next() * 300_000) / 100).toFixed(2) });
      }
    }
    members.push(member);
  }
  const input: HouseholdInput = { id: `h${index}`, jurisdiction, residence: pick(RESIDENCES), members };
  for (const fact of OTHER_HOUSEHOLD_FACTS) if (declared() < fact.share) (input as Record<string, unknown>)[fact.id] = fact.values[Math.floor(declared() * fact.values.length)];
  if (next() < 0.8) {
    input.assets = { financial: String(Math.floor(next() * next() * 60_000)) };
    if (next() < 0.15) input.assets.vehicles = [{ type: pick(['car', 'motorcycle', 'disabilityVehicle'] as const) }];
    if (next() < 0.5) input.assets.dwellings = next() < 0.9 ? 1 : 2;
  }
  if (next() < 0.25) {
    const since = `${year - 2}-${pad(1 + Math.floor(next() * 12))}`;
    input.history = { dibao: { enrolledSince: since, lastAmount: (Math.floor(next() * 200_000) / 100).toFixed(2) } };
    if (next() < 0.3) input.history.dibao!.gradualExitSince = `${year}-${pad(1 + Math.floor(next() * Number(month.slice(5, 7))))}`;
  }
  // One household in twenty asks for temporary assistance; most say how many members it affects.
  if (events() < 0.05) {
    input.event = { kind: events() < 0.5 ? 'emergency' : 'expenditure' };
    if (events() < 0.9) input.event.peopleAffected = 1 + Math.floor(events() * members.length);
    if (events() < 0.2) input.event.applicant = (members[Math.floor(events() * members.length)] as HouseholdInput['members'][number]).id;
  }
  return { household: input, month };
}

/** Mixed into the seed of each household's event stream, so it is not its `extra` stream. */
const EVENT_STREAM = 0x5bd1e995;
/** Likewise for the declared facts drawn from their hints (OTHER_FACTS). */
const DECLARED_STREAM = 0x27d4eb2f;

export function population(size: number, seed = 20261122): { household: HouseholdInput; month: string }[] {
  const next = random(seed);
  return Array.from({ length: size }, (_, i) => {
    const own = seed ^ Math.imul(i + 1, 0x9e3779b1);
    return household(next, i, random(own >>> 0), random((own ^ EVENT_STREAM) >>> 0), random((own ^ DECLARED_STREAM) >>> 0));
  });
}
