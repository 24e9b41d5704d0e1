/** User mistakes at the command line: each a clear message and exit 2, never "please report it". */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-cli-'));

function cli(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const HOUSEHOLD = readFileSync(join(ROOT, 'examples/lingwu-2024.json'), 'utf8');

describe('CLI mistakes', () => {
  it.skipIf(!existsSync('/dev/full'))('standard output on a full device: one line naming it and exit 74, never a stack, for every command', () => {
    const commands = [
      ['evaluate', '--month', '2024-05', 'examples/lingwu-2024.json'],
      ['evaluate', '--month', '2024-05', '--batch', 'examples/population.ndjson', '--workers', '0'],
      ['evaluate', '--month', '2024-05', '--batch', 'examples/population.ndjson', '--workers', '2'],
      ['timeline', '--from', '2024-01', '--to', '2024-06', 'examples/lingwu-2024.json'],
      ['params', 'cn-640181', '--month', '2024-05'],
    ];
    for (const args of commands) {
      const full = openSync('/dev/full', 'w');
      try {
        const out = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', full, 'pipe'] });
        expect({ args, code: out.status, stderr: out.stderr.trim() }).toEqual({
          args,
          code: 74,
          stderr: 'error [io]: Cannot write standard output: no space left on the device (ENOSPC)',
        });
      } finally {
        closeSync(full);
      }
    }
    const out = cli(['evaluate', '--month', '2024-05', '--batch', 'examples/population.ndjson', '--workers', '0', '--out', '/dev/full']);
    expect(out.code).toBe(74);
    expect(out.stderr).toContain('Cannot write /dev/full');
  });

  it('6: single evaluation reads at most 16 MiB', () => {
    const zero = cli(['evaluate', '--month', '2024-05', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('16 MiB');
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"id": "${'x'.repeat(17 * 2 ** 20)}"}`);
    expect(cli(['evaluate', '--month', '2024-05', big]).stderr).toContain('larger than 16 MiB');
    expect(cli(['evaluate', '--month', '2024-05'], `{"id": "${'x'.repeat(17 * 2 ** 20)}"}`).stderr).toContain('larger than 16 MiB');
  });

  it('8: a pack folder that is a file, or a schema folder that is a file, is a user mistake', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'root:x:0:0\n');
    const packs = cli(['packs', '--packs', file]);
    expect(packs.code).toBe(2);
    expect(packs.stderr).toContain('not a folder');
    const batch = cli(['evaluate', '--month', '2024-05', '--batch', '-', '--packs', file], HOUSEHOLD.replace(/\n\s*/g, ''));
    expect(batch.code).toBe(2);
    const schema = cli(['schema', '--out', file]);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('Cannot write');
    expect(schema.stderr).not.toContain('please report');
  });

  it('11: a byte-order mark before a single household is accepted', () => {
    const { code, stdout } = cli(['evaluate', '--month', '2024-05'], `\uFEFF${HOUSEHOLD}`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ totalMonthlyAmount: '1170.00' });
  });

  it('11: a duplicated CSV column is refused before anything runs', () => {
    const file = join(dir, 'dup.csv');
    writeFileSync(
      file,
      'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages,income_wages\nh1,2021-10,cn-500000,urban,a,1980-01-01,head,100,9000\n',
    );
    const { code, stdout, stderr } = cli(['evaluate', '--batch', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('income_wages');
    expect(stderr).toContain('more than once');
  });

  it('11: an unclosed CSV quote says where it opened', () => {
    const file = join(dir, 'quote.csv');
    const rows = [
      'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages',
      'h1,2021-10,cn-500000,urban,a,1980-01-01,head,100',
      '',
      'h2,2021-10,cn-500000,urban,a,1980-01-01,head,"100',
      'h3,2021-10,cn-500000,urban,a,1980-01-01,head,100',
      'h4,2021-10,cn-500000,urban,a,1980-01-01,head,100',
    ];
    writeFileSync(file, `${rows.join('\n')}\n`);
    const { code, stdout } = cli(['evaluate', '--batch', file, '--workers', '0']);
    expect(code).toBe(3);
    const out = stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as { line: number; ok: boolean; error?: { message: string } });
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, false],
    ]);
    expect(out[1]?.error?.message).toContain('line 4');
    expect(out[1]?.error?.message).toContain('income_wages');
  });

  it('12: --packs takes one folder, so the household after it is still read', () => {
    const packs = join(dir, 'empty-packs');
    mkdirSync(packs, { recursive: true });
    const { code, stdout } = cli(['evaluate', '--month', '2024-05', '--packs', packs, 'examples/lingwu-2024.json'], '{}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ totalMonthlyAmount: '1170.00' });
  });

  it('12: batch options without --batch are refused, not ignored', () => {
    const out = join(dir, 'ignored.ndjson');
    for (const extra of [
      ['--out', out],
      ['--workers', '2'],
      ['--input-format', 'csv'],
      ['--output-format', 'csv'],
    ]) {
      const run = cli(['evaluate', '--month', '2024-05', 'examples/lingwu-2024.json', ...extra]);
      expect(run.code, extra.join(' ')).toBe(2);
      expect(run.stderr).toContain('--batch');
    }
    expect(existsSync(out)).toBe(false);
    expect(cli(['evaluate', 'examples/lingwu-2024.json']).stderr).toContain('--month');
  });

  it('12: --workers takes a decimal whole number up to 16', () => {
    for (const workers of ['0x10', '200', '17', '1e1', '-1', '2.5', ' 2']) {
      const run = cli(['evaluate', '--month', '2024-05', '--batch', 'examples/population.ndjson', '--workers', workers]);
      expect(run.code, workers).toBe(2);
      expect(run.stderr).toContain('--workers');
    }
  });

  it('the README batch examples run on the shipped sample files', () => {
    const ndjson = cli(['evaluate', '--batch', 'examples/population.ndjson', '--workers', '1']);
    expect(ndjson.code).toBe(0);
    const csv = cli(['evaluate', '--batch', 'examples/people.csv', '--output-format', 'csv', '--workers', '1']);
    expect(csv.code).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('--batch examples/population.ndjson');
    expect(readme).toContain('--batch examples/people.csv');
    // The CSV columns are in the help of the published package, not only in its sources.
    expect(cli(['evaluate', '--help']).stdout).toContain('income_wages');
  });
});
