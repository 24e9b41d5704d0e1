/**
 * Errors a user can cause (bad household, unknown jurisdiction, bad pack, month not covered).
 * They carry enough to fix the input without reading code: where (file and JSON path), what was
 * expected, what was found. Interfaces print them as one readable message, never as a stack trace.
 */
export type ErrorCode =
  | 'invalid-household'
  | 'invalid-pack'
  | 'invalid-rules'
  | 'unknown-jurisdiction'
  | 'parameter-not-covered'
  | 'parameter-not-configured'
  | 'invalid-option'
  | 'invalid-input'
  | 'invalid-reform';

export interface ErrorDetail {
  /** JSON path inside the input, `$` for the root. */
  path: string;
  expected: string;
  found?: string;
  /** The file the problem is in, when it comes from a file. */
  file?: string;
  /** Where in that file, for a YAML rule or pack file (1-based). */
  line?: number;
  column?: number;
}

export class BenefitRulesError extends Error {
  override readonly name = 'BenefitRulesError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** A plain object for JSON output (batch error records, CLI `--json`). */
  toJSON(): { code: ErrorCode; message: string; details: readonly ErrorDetail[] } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * One instance of an error class that the engine throws for control flow on its hot path (a
 * programme not configured this month, fixed point that cannot stay exact), made once without
 * stack frames: a fresh Error per throw would capture a stack each time, and these are thrown
 * for thousands of households a second. Being Errors, they still read as errors with a name and
 * a message should one ever escape. Compare with `instanceof` or with the instance.
 */
export function signal<T extends Error>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return Object.freeze(make());
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function isBenefitRulesError(error: unknown): error is BenefitRulesError {
  return error instanceof BenefitRulesError;
}

/** JSON path text in the `$.members[0].birthDate` form used by every message of the project. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** A short, safe description of a value for "found: …" (never the whole input). API callers can
 * pass any JS value, not only JSON, so nothing here may throw. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return shorten(`a bigint ${value}n`);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'number':
      // String, not JSON.stringify: JSON writes NaN and Infinity as null.
      return String(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
    default:
      return shorten(JSON.stringify(value));
  }
}

function shorten(text: string): string {
  if (text.length <= 60) return text;
  // By code points, so that a character outside the BMP is not cut in half.
  return `${Array.from(text).slice(0, 59).join('')}…`;
}

/** The value at a path inside an input (for "found …" in messages); undefined where there is none. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
