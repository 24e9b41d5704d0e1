/** The HTTP service's routes, in process (Hono's app.request): answers, errors, limits (#15). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createService } from '../../src/service/app.js';
import { bundledRulebook } from '../../src/load.js';
import { evaluateTimeline } from '../../src/audit/api.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const household = (name: string) => JSON.parse(example(name)) as Record<string, unknown>;
const log: string[] = [];
const { app } = createService(bundledRulebook(), { maxBodyBytes: 64 * 1024, timeoutMs: 5_000, maxConcurrent: 2 }, (line) => log.push(line));

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' }).stdout;

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; details: { path: string; expected: string; found?: string }[] } };
  expect(Object.keys(body)).toEqual(['error']);
  return body.error;
}

describe('POST /v1/evaluate', () => {
  it('answers the same bytes as benefit-rules evaluate', async () => {
    for (const [file, month] of [
      ['lingwu-2024-allowances.json', '2024-05'],
      ['hannan-2020.json', '2020-08'],
    ] as const) {
      const response = await post('/v1/evaluate', { household: household(file), month });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(cli(['evaluate', '--month', month, `examples/${file}`]));
    }
    const lean = await post('/v1/evaluate', { household: household('hannan-2020.json'), month: '2020-08', trace: false, knownAt: '2020-08-01' });
    expect(await lean.text()).toBe(cli(['evaluate', '--month', '2020-08', '--no-trace', '--known-at', '2020-08-01', 'examples/hannan-2020.json']));
  });

  it('explains in the language asked for', async () => {
    const result = (await (await post('/v1/evaluate', { household: household('lingwu-2024.json'), month: '2024-05', lang: 'zh' })).json()) as { explanation: string[] };
    expect(result.explanation.join('\n')).toContain('本月合计');
  });

  it('names each mistake of a household by its path in the request', async () => {
    const bad = { ...household('lingwu-2024.json'), members: [{ id: 'a', birthDate: '1980-02-30', relation: 'head' }] };
    const error = await errorOf(await post('/v1/evaluate', { household: bad, month: '2024-05' }), 400);
    expect(error.code).toBe('invalid-household');
    expect(error.details).toEqual([{ path: '$.household.members[0].birthDate', expected: 'expected a calendar date that exists', found: '"1980-02-30"' }]);
  });

  it('refuses a malformed request with 400, naming the field', async () => {
    expect((await errorOf(await post('/v1/evaluate', '{"household": '), 400)).code).toBe('invalid-input');
    const envelope = await errorOf(await post('/v1/evaluate', { household: {}, month: '2024-5', lang: 'fr', extra: 1 }), 400);
    expect(envelope.code).toBe('invalid-request');
    expect(envelope.details.map((d) => d.path).sort()).toEqual(['$.extra', '$.lang', '$.month']);
  });

  it('refuses JSON nested too deep before parsing it', async () => {
    const deep = `{"household":${'['.repeat(100_000)}${']'.repeat(100_000)},"month":"2024-05"}`;
    const small = createService(bundledRulebook(), { maxBodyBytes: 1 << 20, timeoutMs: 5_000, maxConcurrent: 2 }).app;
    const error = await errorOf(await small.request('/v1/evaluate', { method: 'POST', body: deep }), 400);
    expect(error.message).toMatch(/nested more than 64 levels/);
  });

  it('413 for a body over the limit, 422 for a jurisdiction without a pack', async () => {
    expect((await errorOf(await post('/v1/evaluate', { household: 'x'.repeat(70 * 1024), month: '2024-05' }), 413)).code).toBe('payload-too-large');
    const nowhere = await errorOf(await post('/v1/evaluate', { household: { ...household('lingwu-2024.json'), jurisdiction: 'cn-999999' }, month: '2024-05' }), 422);
    expect(nowhere.code).toBe('unknown-jurisdiction');
    expect(nowhere.details).toEqual([{ path: '$.household.jurisdiction', expected: 'the id of a pack', found: '"cn-999999"' }]);
  });

  it('evaluates under a reform sent in the request, the same bytes as evaluate --reform', async () => {
    const reform = JSON.parse(example('reforms/lingwu-750.json')) as unknown;
    for (const month of ['2024-08', '2024-05']) {
      const response = await post('/v1/evaluate', { household: household('lingwu-2024.json'), month, reform });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(cli(['evaluate', '--month', month, '--reform', 'examples/reforms/lingwu-750.json', 'examples/lingwu-2024.json']));
    }
    // The timeline too: the months after July 2024 under the reform.
    const timeline = await post('/v1/timeline', { timeline: household('lingwu-2024.json'), from: '2024-06', to: '2024-07', reform });
    const months = ((await timeline.json()) as { months: { result: { receipt: { reform?: { name: string } } } }[] }).months;
    expect(months.map((m) => m.result.receipt.reform?.name)).toEqual(['lingwu-750', 'lingwu-750']);
  });

  it('a batch under a reform given in the query: the records of evaluate --batch --reform --receipt each', async () => {
    const reform = encodeURIComponent(example('reforms/lingwu-750.json'));
    const response = await post(`/v1/evaluate/batch?reform=${reform}`, example('reforms/lingwu-households.ndjson'));
    expect(response.status).toBe(200);
    const expected = cli([
      'evaluate',
      '--batch',
      'examples/reforms/lingwu-households.ndjson',
      '--reform',
      'examples/reforms/lingwu-750.json',
      '--receipt',
      'each',
      '--workers',
      '0',
      '--no-progress',
    ]);
    expect(await response.text()).toBe(expected);
    const bad = await errorOf(await post(`/v1/evaluate/batch?reform=${encodeURIComponent('{"name": "x", "changes": [{}]}')}`, ''), 400);
    expect(bad.code).toBe('invalid-reform');
    expect(bad.details.every((d) => d.path.startsWith('$query.reform.changes[0]'))).toBe(true);
    expect((await errorOf(await post('/v1/evaluate/batch?reform=%7B', ''), 400)).details[0]?.path).toBe('$query.reform');
  });

  it('400 invalid-reform for a bad reform, every problem named under $.reform', async () => {
    const reform = { name: 'x', changes: [{ jurisdiction: 'cn-9', parameter: 'dibao.standard.urban', from: '2024-13-01', value: 'a' }] };
    const error = await errorOf(await post('/v1/evaluate', { household: household('lingwu-2024.json'), month: '2024-05', reform }), 400);
    expect(error.code).toBe('invalid-reform');
    expect(error.details.map((d) => d.path)).toEqual(['$.reform.changes[0].from', '$.reform.changes[0].jurisdiction', '$.reform.changes[0].value']);
    expect((await errorOf(await post('/v1/timeline', { timeline: {}, from: '2024-01', to: '2024-02', reform: 5 }), 400)).details[0]?.path).toBe('$.reform');
  });
});

describe('the other routes', () => {
  it('POST /v1/timeline gives what evaluateTimeline gives', async () => {
    const timeline = JSON.parse(example('audit/household-timeline.json')) as unknown;
    const response = await post('/v1/timeline', { timeline, from: '2020-01', to: '2020-12' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(evaluateTimeline(timeline, { from: '2020-01', to: '2020-12', rulebook: bundledRulebook() }))));
  });

  it('POST /v1/audit gives the report benefit-rules audit writes, from CSV text or JSON ledger lines', async () => {
    const ledger = example('audit/payments.csv');
    const households = example('audit/households.ndjson');
    const expected = cli(['audit', '--ledger', 'examples/audit/payments.csv', '--households', 'examples/audit/households.ndjson']);
    const asText = await post('/v1/audit', { ledger, households });
    expect(asText.status).toBe(200);
    const text = await asText.text();
    // The receipt names the hashes of the inputs as sent; the findings and totals are the same.
    const body = (report: string) => report.slice(report.indexOf('"findings"'));
    expect(body(text)).toBe(body(expected));
    const [header, ...rows] = ledger
      .trim()
      .split('\n')
      .map((row) => row.split(','));
    const lines = rows.map((row) => Object.fromEntries((header ?? []).map((column, i) => [column, row[i] ?? ''])));
    const asJson = await post('/v1/audit', {
      ledger: lines,
      households: households
        .trim()
        .split('\n')
        .map((h) => JSON.parse(h) as unknown),
    });
    expect(body(await asJson.text())).toBe(body(expected));
  });

  it('GET /v1/packs and /v1/parameters/{id}; 404 for an unknown pack or route', async () => {
    const packs = (await (await app.request('/v1/packs')).json()) as { id: string }[];
    expect(packs.map((p) => p.id)).toContain('cn-640181');
    const parameters = await app.request('/v1/parameters/cn-640181?month=2024-05');
    expect(await parameters.text()).toBe(cli(['params', 'cn-640181', '--month', '2024-05', '--json']));
    expect((await errorOf(await app.request('/v1/parameters/cn-999999?month=2024-05'), 404)).code).toBe('unknown-jurisdiction');
    expect((await errorOf(await app.request('/v1/parameters/cn-640181?month=May'), 400)).details[0]?.path).toBe('$query.month');
    expect((await errorOf(await app.request('/v1/nothing'), 404)).code).toBe('not-found');
  });

  it('503 busy when more requests than the limit are under way, and free again after', async () => {
    const { app: busy } = createService(bundledRulebook(), { maxBodyBytes: 1 << 20, timeoutMs: 5_000, maxConcurrent: 1 });
    let release: () => void = () => {};
    const held = new ReadableStream<Uint8Array>({ start: (controller) => void (release = () => controller.close()) });
    const first = await busy.request('/v1/evaluate/batch?month=2024-05', { method: 'POST', body: held, duplex: 'half' } as RequestInit);
    const reading = first.text();
    const refused = await busy.request('/v1/evaluate', { method: 'POST', body: '{}' });
    expect((await errorOf(refused, 503)).code).toBe('busy');
    expect(refused.headers.get('retry-after')).toBe('1');
    release();
    expect(await reading).toBe('');
    expect((await busy.request('/v1/evaluate', { method: 'POST', body: '{}' })).status).toBe(400);
  });

  it('logs one line a request, with the bytes of the answer and no household data; a batch when its stream ends', async () => {
    log.length = 0;
    const answered = await (await post('/v1/evaluate', { household: household('lingwu-2024.json'), month: '2024-05' })).text();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^\S+Z POST \/v1\/evaluate 200 \d+ [\d.]+ms$/);
    expect(log[0]?.split(' ')[4]).toBe(String(Buffer.byteLength(answered)));
    expect(log[0]).not.toContain('lingwu');
    log.length = 0;
    const batch = await post('/v1/evaluate/batch?month=2024-05', `${example('lingwu-2024.json').replace(/\n/g, '')}\n`);
    // Not yet: the stream has not been read to its end.
    expect(log).toHaveLength(0);
    const records = await batch.text();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(new RegExp(`^\\S+Z POST /v1/evaluate/batch 200 ${Buffer.byteLength(records)} [\\d.]+ms$`));
  });

  it('405 with Allow for a known route asked with another method', async () => {
    const wrong = await app.request('/v1/evaluate');
    expect((await errorOf(wrong, 405)).code).toBe('method-not-allowed');
    expect(wrong.headers.get('allow')).toBe('POST');
    const parameters = await app.request('/v1/parameters/cn-640181', { method: 'DELETE' });
    expect((await errorOf(parameters, 405)).code).toBe('method-not-allowed');
    expect(parameters.headers.get('allow')).toBe('GET');
  });
});

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 whose every body is a typed component, each valid JSON Schema', async () => {
    const document = (await (await app.request('/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> }>
      >;
      components: { schemas: Record<string, object> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(
      ['/healthz', '/v1/audit', '/v1/evaluate', '/v1/evaluate/batch', '/v1/openapi.json', '/v1/packs', '/v1/parameters/{jurisdiction}', '/v1/timeline'].sort(),
    );
    // Every component named: none left in zod's __shared bucket for schemas not registered.
    expect(Object.keys(document.components.schemas)).not.toContain('__shared');
    const refs: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const media of Object.values(response.content ?? {})) if (path !== '/v1/openapi.json') refs.push(`${path} ${status} ${JSON.stringify(media.schema)}`);
        }
      }
    }
    for (const ref of refs) expect(ref).toMatch(/"\$ref":"#\/components\/schemas\/\w+"/);
    // Compiled together, as one document: every $ref resolves, and ajv's strict mode accepts them.
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    // "components" is OpenAPI's, not JSON Schema's: declared, so that strict mode checks the rest.
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'doc', components: document.components } as object);
    for (const id of Object.keys(document.components.schemas)) expect(ajv.getSchema(`doc#/components/schemas/${id}`), id).toBeTypeOf('function');
    const validate = ajv.getSchema('doc#/components/schemas/EvaluationResult');
    const result = (await (await post('/v1/evaluate', { household: household('lingwu-2024.json'), month: '2024-05' })).json()) as unknown;
    expect(validate?.(result)).toBe(true);
  });
});
