/** The CLI's commands, each a function from parsed options to text. */
import { join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Table from 'cli-table3';
import { evaluateWith, type EvaluationResult } from '../evaluate.js';
import { BUNDLED_JURISDICTIONS, PACKAGE_ROOT, loadRulebook } from '../load.js';
import type { Rulebook } from '../rulebook/index.js';
import { parametersInForce } from '../rulebook/resolve.js';
import { toJson } from '../parameters/values.js';
import { BenefitRulesError } from '../errors.js';
import { firstDayOf } from '../dates.js';
import { jsonSchemas } from '../schemas/jsonSchema.js';
import { parseJson, readText } from './io.js';
import type { Language } from '../explain/render.js';
import { STATUS } from '../explain/messages.js';
import { checkOptions, cliNaming } from '../options.js';
import { programmeOf } from '../programmes/result.js';
import { applyReform } from '../reform/index.js';

/** No colours: output goes to files and pipes as often as to terminals. */
const PLAIN = { head: [], border: [] };

export interface RulebookOptions {
  packs?: string[];
  /** A reform file (--reform): applied to the packs once they are loaded. */
  reform?: string;
}

/** A reform file's JSON, read as any input is (a clear message for a missing or broken file). */
export function readReformFile(path: string): unknown {
  return parseJson(readText(path), path);
}

export function rulebookFrom(options: RulebookOptions): Rulebook {
  const rulebook = loadRulebook({ jurisdictions: [BUNDLED_JURISDICTIONS, ...(options.packs ?? [])] });
  return options.reform === undefined ? rulebook : applyReform(rulebook, readReformFile(options.reform), options.reform);
}

/** --month and --known-at, checked by the options schema of the library: an empty or malformed
 * --known-at is refused by every command alike, never ignored. */
export function checkDates(options: { month?: string | undefined; knownAt?: unknown }): asserts options is { month: string } {
  checkOptions({ month: options.month, ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}) }, 'cli', cliNaming);
}

/** --month alone (a batch whose lines may carry their own): required here, checked by the same schema. */
export function checkMonth(month: string | undefined): asserts month is string {
  if (month === undefined) {
    throw new BenefitRulesError('invalid-option', '--month is required: the month to evaluate, written YYYY-MM', [
      { path: '--month', expected: 'a month written YYYY-MM', found: 'nothing' },
    ]);
  }
  checkOptions({ month }, 'cli', cliNaming);
}

export function checkKnownAt(date: string): void {
  checkOptions({ knownAt: date }, 'compile', cliNaming);
}

export interface EvaluateCommandOptions extends RulebookOptions {
  month?: string;
  explain?: boolean;
  lang: Language;
  knownAt?: string;
  trace?: boolean;
}

export function evaluateCommand(file: string | undefined, options: EvaluateCommandOptions): string {
  checkDates(options);
  const household = parseJson(readText(file), file ?? 'standard input');
  const result = evaluateWith(household, {
    month: options.month,
    rulebook: rulebookFrom(options),
    ...(options.trace === false ? { trace: false } : {}),
    ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}),
    ...(options.explain ? { lang: options.lang } : {}),
  });
  return options.explain ? (result.explanation ?? []).join('\n') : JSON.stringify(result, null, 2);
}

export function packsCommand(options: RulebookOptions & { lang: Language }): string {
  const rulebook = rulebookFrom(options);
  const table = new Table({ style: PLAIN, head: ['id', options.lang === 'zh' ? '名称' : 'name', 'level', 'extends', 'parameters'] });
  for (const pack of rulebook.packs.values()) {
    table.push([pack.id, pack.manifest.name[options.lang], pack.manifest.level, pack.manifest.extends ?? '—', String(pack.parameters.size)]);
  }
  return table.toString();
}

export function paramsCommand(id: string, options: RulebookOptions & { month: string; lang: Language; knownAt?: string; json?: boolean }): string {
  checkDates(options);
  const rulebook = rulebookFrom(options);
  const day = firstDayOf(options.month);
  const rows = parametersInForce(rulebook, id, day, options.knownAt);
  if (options.json)
    return JSON.stringify(
      rows.map(({ declaration, resolved }) => ({ id: declaration.id, resolved: resolved ?? null })),
      null,
      2,
    );
  const table = new Table({ style: PLAIN, head: ['parameter', 'value', 'in force', 'set by', 'source', 'verified'], wordWrap: true, colWidths: [44, 20, 14, 11, 46, 10] });
  for (const { declaration, resolved } of rows) {
    if (!resolved) {
      table.push([`${declaration.id}\n${declaration.description[options.lang]}`, '(not set)', '', '', '', '']);
      continue;
    }
    const value = resolved.value === null ? '(not configured)' : JSON.stringify(toJson(resolved.value));
    const sources = resolved.sources.map((s) => [s.number, s.title, s.issued ?? s.published].filter(Boolean).join(' ')).join('\n');
    table.push([
      `${declaration.id}\n${declaration.description[options.lang]}`,
      value,
      `${resolved.from} – ${resolved.until ?? ''}`,
      resolved.jurisdiction,
      sources,
      resolved.verified ? 'yes' : 'no',
    ]);
  }
  return `${id} — ${options.month}${options.knownAt !== undefined ? ` as known on ${options.knownAt}` : ''}\n${table.toString()}`;
}

interface DemoEntry {
  household: string;
  month: string;
}

export function demoCommand(options: { lang: Language }): string {
  const rulebook = rulebookFrom({});
  const dir = join(PACKAGE_ROOT, 'examples');
  const entries = parseJson(readFileSync(join(dir, 'demo.json'), 'utf8'), 'examples/demo.json') as DemoEntry[];
  const zh = options.lang === 'zh';
  const programmes = [...rulebook.programmes.values()];
  const word = (rules: (typeof programmes)[number], status: string) => (rules.messages?.status?.[status] ?? STATUS[status])?.[options.lang] ?? status;
  const table = new Table({
    style: PLAIN,
    wordWrap: true,
    colWidths: [24, 18, 9, ...programmes.map(() => 16), 11],
    head: [...(zh ? ['辖区', '家庭', '月份'] : ['jurisdiction', 'household', 'month']), ...programmes.map((p) => p.name[options.lang]), zh ? '合计/月' : 'total / month'],
  });
  for (const entry of entries) {
    const household = parseJson(readFileSync(join(dir, entry.household), 'utf8'), entry.household) as { id: string; jurisdiction: string };
    const pack = rulebook.packs.get(household.jurisdiction);
    const where = `${household.jurisdiction} ${pack?.manifest.name[options.lang] ?? ''}`;
    let result: EvaluationResult;
    try {
      result = evaluateWith(household, { month: entry.month, rulebook, trace: false });
    } catch (error) {
      // Province packs set no standard of their own: the demo shows that as the library reports it.
      if (!(error instanceof BenefitRulesError)) throw error;
      table.push([where, household.id, entry.month, { colSpan: programmes.length + 1, content: demoError(error, rulebook, options.lang) }]);
      continue;
    }
    const cells = programmes.map((rules) => {
      const outcome = programmeOf(result, rules.programme);
      // Not known is said, never shown as a zero.
      return outcome ? `${word(rules, outcome.status)}\n${outcome.monthlyAmount ?? (zh ? '未知' : 'unknown')}` : '';
    });
    table.push([
      where,
      result.household,
      result.month,
      ...cells,
      result.totalIsPartial ? `${result.totalMonthlyAmount}\n${zh ? '（不完整）' : '(partial)'}` : result.totalMonthlyAmount,
    ]);
  }
  const hint = zh
    ? '查看任一家庭的逐项说明：npx benefit-rules evaluate --month 2020-08 --explain --lang zh examples/hannan-2020.json'
    : 'Explain any of them line by line: npx benefit-rules evaluate --month 2020-08 --explain examples/hannan-2020.json';
  return `${table.toString()}\n${hint}`;
}

/** A rule the pack does not set this month, said in the table's language: which rule, and the code. */
function demoError(error: BenefitRulesError, rulebook: Rulebook, lang: Language): string {
  const id = error.details[0]?.path ?? '';
  const rule = rulebook.declarations.get(id)?.description[lang] ?? id;
  if (error.code === 'parameter-not-covered')
    return lang === 'zh' ? `${rule}：本辖区本月未设定 (${error.code})` : `${rule}: not set for this jurisdiction and month (${error.code})`;
  if (error.code === 'parameter-not-configured') return lang === 'zh' ? `${rule}：本月未配置 (${error.code})` : `${rule}: not configured for this month (${error.code})`;
  return `${error.code}: ${error.message.split(' (')[0]}`;
}

/** A write under --out that fails is the user's to fix (a path that is a file, a folder that cannot be written): said so. */
export function attemptWrite(out: string, path: string, act: () => void): void {
  try {
    act();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BenefitRulesError('invalid-option', `Cannot write ${path}: ${code}${code === 'ENOTDIR' || code === 'EEXIST' ? ` (--out ${out} is not a folder)` : ''}`, [
      { path: '--out', expected: 'a folder that can be written', found: code },
    ]);
  }
}

export function schemaCommand(options: { out: string }): string {
  const attempt = (path: string, act: () => void) => attemptWrite(options.out, path, act);
  attempt(options.out, () => mkdirSync(options.out, { recursive: true }));
  const written: string[] = [];
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = join(options.out, `${name}.schema.json`);
    attempt(path, () => writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`));
    written.push(path);
  }
  return written.join('\n');
}
