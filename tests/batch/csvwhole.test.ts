/** A CSV household is evaluated whole whatever the order of its rows (issue 11 item 6). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvItems } from '../../src/batch/csvInput.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-csvwhole-'));

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const out = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

type Out = {
  line: number;
  ok: boolean;
  result?: { household: string; programmes: { dibao: { householdSize?: number } } };
  error?: { message: string; details: { path: string }[] };
};
const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => l.startsWith('{"line"'))
    .map((l) => JSON.parse(l) as Out);

const HEADER = 'household_id,month,jurisdiction,residence,member_id,birth_date,relation,income_wages,financial_assets';
const RELATIONS = ['head', 'spouse', 'child', 'parent'];

/** Households of 1 to 4 people (seeded), as rows: [household index, member index, CSV row]. */
function people(households: number): [number, number, string][] {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const rows: [number, number, string][] = [];
  for (let h = 0; h < households; h += 1) {
    const size = 1 + Math.floor(next() * 4);
    const residence = next() < 0.5 ? 'urban' : 'rural';
    for (let m = 0; m < size; m += 1) {
      const wages = next() < 0.5 ? String(Math.floor(next() * 900)) : '';
      const household = m === 0 ? `2021-10,cn-500000,${residence}` : ',,';
      rows.push([h, m, `户${h},${household},p${m}-${h},19${60 + m}-0${1 + m}-15,${RELATIONS[m]},${wages},${m === 0 ? '1000' : ''}`]);
    }
  }
  return rows;
}

describe('CSV households whole', () => {
  const rows = people(3000);
  const grouped = join(dir, 'grouped.csv');
  writeFileSync(grouped, `${[HEADER, ...rows.map(([, , row]) => row)].join('\n')}\n`);
  // Sorted by person id (member index first): every household of two or more is interleaved.
  const byPerson = [...rows].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const interleaved = join(dir, 'by-person.csv');
  const interleavedText = `${[HEADER, ...byPerson.map(([, , row]) => row)].join('\r\n')}`;
  writeFileSync(interleaved, interleavedText);
  const expected = records(cli(['evaluate', '--batch', grouped, '--workers', '0']).stdout).map((r) => JSON.stringify(r.result));

  it('a file sorted by person id gives every household whole, in the order of first appearance', () => {
    expect(expected.length).toBe(3000);
    expect(expected.every((r) => r !== undefined)).toBe(true);
    for (const workers of ['0', '2']) {
      const run = cli(['evaluate', '--batch', interleaved, '--workers', workers]);
      expect(run.code, run.stderr).toBe(0);
      const out = records(run.stdout);
      expect(out.map((r) => JSON.stringify(r.result))).toEqual(expected);
      // Numbered by the household's first row: the first 3000 data lines hold every first member.
      expect(out.map((r) => r.line)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 2));
    }
  });

  it('standard input is spooled to a temporary file, read whole, and the file removed', () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'benefit-rules-spool-'));
    const run = cli(['evaluate', '--batch', '-', '--input-format', 'csv', '--workers', '1'], { input: interleavedText, env: { TMPDIR: spoolDir } });
    expect(run.code, run.stderr).toBe(0);
    expect(records(run.stdout).map((r) => JSON.stringify(r.result))).toEqual(expected);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it("the errors of a household read back name its rows' lines and cells", () => {
    const file = join(dir, 'scattered-errors.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'h1,2021-10,cn-500000,urban,a,1980-01-01,head,100,',
        'h2,2021-10,cn-500000,urban,a,1980-01-01,head,100,',
        'h1,,,,b,1980-02-30,spouse,,',
        'h3,2021-10,cn-500000,urban,a,1980-01-01,head,100,',
        'h3,2021-10,cn-500000,rural,b,1980-01-01,spouse,100,',
        'h2,,,,b,1980-01-01,spouse,,',
        '',
      ].join('\n'),
    );
    const run = cli(['evaluate', '--batch', file, '--workers', '0']);
    expect(run.code).toBe(3);
    const out = records(run.stdout);
    expect(out.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, true],
      [5, false],
    ]);
    expect(out[0]?.error?.details.map((d) => d.path)).toEqual(['line 4, column birth_date']);
    expect(out[1]?.result?.programmes.dibao.householdSize).toBe(2);
    expect(out[2]?.error?.message).toContain('line 6 gives residence "rural", its first row (line 5) "urban"');
  });

  it('an unreadable row keeps its place; a household around it is still whole (multi-byte ids, no final line break)', () => {
    const file = join(dir, 'unreadable.csv');
    writeFileSync(
      file,
      [HEADER, '张,2021-10,cn-500000,urban,a,1980-01-01,head,100,', 'x,2021-10', '李,2021-10,cn-500000,urban,a,1980-01-01,head,,', '张,,,,b,1980-01-01,spouse,100,'].join('\n'),
    );
    const out = records(cli(['evaluate', '--batch', file, '--workers', '0']).stdout);
    expect(out.map((r) => [r.line, r.ok, r.result?.household])).toEqual([
      [2, true, '张'],
      [3, false, undefined],
      [4, true, '李'],
    ]);
    expect(out[0]?.result?.programmes.dibao.householdSize).toBe(2);
  });

  it('a household over the row limit is refused whole, wherever its rows are, without keeping them', async () => {
    const file = join(dir, 'limit.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'h1,2021-10,cn-500000,urban,a,1980-01-01,head,,',
        'h2,2021-10,cn-500000,urban,a,1980-01-01,head,,',
        'h1,,,,b,1980-01-01,spouse,,',
        'h1,,,,c,1980-01-01,child,,',
        '',
      ].join('\n'),
    );
    const items = [];
    for await (const item of csvItems(file, { maxRows: 2 })) items.push(item);
    expect(items.map(([line, , error]) => [line, error?.message ?? 'household'])).toEqual([
      [2, expect.stringContaining('household h1 has 3 rows from line 2, more than 2 rows')],
      [3, 'household'],
    ]);
  });
});
