/**
 * `benefit-rules check`: the ready properties of benefit-rules/testing run against the packs or a
 * reform, for one or more jurisdictions, each printed pass or fail with its shrunk counterexample
 * and the seed and path that replay it. fast-check is a peer dependency the user installs: the
 * testing entry is loaded on demand, and its absence is a message, not a stack.
 */
import { BenefitRulesError } from '../errors.js';
import type { Language } from '../explain/render.js';
import type { PropertyReport } from '../testing/report.js';
import { checkMonth, readReformFile, rulebookFrom, type RulebookOptions } from './commands.js';
import { print } from './io.js';

export interface CheckCommandOptions extends RulebookOptions {
  jurisdiction?: string;
  month?: string;
  runs: string;
  seed?: string;
  path?: string;
  property?: string;
  lang: Language;
}

type Testing = typeof import('../testing/index.js');

async function loadTesting(): Promise<Testing> {
  try {
    return await import('../testing/index.js');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /fast-check/.test((error as Error).message);
    if (!missing) throw error;
    throw new BenefitRulesError('invalid-option', 'benefit-rules check needs fast-check, a peer dependency of benefit-rules/testing: npm install --save-dev fast-check', [
      { path: 'fast-check', expected: 'fast-check 4 installed beside benefit-rules', found: 'not installed' },
    ]);
  }
}

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new BenefitRulesError('invalid-option', `${flag}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(text)}`, [
      { path: flag, expected: `a whole number from ${min} to ${max}`, found: JSON.stringify(text) },
    ]);
  }
  return value;
}

/** The jurisdiction-months checked: as given; else those a reform changes, from the month it starts; else the bundled population's. */
function targets(options: CheckCommandOptions, reform: unknown, populationMonths: readonly [string, string][]): { jurisdiction: string; month: string }[] {
  if (options.month !== undefined) checkMonth(options.month);
  const changes = (reform as { changes?: { jurisdiction?: unknown; from?: unknown }[] } | undefined)?.changes ?? [];
  const reformMonth = (jurisdiction: string) => {
    const from = changes.find((change) => change.jurisdiction === jurisdiction && typeof change.from === 'string')?.from as string | undefined;
    return from?.slice(0, 7);
  };
  const defaultMonth = (jurisdiction: string) => {
    const month = options.month ?? reformMonth(jurisdiction) ?? [...populationMonths].reverse().find(([id]) => id === jurisdiction)?.[1];
    if (month === undefined) {
      throw new BenefitRulesError('invalid-option', `--month is required for ${jurisdiction}: the month its households are evaluated in, written YYYY-MM`, [
        { path: '--month', expected: 'a month written YYYY-MM', found: 'nothing' },
      ]);
    }
    return month;
  };
  const fromReform = [...new Set(changes.map((change) => change.jurisdiction).filter((id): id is string => typeof id === 'string'))];
  const ids = options.jurisdiction !== undefined ? [options.jurisdiction] : fromReform.length > 0 ? fromReform : [...new Set(populationMonths.map(([id]) => id))];
  return ids.map((jurisdiction) => ({ jurisdiction, month: defaultMonth(jurisdiction) }));
}

const TEXT = {
  en: {
    households: 'households a property',
    drawn: (n: number) => `${n} households`,
    passed: 'passed',
    failed: 'failed',
    after: (n: number, s: number) => `failed after ${n} households, shrunk ${s} times`,
    exempted: 'let through by the stated exceptions',
    counterexample: 'counterexample',
    replay: 'replay',
  },
  zh: {
    households: '户/每项性质',
    drawn: (n: number) => `${n} 户`,
    passed: '通过',
    failed: '失败',
    after: (n: number, s: number) => `第 ${n} 户失败，已缩减 ${s} 次`,
    exempted: '按所述例外放行',
    counterexample: '反例',
    replay: '重现',
  },
};

export async function checkCommand(options: CheckCommandOptions): Promise<number> {
  const numRuns = wholeNumber('--runs', options.runs, 1, 100_000) as number;
  const seed = wholeNumber('--seed', options.seed, -(2 ** 31), 2 ** 31 - 1);
  const testing = await loadTesting();
  if (options.property !== undefined && !(testing.PROPERTY_NAMES as readonly string[]).includes(options.property)) {
    throw new BenefitRulesError('invalid-option', `--property: expected one of ${testing.PROPERTY_NAMES.join(', ')}, found ${JSON.stringify(options.property)}`, [
      { path: '--property', expected: testing.PROPERTY_NAMES.join(' | '), found: JSON.stringify(options.property) },
    ]);
  }
  if (options.path !== undefined && (options.property === undefined || options.seed === undefined)) {
    throw new BenefitRulesError('invalid-option', '--path replays one counterexample: give it with --property and --seed, as check printed them', [
      { path: '--path', expected: '--property NAME --seed S', found: '--path alone' },
    ]);
  }
  const rulebook = rulebookFrom({ ...options, reform: undefined });
  const reform = options.reform === undefined ? undefined : readReformFile(options.reform);
  const text = TEXT[options.lang];
  // Every jurisdiction's properties are made (and the reform checked) before any runs: a mistake is reported at once.
  const plans = targets(options, reform, testing.POPULATION_MONTHS).map((target) => ({
    ...target,
    properties: testing.readyProperties({ ...target, rulebook, reform }).filter((p) => options.property === undefined || p.name === options.property),
  }));
  const runSeed = seed ?? testing.DEFAULT_SEED;
  const reformName = reform === undefined ? '' : `, reform ${String((reform as { name?: unknown }).name ?? options.reform)}`;
  let failures = 0;
  for (const plan of plans) {
    print(`benefit-rules check: ${plan.jurisdiction} ${plan.month}${reformName}, ${numRuns} ${text.households}, seed ${runSeed}`);
    for (const property of plan.properties) {
      const report = property.run({ numRuns, seed: runSeed, ...(options.path === undefined ? {} : { path: options.path }) });
      if (!report.passed) failures += 1;
      print(describe(report, property.description[options.lang], options, plan, text));
    }
    print('');
  }
  const total = plans.reduce((sum, plan) => sum + plan.properties.length, 0);
  print(`${total - failures} ${text.passed}, ${failures} ${text.failed}`);
  return failures > 0 ? 1 : 0;
}

function describe(report: PropertyReport, description: string, options: CheckCommandOptions, plan: { jurisdiction: string; month: string }, text: (typeof TEXT)['en']): string {
  const lines = [
    `${report.passed ? 'PASS' : 'FAIL'} ${report.name}: ${report.passed ? text.drawn(report.numRuns) : text.after(report.numRuns, report.numShrinks)}`,
    `     ${description}`,
  ];
  const exempted = Object.entries(report.exempted);
  if (exempted.length > 0) lines.push(`     ${text.exempted}: ${exempted.map(([why, n]) => `${why} ×${n}`).join('; ')}`);
  if (!report.passed) {
    lines.push(...(report.message ?? '').split('\n').map((line) => `     ${line}`));
    lines.push(
      `     ${text.counterexample}:`,
      ...JSON.stringify(report.counterexample, null, 2)
        .split('\n')
        .map((line) => `       ${line}`),
    );
    const replay = ['benefit-rules check', `--jurisdiction ${plan.jurisdiction}`, `--month ${plan.month}`];
    if (options.reform !== undefined) replay.push(`--reform ${options.reform}`);
    for (const dir of options.packs ?? []) replay.push(`--packs ${dir}`);
    replay.push(`--property ${report.name}`, `--seed ${report.seed}`, `--path ${report.path ?? ''}`);
    lines.push(`     ${text.replay}: ${replay.join(' ')}`);
  }
  return lines.join('\n');
}
