/** The README's table of household and member facts is generated from their declarations (issue 16 §1). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST } from '../../src/schemas/facts.js';
import { README_FILE, factsTable, readmeWithFacts } from '../../tools/readme/facts.js';

describe('README facts table', () => {
  it('is what `npm run readme:facts` writes from src/schemas/facts.ts', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme, 'run npm run readme:facts').toBe(readmeWithFacts(readme));
  });

  it('lists every declared fact with its entity and CSV column', () => {
    const table = factsTable();
    for (const fact of HOUSEHOLD_INPUT_FACT_LIST) expect(table).toContain(`| \`${fact.id}\` | household | \`${fact.csv}\` |`);
    for (const fact of MEMBER_INPUT_FACT_LIST) expect(table).toContain(`| \`${fact.id}\` | member | \`${fact.csv}\` |`);
  });
});
