/**
 * Every failure of the service as one JSON shape, `{ "error": { code, message, details } }`, with
 * the HTTP status that says whose it is: the request's (400, 404, 413, 422), the service's load
 * (503), or ours (500, without a stack).
 */
import type { z } from 'zod';
import { BenefitRulesError, describeValue, jsonPath, valueAt, type ErrorDetail } from '../errors.js';

export type Status = 400 | 404 | 405 | 413 | 422 | 500 | 503;

export class ServiceError extends Error {
  constructor(
    readonly status: Status,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** The library's codes: the caller's mistake in the request (400), or a well-formed request the
 * rules cannot answer (422: a jurisdiction without a pack, a rule the pack must set and does not). */
const STATUS_OF: Record<string, Status> = {
  'invalid-household': 400,
  'invalid-input': 400,
  'invalid-option': 400,
  'unknown-jurisdiction': 422,
  'parameter-not-covered': 422,
  'parameter-not-configured': 422,
};

export function errorJson(error: unknown): { status: Status; body: string } {
  if (error instanceof ServiceError) return { status: error.status, body: body(error.code, error.message, error.details) };
  if (error instanceof BenefitRulesError) return { status: STATUS_OF[error.code] ?? 500, body: body(error.code, error.message, error.details) };
  return { status: 500, body: body('internal-error', 'internal error in benefit-rules (please report it)', []) };
}

function body(code: string, message: string, details: readonly ErrorDetail[]): string {
  return `${JSON.stringify({ error: { code, message, details } })}\n`;
}

/** Library errors about a part of the request name their paths from the request's root. */
export function under<T>(prefix: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    // Every code, unknown-jurisdiction too: its `$.jurisdiction` is the household's, under the prefix.
    if (!(error instanceof BenefitRulesError)) throw error;
    const details = error.details.map((d) => (d.path.startsWith('$') ? { ...d, path: prefix + d.path.slice(1) } : d));
    throw new BenefitRulesError(error.code, error.message, details);
  }
}

/** Checks a request envelope (body or query) with its zod schema; every problem with its path. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, root = '$'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details: ErrorDetail[] = [];
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      details.push({
        path: root + jsonPath(path).slice(1),
        expected: key === undefined ? issue.message : 'no such field (see GET /v1/openapi.json)',
        found: describeValue(valueAt(value, path)),
      });
    }
  }
  throw new ServiceError(
    400,
    root === '$' ? 'invalid-request' : 'invalid-query',
    `The request is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`,
    details,
  );
}

/** The deepest nesting of arrays and objects a request may have: far above any household (depth 5),
 * and low enough that no recursive check of ours or zod's can exhaust the stack. */
export const MAX_DEPTH = 64;

/** Refuses nesting deeper than `limit` before JSON.parse builds it; strings are skipped whole. */
export function checkDepth(text: string, limit = MAX_DEPTH): void {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, escapes included.
      for (i += 1; i < text.length && text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
    } else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > limit)
        throw new ServiceError(400, 'invalid-input', `The request is nested more than ${limit} levels deep`, [
          { path: '$', expected: `JSON nested at most ${limit} levels deep`, found: `more than ${limit} levels` },
        ]);
    } else if (c === 125 || c === 93) depth -= 1;
  }
}

/** A JSON body, or the JSON of a query parameter (`path`: where it is in the request). */
export function parseBody(text: string, path = '$'): unknown {
  checkDepth(text);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const what = path === '$' ? 'The request body' : path;
    throw new ServiceError(400, 'invalid-input', `${what} is not valid JSON: ${(error as Error).message}`, [{ path, expected: 'a JSON object', found: (error as Error).message }]);
  }
}
