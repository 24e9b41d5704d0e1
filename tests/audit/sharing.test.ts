/**
 * The audit shares evaluations between its timeline runs (dates of one knowledge class, months
 * whose parameter values and case state agree): its reports must be byte for byte those of the
 * audit that runs every payment date on its own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { writeAuditInputs } from '../../tools/bench/audit-data.js';
import { JsonReport, csvHeader, csvRow } from '../../src/audit/report.js';
import { runAudit } from '../../src/audit/run.js';

const source = (text: string) => () => Readable.from([Buffer.from(text, 'utf8')]);

async function reports(ledger: string, households: string, share: boolean, period: { from?: string; to?: string } = {}) {
  const parts: string[] = [];
  const csv: string[] = [csvHeader()];
  const report = new JsonReport((text) => parts.push(text));
  const run = await runAudit({
    rulebook: bundledRulebook(),
    ledger: source(ledger),
    households: source(households),
    ...period,
    share,
    begin: (s) => report.begin(s),
    emit: (f) => (report.finding(f), csv.push(csvRow(f))),
  });
  report.end(run.totals);
  return { json: parts.join(''), csv: csv.join('') };
}

describe('evaluations shared between runs change nothing in the report', () => {
  it('a mixed ledger (scattered payment dates across the retroactive decisions, timelines, bad lines)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-sharing-'));
    try {
      await writeAuditInputs(dir, { households: 72, lines: 900, mixed: true, seed: 11 });
      const ledger = readFileSync(join(dir, 'ledger.csv'), 'utf8');
      const households = readFileSync(join(dir, 'households.ndjson'), 'utf8');
      const shared = await reports(ledger, households, true);
      const alone = await reports(ledger, households, false);
      // The ledger does reach the cases shared runs must get right.
      expect(alone.json).toContain('"verdict":"arrears"');
      expect(alone.json).toContain('"verdict":"overpaid"');
      expect(shared.json).toBe(alone.json);
      expect(shared.csv).toBe(alone.csv);
      const period = { from: '2018-03', to: '2024-02' };
      expect((await reports(ledger, households, true, period)).json).toBe((await reports(ledger, households, false, period)).json);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the example ledger', async () => {
    const ledger = readFileSync('examples/audit/payments.csv', 'utf8');
    const households = readFileSync('examples/audit/households.ndjson', 'utf8');
    expect((await reports(ledger, households, true)).json).toBe((await reports(ledger, households, false)).json);
  });
});
