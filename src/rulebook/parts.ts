/**
 * A rule file written as a folder of parts, one concern a part (rules/dibao/10-programme.yaml,
 * 20-membership.yaml, …; decision 0026): merged in the order of the parts' names into the one
 * rule file the loader reads. Top-level keys keep the order of their first appearance; a key in
 * several parts must be a mapping in each (parameters, conditions), its entries merged in part
 * order; the same entry in two parts is refused. Errors are placed in the part that wrote the
 * entry they are in.
 */
import { BenefitRulesError, describeValue } from '../errors.js';
import type { FileInput } from './rules.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const invalid = (shown: string, expected: string, found: string) =>
  new BenefitRulesError('invalid-rules', `${shown}: expected ${expected}, found ${found}`, [{ file: shown, path: '$', expected, found }]);

/** The parts of the folder `shown` (in merge order) as one rule file named by the folder. */
export function mergeParts(shown: string, parts: readonly FileInput[]): FileInput {
  if (parts.length === 0) throw invalid(shown, 'a rule folder with at least one part (NN-concern.yaml)', 'no rule file in it');
  const json: Record<string, unknown> = {};
  /** Which part wrote each top-level key, and each entry of a merged mapping. */
  const owner = new Map<string, FileInput>();
  for (const part of parts) {
    if (!isObject(part.json)) throw invalid(part.file, 'a mapping of rule-file keys', describeValue(part.json));
    for (const [key, value] of Object.entries(part.json)) {
      if (key === '$schema') continue;
      if (!(key in json)) {
        json[key] = isObject(value) ? { ...value } : value;
        owner.set(key, part);
        if (isObject(value)) for (const entry of Object.keys(value)) owner.set(`${key}\0${entry}`, part);
        continue;
      }
      const into = json[key];
      if (!isObject(into) || !isObject(value)) throw invalid(part.file, `"${key}" in one part only (or a mapping in each)`, `"${key}" also in ${owner.get(key)!.file}`);
      for (const [entry, item] of Object.entries(value)) {
        if (entry in into) throw invalid(part.file, `${key}.${entry} in one part only`, `also in ${owner.get(`${key}\0${entry}`)!.file}`);
        into[entry] = item;
        owner.set(`${key}\0${entry}`, part);
      }
    }
  }
  const locate = (segments: readonly PropertyKey[]) => {
    const [key, entry] = segments;
    const part = (typeof key === 'string' && typeof entry === 'string' ? owner.get(`${key}\0${entry}`) : undefined) ?? (typeof key === 'string' ? owner.get(key) : undefined);
    return part?.locate?.(segments);
  };
  return { file: shown, json, locate };
}
