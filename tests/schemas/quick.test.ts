import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quickHousehold } from '../../src/schemas/quick.js';
import { householdSchema, memberSchema, type Household } from '../../src/schemas/household.js';
import { parseHousehold } from '../../src/evaluate.js';
import { household } from '../support/arbitraries.js';

/** Replaces one value somewhere in a JSON value with another JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value) && value.length > 0) {
    const i = (path[0] as number) % value.length;
    return value.map((v, j) => (j === i ? mutate(v, path.slice(1), replacement) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[(path[0] as number) % keys.length] as string;
    return { ...value, [key]: mutate((value as Record<string, unknown>)[key], path.slice(1), replacement) };
  }
  return replacement;
}

const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('2023-02-29', '2024-02-29', '2024-13-01', '12.345', '-1', '1e3', '0.10', '01', 'urban', 'city', 3, 0, 5, 1.5, null, true),
);

describe('the quick household check', () => {
  it('accepts well-formed households as they are, as a copy in the one shape parseHousehold gives', () => {
    fc.assert(
      fc.property(household(), ({ household: input }) => {
        const before = JSON.stringify(input);
        const quick = quickHousehold(input) as Household;
        expect(quick).not.toBe(input);
        expect(quick).toEqual(input);
        expect(JSON.stringify(input)).toBe(before);
        expect(quick).toEqual(parseHousehold(input));
        // Every member has every key of the schema, in its order, so every read sees one shape.
        const keys = Object.keys(memberSchema.shape);
        for (const member of quick.members) expect(Object.keys(member)).toEqual(keys);
        expect(Object.keys(quick)).toEqual(Object.keys(parseHousehold(input)));
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts what zod refuses, and what it accepts zod reads the same', () => {
    fc.assert(
      fc.property(household(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), odd, ({ household: input }, path, replacement) => {
        const mutated = mutate(input, path, replacement);
        const quick = quickHousehold(mutated);
        const zod = householdSchema.safeParse(mutated);
        if (quick !== undefined) {
          expect(zod.success).toBe(true);
          expect(zod.data).toEqual(quick);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves JSON-number money and duplicate member ids to zod', () => {
    const base = { id: 'h', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
    expect(quickHousehold({ ...base, assets: { financial: 100 } })).toBeUndefined();
    expect(householdSchema.safeParse({ ...base, assets: { financial: 100 } }).success).toBe(true);
    expect(quickHousehold({ ...base, members: [...base.members, ...base.members] })).toBeUndefined();
    expect(quickHousehold({ ...base, members: [{ id: 'a', birthDate: '2023-02-29', relation: 'head' }] })).toBeUndefined();
  });
});
