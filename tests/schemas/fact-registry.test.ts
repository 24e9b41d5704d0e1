/**
 * A fact declared in src/schemas/facts.ts reaches the published JSON Schema with no other edit
 * (issue 16 §1): the registry is replaced here by one with an extra entry, and the household schema
 * generated anew from it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A household fact is one declaration too (decision 0032): the same declaration, in HOUSEHOLD_INPUT_FACTS. */
type Schema = { properties: Record<string, unknown>; required: string[] };

describe('a household fact declared once: the schemas', () => {
  it('becomes an optional top-level key after residence, before members, in zod and in the JSON Schema', async () => {
    declareExtraFact('household');
    const { householdSchema } = await import('../../src/schemas/household.js');
    const { jsonSchemas } = await import('../../src/schemas/jsonSchema.js');
    expect(Object.keys(householdSchema.shape).slice(0, 5)).toEqual(['id', 'jurisdiction', 'residence', 'housingTest', 'members']);
    const base = { id: 'h', jurisdiction: 'cn', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
    expect(householdSchema.safeParse({ ...base, housingTest: 'rented' }).success).toBe(true);
    expect(householdSchema.safeParse(base).success).toBe(true);
    expect(householdSchema.safeParse({ ...base, housingTest: 'rent' }).error?.issues[0]?.path).toEqual(['housingTest']);
    const household = jsonSchemas().household as Schema;
    expect(household.properties.housingTest).toEqual({ type: 'string', enum: ['rented', 'owned'], description: EXTRA_FACT.description });
    expect(household.required).not.toContain('housingTest');
    expect(household.required).toContain('residence');
  });

  it('residence is declared there, required: the zod key, the JSON Schema and the CSV cell', async () => {
    const { HOUSEHOLD_INPUT_FACTS } = await import('../../src/schemas/facts.js');
    const { householdSchema } = await import('../../src/schemas/household.js');
    expect(HOUSEHOLD_INPUT_FACTS.residence).toMatchObject({ kind: 'enum', values: ['urban', 'rural'], required: true, csv: 'residence' });
    expect(householdSchema.safeParse({ id: 'h', jurisdiction: 'cn', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] }).error?.issues[0]?.path).toEqual([
      'residence',
    ]);
  });

  it('no household fact shares its name with a member fact or a household programme fact', async () => {
    const { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACTS } = await import('../../src/schemas/facts.js');
    const { HOUSEHOLD_FACTS } = await import('../../src/programmes/declared/household-facts.js');
    const { MEMBER_FACTS } = await import('../../src/programmes/declared/facts.js');
    const derived = ['householdSize', 'financialAssets', 'dwellings', 'vehicles', 'businessRegistered'];
    for (const fact of HOUSEHOLD_INPUT_FACT_LIST) {
      expect(Object.hasOwn(MEMBER_INPUT_FACTS, fact.id), fact.id).toBe(false);
      expect(derived, fact.id).not.toContain(fact.id);
      if (fact.name) expect([HOUSEHOLD_FACTS[fact.id], MEMBER_FACTS[fact.id]], fact.id).toEqual([MEMBER_FACTS[fact.id], { kind: 'text', description: fact.name }]);
    }
  });
});

describe('a household fact declared once: the CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-household-fact-'));
  const HEADER = 'household_id,month,jurisdiction,residence,housing_test,member_id,birth_date,relation';
  const write = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
    return path;
  };
  const items = async (path: string) => {
    const { csvItems } = await import('../../src/batch/csvInput.js');
    const out = [];
    for await (const item of csvItems(path)) out.push(item);
    return out;
  };

  it('is a column, read from the first row, repeated (or left empty) on the others', async () => {
    declareExtraFact('household');
    const { CSV_INPUT_COLUMNS } = await import('../../src/batch/csv.js');
    expect(CSV_INPUT_COLUMNS.slice(0, 6)).toEqual(['household_id', 'month', 'jurisdiction', 'residence', 'housing_test', 'member_id']);
    const [item] = await items(write('ok.csv', ['h1,2024-03,cn-420100,urban,rented,a,1980-01-01,head', 'h1,2024-03,cn-420100,,,b,1982-01-01,spouse']));
    expect(JSON.parse(item?.[1] as string)).toEqual({
      month: '2024-03',
      household: {
        id: 'h1',
        jurisdiction: 'cn-420100',
        residence: 'urban',
        housingTest: 'rented',
        members: [
          { id: 'a', birthDate: '1980-01-01', relation: 'head' },
          { id: 'b', birthDate: '1982-01-01', relation: 'spouse' },
        ],
      },
    });
  });

  it('a later row that says something else is an error naming the column, never dropped', async () => {
    declareExtraFact('household');
    const [item] = await items(write('conflict.csv', ['h1,2024-03,cn-420100,urban,rented,a,1980-01-01,head', 'h1,2024-03,cn-420100,urban,owned,b,1982-01-01,spouse']));
    expect(item?.[2]?.message).toBe('household h1: line 3 gives housing_test "owned", its first row (line 2) "rented"');
  });

  it('a wrong value, or residence left empty, is reported at its line and column', async () => {
    declareExtraFact('household');
    const { compileEvaluator } = await import('../../src/fast/evaluator.js');
    const { evaluateText } = await import('../../src/batch/records.js');
    const { atCsvCells } = await import('../../src/batch/csv-errors.js');
    const { bundledRulebook } = await import('../../src/load.js');
    const evaluator = compileEvaluator(bundledRulebook(), { trace: false });
    const paths = async (name: string, row: string) => {
      const [[line, text, , rows]] = (await items(write(name, [row]))) as [[number, string, unknown, number[]]];
      const record = evaluateText(evaluator, line, text, undefined);
      if (record.ok) throw new Error('expected an error record');
      return atCsvCells(record, text, rows).error.details.map((detail) => ('path' in detail ? detail.path : undefined));
    };
    expect(await paths('bad.csv', 'h1,2024-03,cn-420100,urban,leased,a,1980-01-01,head')).toEqual(['line 2, column housing_test']);
    expect(await paths('empty.csv', 'h1,2024-03,cn-420100,,owned,a,1980-01-01,head')).toEqual(['line 2, column residence']);
  });
});
