import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditLedger, evaluateTimeline, verifyAudit } from '../../src/audit/api.js';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../../src/load.js';
import { packFile, testRulebook } from '../support/rulebook.js';
import { household as householdArbitrary } from '../support/arbitraries.js';
import { ledger, months, ndjson } from './support.js';

const hannan = { id: 'hn', jurisdiction: 'cn-420113', residence: 'rural', members: [{ id: 'a', birthDate: '1950-01-01', relation: 'head' }] };
const hannanLedger = ledger(months('2020-04', '2020-08').map((m) => ['hn', '', 'dibao', m, m <= '2020-05' ? '680.00' : '830.00', `${m}-20`]));

describe('receipts and verification', () => {
  it('a report re-verified from its receipt is byte-identical; a changed pack or input is named', async () => {
    const households = ndjson(hannan);
    const report = await auditLedger({ ledger: hannanLedger, households });
    expect(report.receipt.packs.map((p) => p.id)).toEqual(['cn', 'cn-420000', 'cn-420100', 'cn-420113']);
    expect(await verifyAudit({ report: report.json, ledger: hannanLedger, households })).toEqual({ ok: true, differences: [] });

    // Same folder name as the bundled one: a pack's hash covers its files' paths from there.
    const dir = join(mkdtempSync(join(tmpdir(), 'audit-pack-')), 'jurisdictions');
    cpSync(BUNDLED_JURISDICTIONS, dir, { recursive: true });
    const file = packFile(join(dir, 'cn-420113', 'parameters', 'dibao'), 'standard');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"830"', '"831"'));
    const changed = await verifyAudit({ report: report.json, ledger: hannanLedger, households, rulebook: loadRulebook({ jurisdictions: [dir] }) });
    expect(changed.ok).toBe(false);
    expect(changed.differences).toHaveLength(1);
    expect(changed.differences[0]).toMatch(/^pack cn-420113 .* changed/);

    const input = await verifyAudit({ report: report.json, ledger: hannanLedger.replace('680.00', '680.01'), households });
    expect(input.differences).toEqual([expect.stringMatching(/^ledger file changed/)]);
    const edited = await verifyAudit({ report: report.json.replace('"arrears"', '"correct"'), ledger: hannanLedger, households });
    expect(edited.differences).toEqual([expect.stringMatching(/first at line 2 /)]);
  });
});

describe('bad ledgers: every line accounted for', () => {
  it('reports each bad line with its number and counts lines in = audited + errors', async () => {
    const rows = [
      ['hn', '', 'dibao', '2020-04', '680.00', '2020-04-20'],
      ['hn', '', 'dibao', '2020-04', '680.00', '2020-04-20'],
      ['nobody', '', 'dibao', '2020-04', '680.00', '2020-04-20'],
      ['hn', '', 'heating', '2020-04', '10', '2020-04-20'],
      ['hn', '', 'dibao', '2020-05', '68O', '2020-05-20'],
      ['hn', '', 'dibao', '2020-13', '680', '2020-05-20'],
      ['hn', '', 'dibao', '2020-06', '830', '2020-06-31'],
      ['hn', '', 'dibao', '2020-07', '830', '2020-06-30'],
      ['hn', 'a', 'dibao', '2020-07', '830', '2020-07-30'],
      ['hn', '', 'disability-living-subsidy', '2020-07', '50', '2020-07-30'],
      ['hn', 'zz', 'disability-living-subsidy', '2020-07', '50', '2020-07-30'],
      ['hn', '', 'dibao', '2020-07', '830', '2020-07-30', 'extra'],
    ];
    const report = await auditLedger({ ledger: ledger(rows), households: ndjson(hannan), rulebook: testRulebook() });
    const errors = report.findings.filter((f) => f.kind === 'error').map((f) => [(f as { line: number }).line, (f as { code: string }).code]);
    expect(errors).toEqual([
      [3, 'duplicate-line'],
      [4, 'unknown-household'],
      [5, 'unknown-programme'],
      [6, 'malformed-amount'],
      [7, 'malformed-month'],
      [8, 'malformed-date'],
      [9, 'paid-before-month'],
      [10, 'member-not-expected'],
      [11, 'member-required'],
      [12, 'unknown-member'],
      [13, 'unreadable-line'],
    ]);
    // April is paid; May to July, whose lines are all errors, are missing payments.
    expect(report.totals.counts).toEqual({ linesIn: rows.length, audited: 1, errors: 11, missing: 3 });
  });
});

describe('properties', () => {
  const where = [
    { jurisdiction: 'cn-420113', month: '2020-04' },
    { jurisdiction: 'cn-640181', month: '2024-01' },
    { jurisdiction: 'cn-500000', month: '2018-01' },
    { jurisdiction: 'test-beijing-exit', month: '2024-01' },
    { jurisdiction: 'test-hubei-county', month: '2021-01' },
  ];
  /** The ledger a faithful payer would write from the timeline as known now, paid on the 20th. */
  const paidLedger = (household: { id: string }, from: string) => {
    const result = evaluateTimeline(household, { from, to: months(from, '2099-12')[5] as string, rulebook: testRulebook() });
    const rows: string[][] = [];
    for (const month of result.months) {
      if (!('result' in month)) continue;
      for (const [id, programme] of Object.entries(month.result.programmes)) {
        if (programme.members)
          for (const m of programme.members) if (m.paid !== null && m.paid !== '0.00') rows.push([household.id, m.member, id, month.month, m.paid, `${month.month}-20`]);
        if (!programme.members && programme.monthlyAmount !== null && programme.monthlyAmount !== '0.00')
          rows.push([household.id, '', id, month.month, programme.monthlyAmount, `${month.month}-20`]);
      }
    }
    return rows;
  };

  it('a ledger the engine itself produced from a timeline has nothing to flag; one fen changed flags exactly that line', async () => {
    await fc.assert(
      fc.asyncProperty(householdArbitrary({ where }), fc.nat(), async ({ household, month }, pick) => {
        const rows = paidLedger(household, month);
        const households = ndjson(household);
        const clean = await auditLedger({ ledger: ledger(rows), households, rulebook: testRulebook() });
        expect(clean.findings.filter((f) => f.kind !== 'line' || f.verdict !== 'correct')).toEqual([]);
        if (rows.length === 0) return;
        const index = pick % rows.length;
        const row = rows[index] as string[];
        const fen = Math.round(Number(row[4]) * 100) + (pick % 2 === 0 ? 1 : -1);
        row[4] = (fen / 100).toFixed(2);
        const one = await auditLedger({ ledger: ledger(rows), households, rulebook: testRulebook() });
        const flagged = one.findings.filter((f) => f.kind !== 'line' || f.verdict !== 'correct');
        expect(flagged).toHaveLength(1);
        expect(flagged[0]).toMatchObject({ kind: 'line', line: index + 2, difference: pick % 2 === 0 ? '-0.01' : '0.01' });
      }),
      { numRuns: 40 },
    );
  });
});
