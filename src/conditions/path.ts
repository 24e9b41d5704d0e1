/**
 * The subset of JSONPath the rule files may use on a fact: `$.a.b`, `$.a[0]`, `$['a-b']`. It covers
 * every path a rule needs; anything else is refused when the rules load, so the compiled evaluator
 * and json-rules-engine (jsonpath-plus) can never disagree on a path.
 */
export type PathSegment = string | number;

const SEGMENT = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^'\\]*)'\])/;

export function parsePath(path: string): PathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3] as string);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** json-rules-engine applies a path only to a non-null object and otherwise returns the fact itself. */
export function readPath(value: unknown, segments: readonly PathSegment[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
