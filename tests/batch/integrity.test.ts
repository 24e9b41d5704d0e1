/** Batch integrity through the built CLI: nothing split, merged, lost or overwritten silently. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, linkSync, mkdtempSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { population } from '../../src/testing/population.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-integrity-'));

function cli(args: string[], options: { input?: string; stdin?: number; cwd?: string; timeout?: number } = {}) {
  const out = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: options.timeout ?? 120_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.stdin !== undefined ? { stdio: [options.stdin, 'pipe', 'pipe'] } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { code: out.status, signal: out.signal, stdout: out.stdout, stderr: out.stderr };
}

type Out = { line: number; ok: boolean; result?: { household: string; totalMonthlyAmount: string }; error?: { code: string; message: string } };
const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Out);

const HEADER = 'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages';
const person = (id: string, member: string, relation = 'head') => `${id},2021-10,cn-500000,urban,${member},1980-01-01,${relation},100`;

function ndjson(size: number, seed = 5): string {
  return (
    population(size, seed)
      .map(({ household, month }) => JSON.stringify({ month, household }))
      .join('\n') + '\n'
  );
}

describe('batch integrity', () => {
  it('1: a household whose rows are not consecutive is evaluated whole, never in part', () => {
    const file = join(dir, 'split.csv');
    writeFileSync(file, [HEADER, person('h1', 'a'), person('h2', 'a'), person('h1', 'b', 'spouse'), person('h3', 'a'), person('h1', 'c', 'child'), ''].join('\n'));
    const { code, stdout } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    expect(code).toBe(0);
    const out = records(stdout);
    expect(out.map((r) => [r.line, r.ok, r.result?.household])).toEqual([
      [2, true, 'h1'],
      [3, true, 'h2'],
      [5, true, 'h3'],
    ]);
    // Before: h1 was paid as one person (536.00) and its later rows were error records.
    expect((out[0]?.result as unknown as { programmes: { dibao: { householdSize: number } } }).programmes.dibao.householdSize).toBe(3);
  });

  it('2: --out naming the input, by any path, is refused before anything is written', () => {
    const file = join(dir, 'in.ndjson');
    const content = ndjson(3);
    writeFileSync(file, content);
    symlinkSync(file, join(dir, 'link.ndjson'));
    linkSync(file, join(dir, 'hard.ndjson'));
    for (const out of [file, './in.ndjson', join(dir, 'link.ndjson'), join(dir, 'hard.ndjson')]) {
      const run = cli(['evaluate', '--month', '2024-01', '--batch', 'in.ndjson', '--out', out], { cwd: dir });
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain('--out');
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    // The same file on standard input.
    const fd = openSync(file, 'r');
    const piped = cli(['evaluate', '--month', '2024-01', '--batch', '-', '--out', file], { stdin: fd });
    closeSync(fd);
    expect(piped.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('3: a CSV household over the row limit is an error record with its line; the run goes on', () => {
    const file = join(dir, 'huge-household.csv');
    const rows = [HEADER, person('h0', 'a')];
    for (let i = 0; i < 10_001; i += 1) rows.push(person('big', `m${i}`, i === 0 ? 'head' : 'other'));
    rows.push(person('h2', 'a'));
    writeFileSync(file, `${rows.join('\n')}\n`);
    const { code, stdout, stderr } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '0']);
    expect(code).toBe(3);
    const out = records(stdout);
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [10_004, true],
    ]);
    expect(out[1]?.error?.message).toContain('10,000 rows');
    expect(stderr).toContain('3 records = 2 results + 1 errors');
  });

  it('3, 4: an NDJSON line over 64 MB is an error record, found in linear time; the run goes on', () => {
    const file = join(dir, 'long-line.ndjson');
    const good = ndjson(2).trimEnd().split('\n');
    writeFileSync(file, `${good[0]}\n{"id": "${'x'.repeat(70 * 2 ** 20)}"}\n${good[1]}\n`);
    const started = Date.now();
    const { code, stdout, stderr } = cli(['evaluate', '--month', '2024-01', '--batch', file, '--workers', '1']);
    // Before: 28 s of copying to be refused; now one pass.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(3);
    expect(records(stdout).map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(stderr).toContain('3 records = 2 results + 1 errors');
  });

  it('5: SIGINT with --out stops at a whole line, prints the summary and exits 130', async () => {
    const out = join(dir, 'interrupted.ndjson');
    const child = spawn(process.execPath, [CLI, 'evaluate', '--month', '2024-01', '--batch', '-', '--out', out, '--workers', '2'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The input keeps coming (as from a slow pipe) until the run is interrupted.
    const lines = ndjson(4000, 9);
    child.stdin.on('error', () => {});
    let written = false;
    const feed = setInterval(() => child.stdin.writable && child.stdin.write(lines), 20);
    while (!written) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        written = statSync(out).size > 0;
      } catch {
        written = false;
      }
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    clearInterval(feed);
    expect(code).toBe(130);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const written_ = text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('{"sha256"')) // receipt lines (one per receipt)
      .map((l) => JSON.parse(l) as Out);
    expect(written_.map((r) => r.line)).toEqual(written_.map((_, i) => i + 1));
    expect(stderr).toContain(`${written_.length.toLocaleString('en')} records =`);
    expect(stderr).toContain('interrupted');
  });

  it('12: --month may be left out when every line carries its own; a line without one is an error record', () => {
    const lines = ndjson(2).trimEnd().split('\n');
    const bare = JSON.stringify((JSON.parse(lines[0] as string) as { household: unknown }).household);
    const { code, stdout } = cli(['evaluate', '--batch', '-', '--workers', '0'], { input: `${lines[0]}\n${bare}\n${lines[1]}\n` });
    expect(code).toBe(3);
    const out = records(stdout);
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(out[1]?.error?.message).toContain('--month');
  });
});
