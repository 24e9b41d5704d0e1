/**
 * The subset of JSONPath the rule files may use on a fact: `$.a.b`, `$.a[0]`, `$['a-b']`. It covers
 * every path a rule needs; anything else is refused when the rules load, so the compiled evaluator
 * and json-rules-engine (jsonpath-plus) can never disagree on a path. tests/conditions/path.test.ts
 * runs both on random paths and values.
 */
import { Decimal } from '../money.js';

/** Property names, as jsonpath-plus looks them up: `[01]` is the key "01", not index 1. */
export type PathSegment = string;

// `.$` alone is jsonpath-plus's root selector, not a property; quoted names are kept to characters
// its path parser leaves alone (a comma, star, caret, tilde, @, parenthesis, colon or backtick would
// select something else).
const SEGMENT = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([\p{L}\p{N}_\- .$]*)'\])/u;

export function parsePath(path: string): PathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const segment = (match[1] ?? match[2] ?? match[3]) as string;
    // "$", "..", "." as a whole name are selectors to jsonpath-plus; "" is parsed inconsistently.
    if (segment === '' || segment === '$' || /^\.+$/.test(segment)) return undefined;
    segments.push(segment);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/**
 * json-rules-engine applies a path only to a non-null object and otherwise returns the fact itself
 * (an exact Decimal stands for the number json-rules-engine sees). jsonpath-plus then follows a
 * name only when the value is truthy and has it as its own property: a non-empty string has its
 * `length` and characters, an empty one nothing, and nothing is read from a prototype.
 */
export function readPath(value: unknown, segments: readonly PathSegment[]): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
  let current: unknown = value;
  for (const segment of segments) {
    if (!current || !Object.hasOwn(current as object, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
