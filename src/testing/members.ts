/**
 * The pieces of a generated household: money as decimal strings made from whole fen (never a float
 * formatted), birth dates from ages, and the traits of one member. Shared by householdArbitrary and
 * the project's own property tests (tests/support/arbitraries.ts), so both draw the same shapes.
 */
import fc from 'fast-check';
import { INCOME_TYPE_IDS, type IncomeType } from '../schemas/income.js';
import type { HouseholdInput } from '../schemas/household.js';
import type { JurisdictionFacts } from './facts.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST, type FactDeclaration, type MemberInputFact, type TraitKnob } from '../schemas/facts.js';

type MemberInput = HouseholdInput['members'][number];
type Disability = NonNullable<MemberInput['disability']>;

/** Whole fen as a decimal string of yuan: 123456 → "1234.56". Integer arithmetic only. */
export function formatFen(fen: number): string {
  const whole = Math.trunc(Math.abs(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** An amount of yuan as a decimal string, from `min` to `max` fen; shrinks towards `min`. */
export function moneyArbitrary(max = 500_000, min = 0): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map(formatFen);
}

/** Mostly `undefined`, sometimes `arbitrary` (1 in `odds`): a trait few households have. Shrinks
 * to undefined, so a counterexample keeps only the traits its failure needs. */
export function rarely<T>(arbitrary: fc.Arbitrary<T>, odds = 6): fc.Arbitrary<T | undefined> {
  return fc.oneof({ withCrossShrink: true }, { weight: odds - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

/** A birth date `years` years and `days` days before the first day of `month` (UTC calendar). */
export function bornBefore(month: string, years: number, days: number): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)) - years, Number(month.slice(5, 7)) - 1, 1 - days));
  return date.toISOString().slice(0, 10);
}

/** An age as years and days before the month: with `thresholds`, half the time within two months
 * of turning one of them (either side), else anywhere from 0 to 100. Shrinks towards an adult of 40. */
export function ageArbitrary(thresholds: readonly number[]): fc.Arbitrary<{ years: number; days: number }> {
  const any = fc.record({ years: fc.integer({ min: 0, max: 100 }).map((k) => (k + 40) % 101), days: fc.integer({ min: 0, max: 364 }) });
  const usable = thresholds.filter((t) => t >= 1 && t <= 110);
  if (usable.length === 0) return any;
  // Born up to 62 days either side of the day `t` years before the month: turning t just before it or just after.
  const near = fc.record({ t: fc.constantFrom(...usable), offset: fc.integer({ min: -62, max: 62 }) }).map(({ t, offset }) => ({ years: t, days: offset }));
  return fc.oneof({ withCrossShrink: true }, any, near);
}

const CATEGORIES = ['physical', 'visual', 'hearing', 'speech', 'intellectual', 'mental', 'multiple'] as const;

/** Disability categories and grades, leaving out with `noSinglePerson` those the pack enrols alone. */
export function disabilityArbitrary(facts: JurisdictionFacts | undefined, noSinglePerson: boolean): fc.Arbitrary<Disability> | undefined {
  const pairs = CATEGORIES.flatMap((category) => [4, 3, 2, 1].map((grade) => ({ category, grade })));
  const allowed = noSinglePerson
    ? pairs.filter(
        ({ category, grade }) =>
          !(facts?.singlePerson.disabilityGrades ?? [1, 2]).includes(grade) &&
          !((category === 'intellectual' || category === 'mental') && (facts?.singlePerson.intellectualMentalGrades ?? [1, 2, 3]).includes(grade)),
      )
    : pairs;
  return allowed.length === 0 ? undefined : fc.constantFrom(...allowed);
}

/** Income types: with `earnings`, mostly those counted in full or in part (the types a rise of
 * income is about), sometimes any, exempt ones included. */
export function incomeTypeArbitrary(earnings: boolean): fc.Arbitrary<IncomeType> {
  const any = fc.constantFrom(...INCOME_TYPE_IDS);
  if (!earnings) return any;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<IncomeType>('wages', 'business', 'migrantWork', 'pension', 'property', 'supportReceived') },
    { weight: 1, arbitrary: any },
  );
}

export type TraitKnobs = Record<TraitKnob, boolean>;

/** Any value a declared fact can take, alike: what a property generator explores. */
export function factArbitrary(fact: FactDeclaration): fc.Arbitrary<string | boolean> {
  return fact.kind === 'enum' ? fc.constantFrom(...fact.values) : fc.boolean();
}

/** The declared facts the generators draw; the others (schooling) follow from other traits. */
export const DRAWN_FACTS = MEMBER_INPUT_FACT_LIST.filter((fact) => fact.generate?.derived !== true);

/** A declared fact as its hints say (src/schemas/facts.ts): drawn while one of its knobs is on, by
 * one in `odds`, only `true` for a trait few have; a required fact always, any of its values. */
function hinted(fact: FactDeclaration, knobs: TraitKnobs): fc.Arbitrary<unknown> {
  if (fact.required) return factArbitrary(fact);
  const hints = fact.generate ?? {};
  const on = (hints.knobs ?? ['others']).some((knob) => knobs[knob]);
  return on ? rarely(hints.onlyTrue ? fc.constant(true) : factArbitrary(fact), hints.odds ?? 4) : fc.constant(undefined);
}

/** The declared facts of a member, drawn as their hints say. */
function declaredTraits(knobs: TraitKnobs): { [K in MemberInputFact]?: fc.Arbitrary<unknown> } {
  return Object.fromEntries(DRAWN_FACTS.map((fact) => [fact.id, hinted(fact, knobs)]));
}

/** The declared facts of the household (residence…), drawn as their hints say; `pinned` gives some
 * a value of the caller's (householdArbitrary's residence option). */
export function householdTraits(knobs: TraitKnobs, pinned: Readonly<Record<string, unknown>> = {}): Record<string, fc.Arbitrary<unknown>> {
  return Object.fromEntries(
    HOUSEHOLD_INPUT_FACT_LIST.filter((fact) => fact.generate?.derived !== true).map((fact) => [
      fact.id,
      pinned[fact.id] === undefined ? hinted(fact, knobs) : fc.constant(pinned[fact.id]),
    ]),
  );
}

/** What a member draws besides age and income; undefined traits are dropped when the member is made. */
export function traitsArbitrary(facts: JurisdictionFacts | undefined, knobs: TraitKnobs) {
  const disability = knobs.disability ? disabilityArbitrary(facts, !knobs.singlePersonTraits) : undefined;
  const some = <T>(on: boolean, arbitrary: fc.Arbitrary<T>, odds = 4) => (on ? rarely(arbitrary, odds) : fc.constant(undefined));
  return fc.record({
    relation: fc.constantFrom('spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'),
    disability: disability ? rarely(disability, 4) : fc.constant(undefined),
    // Schooling and the child statuses apply to children only; their level follows the age.
    inSchool: knobs.children ? fc.boolean() : fc.constant(false),
    child: some(
      knobs.children,
      fc.record({ status: fc.constantFrom('orphan', 'deFactoUnsupported'), care: fc.constantFrom('scattered', 'institution') }, { requiredKeys: ['status'] }),
      5,
    ),
    exclusion: some(knobs.others, fc.constantFrom({ imprisoned: true }, { compulsoryRehabilitation: true }, { declaredMissing: true }), 20),
    otherAllowances: some(
      knobs.others,
      fc.array(fc.record({ type: fc.constantFrom('elderlyCare', 'workInjuryCare'), monthly: moneyArbitrary(40_000) }), { minLength: 1, maxLength: 2 }),
      10,
    ),
    ...declaredTraits(knobs),
  });
}

export type Traits = ReturnType<typeof traitsArbitrary> extends fc.Arbitrary<infer T> ? T : never;

/** The schooling level of a child in school at `age`, or undefined. */
export function schoolingAt(age: number): MemberInput['schooling'] {
  if (age < 3) return undefined;
  if (age < 6) return 'preschool';
  if (age < 15) return 'compulsory';
  if (age < 18) return 'seniorSecondary';
  return age < 23 ? 'higher' : undefined;
}

/** The object without its undefined fields: what a household file would hold. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
