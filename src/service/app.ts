/**
 * The HTTP service's routes, on Hono (docs/decisions/0013). Each route is a thin skin over a library
 * entry point: the answer is the library's JSON, byte for byte what the CLI prints, and every
 * failure is one JSON error shape (errors.ts). The limits live here too: body size, JSON depth,
 * time per request, requests at once.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timeout } from 'hono/timeout';
import { HTTPException } from 'hono/http-exception';
import { stringify } from 'csv-stringify/sync';
import { evaluateWith } from '../evaluate.js';
import { evaluateTimeline, auditLedger } from '../audit/api.js';
import { LEDGER_COLUMNS } from '../audit/ledger.js';
import { parametersInForce } from '../rulebook/resolve.js';
import { BenefitRulesError } from '../errors.js';
import { firstDayOf } from '../dates.js';
import type { Rulebook } from '../rulebook/index.js';
import { VERSION } from '../version.js';
import { auditRequest, batchQuery, evaluateRequest, parametersQuery, timelineRequest } from './contract.js';
import { ServiceError, checked, errorJson, parseBody, under } from './errors.js';
import { batchResponse } from './batch.js';
import { openApiDocument } from './openapi.js';
import { reformer } from './reforms.js';
import { deadline, systemClock, timedOut, type Clock } from './deadline.js';

export interface ServiceLimits {
  /** Bytes of a JSON request body (a batch is streamed: this bounds each of its lines). */
  maxBodyBytes: number;
  /** Milliseconds to receive and compute an answer: checked between the months of a timeline and
   * the lines of an audit; a batch: to receive each line, and its lines' evaluation in all (the
   * time it waits for its client's next line does not count). */
  timeoutMs: number;
  /** Requests under way at once; more are answered 503 at once rather than queued. */
  maxConcurrent: number;
}

export const DEFAULT_LIMITS: ServiceLimits = { maxBodyBytes: 1024 * 1024, timeoutMs: 30_000, maxConcurrent: 64 };

/** A batch stream sets `streaming`: it counts as under way, and is logged, when its last line is
 * written (`ended`, with the bytes it wrote). */
type Env = { Variables: { streaming: boolean; ended: (bytes: number) => void } };

export interface Service {
  app: Hono<Env>;
  /** Requests under way, batch streams until their last line is written. */
  inFlight(): number;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

function answer(c: Context<Env>, value: unknown, status: 200 = 200): Response {
  // Pretty-printed with a final line break: the same bytes as `benefit-rules evaluate`.
  return c.body(`${JSON.stringify(value, null, 2)}\n`, status, JSON_TYPE);
}

function fail(c: Context<Env>, error: unknown): Response {
  const { status, body } = errorJson(error);
  return c.body(body, status, JSON_TYPE);
}

const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** `log` gets one access-log line a request: time, method, path, status, bytes, milliseconds —
 * the path only, never the query or a body, so no household data. */
export function createService(rulebook: Rulebook, limits: ServiceLimits = DEFAULT_LIMITS, log?: (line: string) => void, now: Clock = systemClock): Service {
  const app = new Hono<Env>();
  let inFlight = 0;
  if (log) {
    app.use('*', async (c, next) => {
      const start = performance.now();
      const line = (status: number, bytes: number) =>
        log(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${status} ${bytes} ${(performance.now() - start).toFixed(1)}ms`);
      c.set('ended', (bytes) => line(200, bytes));
      await next();
      if (c.get('streaming') === true) return;
      line(c.res.status, await bodyBytes(c.res));
    });
  }
  const document = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
  const reformed = reformer(rulebook);
  const rulebookFor = (reform: unknown, root?: string) => (reform === undefined ? rulebook : reformed(reform, root));

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 503) return fail(c, timedOut(limits.timeoutMs));
    return fail(c, error);
  });
  app.notFound((c) => {
    const allowed = methodsOf(app, c.req.path);
    if (allowed.length === 0) return fail(c, new ServiceError(404, 'not-found', `No route ${c.req.method} ${c.req.path} (see GET /v1/openapi.json)`));
    c.header('allow', allowed.join(', '));
    return fail(c, new ServiceError(405, 'method-not-allowed', `${c.req.path} takes ${allowed.join(', ')}, not ${c.req.method}`));
  });

  app.use('/v1/*', async (c, next) => {
    if (inFlight >= limits.maxConcurrent) {
      c.header('retry-after', '1');
      return fail(c, new ServiceError(503, 'busy', `More than ${limits.maxConcurrent} requests at once: try again in a moment`));
    }
    inFlight += 1;
    let streaming = false;
    try {
      await next();
      streaming = c.get('streaming') === true;
    } finally {
      if (!streaming) inFlight -= 1;
    }
  });
  const limited = [
    timeout(limits.timeoutMs, () => new HTTPException(503)),
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) => fail(c, new ServiceError(413, 'payload-too-large', `The request body is larger than ${limits.maxBodyBytes} bytes`)),
    }),
  ] as const;
  const body = async (c: Context<Env>) => parseBody(await c.req.text());

  app.get('/healthz', (c) => c.json({ status: 'ok', engine: `benefit-rules@${VERSION}`, inFlight }));
  app.get('/v1/openapi.json', (c) => c.body(document, 200, JSON_TYPE));

  app.post('/v1/evaluate', ...limited, async (c) => {
    const { household, month, knownAt, lang, trace, reform } = checked(evaluateRequest, await body(c));
    const book = rulebookFor(reform);
    return answer(
      c,
      under('$.household', () => evaluateWith(household, { month, rulebook: book, ...defined({ knownAt, lang, trace }) })),
    );
  });

  app.post('/v1/evaluate/batch', (c) => {
    const query = checked(batchQuery, c.req.query(), '$query');
    const reform = query.reform === undefined ? undefined : parseBody(query.reform, '$query.reform');
    const response = batchResponse(c.req.raw.body, {
      rulebook: rulebookFor(reform, '$query.reform'),
      ...defined({ month: query.month, knownAt: query.knownAt }),
      trace: query.trace === 'true',
      maxLineBytes: limits.maxBodyBytes,
      timeoutMs: limits.timeoutMs,
      now,
      done: (bytes) => {
        inFlight -= 1;
        c.get('ended')?.(bytes);
      },
    });
    c.set('streaming', true);
    return response;
  });

  app.post('/v1/timeline', ...limited, async (c) => {
    const checkpoint = deadline(limits.timeoutMs, now);
    const { timeline, from, to, knownAt, lang, trace, reform } = checked(timelineRequest, await body(c));
    const book = rulebookFor(reform);
    return answer(
      c,
      under('$.timeline', () => evaluateTimeline(timeline, { from, to, rulebook: book, checkpoint, ...defined({ knownAt, lang, trace }) })),
    );
  });

  app.post('/v1/audit', ...limited, async (c) => {
    const checkpoint = deadline(limits.timeoutMs, now);
    const request = checked(auditRequest, await body(c));
    const ledger = typeof request.ledger === 'string' ? request.ledger : ledgerCsv(request.ledger);
    const households = typeof request.households === 'string' ? request.households : request.households.map((h) => JSON.stringify(h)).join('\n');
    const report = await auditLedger({ ledger, households, rulebook, checkpoint, ...defined({ from: request.from, to: request.to }) });
    return c.body(report.json, 200, JSON_TYPE);
  });

  app.get('/v1/packs', (c) =>
    answer(
      c,
      [...rulebook.packs.values()].map((pack) => ({
        id: pack.id,
        name: pack.manifest.name,
        level: pack.manifest.level,
        extends: pack.manifest.extends ?? null,
        parameters: pack.parameters.size,
        hash: pack.hash,
      })),
    ),
  );

  app.get('/v1/parameters/:jurisdiction', (c) => {
    const id = c.req.param('jurisdiction');
    const { month, knownAt } = checked(parametersQuery, c.req.query(), '$query');
    if (!rulebook.packs.has(id))
      throw new ServiceError(404, 'unknown-jurisdiction', `No pack "${id}" (see GET /v1/packs)`, [
        { path: '$path.jurisdiction', expected: 'a pack id', found: JSON.stringify(id) },
      ]);
    return answer(
      c,
      parametersInForce(rulebook, id, firstDayOf(month), knownAt).map(({ declaration, resolved }) => ({ id: declaration.id, resolved: resolved ?? null })),
    );
  });

  return { app, inFlight: () => inFlight };
}

/** Ledger lines sent as JSON objects become the ledger CSV the audit reads, so that both forms are
 * checked, line by line, by the same code. */
function ledgerCsv(lines: readonly unknown[]): string {
  const rows = lines.map((line, index) => {
    if (line === null || typeof line !== 'object' || Array.isArray(line)) {
      throw new BenefitRulesError('invalid-input', `ledger line ${index + 1} is not an object`, [
        { path: `$.ledger[${index}]`, expected: `an object with ${LEDGER_COLUMNS.join(', ')}`, found: typeof line },
      ]);
    }
    const record = line as Record<string, unknown>;
    return LEDGER_COLUMNS.map((column) => (record[column] === undefined || record[column] === null ? '' : String(record[column])));
  });
  return stringify([[...LEDGER_COLUMNS], ...rows]);
}

/** The methods of the routes matching a path (Hono's own list, `:name` a path segment): a known
 * path asked with another method is 405 with Allow, not 404. */
function methodsOf(app: Hono<Env>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    const pattern = new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/:[^/]+/g, '[^/]+')}$`);
    if (pattern.test(path)) methods.add(route.method);
  }
  return [...methods];
}

/** A body's size for the access log: the header when it is set, else the bytes themselves. */
async function bodyBytes(response: Response): Promise<number> {
  const header = response.headers.get('content-length');
  if (header !== null) return Number(header);
  return response.body ? (await response.clone().arrayBuffer()).byteLength : 0;
}
