/**
 * The options of every entry point (evaluate, compileEvaluator and its prepare, evaluateBatch and
 * evaluateStream, the CLI) checked by one schema, so that the same mistake gets the same answer
 * everywhere: a BenefitRulesError 'invalid-option' naming the option, never a TypeError from deep
 * inside, and never an option silently ignored (an empty knownAt, a misspelt key).
 */
import { z } from 'zod';
import { BenefitRulesError, describeValue, type ErrorDetail, valueAt } from './errors.js';
import { isoDate, isoMonth } from './schemas/common.js';
import type { Rulebook } from './rulebook/index.js';

/** A rulebook as bundledRulebook() and loadRulebook() make it; only its shape can be checked. */
const rulebook = z.custom<Rulebook>(
  (value) => value !== null && typeof value === 'object' && (value as Rulebook).packs instanceof Map && (value as Rulebook).programmes instanceof Map,
  { message: 'expected a rulebook from bundledRulebook() or loadRulebook()' },
);

/** Every option there is. Each entry point takes a few of them, and no other key. */
export const optionsSchema = z
  .object({
    month: isoMonth,
    rulebook,
    knownAt: isoDate,
    trace: z.boolean({ error: 'expected true or false' }),
    lang: z.enum(['zh', 'en'], { error: 'expected "zh" or "en"' }),
    jurisdictions: z.array(z.string({ error: 'expected a pack id' }), { error: 'expected an array of pack ids' }),
    months: z.array(isoMonth, { error: 'expected an array of months written YYYY-MM' }),
  })
  .strict();

type Field = keyof z.infer<typeof optionsSchema>;

/** The entry points: the options each requires, then those it also accepts. */
const ENTRIES = {
  /** evaluate(household, options): the bundled rulebook unless one is given. */
  evaluate: [['month'], ['rulebook', 'knownAt', 'trace', 'lang']],
  /** evaluateWith(household, options), evaluateHousehold. */
  evaluateWith: [
    ['month', 'rulebook'],
    ['knownAt', 'trace', 'lang'],
  ],
  compile: [[], ['knownAt', 'trace', 'lang']],
  /** The compiled evaluator's month argument, named as evaluate names its option. */
  month: [['month'], []],
  prepare: [['jurisdictions', 'months'], []],
  batch: [
    ['month', 'rulebook'],
    ['knownAt', 'trace'],
  ],
  /** compileEvaluator's rulebook argument. */
  rulebook: [['rulebook'], []],
  /** The CLI's --month and --known-at (its other flags are commander's choices). */
  cli: [['month'], ['knownAt']],
} as const satisfies Record<string, readonly [readonly Field[], readonly Field[]]>;

export type Entry = keyof typeof ENTRIES;

const mask = (fields: readonly Field[]) => Object.fromEntries(fields.map((field) => [field, true])) as Partial<Record<Field, true>>;

const schemas = Object.fromEntries(
  Object.entries(ENTRIES).map(([entry, [required, optional]]) => [entry, optionsSchema.pick(mask([...required, ...optional])).partial(mask(optional))]),
) as unknown as Record<Entry, z.ZodType>;

/** How an option is named in messages: `options.knownAt` for the API, `--known-at` for the CLI. */
export type Naming = (segments: readonly PropertyKey[]) => string;

export const apiNaming: Naming = (segments) => segments.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`), 'options');
const argumentNaming: Naming = (segments) => segments.map(String).join('.');
export const cliNaming: Naming = ([field]) => `--${String(field).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Throws 'invalid-option' unless `options` is what this entry point takes. */
export function checkOptions(options: unknown, entry: Entry, naming: Naming = apiNaming): void {
  const parsed = schemas[entry].safeParse(options);
  if (parsed.success) return;
  const details: ErrorDetail[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = [...ENTRIES[entry][0], ...ENTRIES[entry][1]].join(', ');
      for (const key of issue.keys)
        details.push({
          path: naming([...issue.path, key]),
          expected: `expected one of the known options (${known})`,
          found: describeValue(valueAt(options, [...issue.path, key])),
        });
      continue;
    }
    const expected = issue.path.length === 0 && issue.code === 'invalid_type' ? 'expected an object of options' : issue.message;
    details.push({ path: issue.path.length === 0 ? 'options' : naming(issue.path), expected, found: describeValue(valueAt(options, issue.path)) });
  }
  throw optionError(details);
}

/** compileEvaluator's arguments: the rulebook and the options. */
export function checkCompile(rulebookArgument: unknown, options: unknown): void {
  checkOptions({ rulebook: rulebookArgument }, 'rulebook', argumentNaming);
  checkOptions(options, 'compile');
}

/** prepare(jurisdictions, months): well-formed, and every jurisdiction a pack of the rulebook. */
export function checkPrepare(book: Rulebook, jurisdictions: unknown, months: unknown): void {
  checkOptions({ jurisdictions, months }, 'prepare');
  const unknown = (jurisdictions as string[]).flatMap((id, index) =>
    book.packs.has(id) ? [] : [{ path: apiNaming(['jurisdictions', index]), expected: 'expected the id of a pack in the rulebook', found: describeValue(id) }],
  );
  if (unknown.length > 0) throw optionError(unknown);
}

function optionError(details: ErrorDetail[]): BenefitRulesError {
  return new BenefitRulesError('invalid-option', `Invalid options:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`, details);
}
