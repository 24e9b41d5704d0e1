/**
 * The compare measurement (issue 14: "no less than 40 % of the batch's speed, two evaluations a
 * household"): the batch's in-process path and compare's on the very same NDJSON chunks of the
 * bench population, one thread each, so the ratio does not depend on how many cores are free.
 * Two reforms: one that touches every jurisdiction-month of the population (every household
 * evaluated twice), and Lingwu's standard from 2024-06 (an eighth of the households touched; the
 * others' baseline result stands for both, see src/compare/touched.ts). Run alone with
 * `tsx tools/bench/compare.ts [--households N]`, or at the end of `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledRulebook } from '../../src/load.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { csvLayout, evaluateText } from '../../src/batch/records.js';
import { evaluateChunk } from '../../src/batch/worker.js';
import type { Chunk } from '../../src/batch/lines.js';
import { applyReform } from '../../src/reform/index.js';
import { resolveParameter } from '../../src/rulebook/resolve.js';
import { comparer, compareChunk } from '../../src/compare/worker.js';
import { emptyTally, mergeTally } from '../../src/compare/tally.js';
import { population, POPULATION_MONTHS } from '../../src/testing/population.js';
import type { Rulebook } from '../../src/rulebook/index.js';
import type { Decimal } from '../../src/money.js';

const LINES_PER_CHUNK = 512;

function chunksOf(lines: string[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) {
    out.push({ index: out.length, firstLine: i + 1, bytes: new Uint8Array(Buffer.from(`${lines.slice(i, i + LINES_PER_CHUNK).join('\n')}\n`)) });
  }
  return out;
}

function best(rounds: number, run: () => void): number {
  run();
  let fastest = Infinity;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Every standard of the population's jurisdiction-months 55.5 higher in that month. */
function everywhere(rulebook: Rulebook): unknown {
  return {
    name: 'bench-everywhere',
    changes: POPULATION_MONTHS.map(([jurisdiction, month]) => ({
      jurisdiction,
      parameter: 'dibao.standard.urban',
      from: `${month}-01`,
      until: `${month}-28`,
      value: (resolveParameter(rulebook, jurisdiction, 'dibao.standard.urban', `${month}-01`).value as Decimal).plus('55.5').toFixed(),
    })),
  };
}

const LINGWU = { name: 'bench-lingwu', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-06-01', value: '750' }] };

export function benchCompare(count: number, seed: number, rounds: number): void {
  const rulebook = bundledRulebook();
  const lines = population(count, seed).map(({ household, month }) => JSON.stringify({ month, household }));
  const chunks = chunksOf(lines);
  const layout = csvLayout(rulebook);
  const evaluator = compileEvaluator(rulebook);
  let sink = 0;
  const batchMs = best(rounds, () => {
    for (const chunk of chunks) sink += evaluateChunk((line, text) => evaluateText(evaluator, line, text, undefined), chunk, 'ndjson', layout, 'once').text.length;
  });
  const batchRate = (count / batchMs) * 1000;
  const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(10);
  console.log(`\ncompare (issue 14), one thread, the same ${chunks.length} NDJSON chunks of ${count.toLocaleString('en')} households`);
  console.log(`  batch (evaluate --batch, in-process path)                 ${fmt(batchRate)} households/s`);
  for (const [label, reform] of [
    ['reform touching every jurisdiction-month', everywhere(rulebook)],
    ['reform of Lingwu alone (1 of 8 jurisdiction-months)', LINGWU],
  ] as const) {
    const c = comparer(rulebook, applyReform(rulebook, reform), { jurisdictions: [], reform: { json: reform, file: 'bench' }, thresholdFen: 1, lines: false });
    const tally = emptyTally(false);
    const ms = best(rounds, () => {
      for (const chunk of chunks) sink += compareChunk(c, chunk).tally.records;
    });
    for (const chunk of chunks) mergeTally(tally, compareChunk(c, chunk).tally);
    const rate = (count / ms) * 1000;
    const again = tally.results - tally.shared;
    console.log(
      `  compare, ${label.padEnd(50)} ${fmt(rate)} households/s = ${((rate / batchRate) * 100).toFixed(0)} % of the batch (target ≥ 40 %); ${again.toLocaleString('en')} evaluated twice, ${tally.shared.toLocaleString('en')} once`,
    );
  }
  if (sink === -1) console.log('');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { households: { type: 'string', default: '20000' }, seed: { type: 'string', default: '20261122' }, rounds: { type: 'string', default: '3' } },
  });
  benchCompare(Number(values.households), Number(values.seed), Number(values.rounds));
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
