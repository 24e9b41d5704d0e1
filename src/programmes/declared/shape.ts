/**
 * The facts object of a declared programme, made by a function generated once per rule file whose
 * object literal names every fact the programme may read. Objects made one key at a time, with
 * names like "dibao.standard", fall into V8's slow dictionary mode after a dozen keys, and every
 * condition reading them pays for it; a literal keeps one fixed shape. The generated code only
 * copies values: the names are JSON-quoted, nothing from a rule file is executed.
 */
import type { ProvidedFacts } from '../types.js';
import { UNKNOWN } from '../context.js';

export type FactsMaker = (
  base: Record<string, unknown>,
  params: readonly unknown[],
  producers: readonly ProvidedFacts[],
  /** The member's position in the household. */
  member: number,
  zero: unknown,
  extra: Record<string, unknown> | undefined,
) => Record<string, unknown>;

export interface Shape {
  /** Engine member facts, copied from the member's base facts. */
  base: readonly string[];
  /** Parameters read as facts, in the order of the params array. */
  parameters: readonly string[];
  /** Household facts of used programmes: full name, index of the programme among the used, its own name. */
  household: readonly (readonly [string, number, string])[];
  /** Member facts of used programmes, likewise, with the value a member without one gets ('zero': the arithmetic's zero). */
  members: readonly (readonly [string, number, string, unknown])[];
  /** What interactions add (other programmes' entitled and paid amounts). */
  extra: readonly string[];
}

export function makeFacts(shape: Shape): FactsMaker {
  const q = (name: string) => JSON.stringify(name);
  const defaults: unknown[] = [];
  const lines = [
    ...shape.base.map((name) => `${q(name)}: b[${q(name)}]`),
    ...shape.parameters.map((name, i) => `${q(name)}: p[${i}]`),
    ...shape.household.map(([name, producer, own]) => `${q(name)}: P[${producer}].unknown ? U : P[${producer}].household[${q(own)}]`),
    ...shape.members.map(([name, producer, own, fallback]) => {
      const index = defaults.push(fallback) - 1;
      const otherwise = fallback === 'zero' ? 'z' : `d[${index}]`;
      return `${q(name)}: P[${producer}].unknown ? U : m${producer} === undefined || m${producer}[${q(own)}] === undefined ? ${otherwise} : m${producer}[${q(own)}]`;
    }),
    ...shape.extra.map((name) => `${q(name)}: e === undefined ? undefined : e[${q(name)}]`),
  ];
  const producers = [...new Set(shape.members.map(([, producer]) => producer))];
  const lookups = producers.map((i) => `const m${i} = P[${i}].members[ix];`).join('\n');
  const make = new Function('d', 'U', `return function facts(b, p, P, ix, z, e) {\n${lookups}\nreturn {\n${lines.join(',\n')}\n}; };`) as (
    d: unknown[],
    unknown: unknown,
  ) => FactsMaker;
  return make(defaults, UNKNOWN);
}
