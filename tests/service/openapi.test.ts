/** Every 200 body of the service against its component in GET /v1/openapi.json, so that the
 * document cannot drift from the answers (#15): a field the answer has and the component lacks
 * fails here, as the components are strict. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createService } from '../../src/service/app.js';
import { bundledRulebook } from '../../src/load.js';
import { applyReform } from '../../src/reform/index.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const rulebook = bundledRulebook();
const limits = { maxBodyBytes: 1 << 20, timeoutMs: 30_000, maxConcurrent: 4 };
const { app } = createService(rulebook, limits);
// Parameters set by a reform carry its name: a service started on a reformed rulebook shows them.
const reformed = createService(applyReform(rulebook, JSON.parse(example('reforms/lingwu-750.json')) as unknown, 'lingwu-750.json'), limits).app;

const post = (path: string, body: unknown) => app.request(path, { method: 'POST', body: JSON.stringify(body) });

async function components(): Promise<(id: string) => ValidateFunction> {
  const document = (await (await app.request('/v1/openapi.json')).json()) as { components: object };
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  // "components" is OpenAPI's, not JSON Schema's.
  ajv.addKeyword('components');
  ajv.addSchema({ $id: 'doc', components: document.components } as object);
  return (id) => {
    const validate = ajv.getSchema(`doc#/components/schemas/${id}`);
    if (!validate) throw new Error(`no component ${id}`);
    return validate;
  };
}

async function expectBody(component: (id: string) => ValidateFunction, id: string, response: Response | Promise<Response>, label: string): Promise<unknown> {
  const answered = await response;
  expect(answered.status, label).toBe(200);
  const body = (await answered.json()) as unknown;
  const validate = component(id);
  expect(validate(body), `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return body;
}

describe('every 200 body matches its OpenAPI component', () => {
  it('evaluate, timeline, audit, packs, parameters, healthz', async () => {
    const component = await components();
    for (const [file, month] of [
      ['lingwu-2024-allowances.json', '2024-05'],
      ['hannan-2020.json', '2020-08'],
      ['chongqing-category-2024.json', '2024-05'],
    ] as const) {
      const household = JSON.parse(example(file)) as unknown;
      await expectBody(component, 'EvaluationResult', post('/v1/evaluate', { household, month }), file);
      await expectBody(component, 'EvaluationResult', post('/v1/evaluate', { household, month, trace: false, lang: 'zh' }), `${file} zh`);
    }
    const timeline = JSON.parse(example('audit/household-timeline.json')) as unknown;
    await expectBody(component, 'TimelineResponse', post('/v1/timeline', { timeline, from: '2019-06', to: '2021-06', trace: true }), 'timeline');
    const report = (await expectBody(
      component,
      'AuditReport',
      post('/v1/audit', { ledger: example('audit/payments.csv'), households: example('audit/households.ndjson') }),
      'audit',
    )) as { totals: { notes: unknown[] } };
    expect(report.totals.notes.length).toBeGreaterThan(0);
    await expectBody(component, 'Packs', app.request('/v1/packs'), 'packs');
    await expectBody(component, 'Health', app.request('/healthz'), 'healthz');
    for (const id of ['cn', 'cn-640181', 'cn-420100', 'cn-500112']) {
      const parameters = (await expectBody(component, 'Parameters', app.request(`/v1/parameters/${id}?month=2024-05`), id)) as { resolved: object | null }[];
      if (id === 'cn-640181') expect(parameters.some((p) => p.resolved !== null && 'multipleOf' in p.resolved)).toBe(true);
    }
    const withReform = (await expectBody(component, 'Parameters', reformed.request('/v1/parameters/cn-640181?month=2024-08'), 'reformed')) as { resolved: object | null }[];
    expect(withReform.some((p) => p.resolved !== null && 'reform' in p.resolved)).toBe(true);
  });
});
