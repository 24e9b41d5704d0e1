/**
 * `reform` in a request: the same JSON as a reform file (schema/reform.schema.json), applied to the
 * service's rulebook as `evaluate --reform` applies it, so the answer is the CLI's to the byte.
 * Checking and overlaying a reform costs more than evaluating a household, and a caseworker's screen
 * sends the same reform again and again: the reformed rulebooks are kept per sha256 of the reform's
 * canonical JSON, the few most recently used (a bounded map, so that a caller sending a new reform
 * each time cannot grow the memory of the service).
 */
import { BenefitRulesError } from '../errors.js';
import { applyReform, canonicalHash } from '../reform/index.js';
import type { Rulebook } from '../rulebook/index.js';
import { ServiceError } from './errors.js';

/** Reformed rulebooks kept: each shares all but its changed parameters with the baseline. */
export const REFORMS_KEPT = 16;

/** `root`: where the reform is in the request, for the paths of its errors. */
export type Reformer = (reform: unknown, root?: string) => Rulebook;

/** A function from a request's `reform` to the rulebook to evaluate with, remembering the last few. */
export function reformer(rulebook: Rulebook, kept = REFORMS_KEPT): Reformer {
  // A Map iterates in insertion order: deleting and setting again on each use makes it an LRU.
  const cache = new Map<string, Rulebook>();
  return (reform, root = '$.reform') => {
    const key = canonicalHash(reform);
    let reformed = cache.get(key);
    if (reformed) cache.delete(key);
    else reformed = reformOf(rulebook, reform, root);
    cache.set(key, reformed);
    if (cache.size > kept) cache.delete(cache.keys().next().value as string);
    return reformed;
  };
}

/** The reform checked whole; its problems, all of them, named from the request's root. */
function reformOf(rulebook: Rulebook, reform: unknown, root: string): Rulebook {
  try {
    return applyReform(rulebook, reform, 'reform');
  } catch (error) {
    if (!(error instanceof BenefitRulesError) || error.code !== 'invalid-reform') throw error;
    // No file: the reform is a part of the request.
    const details = error.details.map(({ file: _file, ...d }) => (d.path.startsWith('$') ? { ...d, path: `${root}${d.path.slice(1)}` } : d));
    throw new ServiceError(
      400,
      'invalid-reform',
      `The reform is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}${d.found === undefined ? '' : `, found ${d.found}`}`).join('\n')}`,
      details,
    );
  }
}
