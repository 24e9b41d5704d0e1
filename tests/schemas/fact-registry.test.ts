/**
 * A fact declared in src/schemas/facts.ts reaches the published JSON Schema with no other edit
 * (issue 16 §1): the registry is replaced here by one with an extra entry, and the household schema
 * generated anew from it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const EXTRA = {
  kind: 'enum',
  values: ['rented', 'owned'],
  name: { zh: '住房情况', en: 'housing' },
  description: 'A test-only fact: rented or owned housing.',
  csv: 'housing_test',
  absent: null,
} as const;

afterEach(() => {
  vi.doUnmock('../../src/schemas/facts.js');
  vi.resetModules();
});

describe('the fact registry and the JSON Schema', () => {
  it('a new declaration appears in schema/household.schema.json as generated, with its values and description', async () => {
    vi.resetModules();
    vi.doMock('../../src/schemas/facts.js', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../src/schemas/facts.js')>();
      const MEMBER_INPUT_FACTS = { ...original.MEMBER_INPUT_FACTS, housingTest: EXTRA };
      const MEMBER_INPUT_FACT_LIST = Object.entries(MEMBER_INPUT_FACTS).map(([id, fact]) => ({ id, ...fact }));
      return { ...original, MEMBER_INPUT_FACTS, MEMBER_INPUT_FACT_LIST };
    });
    const { jsonSchemas } = await import('../../src/schemas/jsonSchema.js');
    const household = jsonSchemas().household as { properties: { members: { items: { properties: Record<string, unknown> } } } };
    expect(household.properties.members.items.properties.housingTest).toEqual({ type: 'string', enum: ['rented', 'owned'], description: EXTRA.description });
  });

  it('every declared fact is in the generated household schema (tests/evaluate.test.ts keeps the committed one equal to it)', async () => {
    const { MEMBER_INPUT_FACT_LIST } = await import('../../src/schemas/facts.js');
    const { jsonSchemas } = await import('../../src/schemas/jsonSchema.js');
    const household = jsonSchemas().household as { properties: { members: { items: { properties: Record<string, unknown> } } } };
    for (const fact of MEMBER_INPUT_FACT_LIST) expect(household.properties.members.items.properties, fact.id).toHaveProperty(fact.id);
  });
});
