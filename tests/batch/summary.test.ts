/** One receipt per batch, the summary per programme and status, ids in error records (issues 11, 15). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { evaluateWith } from '../../src/evaluate.js';
import { testRulebook } from '../support/rulebook.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-summary-'));
const POPULATION = join(ROOT, 'examples/population.ndjson');

function cli(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000, cwd: ROOT, ...(input !== undefined ? { input } : {}) });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
type Line = {
  sha256?: string;
  receipt?: unknown;
  line?: number;
  ok?: boolean;
  household?: string;
  member?: string;
  result?: { jurisdiction: string; receipt: unknown; programmes: Record<string, { status: string }> };
};
const parsed = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('one receipt per batch', () => {
  it('each receipt is written once, before the first record that names it by its sha256', () => {
    const lines = parsed(cli(['evaluate', '--batch', POPULATION, '--workers', '2']).stdout);
    const seen = new Map<string, unknown>();
    const rulebook = testRulebook();
    const inputs = readFileSync(POPULATION, 'utf8').trimEnd().split('\n');
    for (const line of lines) {
      if (line.sha256 !== undefined) {
        expect(seen.has(line.sha256)).toBe(false);
        expect(sha256(JSON.stringify(line.receipt))).toBe(line.sha256);
        seen.set(line.sha256, line.receipt);
        continue;
      }
      const hash = line.result?.receipt as string;
      expect(seen.has(hash), `line ${line.line}`).toBe(true);
      // The hash is of the receipt a single evaluation gives.
      const { month, household } = JSON.parse(inputs[(line.line as number) - 1] as string) as { month: string; household: unknown };
      expect(sha256(JSON.stringify(evaluateWith(household, { month, rulebook, trace: false }).receipt))).toBe(hash);
    }
    expect(lines.filter((l) => l.line !== undefined).length).toBe(inputs.length);
  });

  it('--receipt each keeps the whole receipt in every record, and no receipt lines', () => {
    const lines = parsed(cli(['evaluate', '--batch', POPULATION, '--workers', '0', '--receipt', 'each']).stdout);
    expect(lines.every((l) => l.line !== undefined && typeof l.result?.receipt === 'object')).toBe(true);
  });

  it('CSV output names the receipt by hash; --summary writes the receipts and the counts as JSON', () => {
    const summaryFile = join(dir, 'summary.json');
    const run = cli(['evaluate', '--batch', 'examples/people.csv', '--output-format', 'csv', '--workers', '0', '--summary', summaryFile]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { records: number; receipts: Record<string, unknown>; programmes: Record<string, Record<string, number>> };
    const rows = run.stdout.trimEnd().split('\n');
    expect(rows[0]?.endsWith(',receipt')).toBe(true);
    expect(summary.records).toBe(rows.length - 1);
    for (const row of rows.slice(1)) {
      const hash = row.slice(row.lastIndexOf(',') + 1);
      expect(sha256(JSON.stringify(summary.receipts[hash]))).toBe(hash);
    }
  });
});

describe('batch summary', () => {
  it('counts results per programme and status, in the JSON summary and on standard error', () => {
    const summaryFile = join(dir, 'population-summary.json');
    const run = cli(['evaluate', '--batch', POPULATION, '--workers', '1', '--summary', summaryFile]);
    const counts: Record<string, Record<string, number>> = {};
    for (const line of parsed(run.stdout)) {
      for (const [programme, { status }] of Object.entries(line.result?.programmes ?? {})) {
        counts[programme] ??= {};
        (counts[programme] as Record<string, number>)[status] = ((counts[programme] as Record<string, number>)[status] ?? 0) + 1;
      }
    }
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { programmes: unknown; totalMonthlyAmount: string };
    expect(summary.programmes).toEqual(counts);
    // Some of the sample's results are not configured: they are counted, not hidden.
    expect(JSON.stringify(counts)).toContain('not-configured');
    for (const [programme, statuses] of Object.entries(counts)) {
      expect(run.stderr).toContain(
        `${programme} ${Object.entries(statuses)
          .map(([status, n]) => `${status} ${n}`)
          .join(', ')}`,
      );
    }
  });

  it('error records carry the household id, and the member id when an error is about one (NDJSON and CSV)', () => {
    const bad = {
      month: '2021-10',
      household: {
        id: 'x1',
        jurisdiction: 'cn-500000',
        residence: 'urban',
        members: [
          { id: 'a', birthDate: '1980-01-01', relation: 'head' },
          { id: 'b', birthDate: '1980-02-30', relation: 'spouse' },
        ],
      },
    };
    const ndjson = parsed(cli(['evaluate', '--batch', '-', '--workers', '0'], `${JSON.stringify(bad)}\n{"id": "x2", "members": 3}\n{ broken\n`).stdout).filter(
      (l) => l.line !== undefined,
    );
    expect(ndjson.map((l) => [l.line, l.ok, l.household, l.member])).toEqual([
      [1, false, 'x1', 'b'],
      [2, false, 'x2', undefined],
      [3, false, undefined, undefined],
    ]);
    const file = join(dir, 'ids.csv');
    writeFileSync(
      file,
      [
        'household_id,month,jurisdiction,residence,member_id,birth_date,relation',
        'c1,2021-10,cn-500000,urban,a,1980-01-01,head',
        'c1,,,,b,1980-02-30,spouse',
        'c2,2021-10,cn-500000,urban,a,1980-01-01,head',
        'c2,2021-10,cn-500000,rural,b,1980-01-01,spouse',
        '',
      ].join('\n'),
    );
    const csv = parsed(cli(['evaluate', '--batch', file, '--workers', '0']).stdout);
    expect(csv.map((l) => [l.line, l.ok, l.household, l.member])).toEqual([
      [2, false, 'c1', 'b'],
      [4, false, 'c2', undefined],
    ]);
    const csvOut = parseCsv(cli(['evaluate', '--batch', file, '--workers', '0', '--output-format', 'csv']).stdout) as string[][];
    expect(csvOut.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['2', 'c1'],
      ['4', 'c2'],
    ]);
  });
});
