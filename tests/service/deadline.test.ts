/** Time per request bounds computing, not only receiving (#15): the long loops check a deadline
 * between months, ledger lines and batch lines. A clock of the test's own makes it exact: each
 * reading of it is one millisecond later than the last. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createService } from '../../src/service/app.js';
import { bundledRulebook } from '../../src/load.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const rulebook = bundledRulebook();

function ticking(timeoutMs: number) {
  const clock = { readings: 0 };
  const { app } = createService(rulebook, { maxBodyBytes: 1 << 20, timeoutMs, maxConcurrent: 4 }, undefined, () => (clock.readings += 1));
  return { app, clock };
}

async function timeoutOf(response: Response) {
  expect(response.status).toBe(503);
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('--timeout bounds computing', () => {
  it('a 100-year timeline stops with 503 timeout after the months its time allows', async () => {
    const { app, clock } = ticking(20);
    const body = JSON.stringify({ timeline: JSON.parse(example('lingwu-2024.json')) as unknown, from: '1950-01', to: '2049-12' });
    expect(await timeoutOf(await app.request('/v1/timeline', { method: 'POST', body }))).toBe('timeout');
    // One reading a month: it stopped near the 20th month, not after 1,200.
    expect(clock.readings).toBeLessThan(30);
  });

  it('an audit stops with 503 timeout between ledger lines', async () => {
    const { app, clock } = ticking(5);
    const body = JSON.stringify({ ledger: example('audit/payments.csv'), households: example('audit/households.ndjson') });
    expect(await timeoutOf(await app.request('/v1/audit', { method: 'POST', body }))).toBe('timeout');
    expect(clock.readings).toBeLessThan(10);
    // With the time it needs, the same audit is answered.
    expect((await ticking(1000).app.request('/v1/audit', { method: 'POST', body })).status).toBe(200);
  });

  it('a batch already streaming ends with a timeout record at the first line not evaluated', async () => {
    // Two readings a line: each line takes 1 ms, and the 4th finds 3 ms spent, over the limit of 2.
    const { app } = ticking(2);
    const body = `${example('population.ndjson').trim()}\n`;
    const response = await app.request('/v1/evaluate/batch', { method: 'POST', body });
    expect(response.status).toBe(200);
    const records = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; ok: boolean; error?: { code: string } });
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(records.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(records[3]).toMatchObject({ line: 4, ok: false, error: { code: 'timeout' } });
  });
});
