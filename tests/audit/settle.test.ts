/** Issue 11 item 4: verdicts and totals on all the payments of a month; a reason for every finding. */
import { describe, expect, it } from 'vitest';
import { auditLedger } from '../../src/audit/api.js';
import type { AuditedLine } from '../../src/audit/auditor.js';
import { ledger, ndjson } from './support.js';

const lines = (findings: { kind: string }[]) => findings.filter((f): f is AuditedLine => f.kind === 'line');

const hannan = (residence: string, wages: string | undefined) => ({
  id: 'hn',
  jurisdiction: 'cn-420113',
  residence,
  members: [
    { id: 'a', birthDate: '1960-01-01', relation: 'head', ...(wages ? { incomes: [{ type: 'wages', monthly: wages }] } : {}) },
    { id: 'b', birthDate: '1962-01-01', relation: 'spouse' },
  ],
});

describe('a 补发 settles the month it pays', () => {
  const rows = [
    ['hn', '', 'dibao', '2020-04', '780.00', '2020-04-20'],
    ['hn', '', 'dibao', '2020-05', '780.00', '2020-05-20'],
    ['hn', '', 'dibao', '2020-06', '780.00', '2020-06-05'],
    ['hn', '', 'dibao', '2020-04', '300.00', '2020-07-15'],
    ['hn', '', 'dibao', '2020-05', '300.00', '2020-07-15'],
    ['hn', '', 'dibao', '2020-06', '300.00', '2020-07-15'],
  ];

  it('Hannan rural, two people, wages 580: 780 as known then, 300 each on 2020-07-15 — nothing owed (before: 900.00 owed)', async () => {
    const report = await auditLedger({ ledger: ledger(rows), households: ndjson(hannan('rural', '580')) });
    const audited = lines(report.findings);
    expect(audited.map((l) => [l.line, l.month, l.verdict, l.dueThen, l.dueNow, l.difference, l.paidBy])).toEqual([
      [2, '2020-04', 'arrears-paid', '780.00', '1080.00', '0.00', [5]],
      [3, '2020-05', 'arrears-paid', '780.00', '1080.00', '0.00', [6]],
      [4, '2020-06', 'arrears-paid', '780.00', '1080.00', '0.00', [7]],
      [5, '2020-04', 'correct', '1080.00', '1080.00', '0.00', undefined],
      [6, '2020-05', 'correct', '1080.00', '1080.00', '0.00', undefined],
      [7, '2020-06', 'correct', '1080.00', '1080.00', '0.00', undefined],
    ]);
    expect(audited[0]?.reason?.en).toMatch(/arrears were paid by line 5/);
    expect(audited[0]?.reason?.zh).toMatch(/第 5 行补发/);
    expect(report.totals.byVerdict['arrears-paid']).toEqual({ lines: 3, paid: '2340.00', difference: '0.00' });
    expect(report.totals.byProgramme['dibao']).toEqual({ lines: 6, paid: '3240.00', difference: '0.00' });
    expect(report.summary.en).toMatch(/arrears were paid by line 5/);
    expect(report.csv).toMatch(/arrears-paid,,"?paid 780\.00/);
  });

  it('without the 补发 lines the arrears are owed, once a month, with the decision named', async () => {
    const report = await auditLedger({ ledger: ledger(rows.slice(0, 3)), households: ndjson(hannan('rural', '580')) });
    expect(lines(report.findings).map((l) => l.verdict)).toEqual(['arrears', 'arrears', 'arrears']);
    expect(report.totals.byProgramme['dibao']?.difference).toBe('900.00');
    expect(lines(report.findings)[0]?.reason?.en).toMatch(/raised it to 1080\.00 .*dibao\.standard\.rural 680 → 830/);
  });

  it('a short 补发 leaves the rest owed, counted once (before: each line counted its own running difference)', async () => {
    const report = await auditLedger({
      ledger: ledger([rows[0] as string[], ['hn', '', 'dibao', '2020-04', '100.00', '2020-07-15']]),
      households: ndjson(hannan('rural', '580')),
      from: '2020-04',
      to: '2020-04',
    });
    expect(lines(report.findings).map((l) => [l.verdict, l.difference])).toEqual([
      ['arrears', '200.00'],
      ['underpaid', '200.00'],
    ]);
    expect(report.totals.byProgramme['dibao']?.difference).toBe('200.00');
  });

  it('every finding but correct has a reason in zh and en: an undated source is said to count from its effective date', async () => {
    // Paid before Hannan's plan (issued 2020-06-11): Wuhan's 830 from 2020-04-01 has no dated source.
    const household = { ...hannan('urban', undefined), members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] };
    const report = await auditLedger({ ledger: ledger([['hn', '', 'dibao', '2020-04', '780.00', '2020-04-20']]), households: ndjson(household) });
    const [line] = lines(report.findings);
    expect(line?.verdict).toBe('underpaid');
    expect(line?.reason?.en).toMatch(/cn-420100's dibao\.standard\.urban 830 \(from 2020-04-01.*no issue or publication date, so it counts as known from its effective date/);
    expect(line?.reason?.zh).toMatch(/按生效之日起视为已知/);
    expect(report.csv).toMatch(/no issue or publication date/);
    expect(report.summary.zh).toMatch(/按生效之日起视为已知/);
  });
});
