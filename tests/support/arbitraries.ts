/** fast-check generators of households, for the property tests: the project's own mixes (every
 * covered month, the test packs' variants), drawn with the pieces users get from
 * benefit-rules/testing (src/testing), whose householdArbitrary the tests in tests/testing use. */
import fc from 'fast-check';
import { factArbitrary, moneyArbitrary } from '../../src/testing/members.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST, type MemberInputFact } from '../../src/schemas/facts.js';
import { INCOME_TYPE_IDS } from '../../src/schemas/income.js';
import { addToMonth } from '../../src/dates.js';
import type { HouseholdInput } from '../../src/schemas/household.js';

/** Jurisdiction-months every bundled standard covers, one per pack that sets standards. */
export const COVERED: readonly { jurisdiction: string; month: string }[] = [
  { jurisdiction: 'cn-420100', month: '2016-09' },
  { jurisdiction: 'cn-420100', month: '2022-05' },
  { jurisdiction: 'cn-420113', month: '2020-08' },
  { jurisdiction: 'cn-321311', month: '2020-09' },
  { jurisdiction: 'cn-640000', month: '2024-03' },
  { jurisdiction: 'cn-640181', month: '2024-05' },
  { jurisdiction: 'cn-500000', month: '2021-10' },
  { jurisdiction: 'cn-500112', month: '2025-08' },
];

/** Test packs that switch on every rule variant: tiers, floors, deduction forms, per-capita rounding,
 * asset limits, gradual-exit schedules, one-person enrolment of registered-poor members. */
export const VARIANTS: readonly { jurisdiction: string; month: string }[] = [
  'test-tiers',
  'test-floor',
  'test-deduction-wage',
  'test-deduction-standard',
  'test-deduction-capped',
  'test-deduction-fixed',
  'test-rounding-yuan',
  'test-single-rounding',
  'test-assets',
  'test-beijing-exit',
  'test-poverty-assets',
  'test-marginal-1120',
].map((jurisdiction) => ({ jurisdiction, month: '2024-03' }));

export const money = moneyArbitrary(500_000);

const income = fc.record({ type: fc.constantFrom(...INCOME_TYPE_IDS), monthly: money });

export interface MemberOptions {
  /** Leave out traits that can make a member qualify for one-person enrolment. */
  noSinglePersonTraits?: boolean;
}

/** Every declared fact (src/schemas/facts.ts), any of its values; with `noSinglePersonTraits`,
 * those the one-person enrolment reads are false. */
function declaredFacts(options: MemberOptions = {}) {
  return Object.fromEntries(
    MEMBER_INPUT_FACT_LIST.map((fact) => [
      fact.id,
      options.noSinglePersonTraits && fact.generate?.knobs?.includes('singlePersonTraits') ? fc.constant(false) : factArbitrary(fact),
    ]),
  ) as Record<MemberInputFact, fc.Arbitrary<string | boolean>>;
}

/** Every declared household fact (residence…), any of its values; one the household may leave out
 * sometimes left out (undefined). Spread into the household's record, not a record of their own:
 * a nested record would change what the rest draws. */
const HOUSEHOLD_FACTS = Object.fromEntries(
  HOUSEHOLD_INPUT_FACT_LIST.map((fact) => [fact.id, fact.required ? factArbitrary(fact) : fc.option(factArbitrary(fact), { nil: undefined })]),
) as Record<string, fc.Arbitrary<string | boolean | undefined>>;

/** The declared household facts of a drawn record, those left out dropped. */
function householdFacts(drawn: Record<string, unknown>): Pick<HouseholdInput, 'residence'> {
  return Object.fromEntries(HOUSEHOLD_INPUT_FACT_LIST.flatMap((fact) => (drawn[fact.id] === undefined ? [] : [[fact.id, drawn[fact.id]]]))) as Pick<HouseholdInput, 'residence'>;
}

/** A member born by the first day of `month` (a member born after the month evaluated is refused). */
export function member(index: number, options: MemberOptions = {}, month = '2020-12') {
  return fc.record(
    {
      id: fc.constant(`m${index}`),
      birthDate: fc.date({ min: new Date('1930-01-01'), max: new Date(`${month}-01`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      relation: fc.constantFrom('head', 'spouse', 'child', 'parent', 'grandchild', 'other'),
      exclusion: fc.record({ imprisoned: fc.boolean(), compulsoryRehabilitation: fc.boolean(), declaredMissing: fc.boolean() }, { requiredKeys: [] }),
      disability: options.noSinglePersonTraits
        ? fc.record({ category: fc.constantFrom('physical', 'visual', 'hearing', 'speech'), grade: fc.constantFrom(3, 4) })
        : fc.record({ category: fc.constantFrom('physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'), grade: fc.integer({ min: 1, max: 4 }) }),
      incomes: fc.array(income, { maxLength: 3 }),
      ...declaredFacts(options),
    },
    { requiredKeys: ['id', 'birthDate', 'relation'] },
  );
}

export function household(
  options: MemberOptions & { withHistory?: boolean; where?: readonly { jurisdiction: string; month: string }[] } = {},
): fc.Arbitrary<{ household: HouseholdInput; month: string }> {
  return fc
    .record({
      where: fc.constantFrom(...(options.where ?? COVERED)),
      ...HOUSEHOLD_FACTS,
      size: fc.integer({ min: 1, max: 6 }),
      financial: money,
      vehicles: fc.array(fc.record({ type: fc.constantFrom('car', 'motorcycle', 'disabilityVehicle') }), { maxLength: 2 }),
      history: options.withHistory
        ? fc.option(fc.record({ lastAmount: money, exitMonthsAgo: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }) }), { nil: undefined })
        : fc.constant(undefined),
    })
    .map(({ history, where, ...rest }) => ({
      ...rest,
      where,
      history: history && {
        enrolledSince: '2016-01',
        lastAmount: history.lastAmount,
        // A gradual exit that started up to seven months before the month evaluated.
        ...(history.exitMonthsAgo === undefined ? {} : { gradualExitSince: addToMonth(where.month, -history.exitMonthsAgo) }),
      },
    }))
    .chain(({ where, size, financial, vehicles, history, ...facts }) =>
      fc.tuple(...Array.from({ length: size }, (_, i) => member(i, options, where.month))).map((members) => ({
        month: where.month,
        household: {
          id: 'generated',
          jurisdiction: where.jurisdiction,
          ...householdFacts(facts),
          members: members as HouseholdInput['members'],
          assets: { financial, vehicles: vehicles as never },
          ...(history ? { history: { dibao: history } } : {}),
        },
      })),
    );
}

/** Month ranges where the packs configure the disability subsidies and the orphan allowance (or
 * switch them off): a few of these months have no dibao standard, which makes the household an error. */
export const ALLOWANCE_RANGES: readonly { jurisdiction: string; from: string; to: string }[] = [
  { jurisdiction: 'cn-640181', from: '2024-01', to: '2025-12' },
  { jurisdiction: 'cn-500000', from: '2021-10', to: '2025-12' },
  { jurisdiction: 'cn-420100', from: '2021-01', to: '2023-12' },
  { jurisdiction: 'test-hubei-county', from: '2016-01', to: '2026-12' },
  { jurisdiction: 'cn-321311', from: '2020-06', to: '2020-12' },
  { jurisdiction: 'test-allowance-options', from: '2024-01', to: '2024-12' },
  { jurisdiction: 'test-allowance-standard', from: '2024-01', to: '2024-12' },
];

/** A month of one of `ranges`, uniformly within the range chosen. */
export function allowanceWhere(ranges = ALLOWANCE_RANGES): fc.Arbitrary<{ jurisdiction: string; month: string }> {
  return fc.constantFrom(...ranges).chain(({ jurisdiction, from, to }) => {
    const span = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));
    return fc.integer({ min: 0, max: span }).map((k) => ({ jurisdiction, month: addToMonth(from, k) }));
  });
}

/** A birth date `years` (and up to a year more) before the first day of `month`: children near the
 * age limits of 17 and 18, and adults. */
function bornBefore(month: string) {
  return fc.tuple(fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 24, max: 95 })), fc.integer({ min: 0, max: 365 })).map(([years, days]) => {
    const day = new Date(`${Number(month.slice(0, 4)) - years}${month.slice(4)}-01T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - days);
    return day.toISOString().slice(0, 10);
  });
}

const smallMoney = fc.oneof(fc.integer({ min: 0, max: 400 }).map(String), moneyArbitrary(40_000));

/** A member with the traits the three allowances read: disability grade and category, self-care,
 * long-term care, elderly and work-injury care allowances, orphan or de-facto child status. */
export function allowanceMember(index: number, month: string) {
  return fc.record(
    {
      id: fc.constant(`m${index}`),
      birthDate: bornBefore(month),
      relation: fc.constantFrom('head', 'spouse', 'child', 'parent', 'grandchild', 'other'),
      disability: fc.record({ category: fc.constantFrom('physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'), grade: fc.integer({ min: 1, max: 4 }) }),
      otherAllowances: fc.array(fc.record({ type: fc.constantFrom('elderlyCare', 'workInjuryCare'), monthly: smallMoney }), { maxLength: 2 }),
      child: fc.record({ status: fc.constantFrom('orphan', 'deFactoUnsupported'), care: fc.constantFrom('scattered', 'institution') }),
      ...declaredFacts(),
      incomes: fc.array(fc.record({ type: fc.constantFrom('wages', 'pension', 'business'), monthly: moneyArbitrary(150_000) }), {
        maxLength: 2,
      }),
    },
    { requiredKeys: ['id', 'birthDate', 'relation'] },
  );
}

/** A household for the allowance properties: one to five such members, sometimes on dibao. */
export function allowanceHousehold(
  where: fc.Arbitrary<{ jurisdiction: string; month: string }> = allowanceWhere(),
  id = 'generated',
): fc.Arbitrary<{ household: HouseholdInput; month: string }> {
  return fc.record({ where, ...HOUSEHOLD_FACTS, size: fc.integer({ min: 1, max: 5 }) }).chain(({ where: { jurisdiction, month }, size, ...facts }) =>
    fc.tuple(...Array.from({ length: size }, (_, i) => allowanceMember(i, month))).map((members) => ({
      month,
      household: { id, jurisdiction, ...householdFacts(facts), members: members as HouseholdInput['members'] },
    })),
  );
}
