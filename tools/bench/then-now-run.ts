/**
 * One round of `npm run bench:then-now` in one tree (run there by then-now.ts, with tsx): reads the
 * households of an NDJSON file, builds that tree's rulebook with dibao alone and with the given
 * programmes (and those they need there), each with only the pack values it declares, and times
 * its compiled evaluator on them. It imports the tree's own
 * src/ by path, so the same script times an old commit and the working tree alike; it uses only
 * what both have (readPackDirs, the rule file list, compileEvaluator, checkRulebook).
 *
 *   tsx tools/bench/then-now-run.ts --tree DIR --input FILE --programmes dibao,orphan-allowance [--amounts OUT] [--built]
 *
 * Prints one JSON line: { dibao: { wall, cpu }, full: { wall, cpu }, programmes } in households per second.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    tree: { type: 'string' },
    input: { type: 'string' },
    programmes: { type: 'string' },
    amounts: { type: 'string' },
    built: { type: 'boolean', default: false },
    passes: { type: 'string', default: '3' },
  },
});
const tree = values.tree!;
const passes = Number(values.passes);

interface Result {
  totalMonthlyAmount: string | null;
  programmes: Record<string, { status: string; monthlyAmount: string | null; provisional?: boolean } | undefined>;
}
interface Evaluator {
  evaluateHousehold(household: unknown, month: string): Result;
}
// --built: the tree's dist/ (what users run; tsx's keepNames adds a defineProperty per closure made).
const from = async (path: string) => import(pathToFileURL(values.built ? join(tree, 'dist', path.replace(/\.ts$/, '.js')) : join(tree, 'src', path)).href);
const load = await from('load.ts');
const book = await from('rulebook/index.ts');
const { checkRulebook } = await from('programmes/index.ts');
const { compileEvaluator } = (await from('fast/evaluator.ts')) as { compileEvaluator: (rulebook: unknown) => Evaluator };
const { parseHousehold } = await from('evaluate.ts');

/** camelCase of a programme id: the pack folder or file its parameters are in. */
const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A rule file of the tree: through its loader where it reads YAML and rule folders (decision 0026), else its JSON file. */
const ruleFile = (id: string): { file: string; json: Record<string, unknown> } =>
  load.readRuleFiles
    ? (load.readRuleFiles(load.BUNDLED_RULES) as { file: string; json: Record<string, unknown> }[]).find((f) => f.file.replace(/\.(json|ya?ml)$/, '') === `rules/${id}`)!
    : { file: `rules/${id}.json`, json: JSON.parse(readFileSync(join(load.BUNDLED_RULES, `${id}.json`), 'utf8')) as Record<string, unknown> };

/** These programmes and those they use or are excluded by in this tree (today's subsidies name extreme-poverty). */
function closure(ids: string[]): string[] {
  const out = new Set<string>();
  const add = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    const { json } = ruleFile(id);
    for (const used of (json.uses ?? []) as string[]) add(used);
    for (const interaction of (json.interactions ?? []) as { by?: string }[]) if (interaction.by) add(interaction.by);
  };
  ids.forEach(add);
  return [...out].sort();
}

/** The tree's rulebook with these programmes only, and the pack values they declare. */
function rulebookOf(ids: string[]): unknown {
  const rules = ids.map(ruleFile);
  const prefixes = new Set(rules.map((rule) => camel(rule.json.programme as string)));
  const packs = (load.readPackDirs([load.BUNDLED_JURISDICTIONS]) as { parameters: { idPrefix: string }[] }[]).map((pack) => ({
    ...pack,
    parameters: pack.parameters.filter((file) => prefixes.has(file.idPrefix.split('.')[0]!)),
  }));
  // Today's buildRulebook is in load.ts and checks; the old one was rulebook/index.ts's, checked apart.
  const rulebook = (load.buildRulebook ?? book.buildRulebook)({ rules, packs });
  checkRulebook(rulebook);
  return rulebook;
}

const people = readFileSync(values.input!, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as { month: string; household: unknown })
  .map(({ month, household }) => ({ month, household: parseHousehold(household) as unknown }));

/** Households per second of the best of `passes` timed passes after one warm-up, by wall and CPU time. */
function rate(evaluator: Evaluator): { wall: number; cpu: number } {
  let sink = 0;
  const pass = () => {
    for (const { household, month } of people) sink += evaluator.evaluateHousehold(household, month).totalMonthlyAmount?.length ?? 0;
  };
  pass();
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < passes; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    pass();
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  if (sink === -1) console.error('');
  return { wall: (people.length / wall) * 1000, cpu: (people.length / cpu) * 1000 };
}

const dibao = compileEvaluator(rulebookOf(['dibao']));
const programmes = closure(values.programmes!.split(','));
const full = compileEvaluator(rulebookOf(programmes));
const out = { dibao: rate(dibao), full: rate(full), programmes };
if (values.amounts) {
  // What each household gets from dibao, alone, for the agreement check.
  const lines = people.map(({ household, month }) => {
    const result = dibao.evaluateHousehold(household, month).programmes.dibao!;
    return JSON.stringify({ status: result.status, amount: result.monthlyAmount, provisional: result.provisional ?? false });
  });
  writeFileSync(values.amounts, lines.join('\n') + '\n');
}
console.log(JSON.stringify(out));
