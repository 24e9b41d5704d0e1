/**
 * `npm run fuzz:audit [-- --inputs N] [--seed S]`: the audit's fuzzer (tools/fuzz/audit.ts) over N
 * seeded ledgers and households files (100,000 by default). Prints its figures; exit 1 on any
 * failure, each named by seed and index so that it can be made again.
 */
import { bundledRulebook } from '../../src/load.js';
import { checkAuditInput } from './audit.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number((process.argv[at + 1] ?? '').replace(/[,_]/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected a whole number, found ${process.argv[at + 1]}`);
  return value;
}

const inputs = option('--inputs', 100_000);
const seed = option('--seed', Math.floor(Math.random() * 2 ** 31));
const rulebook = bundledRulebook();
const started = Date.now();
let refused = 0;
let slowest = 0;
const failures: string[] = [];
for (let index = 0; index < inputs; index += 1) {
  const outcome = await checkAuditInput(rulebook, seed, index);
  if (!outcome.ok) failures.push(`seed ${seed} index ${index}: ${outcome.failure}`);
  else {
    if (outcome.refused) refused += 1;
    slowest = Math.max(slowest, outcome.ms);
  }
}
const seconds = (Date.now() - started) / 1000;
console.log(
  `fuzz:audit seed ${seed}: ${inputs.toLocaleString('en')} inputs in ${seconds.toFixed(1)} s; ${failures.length} failures; ${refused.toLocaleString('en')} refused with a clear error (exit 2); slowest input ${slowest} ms`,
);
for (const failure of failures.slice(0, 10)) console.log(`  ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;
