/**
 * householdArbitrary: fast-check arbitraries of valid households for one jurisdiction and month of
 * any rulebook, seeded by fast-check's own seed (fc.assert(…, { seed })) and shrinking towards
 * small, plain households (one adult of 40, no income, no traits), so that a counterexample keeps
 * only what its failure needs. The knobs read the pack (src/testing/facts.ts): incomes near the
 * month's dibao standard and the marginal line (1.5 × it), ages around the ages the rules test.
 */
import fc from 'fast-check';
import { BenefitRulesError } from '../errors.js';
import { addToMonth } from '../dates.js';
import { isoMonth } from '../schemas/common.js';
import type { HouseholdInput } from '../schemas/household.js';
import type { IncomeType } from '../schemas/income.js';
import type { Rulebook } from '../rulebook/index.js';
import { bundledRulebook } from '../load.js';
import { jurisdictionFacts, type JurisdictionFacts } from './facts.js';
import { ageArbitrary, bornBefore, compact, formatFen, householdTraits, incomeTypeArbitrary, rarely, schoolingAt, traitsArbitrary, type Traits } from './members.js';

export interface HouseholdArbitraryOptions {
  /** A pack id of the rulebook, e.g. cn-640181. */
  jurisdiction: string;
  /** The month the households are evaluated in (YYYY-MM): birth dates, histories and the standards are those of this month. */
  month: string;
  /** Default: the bundled rules and packs. */
  rulebook?: Rulebook;
  /** Default: either. */
  residence?: 'urban' | 'rural';
  /** Members, 1 to 6 by default. */
  size?: { min?: number; max?: number };
  /** 'thresholds' (default): half the members within two months of an age a rule tests; 'any': 0 to 100. */
  ages?: 'thresholds' | 'any';
  /** 'standard' (default): per-capita income none, near the standard, near the marginal line (1.5 × it) or up to twice that, mostly of types that count; 'any': any type, up to 3 × the standard; 'none'. */
  incomes?: 'standard' | 'any' | 'none';
  /** Disability categories and grades, self-care, long-term care. Default true. */
  disability?: boolean;
  /** Orphans and de-facto unsupported children (孤儿, 事实无人抚养儿童), schooling. Default true. */
  children?: boolean;
  /** A dibao case history: enrolled since, last amount, a gradual exit (渐退) under way. Default true. */
  history?: boolean;
  /** Financial assets (near the pack's limit too), vehicles, dwellings, a business registration. Default true. */
  assets?: boolean;
  /** The traits the pack's one-person enrolment (单人保) reads: the disability grades it names, serious illness, registered poverty. Default true. */
  singlePersonTraits?: boolean;
  /** Exclusions, supporters, support arrangements, hukou, pension kinds, unemployment benefits, other care allowances. Default true. */
  otherTraits?: boolean;
  /** Sometimes a temporary-assistance (临时救助) event. Default true. */
  event?: boolean;
  /** The household's id. Default "generated". */
  id?: string;
}

const MAX_SIZE = 20;

function checkOptions(options: HouseholdArbitraryOptions): { min: number; max: number } {
  const fail = (path: string, expected: string, found: unknown) => {
    throw new BenefitRulesError('invalid-option', `householdArbitrary: ${path}: expected ${expected}, found ${JSON.stringify(found)}`, [
      { path, expected, found: JSON.stringify(found) },
    ]);
  };
  if (options === null || typeof options !== 'object') fail('options', 'an object with jurisdiction and month', options);
  if (typeof options.jurisdiction !== 'string') fail('jurisdiction', 'a pack id such as cn-640181', options.jurisdiction);
  if (!isoMonth.safeParse(options.month).success) fail('month', 'a month written YYYY-MM', options.month);
  const min = options.size?.min ?? 1;
  const max = options.size?.max ?? Math.max(6, min);
  if (!Number.isInteger(min) || min < 1 || !Number.isInteger(max) || max < min || max > MAX_SIZE) fail('size', `whole numbers 1 ≤ min ≤ max ≤ ${MAX_SIZE}`, options.size);
  return { min, max };
}

/** Per-capita income in thousandths of the standard, and a few fen either way so that the line itself is crossed. */
function incomeTarget(facts: JurisdictionFacts, mode: 'standard' | 'any') {
  const marginal = facts.marginalPerMille;
  const target =
    mode === 'any'
      ? fc.integer({ min: 0, max: 3000 })
      : fc.oneof(
          { withCrossShrink: true },
          fc.constant(0),
          fc.integer({ min: 950, max: 1050 }),
          fc.integer({ min: marginal - 50, max: marginal + 50 }),
          fc.integer({ min: 0, max: 2 * marginal }),
        );
  return fc.record({ perMille: target, jitter: fc.integer({ min: -100, max: 100 }) });
}

/** Arbitraries of households valid for `jurisdiction` in `month`; see the options for the knobs. */
export function householdArbitrary(options: HouseholdArbitraryOptions): fc.Arbitrary<HouseholdInput> {
  const size = checkOptions(options);
  const { month } = options;
  const facts = jurisdictionFacts(options.rulebook ?? bundledRulebook(), options.jurisdiction, month);
  const incomes = options.incomes ?? 'standard';
  const knobs = {
    disability: options.disability ?? true,
    children: options.children ?? true,
    singlePersonTraits: options.singlePersonTraits ?? true,
    others: options.otherTraits ?? true,
  };
  const age = options.ages === 'any' ? ageArbitrary([]) : ageArbitrary(facts.ageThresholds);
  const lines: fc.Arbitrary<{ type: IncomeType; weight: number }[]> =
    incomes === 'none' ? fc.constant([]) : fc.array(fc.record({ type: incomeTypeArbitrary(incomes === 'standard'), weight: fc.integer({ min: 1, max: 4 }) }), { maxLength: 2 });
  const member = fc.record({ age, lines, traits: traitsArbitrary(facts, knobs) });
  const history = fc.record({
    enrolledMonthsAgo: fc.integer({ min: 0, max: 36 }),
    lastAmountPerMille: fc.integer({ min: 1, max: 1200 }),
    exitMonthsAgo: rarely(fc.integer({ min: 0, max: 12 }), 2),
  });
  const assets = fc.record({
    // Thousandths of the pack's financial limit (or of a year's standard where it has none): around the limit too.
    financialPerMille: fc.oneof({ withCrossShrink: true }, fc.constant(0), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 980, max: 1020 })),
    vehicles: fc.array(fc.constantFrom('car', 'motorcycle', 'disabilityVehicle', 'agricultural', 'truck', 'other'), { maxLength: 2 }),
    dwellings: rarely(fc.integer({ min: 0, max: 3 }), 2),
    businessRegistered: rarely(fc.constant(true), 10),
  });
  const householdFacts = householdTraits(knobs, { residence: options.residence });
  const event = fc.record({ kind: fc.constantFrom('emergency', 'expenditure'), affectedShare: rarely(fc.integer({ min: 1, max: 100 }), 2) });
  return fc
    .record({
      // The declared household facts (residence first, any of its values unless the option pins it),
      // as keys of this record, not a record of their own: a nested record would draw the rest anew.
      ...householdFacts,
      members: fc.array(member, { minLength: size.min, maxLength: size.max }),
      income: incomes === 'none' ? fc.constant({ perMille: 0, jitter: 0 }) : incomeTarget(facts, incomes),
      history: options.history === false ? fc.constant(undefined) : rarely(history, 3),
      assets: options.assets === false ? fc.constant(undefined) : rarely(assets, 2),
      event: options.event === false ? fc.constant(undefined) : rarely(event, 8),
    })
    .map((draft) => {
      const residence = (draft as Record<string, unknown>).residence as HouseholdInput['residence'];
      const standard = facts.standards[residence] ?? facts.standards.urban ?? facts.standards.rural ?? 100_000;
      const n = draft.members.length;
      // The household's income: the per-capita target times the size, shared out by the lines' weights.
      const total = Math.max(0, Math.round((draft.income.perMille * standard * n) / 1000) + draft.income.jitter);
      const weights = draft.members.reduce((sum, m) => sum + m.lines.reduce((s, line) => s + line.weight, 0), 0);
      // Each line its weight's share, rounded down; what rounding leaves goes to the first line, so the lines make the total.
      const shares = draft.members.map((m) => m.lines.map((line) => Math.floor((total * line.weight) / weights)));
      const firstLine = shares.find((lines) => lines.length > 0);
      if (firstLine) firstLine[0] = (firstLine[0] as number) + total - shares.flat().reduce((sum, fen) => sum + fen, 0);
      const members = draft.members.map((m, index) =>
        makeMember(
          index,
          m.age,
          m.traits,
          m.lines.map((line, i) => ({ type: line.type, monthly: formatFen(shares[index]?.[i] ?? 0) })),
          month,
        ),
      );
      const household = {
        id: options.id ?? 'generated',
        jurisdiction: options.jurisdiction,
        ...compact(Object.fromEntries(Object.keys(householdFacts).map((id) => [id, (draft as Record<string, unknown>)[id]]))),
        members,
      } as HouseholdInput;
      if (draft.assets) {
        const limit = facts.assetMonthsPerMille === null ? standard * 12 * n : Math.round((standard * n * facts.assetMonthsPerMille) / 1000);
        household.assets = compact({
          financial: formatFen(Math.round((limit * draft.assets.financialPerMille) / 1000)),
          vehicles: draft.assets.vehicles.length ? draft.assets.vehicles.map((type) => ({ type })) : undefined,
          dwellings: draft.assets.dwellings,
          businessRegistered: draft.assets.businessRegistered,
        });
      }
      if (draft.history) {
        const { enrolledMonthsAgo, lastAmountPerMille, exitMonthsAgo } = draft.history;
        household.history = {
          dibao: compact({
            enrolledSince: addToMonth(month, -enrolledMonthsAgo),
            lastAmount: formatFen(Math.round((standard * n * lastAmountPerMille) / 1000)),
            // A gradual exit starts during the enrolment, never before it.
            gradualExitSince: exitMonthsAgo === undefined ? undefined : addToMonth(month, -Math.min(exitMonthsAgo, enrolledMonthsAgo)),
          }),
        };
      }
      if (draft.event) {
        const affected = draft.event.affectedShare === undefined ? undefined : Math.max(1, Math.ceil((n * draft.event.affectedShare) / 100));
        household.event = compact({ kind: draft.event.kind, peopleAffected: affected });
      }
      return household;
    });
}

function makeMember(
  index: number,
  age: { years: number; days: number },
  traits: Traits,
  incomes: { type: string; monthly: string }[],
  month: string,
): HouseholdInput['members'][number] {
  const years = age.days < 0 ? age.years - 1 : age.years;
  const { inSchool, child, relation, ...rest } = traits;
  const young = years < 18;
  return compact({
    id: `m${index}`,
    birthDate: bornBefore(month, age.years, age.days),
    // The first member heads the household; a minor is a child or grandchild of it.
    relation: index === 0 ? 'head' : young && relation !== 'grandchild' ? 'child' : relation,
    ...rest,
    schooling: inSchool ? schoolingAt(years) : undefined,
    child: young ? child : undefined,
    incomes: incomes.length ? (incomes as HouseholdInput['incomes']) : undefined,
  }) as HouseholdInput['members'][number];
}
