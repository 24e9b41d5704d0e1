/**
 * A fact declared in src/schemas/facts.ts reaches the published JSON Schema with no other edit
 * (issue 16 §1): the registry is replaced here by one with an extra entry, and the household schema
 * generated anew from it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EXTRA_FACT, declareExtraFact, forgetExtraFact } from '../support/extra-fact.js';

afterEach(forgetExtraFact);

describe('the fact registry and the JSON Schema', () => {
  it('a new declaration appears in schema/household.schema.json as generated, with its values and description', async () => {
    declareExtraFact();
    const { jsonSchemas } = await import('../../src/schemas/jsonSchema.js');
    const household = jsonSchemas().household as { properties: { members: { items: { properties: Record<string, unknown> } } } };
    expect(household.properties.members.items.properties.housingTest).toEqual({ type: 'string', enum: ['rented', 'owned'], description: EXTRA_FACT.description });
  });

  it('every declared fact is in the generated household schema (tests/evaluate.test.ts keeps the committed one equal to it)', async () => {
    const { MEMBER_INPUT_FACT_LIST } = await import('../../src/schemas/facts.js');
    const { jsonSchemas } = await import('../../src/schemas/jsonSchema.js');
    const household = jsonSchemas().household as { properties: { members: { items: { properties: Record<string, unknown> } } } };
    for (const fact of MEMBER_INPUT_FACT_LIST) expect(household.properties.members.items.properties, fact.id).toHaveProperty(fact.id);
  });
});
