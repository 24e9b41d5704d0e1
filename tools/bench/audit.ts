/**
 * npm run bench:audit — a generated ledger of 1 000 000 lines over 100 000 households (dibao and
 * the disability subsidies, 2020–2021, Hannan's and Chongqing's retroactive raises among them)
 * audited through the CLI in a child process: ledger lines a second and the child's peak RSS.
 * AUDIT_LINES, AUDIT_HOUSEHOLDS: a smaller run; AUDIT_MIXED=<seed>: the mixed ledger (src/audit/benchdata.ts);
 * AUDIT_DIR=<dir>: keep the inputs there (to compare reports); AUDIT_PROF=<dir>: a CPU profile of the child.
 * The same ledger is audited again shuffled (seeded): its peak must stay within 2× the sorted one's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAuditInputs } from './audit-data.js';
import { random } from '../../src/testing/random.js';

/** The ledger's lines in a seeded random order, header first. */
function shuffle(from: string, to: string): void {
  const [header, ...lines] = readFileSync(from, 'utf8').split('\n').filter(Boolean);
  const next = random(7);
  for (let i = lines.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
  }
  writeFileSync(to, `${header}\n${lines.join('\n')}\n`);
}

const HOUSEHOLDS = Number(process.env['AUDIT_HOUSEHOLDS'] ?? 100_000);
const LINES = Number(process.env['AUDIT_LINES'] ?? 1_000_000);
const KEEP = process.env['AUDIT_DIR'];
const MIXED = process.env['AUDIT_MIXED'];

async function main(): Promise<void> {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'benefit-rules-audit-bench-'));
  if (KEEP) mkdirSync(KEEP, { recursive: true });
  try {
    const written = await writeAuditInputs(dir, { households: HOUSEHOLDS, lines: LINES, mixed: MIXED !== undefined, seed: Number(MIXED ?? 1) });
    shuffle(join(dir, 'ledger.csv'), join(dir, 'ledger-shuffled.csv'));
    const [sorted, shuffled] = ['ledger.csv', 'ledger-shuffled.csv'].map((ledger) => auditOnce(dir, ledger, written));
    if (sorted !== undefined && shuffled !== undefined) {
      const ratio = shuffled / sorted;
      console.log(`shuffled peak / sorted peak: ${ratio.toFixed(2)}× (at most 2×)`);
      if (ratio > 2) process.exitCode = 1;
    }
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    if (stderr) console.log(stderr);
    throw error;
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

/** Audits one ledger; returns the child's peak RSS in MB. */
function auditOnce(dir: string, ledger: string, written: number): number | undefined {
  const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    [
      ...(process.env['AUDIT_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['AUDIT_PROF']}`] : []),
      cli,
      'audit',
      '--ledger',
      join(dir, ledger),
      '--households',
      join(dir, 'households.ndjson'),
      '--format',
      'summary',
      '--no-progress',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 2 ** 28 },
  );
  if (child.status !== 0 && child.status !== 3) throw Object.assign(new Error(`audit exited ${child.status}`), { stderr: child.stderr });
  const result = child.stdout;
  const rss = /peak RSS (\d+) MB/.exec(child.stderr)?.[1];
  const seconds = (Date.now() - started) / 1000;
  const counts = /ledger lines (\d+) = audited (\d+) \+ error lines (\d+); missing payments (\d+)/.exec(result);
  console.log(`audit of ${ledger}: ${written.toLocaleString('en')} ledger lines over ${HOUSEHOLDS.toLocaleString('en')} households in ${seconds.toFixed(1)} s`);
  console.log(`  ${Math.round(written / seconds).toLocaleString('en')} ledger lines a second (end to end: households, both ledger passes, report); peak RSS ${rss ?? '?'} MB`);
  console.log(`  ${counts?.[0] ?? ''}`);
  return rss === undefined ? undefined : Number(rss);
}

await main();
