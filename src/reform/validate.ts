/**
 * A reform file checked whole against a rulebook before anything runs: its shape, then every
 * change (the jurisdiction and the parameter exist, the value is of the declared kind and within
 * the bounds a pack's value must keep, the periods of one parameter do not overlap). Every problem
 * is listed at once with its JSON path and the closest ids, unlike a reform that half applies or
 * silently drops a mistake (PolicyEngine's modify_parameters).
 */
import { createHash } from 'node:crypto';
import { BenefitRulesError } from '../errors.js';
import { Problems } from '../rulebook/problems.js';
import type { ReformStamp, Rulebook } from '../rulebook/index.js';
import type { z } from 'zod';
import { reformChangeSchema, reformHeadSchema, type ReformChange } from '../schemas/reform.js';
import { isMultiple, typedValue, valueSchema, type ParameterValue } from '../parameters/values.js';
import { describeValue } from '../errors.js';
import { Decimal } from '../money.js';
import { closest } from './closest.js';

/** The same bound as a pack's money (rulebook/packs.ts): a standard this large is a typo. */
const MONEY_LIMIT = new Decimal(1_000_000_000);

export interface CheckedChange extends ReformChange {
  /** Index in the file's changes, for messages. */
  index: number;
  typed: ParameterValue | null;
}

export interface Reform extends ReformStamp {
  description?: string;
  changes: CheckedChange[];
}

/** JSON with object keys sorted at every level: the text the reform's hash is taken of. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 of a value's canonical JSON: the same reform, however indented or ordered, has one. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Checks a parsed reform file against the rulebook; throws one error listing every problem. */
export function checkReform(rulebook: Rulebook, input: unknown, file = 'reform'): Reform {
  const problems = new Problems();
  const parsed = reformHeadSchema.safeParse(input);
  if (!parsed.success) problems.addZod(file, parsed.error, input);
  const data = parsed.success
    ? parsed.data
    : { name: '', changes: Array.isArray((input as { changes?: unknown } | null)?.changes) ? (input as { changes: unknown[] }).changes : [] };
  const changes = data.changes.map((raw, index) => {
    const change = reformChangeSchema.safeParse(raw);
    if (!change.success) problems.addZod(file, change.error, input, ['changes', index]);
    // The ids and the value are checked even when a date is wrong: every problem at once.
    const typed = checkChange(rulebook, looseChange(raw), index, file, problems);
    return change.success && typed !== undefined ? { ...change.data, index, typed: typed.value } : undefined;
  });
  checkOverlaps(changes, file, problems);
  problems.throwIfAny('invalid-reform', `The reform ${file} is invalid`);
  const { $schema: _schema, ...content } = data as z.infer<typeof reformHeadSchema>;
  const reform: Reform = {
    name: data.name,
    sha256: canonicalHash(content),
    changes: changes.filter((c): c is CheckedChange => c !== undefined),
  };
  if (data.description !== undefined) reform.description = data.description;
  return reform;
}

/** What can be checked against the rulebook of a change whose shape may be wrong elsewhere. */
interface LooseChange {
  jurisdiction?: string;
  parameter?: string;
  hasValue: boolean;
  value?: unknown;
}

function looseChange(raw: unknown): LooseChange {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const text = (key: string) => (typeof object[key] === 'string' && object[key] !== '' ? (object[key] as string) : undefined);
  const out: LooseChange = { hasValue: Object.prototype.hasOwnProperty.call(object, 'value'), value: object['value'] };
  const jurisdiction = text('jurisdiction');
  const parameter = text('parameter');
  if (jurisdiction !== undefined) out.jurisdiction = jurisdiction;
  if (parameter !== undefined) out.parameter = parameter;
  return out;
}

/** The typed value (in a box, since null is a value), or undefined after a problem. */
function checkChange(rulebook: Rulebook, change: LooseChange, index: number, file: string, problems: Problems): { value: ParameterValue | null } | undefined {
  const at = `$.changes[${index}]`;
  let ok = true;
  if (change.jurisdiction !== undefined && !rulebook.packs.has(change.jurisdiction)) {
    problems.add(
      file,
      `${at}.jurisdiction`,
      `a pack id of the rulebook (closest: ${closest(change.jurisdiction, rulebook.packs.keys()).join(', ')})`,
      JSON.stringify(change.jurisdiction),
    );
    ok = false;
  }
  if (change.parameter === undefined) return undefined;
  const declaration = rulebook.declarations.get(change.parameter);
  if (!declaration) {
    problems.add(
      file,
      `${at}.parameter`,
      `a parameter a rule file declares (closest: ${closest(change.parameter, rulebook.declarations.keys()).join(', ')})`,
      JSON.stringify(change.parameter),
    );
    return undefined;
  }
  if (!change.hasValue) return undefined;
  if (change.value === null) return ok ? { value: null } : undefined;
  const checked = valueSchema(declaration.type).safeParse(change.value);
  if (!checked.success) {
    problems.add(file, `${at}.value`, `a ${declaration.type.kind} value for ${change.parameter} (${checked.error.issues[0]?.message})`, describeValue(change.value));
    return undefined;
  }
  const typed = typedValue(declaration.type, change.value);
  if (declaration.type.kind === 'money' && typed instanceof Decimal && !typed.lt(MONEY_LIMIT)) {
    problems.add(file, `${at}.value`, `a money value for ${change.parameter} below 1000000000 yuan (households are bounded there)`, describeValue(change.value));
    return undefined;
  }
  if (isMultiple(typed)) {
    const kind = rulebook.declarations.get(typed.multipleOf)?.type.kind;
    if (kind !== 'money') {
      problems.add(file, `${at}.value.multipleOf`, 'a declared money parameter', `"${typed.multipleOf}"${kind ? ` of kind ${kind}` : ' (not declared)'}`);
      return undefined;
    }
  }
  return ok ? { value: typed } : undefined;
}

/** Two changes of one parameter in one pack may not cover the same day: which would hold? */
function checkOverlaps(changes: readonly (CheckedChange | undefined)[], file: string, problems: Problems): void {
  const groups = new Map<string, CheckedChange[]>();
  for (const change of changes) {
    if (!change) continue;
    const key = `${change.jurisdiction}\0${change.parameter}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    for (let i = 1; i < group.length; i += 1) {
      const previous = group[i - 1] as CheckedChange;
      const change = group[i] as CheckedChange;
      if (previous.until === undefined || previous.until >= change.from) {
        problems.add(
          file,
          `$.changes[${change.index}].from`,
          `periods of ${change.parameter} in ${change.jurisdiction} that do not overlap`,
          `${change.from} inside $.changes[${previous.index}] (from ${previous.from}${previous.until ? ` until ${previous.until}` : ', with no end'})`,
        );
      }
    }
  }
}

/** A reform given where a reform is not expected (a second one on a reformed rulebook). */
export function alreadyReformed(stamp: ReformStamp, name: string): BenefitRulesError {
  return new BenefitRulesError('invalid-reform', `This rulebook already carries the reform "${stamp.name}": apply "${name}" to the baseline, or join the two in one file`, [
    { path: '$.name', expected: 'a rulebook without a reform', found: `one with "${stamp.name}"` },
  ]);
}
