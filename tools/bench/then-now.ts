/**
 * npm run bench:then-now: the compiled path's speed on an old commit and on the working tree, on the
 * SAME households, so that "no slowdown" can be shown like for like (issue 11). The two benches of
 * the two dates used different populations, so their figures cannot be compared.
 *
 *   npm run bench:then-now -- [--commit 0242011] [--households 20000] [--rounds 5] [--seed 20261122] [--built]
 *
 * By default both trees run from their TypeScript source under tsx, as `npm run bench` does;
 * `--built` compiles each tree with tsc first and times its dist/, as users run it (tsx keeps
 * function names by a defineProperty on every closure made, a cost the built package does not have).
 *
 * The old commit is checked out as a detached worktree in a temporary folder (node_modules linked,
 * removed at the end, also on error or Ctrl-C). Today's generator writes one population to NDJSON,
 * in the old household shape: the member facts and the event added since, which the old strict
 * schema refuses, are left out (dibao reads none of them), and both trees read that one file. Each
 * round runs the timing script (then-now-run.ts) once in each tree, in alternating order, each a
 * fresh process: the median of the rounds and the ratio now/then come from the same run. "full" is
 * the programmes the old commit had (its rules/ files) in both trees, plus what today's rule files
 * need of the others (extreme-poverty, which excludes from the subsidies: with no `supporters` in
 * the input it considers nobody), so that it too is nearly the same work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { HouseholdInput } from '../../src/schemas/household.js';
import { population } from '../../src/testing/population.js';

const { values } = parseArgs({
  options: {
    commit: { type: 'string', default: '0242011' },
    households: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20261122' },
    built: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = fileURLToPath(new URL('./then-now-run.ts', import.meta.url));

/** Member facts and household fields added after the old commit (its schema is strict). */
const NEW_MEMBER_FACTS = ['supporters', 'supportArrangement', 'localHukou', 'pensionKind', 'unemploymentBenefit'] as const;
const NEW_HOUSEHOLD_FIELDS = ['event'] as const;

function oldShape(household: HouseholdInput): HouseholdInput {
  const copy: Record<string, unknown> = { ...household, members: household.members.map((member) => omit(member, NEW_MEMBER_FACTS)) };
  return omit(copy, NEW_HOUSEHOLD_FIELDS) as unknown as HouseholdInput;
}

function omit<T extends object>(object: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key))) as T;
}

function git(...args: string[]): string {
  const run = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

interface Rates {
  dibao: { wall: number; cpu: number };
  full: { wall: number; cpu: number };
  programmes: string[];
}
type Amount = { status: string; amount: string | null; provisional: boolean };

let interrupted = false;
process.on('SIGINT', () => (interrupted = true)); // the child stops too; cleanup runs below

function time(tree: string, input: string, programmes: string[], amounts?: string): Rates {
  const args = ['--import', 'tsx', runner, '--tree', tree, '--input', input, '--programmes', programmes.join(',')];
  if (amounts) args.push('--amounts', amounts);
  if (values.built) args.push('--built');
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (interrupted || run.signal) throw new Error(`interrupted (${run.signal ?? 'SIGINT'})`);
  if (run.status !== 0) throw new Error(`the timing script failed in ${tree}:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Rates;
}

/** tsc into the tree's dist/, as its own build script does (the old one had no clean step). */
function build(tree: string): void {
  rmSync(join(tree, 'dist'), { recursive: true, force: true });
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: tree, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tsc failed in ${tree}:\n${run.stdout}${run.stderr}`);
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const shown = (n: number) => Math.round(n).toLocaleString('en').padStart(9);

const sha = git('rev-parse', '--verify', `${values.commit}^{commit}`);
const temp = mkdtempSync(join(tmpdir(), 'then-now-'));
const then = join(temp, 'then');
try {
  git('worktree', 'add', '--detach', '--quiet', then, sha);
  symlinkSync(realpathSync(join(root, 'node_modules')), join(then, 'node_modules'));
  if (values.built) for (const tree of [then, root]) build(tree);
  const people = population(Number(values.households), Number(values.seed));
  const input = join(temp, 'households.ndjson');
  writeFileSync(input, people.map(({ month, household }) => JSON.stringify({ month, household: oldShape(household) })).join('\n') + '\n');
  // A rule file of the old tree: rules/<id>.json, .yaml, or a folder of parts rules/<id>/ (decision 0026).
  const oldProgrammes = readdirSync(join(then, 'rules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || /\.(json|ya?ml)$/.test(entry.name))
    .map((entry) => entry.name.replace(/\.(json|ya?ml)$/, ''));

  console.log(
    `benefit-rules bench:then-now: ${people.length.toLocaleString('en')} households (seed ${values.seed}), ${rounds} rounds, Node ${process.version}, ${cpus().length} cores`,
  );
  console.log(`then: ${git('log', '-1', '--format=%h %ad %s', '--date=short', sha).slice(0, 100)}`);
  console.log(`now:  the working tree at ${git('log', '-1', '--format=%h %ad %s', '--date=short').slice(0, 93)}`);
  console.log(`left out of the input (added since): member ${NEW_MEMBER_FACTS.join(', ')}; household ${NEW_HOUSEHOLD_FIELDS.join(', ')}`);
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('round  order       dibao then    dibao now   full then    full now   (households/s, wall; best of 3 passes)');
  const results: { then: Rates; now: Rates }[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const first = round === 1;
    const measure = {
      then: () => time(then, input, oldProgrammes, first ? join(temp, 'then-amounts') : undefined),
      now: () => time(root, input, oldProgrammes, first ? join(temp, 'now-amounts') : undefined),
    };
    // Alternate who goes first, so that a drift in the machine's load falls on both.
    const order = round % 2 === 1 ? (['then', 'now'] as const) : (['now', 'then'] as const);
    const got = {} as { then: Rates; now: Rates };
    for (const side of order) got[side] = measure[side]();
    results.push(got);
    if (first) for (const side of ['then', 'now'] as const) console.log(`       full ${side}: ${got[side].programmes.join(', ')}`);
    console.log(
      `${String(round).padStart(5)}  ${order.join('→').padEnd(9)} ${shown(got.then.dibao.wall)}    ${shown(got.now.dibao.wall)}   ${shown(got.then.full.wall)}   ${shown(got.now.full.wall)}`,
    );
  }
  const med = (side: 'then' | 'now', what: 'dibao' | 'full', clock: 'wall' | 'cpu') => median(results.map((r) => r[side][what][clock]));
  console.log(
    `median             ${shown(med('then', 'dibao', 'wall'))}    ${shown(med('now', 'dibao', 'wall'))}   ${shown(med('then', 'full', 'wall'))}   ${shown(med('now', 'full', 'wall'))}`,
  );
  console.log(
    `median (CPU)       ${shown(med('then', 'dibao', 'cpu'))}    ${shown(med('now', 'dibao', 'cpu'))}   ${shown(med('then', 'full', 'cpu'))}   ${shown(med('now', 'full', 'cpu'))}`,
  );
  for (const what of ['dibao', 'full'] as const) {
    const ratio = (clock: 'wall' | 'cpu') => ((med('now', what, clock) / med('then', what, clock)) * 100).toFixed(1);
    console.log(`now/then ${what.padEnd(5)}: ${ratio('wall')} % (wall), ${ratio('cpu')} % (CPU time)`);
  }
  agreement(people, join(temp, 'then-amounts'), join(temp, 'now-amounts'));
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', then]);
  rmSync(temp, { recursive: true, force: true });
}

/**
 * Dibao's answer in the two trees, household by household. Issue 11 changed the households that
 * are now undetermined (a rule not configured decides them: no amount); a provisional amount is
 * still the amount computed. The others must agree, or the two trees did not do the same work.
 */
function agreement(people: { household: HouseholdInput }[], thenFile: string, nowFile: string): void {
  const read = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Amount);
  const [thenAmounts, nowAmounts] = [read(thenFile), read(nowFile)];
  let agree = 0;
  let provisional = 0;
  let undetermined = 0;
  const differ: string[] = [];
  nowAmounts.forEach((now, i) => {
    const old = thenAmounts[i]!;
    if (now.status === 'undetermined') undetermined += 1;
    else if (old.amount === now.amount && old.status === now.status) {
      agree += 1;
      if (now.provisional) provisional += 1;
    } else differ.push(`${people[i]!.household.id} ${people[i]!.household.jurisdiction}: then ${old.status} ${old.amount}, now ${now.status} ${now.amount}`);
  });
  console.log(`\ndibao alone, status and amount, household by household:`);
  console.log(`  ${undetermined.toLocaleString('en')} now undetermined (issue 11's own change: no amount), left out`);
  console.log(
    `  ${agree.toLocaleString('en')} of the other ${(agree + differ.length).toLocaleString('en')} agree (${provisional.toLocaleString('en')} of them now marked provisional), ${differ.length} differ${differ.length ? ':' : ''}`,
  );
  for (const line of differ.slice(0, 10)) console.log(`    ${line}`);
  if (differ.length > 0) process.exitCode = 1;
}
