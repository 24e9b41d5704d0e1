/**
 * Every input fact of the household model can come in as CSV: the care facts of the disability
 * subsidies (needs_long_term_care, other_allowance_<type>) and the household's own incomes
 * (household_income_<type>) were once missing, so a population file could not say them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvItems } from '../../src/batch/csvInput.js';
import { evaluate } from '../../src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-csvcolumns-'));
let written = 0;

const HEADER =
  'household_id,month,jurisdiction,residence,member_id,birth_date,relation,disability_category,disability_grade,needs_long_term_care,other_allowance_elderlyCare,household_income_property';
const ROWS = ['h1,2024-01,cn-420100,urban,a,1950-03-01,head,physical,1,false,120,300', 'h1,2024-01,cn-420100,urban,b,1952-05-01,spouse,,,,,'];

const expected = {
  id: 'h1',
  jurisdiction: 'cn-420100',
  residence: 'urban',
  members: [
    {
      id: 'a',
      birthDate: '1950-03-01',
      relation: 'head',
      disability: { category: 'physical', grade: 1 },
      needsLongTermCare: false,
      otherAllowances: [{ type: 'elderlyCare', monthly: '120' }],
    },
    { id: 'b', birthDate: '1952-05-01', relation: 'spouse' },
  ],
  incomes: [{ type: 'property', monthly: '300' }],
};

async function households(text: string): Promise<unknown[]> {
  const path = join(dir, `h${(written += 1)}.csv`);
  writeFileSync(path, text);
  const out: unknown[] = [];
  for await (const item of csvItems(path)) out.push(item[1] === '' ? item[2] : JSON.parse(item[1]));
  return out;
}

describe('CSV columns for every input fact', () => {
  it('needs_long_term_care, other_allowance_<type> and household_income_<type> make the JSON household', async () => {
    const [read] = await households(`${HEADER}\n${ROWS.join('\n')}\n`);
    expect(read).toEqual({ month: '2024-01', household: expected });
    // And so evaluate as the JSON household does.
    const fromJson = evaluate(expected, { month: '2024-01' });
    const fromCsv = evaluate((read as { household: unknown }).household, { month: '2024-01' });
    expect(fromCsv.programmes).toEqual(fromJson.programmes);
  });

  it('a household income on a later row that says something else is refused, not dropped', async () => {
    const rows = [ROWS[0], ROWS[1]?.replace(/,$/, ',500')];
    const [read] = await households(`${HEADER}\n${rows.join('\n')}\n`);
    expect(JSON.stringify(read)).toMatch(/household_income_property/);
  });

  it('a wrong value in the new columns is reported at its line and column', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, `${HEADER}\n${ROWS[0]?.replace(',false,120,', ',maybe,12o,')}\n`);
    const out = spawnSync(process.execPath, [CLI, 'evaluate', '--batch', path, '--workers', '0'], { encoding: 'utf8', timeout: 120_000 });
    const record = JSON.parse(out.stdout.trimEnd().split('\n').at(-1) as string) as { ok: boolean; error: { details: { path: string }[] } };
    expect(record.ok).toBe(false);
    const paths = record.error.details.map((d) => d.path);
    expect(paths).toContain('line 2, column needs_long_term_care');
    expect(paths).toContain('line 2, column other_allowance_elderlyCare');
  });
});
