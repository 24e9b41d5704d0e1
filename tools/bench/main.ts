/**
 * npm run bench: one run, every variant side by side on the same seeded population, so the ratios
 * are fair on a shared, noisy machine. Prints households per second, the ratios the speed issue
 * asks for, peak RSS, and checks the compiled results against the exact Decimal evaluator on every
 * household. It times the built package (dist/, as users run it; `--source` times src/ under tsx).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Household } from '../../src/schemas/household.js';
import { jsonRulesEngineDibao } from './baselines.js';
import { tablesOf } from './plain-tables.js';
import { emptyOutcome, MONTHLY, plainHousehold, type Outcome } from './plain-household.js';
import type { EvaluationResult } from '../../src/programmes/result.js';
import { moneyUnits } from '../../src/arithmetic/units-core.js';
import { existsSync } from 'node:fs';
import { benchCompare } from './compare.js';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261122' },
    rounds: { type: 'string', default: '3' },
    // The first households where (e) and the engine disagree, with both answers.
    'show-differences': { type: 'string', default: '0' },
    // Time src/ under tsx instead of the built package.
    source: { type: 'boolean', default: false },
  },
});

// The engine as users run it: the built package (npm run bench builds it first). Under tsx, esbuild's
// keepNames adds a defineProperty to every closure made, a cost the published dist/ does not have.
const root = fileURLToPath(new URL('../../', import.meta.url));
const built = !values.source;
if (built && !existsSync(join(root, 'dist', 'index.js'))) {
  console.error('benefit-rules bench: dist/ is missing; run `npm run build` first (npm run bench does), or pass --source');
  process.exit(2);
}
const engine = async <T>(path: string): Promise<T> => import(pathToFileURL(join(root, built ? 'dist' : 'src', built ? path.replace(/\.ts$/, '.js') : path)).href) as Promise<T>;
const { bundledRulebook, buildRulebook, BUNDLED_JURISDICTIONS, BUNDLED_RULES, readPackDirs, readRuleFiles } = await engine<typeof import('../../src/load.js')>('load.ts');
const { parseHousehold, evaluateHousehold } = await engine<typeof import('../../src/evaluate.js')>('evaluate.ts');
const { compileEvaluator } = await engine<typeof import('../../src/fast/evaluator.js')>('fast/evaluator.ts');
const { Plan } = await engine<typeof import('../../src/programmes/plan.js')>('programmes/plan.ts');
const { checkRulebook } = await engine<typeof import('../../src/programmes/index.js')>('programmes/index.ts');
const { firstDayOf } = await engine<typeof import('../../src/dates.js')>('dates.ts');
const { population, POPULATION_MONTHS } = await engine<typeof import('../../src/testing/population.js')>('testing/population.ts');
const { programmeOf } = await engine<typeof import('../../src/programmes/result.js')>('programmes/result.ts');
const showDifferences = values['show-differences'] === '' ? 10 : Number(values['show-differences']);
const count = Number(values.households);
const rounds = Number(values.rounds);

const loadStart = performance.now();
const rulebook = bundledRulebook();
const loadMs = performance.now() - loadStart;

const people = population(count, Number(values.seed)).map(({ household, month }) => ({ household: parseHousehold(household), month }));
const planStart = performance.now();
const plans = new Map(POPULATION_MONTHS.map(([j, m]) => [`${j}|${m}`, new Plan({ rulebook, jurisdiction: j, month: m, day: firstDayOf(m) }).resolveAll()]));
const planMs = (performance.now() - planStart) / POPULATION_MONTHS.length;
// (e) reads each jurisdiction-month's parameters once into plain tables, outside the timed loop.
const tables = new Map([...plans].map(([key, plan]) => [key, tablesOf(plan)]));
// Dibao alone: the same packs with only the dibao rule file, to show what the other programmes cost.
const dibaoOnly = buildRulebook({
  rules: readRuleFiles(BUNDLED_RULES).filter((file) => file.file.replace(/\.(json|ya?ml)$/, '') === 'rules/dibao'),
  packs: readPackDirs([BUNDLED_JURISDICTIONS]).map((p) => ({ ...p, parameters: p.parameters.filter((f) => f.idPrefix === 'dibao' || f.idPrefix.startsWith('dibao.')) })),
});
checkRulebook(dibaoOnly);

function rate(label: string, run: () => void): number {
  run(); // warm-up
  let best = Infinity;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  const perSecond = (count / best) * 1000;
  console.log(`${label.padEnd(58)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} households/s  (${((best / count) * 1e6).toFixed(0)} ns each)`);
  return perSecond;
}

async function rateAsync(label: string, run: () => Promise<void>): Promise<number> {
  await run();
  const start = performance.now();
  await run();
  const perSecond = (count / (performance.now() - start)) * 1000;
  console.log(`${label.padEnd(58)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} households/s`);
  return perSecond;
}

console.log(
  `benefit-rules bench: ${count.toLocaleString('en')} households (seed ${values.seed}), ${POPULATION_MONTHS.length} jurisdiction-months, Node ${process.version}, engine ${built ? 'dist/ (built)' : 'src/ under tsx'}`,
);
console.log(`rulebook load ${loadMs.toFixed(1)} ms for ${rulebook.packs.size} packs; plan compile ${planMs.toFixed(2)} ms per jurisdiction-month\n`);

const fast = compileEvaluator(rulebook);
const traced = compileEvaluator(rulebook, { trace: true });
let sink = 0;
const a = rate(`(a) full programme set (${rulebook.programmes.size}), compiled, trace off`, () => {
  for (const { household, month } of people) sink += fast.evaluateHousehold(household, month).totalMonthlyAmount.length;
});
const b = rate('(b) full programme set, compiled, trace on', () => {
  for (const { household, month } of people) sink += traced.evaluateHousehold(household, month).totalMonthlyAmount.length;
});
const dibaoFast = compileEvaluator(dibaoOnly);
const c = rate('(c) dibao alone, compiled, trace off', () => {
  for (const { household, month } of people) sink += dibaoFast.evaluateHousehold(household, month).totalMonthlyAmount.length;
});
const jre = jsonRulesEngineDibao(rulebook);
const d = await rateAsync('(d) json-rules-engine 7, dibao alone (one Engine, await per run)', async () => {
  for (const { household, month } of people) sink += await jre(plans.get(`${household.jurisdiction}|${month}`)!, household);
});
const e = rate('(e) hand-written plain JS, the same programmes, integer units', () => {
  for (const { household, month } of people) sink += plainHousehold(tables.get(`${household.jurisdiction}|${month}`)!, household);
});
const units = (amount: string | null | undefined) => (amount === null || amount === undefined ? null : moneyUnits(amount));

/** What a case system reads of a result, as (e) gives it: for comparing and for showing. */
function engineOutcome(result: EvaluationResult): Outcome {
  const unknown = new Set((result.unknown ?? []).map((u) => u.programme as string));
  const bounds = programmeOf(result, 'temporary-assistance')?.bounds;
  return {
    amounts: MONTHLY.map((id) => units(programmeOf(result, id)?.monthlyAmount)),
    unknown: MONTHLY.map((id) => unknown.has(id)),
    total: moneyUnits(result.totalMonthlyAmount),
    partial: result.totalIsPartial,
    bounds: bounds !== undefined,
    minimum: units(bounds?.minimum),
    maximum: units(bounds?.maximum),
  };
}

/** The programmes on which (e) and the engine disagree: amount or unknown for each monthly one, bounds for temporary assistance. */
function disagreements(engine: Outcome, plain: Outcome): string[] {
  const out: string[] = MONTHLY.filter((_, p) => engine.amounts[p] !== plain.amounts[p] || engine.unknown[p] !== plain.unknown[p]);
  if (engine.bounds !== plain.bounds || engine.minimum !== plain.minimum || engine.maximum !== plain.maximum) out.push('temporary-assistance');
  return out;
}

const show = (o: Outcome) => {
  const yuan = (u: number | null) => (u === null ? 'null' : (u / 10_000).toFixed(2));
  const programmes = MONTHLY.map((id, p) => `${id} ${yuan(o.amounts[p] as number | null)}${o.unknown[p] ? '?' : ''}`).join(', ');
  return `total ${yuan(o.total)}${o.partial ? ' (partial)' : ''}; ${programmes}; bounds ${o.bounds ? `${yuan(o.minimum)}..${yuan(o.maximum)}` : 'none'}`;
};

const referenceStart = performance.now();
let mismatches = 0;
let fallbacks = 0;
let plainDiffers = 0;
const plainByProgramme = new Map<string, number>();
const plain = emptyOutcome();
const shown: string[] = [];
const check = compileEvaluator(rulebook);
for (const { household, month } of people as { household: Household; month: string }[]) {
  const expected = JSON.stringify(evaluateHousehold(household, { month, rulebook, trace: false }));
  const result = check.evaluateHousehold(household, month);
  if (JSON.stringify(result) !== expected) mismatches += 1;
  // (e) against the engine: totals, the partial flag, every programme's amount and unknown, the bounds.
  plainHousehold(tables.get(`${household.jurisdiction}|${month}`)!, household, plain);
  const engine = engineOutcome(result);
  const differ = disagreements(engine, plain);
  if (engine.total !== plain.total || engine.partial !== plain.partial || differ.length > 0) {
    plainDiffers += 1;
    if (shown.length < showDifferences)
      shown.push(`  ${household.id} (${household.jurisdiction} ${month}): ${differ.join(', ') || 'total'}\n    engine ${show(engine)}\n    (e)    ${show(plain)}`);
  }
  for (const id of differ) plainByProgramme.set(id, (plainByProgramme.get(id) ?? 0) + 1);
}
fallbacks = check.fallbacks;
const referenceRate = (count / (performance.now() - referenceStart)) * 1000;

console.log(`\nratios (same run)`);
console.log(`  (a)/(d) compiled full set vs json-rules-engine dibao: ${(a / d).toFixed(1)}×   (target ≥ 10×)`);
console.log(`  (c)/(d) compiled dibao vs json-rules-engine dibao:    ${(c / d).toFixed(1)}×`);
console.log(`  (e)/(a) hand-written limit vs compiled full set:      ${(e / a).toFixed(1)}×   (issue 12: no worse than 6.9×)`);
console.log(`  (c)/(a) dibao alone vs full set:                     ${(c / a).toFixed(1)}×`);
console.log(`  (a)/(b) trace off vs trace on:                        ${(a / b).toFixed(1)}×   (target ≤ 5×)`);
console.log(`\nexact Decimal reference (evaluate): ${Math.round(referenceRate).toLocaleString('en')} households/s, compiled ${(a / referenceRate).toFixed(0)}× faster`);
console.log(`agreement with the Decimal reference: ${count - mismatches} of ${count} identical (${mismatches} differ; ${fallbacks} programme runs handed to Decimal)`);
console.log(`(e) agrees with the engine on ${count - plainDiffers} of ${count} households (totals, partial flag and every programme's amount)`);
const byProgramme = [...rulebook.programmes.keys()].map((id) => `${id} ${(plainByProgramme.get(id) ?? 0).toLocaleString('en')}`);
console.log(`  households where (e) differs, by programme (amount or unknown; bounds for temporary assistance): ${byProgramme.join(', ')}`);
if (shown.length > 0) console.log(`  first ${shown.length} (--show-differences N):\n${shown.join('\n')}`);
benchCompare(count, Number(values.seed), rounds);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (sink === -1) console.log('');
if (mismatches > 0) process.exitCode = 1;
