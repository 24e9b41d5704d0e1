/**
 * npm run bench:batch: the streaming benchmark. Writes N seeded households (default 1 000 000) as
 * NDJSON to a temporary file, then times `benefit-rules evaluate --batch` on it end to end (read,
 * parse, validate, evaluate, write) and prints its summary: wall time, rate, peak RSS.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { household } from '../../src/testing/population.js';
import { random } from '../../src/testing/random.js';

const { values } = parseArgs({ options: { households: { type: 'string', default: '1000000' }, workers: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const count = Number(values.households);
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-bench-'));
const file = join(dir, 'population.ndjson');

const out = createWriteStream(file);
const next = random(20261122);
for (let i = 0; i < count; i += 1) {
  const { household: h, month } = household(next, i);
  if (!out.write(`${JSON.stringify({ month, household: h })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.log(`${count.toLocaleString('en')} households written to ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const args = [
  cli,
  'evaluate',
  '--month',
  '2024-01',
  '--batch',
  file,
  '--out',
  join(dir, 'results.ndjson'),
  '--no-progress',
  ...(values.workers ? ['--workers', values.workers] : []),
];
const started = process.hrtime.bigint();
const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30 * 60_000 });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(run.stderr);
console.log(`wall time ${seconds.toFixed(1)} s including process start: ${Math.round(count / seconds).toLocaleString('en')} households/s end to end`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = run.status === 0 ? 0 : 1;
