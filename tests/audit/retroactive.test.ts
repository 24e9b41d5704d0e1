import { describe, expect, it } from 'vitest';
import { auditLedger } from '../../src/audit/api.js';
import type { AuditedLine } from '../../src/audit/auditor.js';
import { testRulebook } from '../support/rulebook.js';
import { ledger, months, ndjson } from './support.js';

const lines = (findings: { kind: string }[]) => findings.filter((f): f is AuditedLine => f.kind === 'line');

describe('retroactive decisions: arrears as known now, nothing as known when paid', () => {
  it('Hannan 2020: 680 paid April–June before the 2020-06-11 plan, 830 from July', async () => {
    const household = { id: 'hn', jurisdiction: 'cn-420113', residence: 'rural', members: [{ id: 'a', birthDate: '1950-01-01', relation: 'head' }] };
    // June is paid on 2020-06-05, before the plan was issued: still 680 as known then.
    const paidOn: Record<string, string> = { '2020-04': '2020-04-20', '2020-05': '2020-05-20', '2020-06': '2020-06-05' };
    const rows = months('2020-04', '2020-09').map((m) => ['hn', '', 'dibao', m, m <= '2020-06' ? '680.00' : '830.00', paidOn[m] ?? `${m}-15`]);
    const report = await auditLedger({ ledger: ledger(rows), households: ndjson(household), rulebook: testRulebook() });
    const audited = lines(report.findings);
    expect(audited.map((l) => [l.month, l.verdict, l.difference])).toEqual([
      ['2020-04', 'arrears', '150.00'],
      ['2020-05', 'arrears', '150.00'],
      ['2020-06', 'arrears', '150.00'],
      ['2020-07', 'correct', '0.00'],
      ['2020-08', 'correct', '0.00'],
      ['2020-09', 'correct', '0.00'],
    ]);
    // As known on each payment date, every line was paid exactly what was due.
    for (const line of audited) expect(line.dueThen).toBe(line.paid);
    expect(audited[0]?.trace?.then?.some((e) => e.kind === 'parameter' && e.id === 'dibao.standard.rural' && (e as { value?: unknown }).value === '680')).toBe(true);
    expect(report.totals.byVerdict['arrears']).toEqual({ lines: 3, paid: '2040.00', difference: '450.00' });
    expect(report.totals.counts).toEqual({ linesIn: 6, audited: 6, errors: 0, missing: 0 });
  });

  it('Hubei 2021 disability living subsidy: 50 paid January–May, 70 decided on 2021-06-11', async () => {
    const household = {
      id: 'hb',
      jurisdiction: 'test-hubei-county',
      residence: 'urban',
      members: [
        { id: 'a', birthDate: '1960-02-01', relation: 'head', disability: { category: 'hearing', grade: 3 } },
        { id: 'b', birthDate: '1962-06-01', relation: 'spouse' },
      ],
    };
    const rows = months('2021-01', '2021-07').map((m) => ['hb', 'a', 'disability-living-subsidy', m, m <= '2021-05' ? '50.00' : '70.00', `${m}-20`]);
    const report = await auditLedger({ ledger: ledger(rows), households: ndjson(household), rulebook: testRulebook() });
    const audited = lines(report.findings);
    expect(audited.map((l) => [l.month, l.verdict, l.dueThen, l.dueNow, l.difference])).toEqual([
      ...months('2021-01', '2021-05').map((m) => [m, 'arrears', '50.00', '70.00', '20.00']),
      ['2021-06', 'correct', '70.00', '70.00', '0.00'],
      ['2021-07', 'correct', '70.00', '70.00', '0.00'],
    ]);
    expect(report.totals.byProgramme['disability-living-subsidy']?.difference).toBe('100.00');
  });

  it('Chongqing 2018: 350 paid before the 2018-08-28 announcement, 410 from 2018-01-01', async () => {
    const household = { id: 'cq', jurisdiction: 'cn-500000', residence: 'rural', members: [{ id: 'a', birthDate: '1950-01-01', relation: 'head' }], assets: { financial: '2000' } };
    const rows = [...months('2018-01', '2018-07').map((m) => ['cq', '', 'dibao', m, '350.00', `${m}-20`]), ['cq', '', 'dibao', '2018-09', '410.00', '2018-09-20']];
    const report = await auditLedger({ ledger: ledger(rows), households: ndjson(household), rulebook: testRulebook() });
    const audited = lines(report.findings);
    expect(audited.filter((l) => l.verdict === 'arrears').map((l) => l.month)).toEqual(months('2018-01', '2018-07'));
    expect(audited.every((l) => l.dueThen === l.paid)).toBe(true);
    expect(report.totals.byVerdict['arrears']?.difference).toBe('420.00');
    // August was due and never paid.
    expect(report.findings.filter((f) => f.kind === 'missing').map((f) => (f as { month: string }).month)).toEqual(['2018-08']);
  });

  it('a month with no rule in force cannot be checked: never a zero', async () => {
    const household = { id: 'wh', jurisdiction: 'cn-420100', residence: 'urban', members: [{ id: 'a', birthDate: '1950-01-01', relation: 'head' }] };
    const report = await auditLedger({ ledger: ledger([['wh', '', 'dibao', '2024-01', '940.00', '2024-01-20']]), households: ndjson(household), rulebook: testRulebook() });
    const [line] = lines(report.findings);
    expect(line).toMatchObject({ verdict: 'cannot-check', dueNow: null, dueThen: null, difference: null });
    expect(line?.reason?.en).toContain('not-in-force');
  });
});
