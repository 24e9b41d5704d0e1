/**
 * What is worked out once from a rulebook and kept while it lives: the parameter slots of a plan,
 * each programme's prepared rules, the CSV layout, compiled evaluators, the audit's knowledge
 * dates. One owner for all of it, keyed by the rulebook's identity: a rulebook is never changed
 * once built, and a reform makes a new one (src/reform), which then has its own. Each layer
 * declares the keys of what it derives, beside the code that uses it; nothing else keeps a cache
 * of a rulebook.
 */
import type { Rulebook } from './index.js';

/** What one kind of derived value is called, and how it is made from the rulebook. */
export interface DerivedKey<T> {
  readonly name: string;
  readonly make: (rulebook: Rulebook) => T;
}

export function derivedKey<T>(name: string, make: (rulebook: Rulebook) => T): DerivedKey<T> {
  return Object.freeze({ name, make });
}

const store = new WeakMap<Rulebook, Map<DerivedKey<unknown>, unknown>>();

/** The value `key` derives from `rulebook`, made on first use. */
export function derived<T>(rulebook: Rulebook, key: DerivedKey<T>): T {
  let values = store.get(rulebook);
  if (values === undefined) store.set(rulebook, (values = new Map()));
  if (!values.has(key)) values.set(key, key.make(rulebook));
  return values.get(key) as T;
}
