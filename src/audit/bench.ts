/**
 * npm run bench:audit — a generated ledger of 1 000 000 lines over 100 000 households (dibao and
 * the disability subsidies, 2020–2021, Hannan's and Chongqing's retroactive raises among them)
 * audited through the CLI in a child process: ledger lines a second and the child's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRulebook } from '../load.js';
import { evaluateTimeline } from './api.js';

const HOUSEHOLDS = Number(process.env['AUDIT_HOUSEHOLDS'] ?? 100_000);
const LINES = Number(process.env['AUDIT_LINES'] ?? 1_000_000);
const PLACES = [
  { jurisdiction: 'cn-420113', from: '2020-01', to: '2020-12' },
  { jurisdiction: 'cn-500000', from: '2018-01', to: '2018-12' },
  { jurisdiction: 'cn-640181', from: '2024-01', to: '2024-12' },
];

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Templates: a few households' timelines evaluated once, then copied under many ids (the audit
 * does not know they are copies: each is its own household with its own case state). */
function templates() {
  const rulebook = bundledRulebook();
  return PLACES.flatMap((place, p) =>
    [0, 300, 700].map((wages, w) => {
      const household = {
        id: `t${p}${w}`,
        jurisdiction: place.jurisdiction,
        residence: 'rural',
        members: [
          { id: 'a', birthDate: '1960-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: String(wages) }] },
          { id: 'b', birthDate: '1962-01-01', relation: 'spouse', disability: { category: 'physical', grade: 1 } },
        ],
      };
      const rows: string[] = [];
      for (const month of evaluateTimeline(household, { from: place.from, to: place.to, rulebook }).months) {
        if (!('result' in month)) continue;
        for (const [id, programme] of Object.entries(month.result.programmes)) {
          if (programme.members) for (const m of programme.members) if (m.paid !== '0.00') rows.push(`,${m.member},${id},${month.month},${m.paid},${month.month}-20\n`);
          if (!programme.members && programme.monthlyAmount !== '0.00') rows.push(`,,${id},${month.month},${programme.monthlyAmount},${month.month}-20\n`);
        }
      }
      return { household, rows };
    }),
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-audit-bench-'));
  try {
    const kinds = templates();
    const perHousehold = Math.ceil(LINES / HOUSEHOLDS);
    await write(join(dir, 'households.ndjson'), (function* () {
      for (let i = 0; i < HOUSEHOLDS; i += 1) yield `${JSON.stringify({ ...kinds[i % kinds.length]?.household, id: `h${i}` })}\n`;
    })());
    let written = 0;
    await write(join(dir, 'ledger.csv'), (function* () {
      yield 'household_id,member_id,programme,month,amount,paid_on\n';
      for (let i = 0; i < HOUSEHOLDS && written < LINES; i += 1) {
        const rows = kinds[i % kinds.length]?.rows ?? [];
        for (let r = 0; r < perHousehold && written < LINES; r += 1, written += 1) yield `h${i}${rows[r % rows.length]}`;
      }
    })());
    const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
    const started = Date.now();
    if (process.env["AUDIT_KEEP"]) console.log(dir);
    const child = spawnSync(process.execPath, [...(process.env["AUDIT_PROF"] ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), cli, 'audit', '--ledger', join(dir, 'ledger.csv'), '--households', join(dir, 'households.ndjson'), '--format', 'summary', '--no-progress'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 2 ** 28 });
    if (child.status !== 0) throw Object.assign(new Error(`audit exited ${child.status}`), { stderr: child.stderr });
    const result = child.stdout;
    const rss = /peak RSS (\d+) MB/.exec(child.stderr)?.[1];
    const seconds = (Date.now() - started) / 1000;
    const counts = /ledger lines (\d+) = audited (\d+) \+ error lines (\d+); missing payments (\d+)/.exec(result);
    console.log(`audit: ${written.toLocaleString('en')} ledger lines over ${HOUSEHOLDS.toLocaleString('en')} households in ${seconds.toFixed(1)} s`);
    console.log(`  ${Math.round(written / seconds).toLocaleString('en')} ledger lines a second (end to end: households, both ledger passes, report); peak RSS ${rss ?? '?'} MB`);
    console.log(`  ${counts?.[0] ?? ''}`);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    if (stderr) console.log(stderr);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
