import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { evaluateBatch, evaluateStream } from '../../src/batch/api.js';
import { evaluateWith } from '../../src/evaluate.js';
import { population } from '../../src/testing/population.js';
import { household } from '../support/arbitraries.js';
import { testRulebook } from '../support/rulebook.js';

const rulebook = testRulebook();
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-batch-'));

function cli(args: string[], input?: string) {
  // A timeout, so that a hang (workers waiting on each other) fails the test instead of stalling it.
  const out = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A population with malformed lines mixed in: broken JSON, blank lines, invalid households. */
function mixedLines(size = 600): string[] {
  const lines = population(size, 11).map(({ household: h, month }) => JSON.stringify({ month, household: h }));
  lines.splice(5, 0, '{ not json');
  lines.splice(50, 0, '');
  lines.splice(100, 0, JSON.stringify({ id: 'x', jurisdiction: 'cn-500000', residence: 'town', members: [] }));
  lines.splice(
    300,
    0,
    JSON.stringify({ month: '2021-13', household: { id: 'y', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] } }),
  );
  lines.splice(400, 0, JSON.stringify({ id: 'z', jurisdiction: 'cn-999999', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] }));
  return lines;
}

describe('batch evaluation', () => {
  it('gives one record per input, in order, each as evaluate would', () => {
    fc.assert(
      fc.property(fc.array(household(), { minLength: 1, maxLength: 20 }), (items) => {
        const records = evaluateBatch(
          items.map(({ household: h, month }) => ({ month, household: h })),
          { month: '2024-01', rulebook },
        );
        expect(records.map((r) => r.line)).toEqual(items.map((_, i) => i + 1));
        records.forEach((record, i) => {
          const { household: h, month } = items[i]!;
          let expected: unknown;
          try {
            expected = { ok: true, result: evaluateWith(h, { month, rulebook, trace: false }) };
          } catch (error) {
            expected = { ok: false, error: (error as { toJSON(): unknown }).toJSON() };
          }
          expect(JSON.stringify({ ok: record.ok, ...(record.ok ? { result: record.result } : { error: record.error }) })).toBe(JSON.stringify(expected));
        });
      }),
      { numRuns: 50 },
    );
  });

  it('streams async iterables', async () => {
    async function* source() {
      for (const { household: h, month } of population(30, 3)) yield { month, household: h };
    }
    const lines: number[] = [];
    for await (const record of evaluateStream(source(), { month: '2024-01', rulebook })) lines.push(record.line);
    expect(lines).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('CLI: every input line yields exactly one output line, malformed ones as error records with their line', () => {
    const lines = mixedLines();
    const file = join(dir, 'mixed.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '2']);
    expect(code).toBe(3);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; error?: { code: string } });
    expect(out.length).toBe(lines.length);
    expect(out.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    const errors = out.filter((r) => !r.ok);
    expect(errors.map((r) => [r.line, r.error?.code])).toEqual([
      [6, 'invalid-input'],
      [51, 'invalid-input'],
      [101, 'invalid-household'],
      [301, 'invalid-input'],
      [401, 'unknown-jurisdiction'],
    ]);
    expect(stderr).toContain(`${lines.length.toLocaleString('en')} records = ${(lines.length - 5).toLocaleString('en')} results + 5 errors`);
  });

  it('CLI: the output is byte-identical whatever the worker count', () => {
    // Enough lines for several chunks per worker, so the in-order writing and its bound are exercised.
    const file = join(dir, 'workers.ndjson');
    writeFileSync(file, `${mixedLines(4000).join('\n')}\n`);
    const outputs = ['0', '1', '2', '3'].map((workers) => cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', workers]).stdout);
    for (const output of outputs) expect(output).toBe(outputs[0]);
    const csv = ['0', '2'].map((workers) => cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', workers, '--output-format', 'csv']).stdout);
    expect(csv[1]).toBe(csv[0]);
    expect(csv[0]?.split('\n')[0]).toBe(
      'line,household,jurisdiction,month,dibao_status,dibao_eligible,dibao_enrolment,dibao_household_size,dibao_countable_income,dibao_per_capita_income,dibao_standard,dibao_monthly_amount,dibao_reasons,' +
        'dibao_category_supplement_status,dibao_category_supplement_monthly_amount,dibao_category_supplement_reasons,' +
        'disability_care_subsidy_status,disability_care_subsidy_monthly_amount,disability_care_subsidy_reasons,disability_living_subsidy_status,disability_living_subsidy_monthly_amount,disability_living_subsidy_reasons,' +
        'extreme_poverty_status,extreme_poverty_monthly_amount,extreme_poverty_reasons,high_age_allowance_status,high_age_allowance_monthly_amount,high_age_allowance_reasons,' +
        'orphan_allowance_status,orphan_allowance_monthly_amount,orphan_allowance_reasons,price_subsidy_status,price_subsidy_monthly_amount,price_subsidy_reasons,temporary_assistance_status,temporary_assistance_one_off_amount,temporary_assistance_reasons,total_monthly_amount,total_is_partial,error_code,error_message,receipt',
    );
    // Six runs of 4000 households: on a loaded machine they took over the default minute.
  }, 240_000);

  it('CLI: CSV in, one row per person, one record per household', () => {
    const header =
      'household_id,month,jurisdiction,residence,member_id,birth_date,relation,disability_category,disability_grade,income_wages,income_veteransBenefits,financial_assets';
    const rows = [
      'h1,2021-10,cn-500000,urban,a,1980-01-01,head,,,1000,,5000',
      'h1,2021-10,cn-500000,urban,b,1982-01-01,spouse,physical,1,,300,',
      'h2,2021-10,cn-500000,rural,a,1950-01-01,head,,,,,',
      'h3,2021-10,cn-500000,urban,a,1950-02-30,head,,,,,',
    ];
    const file = join(dir, 'people.csv');
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    const { stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; result?: { totalMonthlyAmount: string }; error?: { message: string } });
    expect(out.map((r) => r.line)).toEqual([2, 4, 5]);
    // h1: dibao 636 × 2 − 1000 (veterans' benefits exempt from 2021-07) = 272, and b's category
    // supplements as a grade-1 disabled dibao member, 60 + 40 (the disability 40 stacks) = 372.
    expect(out[0]?.result?.totalMonthlyAmount).toBe('372.00');
    // h2: dibao 515 for a 71-year-old alone, and the 70+ category supplement 60 = 575.
    expect(out[1]?.result?.totalMonthlyAmount).toBe('575.00');
    expect(out[2]?.ok).toBe(false);
    expect(out[2]?.error?.message).toContain('line 5, column birth_date: expected a calendar date that exists, found "1950-02-30"');
  });

  it("CLI: a CSV household's errors name the line and column of the cell, not a JSON path", () => {
    const file = join(dir, 'cells.csv');
    writeFileSync(
      file,
      [
        'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages,income_pension,dibao_last_amount',
        'h1,2021-10,cn-500000,urban,a,1980-01-01,head,100,,12.345',
        'h1,,,,b,1982-01-01,spouse,,-5,',
        'h1,,,,a,2022-01-01,child,,,',
        'h2,2021-13,cn-500000,urban,a,1980-01-01,head,,,',
      ].join('\n'),
    );
    const { stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; error: { message: string; details: { path: string }[] } });
    expect(out.map((r) => r.line)).toEqual([2, 5]);
    expect(out[0]?.error.details.map((d) => d.path)).toEqual(['line 3, column income_pension', 'line 2, column dibao_last_amount', 'line 4, column member_id']);
    expect(out[0]?.error.message).toContain('line 4, column member_id: expected an id no other member has (it is also line 2, column member_id), found "a"');
    expect(out[0]?.error.message).not.toContain('$.');
    expect(out[1]?.error.details.map((d) => d.path)).toEqual(['line 5, column month']);
  });

  it('CLI: a CSV row that cannot be read is its own error record; the others go on', () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(
      file,
      'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages\nh1,2021-10,cn-500000,urban,a,1980-01-01,head,100\nh2,2021-10,cn-500000,urban,a,1980-01-01\nh3,2021-10,cn-500000,rural,a,1950-01-01,head,\n',
    );
    const { code, stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    expect(code).toBe(3);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; ok: boolean });
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
  });

  it('CLI: a household whose rows disagree on a household column is an error record, not a silent choice', () => {
    const file = join(dir, 'conflict.csv');
    writeFileSync(
      file,
      'household_id,month,jurisdiction,residence,member_id,birth_date,relation,financial_assets\nh1,2021-10,cn-500000,urban,a,1980-01-01,head,5000\nh1,,,,b,1982-01-01,spouse,\nh2,2021-10,cn-500000,urban,a,1980-01-01,head,100\nh2,2021-10,cn-500000,rural,b,1982-01-01,spouse,\n',
    );
    const { stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; error?: { message: string } });
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, false],
    ]);
    expect(out[1]?.error?.message).toContain('line 5 gives residence "rural", its first row (line 4) "urban"');
  });

  it('CLI: a CSV header with an unknown column is refused before anything is evaluated', () => {
    const file = join(dir, 'misspelt.csv');
    writeFileSync(file, 'household_id,income_wage\nh1,900\n');
    const { code, stderr, stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown column income_wage');
  });

  it('CLI: paths that cannot be read or written are clear errors', () => {
    expect(cli(['evaluate', '--month', '2024-01', '--batch', dir]).stderr).toContain('is not a file');
    const file = join(dir, 'one.ndjson');
    writeFileSync(file, '{}\n');
    const bad = cli(['evaluate', '--month', '2024-01', '--batch', file, '--out', join(dir, 'missing', 'out.ndjson')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Cannot write');
    expect(cli(['evaluate', '--month', '2024-01', '--batch', file, '--known-at', '2021']).stderr).toContain('--known-at: expected a date written YYYY-MM-DD, found "2021"');
  });

  it('CLI: a missing batch file is a clear error', () => {
    const { code, stderr } = cli(['evaluate', '--month', '2024-01', '--batch', join(dir, 'nope.ndjson')]);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot read');
  });
});
