/**
 * A fact declared in src/schemas/facts.ts is generated and fuzzed with no other edit (issue 16 §1):
 * the registry is replaced here by one with an extra entry, and each generator loaded anew from it
 * — householdArbitrary, the synthetic population, the test arbitraries and the fuzzer's mutations.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareExtraFact, forgetExtraFact } from '../support/extra-fact.js';

beforeAll(() => declareExtraFact());
afterAll(forgetExtraFact);

type Members = { members: Record<string, unknown>[] };
const housing = (households: Members[]) => households.flatMap((h) => h.members.map((m) => m.housingTest)).filter((v) => v !== undefined);

/** The values the fuzzer gave the extra fact in 3000 inputs of run `seed`: on the household, or on its members. */
async function fuzzed(entity: 'member' | 'household', seed: number): Promise<unknown[]> {
  const { generate } = await import('../../tools/fuzz/mutate.js');
  const base = {
    source: 'test',
    month: '2024-03',
    household: { id: 'h', jurisdiction: 'cn', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] },
  };
  const values: unknown[] = [];
  const bag = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  for (let index = 0; index < 3000; index += 1) {
    const input = generate([base], ['cn'], seed, index);
    if (!input.steps.includes(`${entity} housingTest`) || !bag(input.household)) continue;
    const members = input.household.members;
    const holders = entity === 'household' ? [input.household] : Array.isArray(members) ? members : [];
    for (const holder of holders) if (bag(holder) && 'housingTest' in holder) values.push(holder.housingTest);
  }
  return values;
}

function expectFuzzed(values: unknown[]): void {
  expect(values.length).toBeGreaterThan(10);
  expect(values).toContain('rented');
  expect(values).toContain('owned');
  expect(values.some((v) => v !== 'rented' && v !== 'owned')).toBe(true);
}

describe('a new declared fact in the generators', () => {
  it('householdArbitrary draws it, with the values declared, and the household stays valid', async () => {
    const { householdArbitrary } = await import('../../src/testing/index.js');
    const { householdSchema } = await import('../../src/schemas/household.js');
    const drawn = fc.sample(householdArbitrary({ jurisdiction: 'cn-420100', month: '2022-06' }), { numRuns: 60, seed: 1 });
    expect(new Set(housing(drawn as unknown as Members[]))).toEqual(new Set(['rented', 'owned']));
    for (const household of drawn) expect(householdSchema.safeParse(household).success).toBe(true);
  });

  it('the population draws it for about its share of members, and the other facts as before', async () => {
    const { population } = await import('../../src/testing/population.js');
    const people = population(300, 5).map(({ household }) => household as unknown as Members);
    const members = people.flatMap((h) => h.members).length;
    const share = housing(people).length / members;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    forgetExtraFact();
    const before = await import('../../src/testing/population.js');
    const strip = (h: Members) => JSON.stringify({ ...h, members: h.members.map(({ housingTest: _, ...rest }) => rest) });
    expect(people.map(strip)).toEqual(before.population(300, 5).map(({ household }) => strip(household as unknown as Members)));
  });
});

describe('a new declared fact in the test arbitraries and the fuzzer', () => {
  beforeAll(() => declareExtraFact());

  it('tests/support/arbitraries.ts draws it', async () => {
    const { household } = await import('../support/arbitraries.js');
    const drawn = fc.sample(household(), { numRuns: 40, seed: 2 }).map((d) => d.household as unknown as Members);
    expect(new Set(housing(drawn))).toEqual(new Set(['rented', 'owned']));
  });

  it('the fuzzer mutates it, mostly to a declared value, sometimes to one the schema refuses', async () => {
    expectFuzzed(await fuzzed('member', 8));
  });
});

/** The same declaration as the household's (decision 0032): a top-level key of each household. */
type Households = Record<string, unknown>[];
const housingOf = (households: Households) => households.map((h) => h.housingTest).filter((v) => v !== undefined);

describe('a new declared household fact in the generators and the fuzzer', () => {
  beforeAll(() => declareExtraFact('household'));

  it('householdArbitrary draws it, with the values declared, and the household stays valid', async () => {
    const { householdArbitrary } = await import('../../src/testing/index.js');
    const { householdSchema } = await import('../../src/schemas/household.js');
    const drawn = fc.sample(householdArbitrary({ jurisdiction: 'cn-420100', month: '2022-06', residence: 'rural' }), { numRuns: 60, seed: 1 });
    expect(new Set(housingOf(drawn as unknown as Households))).toEqual(new Set(['rented', 'owned']));
    for (const household of drawn) expect(householdSchema.safeParse(household).success).toBe(true);
    expect(new Set(drawn.map((h) => h.residence))).toEqual(new Set(['rural']));
  });

  it('the population draws it for about its share of households, and everything else as before', async () => {
    const { population } = await import('../../src/testing/population.js');
    const people = population(300, 5).map(({ household }) => household as unknown as Households[number]);
    const share = housingOf(people).length / people.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    forgetExtraFact();
    const before = await import('../../src/testing/population.js');
    const strip = ({ housingTest: _, ...rest }: Households[number]) => JSON.stringify(rest);
    expect(people.map(strip)).toEqual(before.population(300, 5).map(({ household }) => strip(household as unknown as Households[number])));
    declareExtraFact('household');
  });

  it('tests/support/arbitraries.ts draws it', async () => {
    const { household, allowanceHousehold } = await import('../support/arbitraries.js');
    for (const arbitrary of [household(), allowanceHousehold()]) {
      const drawn = fc.sample(arbitrary, { numRuns: 40, seed: 2 }).map((d) => d.household as unknown as Households[number]);
      expect(new Set(housingOf(drawn))).toEqual(new Set(['rented', 'owned']));
    }
  });

  it('the fuzzer mutates it, mostly to a declared value, sometimes to one the schema refuses', async () => {
    expectFuzzed(await fuzzed('household', 7));
  });

  it('the README table lists it as the household’s', async () => {
    const { factsTable } = await import('../../tools/readme/facts.js');
    expect(factsTable()).toContain('| `housingTest` | household | `housing_test` | `rented`, `owned` | unknown | 住房情况 (housing) |');
  });
});
