/** Issue 13 in the library: households files and ledgers that once crashed, hung or merged. */
import { describe, expect, it } from 'vitest';
import { auditLedger } from '../../src/audit/api.js';
import type { AuditedLine } from '../../src/audit/auditor.js';
import type { LedgerError } from '../../src/audit/ledger.js';
import { ledger, ndjson } from './support.js';

const household = (id: string) => ({ id, jurisdiction: 'cn-420113', residence: 'urban', members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] });
const errors = (findings: { kind: string }[]) => findings.filter((f): f is LedgerError => f.kind === 'error').map((e) => [e.line, e.code]);
const audited = (findings: { kind: string }[]) => findings.filter((f): f is AuditedLine => f.kind === 'line').map((l) => [l.line, l.verdict]);

describe('the households file', () => {
  it('takes a byte-order mark before the first household (before: exit 70, report cut after its header)', async () => {
    const report = await auditLedger({ ledger: ledger([['hn', '', 'dibao', '2020-08', '830.00', '2020-08-20']]), households: `\ufeff${ndjson(household('hn'))}` });
    expect(audited(report.findings)).toEqual([[2, 'correct']]);
    expect(report.householdErrors).toEqual([]);
  });

  it('refuses a changes patch nested 20,000 deep as that household, and audits the others (before: stack overflow)', async () => {
    const deep = `{"snapshots":[{"from":"2020-01","household":${JSON.stringify(household('deep'))}},{"from":"2020-02","changes":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}]}`;
    const report = await auditLedger({
      ledger: ledger([
        ['deep', '', 'dibao', '2020-08', '830.00', '2020-08-20'],
        ['hn', '', 'dibao', '2020-08', '830.00', '2020-08-20'],
      ]),
      households: `${deep}\n${ndjson(household('hn'))}`,
    });
    expect(report.householdErrors[0]?.message).toMatch(/nested more than 64 levels/);
    expect(errors(report.findings)).toEqual([[2, 'invalid-household']]);
    expect(audited(report.findings)).toEqual([[3, 'correct']]);
  });

  it('names a household whose line is not JSON as invalid, not unknown (before: "no household")', async () => {
    const report = await auditLedger({ ledger: ledger([['hn', '', 'dibao', '2020-08', '830.00', '2020-08-20']]), households: '{"id": "hn", "jurisdiction": "cn-420113",\n' });
    expect(errors(report.findings)).toEqual([[2, 'invalid-household']]);
  });
});

describe('ledger months are bounded', () => {
  it("calls a month far from the household's other lines an error line, not a century of evaluations (before: 42 minutes, 1.5 GB)", async () => {
    const started = Date.now();
    const report = await auditLedger({
      ledger: ledger([
        ['hn', '', 'dibao', '2018-08', '830.00', '2018-08-20'],
        ['hn', '', 'dibao', '2018-09', '830.00', '2018-09-20'],
        ['hn', '', 'dibao', '2098-09', '830.00', '2098-09-20'],
        ['hn', '', 'dibao', '0001-01', '830.00', '2020-01-20'],
        ['hn', '', 'dibao', '9999-12', '830.00', '9999-12-20'],
      ]),
      households: ndjson(household('hn')),
    });
    expect(errors(report.findings)).toEqual([
      [4, 'month-out-of-range'],
      [5, 'month-out-of-range'],
      [6, 'month-out-of-range'],
    ]);
    expect(report.totals.counts).toMatchObject({ linesIn: 5, audited: 2, errors: 3 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('an unsorted ledger is read from buckets on disk', () => {
  it('gives every line, the same verdicts and totals as the grouped ledger', async () => {
    const ids = Array.from({ length: 1300 }, (_, i) => `h${i}`);
    const months = ['2020-08', '2020-09'];
    const byMonth = months.flatMap((m) => ids.map((id) => [id, '', 'dibao', m, id.endsWith('7') ? '800.00' : '830.00', `${m}-20`]));
    const byHousehold = ids.flatMap((id) => months.map((m) => [id, '', 'dibao', m, id.endsWith('7') ? '800.00' : '830.00', `${m}-20`]));
    const households = ndjson(...ids.map(household));
    const [sorted, grouped] = [await auditLedger({ ledger: ledger(byMonth), households }), await auditLedger({ ledger: ledger(byHousehold), households })];
    expect({ ...sorted.totals, notes: [] }).toEqual({ ...grouped.totals, notes: [] });
    expect(sorted.findings.length).toBe(grouped.findings.length);
    // Each household's lines still come in ledger order, and the two runs of the same ledger are byte for byte alike.
    expect((await auditLedger({ ledger: ledger(byMonth), households })).json).toBe(sorted.json);
  }, 120_000);
});
