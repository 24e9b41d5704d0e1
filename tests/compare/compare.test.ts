/** compare on a population small enough to check by hand, and the pieces it is summed with. */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { bundledRulebook } from '../../src/load.js';
import { BUNDLED_JURISDICTIONS } from '../../src/load.js';
import { checkReform, overlay } from '../../src/reform/index.js';
import { runCompare } from '../../src/compare/run.js';
import { compareDocument, deciles } from '../../src/compare/report.js';
import { compareCsv, compareSummary } from '../../src/compare/format.js';
import { addPair, emptySums, microWeight, scaled } from '../../src/compare/sums.js';

const LINGWU = JSON.parse(readFileSync(new URL('../../examples/reforms/lingwu-750.json', import.meta.url), 'utf8')) as unknown;
const FAMILY = JSON.parse(readFileSync(new URL('../../examples/lingwu-2024.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const baseline = bundledRulebook();
const reform = checkReform(baseline, LINGWU);
const reformed = overlay(baseline, reform);

const alone = (id: string, residence: 'urban' | 'rural', extra: object = {}) => ({
  id,
  jurisdiction: 'cn-640181',
  residence,
  members: [{ id: 'a', birthDate: '1970-05-05', relation: 'head' }],
  ...extra,
});

/** Hand-checked: the single urban adult with nothing gets the standard (690 → 750, +60); the family
 * of three on 900 of wages gets 3 × standard − 900 … (1170 → 1350, +180); the rural adult keeps the
 * rural standard 510; the Hannan household's month (2020-08) is not touched by the reform. */
const LINES = [
  JSON.stringify({ month: '2024-07', household: alone('urban', 'urban'), w: 2 }),
  JSON.stringify({ month: '2024-07', household: FAMILY, w: '0.5' }),
  JSON.stringify({ month: '2024-07', household: alone('rural', 'rural'), w: 1 }),
  JSON.stringify({ month: '2020-08', household: JSON.parse(readFileSync(new URL('../../examples/hannan-2020.json', import.meta.url), 'utf8')), w: 1 }),
  '{ not json',
  JSON.stringify({ month: '2024-07', household: { id: 'bad', jurisdiction: 'cn-640181', residence: 'urban', members: [] }, w: 1 }),
];

async function compare(lines: string[], options: { weight?: string; thresholdFen?: number } = {}) {
  const summary = await runCompare({
    input: Readable.from([`${lines.join('\n')}\n`]),
    inputFormat: 'ndjson',
    jurisdictions: [BUNDLED_JURISDICTIONS],
    reform: { json: LINGWU, file: 'lingwu-750.json' },
    baseline,
    reformed,
    thresholdFen: options.thresholdFen ?? 1,
    workers: 0,
    ...(options.weight ? { weight: options.weight } : {}),
  });
  return compareDocument(summary.tally, {
    reform,
    threshold: '0.01',
    seconds: summary.seconds,
    workers: 0,
    interrupted: false,
    ...(options.weight ? { weight: options.weight } : {}),
  });
}

describe('compare', () => {
  it('sums a hand-checked population: totals, gainers, programmes, jurisdictions, errors', async () => {
    const report = await compare(LINES, { weight: 'w' });
    expect(report.records).toBe(6);
    expect(report.results).toBe(4);
    expect(report.errors).toEqual({ records: 2, baseline: { 'invalid-input': 1, 'invalid-household': 1 }, reform: {}, lines: [5, 6] });
    expect(report.households).toEqual({ compared: 4, gaining: 2, losing: 0, unchanged: 2, notCompared: 0 });
    const hannan = report.jurisdictions['cn-420113']!.totals.baseline;
    const base = 690 + 1170 + 510 + Number(hannan);
    expect(Number(report.totals.baseline)).toBeCloseTo(base, 2);
    expect(report.totals.difference).toBe('240.00');
    expect(report.jurisdictions['cn-640181']!.totals).toEqual({ baseline: '2370.00', reform: '2610.00', difference: '240.00' });
    expect(report.jurisdictions['cn-420113']!.totals.difference).toBe('0.00');
    expect(report.programmes['dibao']!.households.gaining).toBe(2);
    // The Hannan household's month is not touched: evaluated once, its result standing for both.
    expect(report.evaluations).toEqual({ baseline: 6, reform: 3, shared: 1 });
    // Weighted: 2 × 60 + 0.5 × 180 = 210 more a month; weights of the compared households 4.5.
    expect(report.weighted).toMatchObject({ weight: '4.5', totals: { difference: '210.00' }, households: { gaining: '2.5', unchanged: '2' } });
    expect(report.reform).toEqual({ name: 'lingwu-750', sha256: reform.sha256, description: expect.any(String) });
  });

  it('ranks by the baseline per-capita income with ties whole: empty deciles are null', async () => {
    const report = await compare(LINES, { weight: 'w' });
    // Per-capita incomes: 0 (urban), 0 (rural), 300 (the family: 900 / 3), and Hannan's.
    const filled = report.deciles.map((d) => (d ? [d.decile, d.ranked] : null));
    expect(filled.filter((d) => d !== null).length).toBeLessThan(10);
    const first = report.deciles[0]!;
    expect(first.perCapitaIncome).toEqual({ from: 0, to: 0 });
    expect(first.ranked).toBe(2);
    // The two at 0 weigh 3 of 4.5: deciles 2 to 6 are empty, the tie is not split.
    expect(report.deciles.slice(1, 6)).toEqual([null, null, null, null, null]);
  });

  it('reads a weight from the household too, and takes it off before the household is checked', async () => {
    const report = await compare(
      [JSON.stringify({ month: '2024-07', household: { ...alone('urban', 'urban'), w: 3 } }), JSON.stringify({ month: '2024-07', household: alone('x', 'urban') })],
      { weight: 'w' },
    );
    expect(report.weighted?.weight).toBe('3');
    expect(report.errors.records).toBe(1);
    expect(report.errors.lines).toEqual([2]);
  });

  it('counts a gain only from the threshold up', async () => {
    const report = await compare(LINES.slice(0, 3), { thresholdFen: 10_000 });
    expect(report.households).toMatchObject({ gaining: 1, unchanged: 2 });
  });

  it('never sums an amount not known as zero: such a pair is not compared, and the side says why', async () => {
    const off = checkReform(baseline, { name: 'off', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', value: null }] });
    const summary = await runCompare({
      input: Readable.from([`${LINES.slice(0, 3).join('\n')}\n`]),
      inputFormat: 'ndjson',
      jurisdictions: [BUNDLED_JURISDICTIONS],
      reform: { json: off, file: 'off' },
      baseline,
      reformed: overlay(baseline, off),
      thresholdFen: 1,
      workers: 0,
    });
    const report = compareDocument(summary.tally, { reform: off, threshold: '0.01', seconds: 0, workers: 0, interrupted: false });
    expect(report.programmes['dibao']!.households).toMatchObject({ compared: 1, notCompared: 2 });
    expect(report.programmes['dibao']!.notCompared.notConfigured).toEqual({ baseline: 0, reform: 2 });
    expect(report.households.notCompared).toBe(2);
    // Only the rural household is compared; the two urban ones are left out of the totals, not zeroed.
    expect(report.totals).toEqual({ baseline: '510.00', reform: '510.00', difference: '0.00' });
  });

  it('writes CSV and the summary table from the same numbers', async () => {
    const report = await compare(LINES);
    const csv = compareCsv(report).trim().split('\n');
    expect(csv[0]).toMatch(/^group,key,households_compared,gaining,losing,unchanged,not_compared,baseline,reform,difference/);
    expect(csv[1]).toContain(`all,,4,2,0,2,0,${report.totals.baseline},${report.totals.reform},240.00`);
    expect(csv.filter((line) => line.startsWith('decile,'))).toHaveLength(10);
    expect(csv.find((line) => line.startsWith('decile,2,'))).toBe(`decile,2${','.repeat(20)}`);
    const zh = compareSummary(report, 'zh', (id) => baseline.programmes.get(id)?.name.zh ?? id);
    expect(zh).toContain('改革方案“lingwu-750”');
    expect(zh).toContain('最低生活保障');
    expect(zh).toContain('240.00');
    expect(compareSummary(report, 'en', (id) => id)).toContain('decile 1');
  });

  it('writes a line per household on request, errors included', async () => {
    const chunks: string[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    await runCompare({
      input: Readable.from([`${LINES.join('\n')}\n`]),
      inputFormat: 'ndjson',
      jurisdictions: [BUNDLED_JURISDICTIONS],
      reform: { json: LINGWU, file: 'lingwu-750.json' },
      baseline,
      reformed,
      thresholdFen: 1,
      workers: 0,
      households: out,
    });
    const lines = chunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l['line'])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines[0]).toMatchObject({ household: 'urban', change: 'gaining', baseline: '690.00', reform: '750.00', difference: '60.00' });
    expect(lines[4]).toMatchObject({ side: 'baseline', error: { code: 'invalid-input' } });
  });
});

describe('the months a reform does not touch', () => {
  it('give the same sums as evaluating every household twice', async () => {
    const { population } = await import('../../src/testing/population.js');
    const { comparer, compareChunk } = await import('../../src/compare/worker.js');
    const { emptyTally, mergeTally } = await import('../../src/compare/tally.js');
    const june = checkReform(baseline, { name: 'june', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-06-01', value: '750' }] });
    const lines = population(1500, 11).map(({ household, month }) => JSON.stringify({ month, household }));
    const chunk = { index: 0, firstLine: 1, bytes: new Uint8Array(Buffer.from(`${lines.join('\n')}\n`)) };
    const setup = { jurisdictions: [], reform: { json: june, file: 'june' }, thresholdFen: 1, lines: true };
    const skipping = comparer(baseline, overlay(baseline, june), setup);
    const everything = { ...skipping, touched: () => true };
    const [a, b] = [skipping, everything].map((c) => compareChunk(c, chunk));
    expect(a!.tally.shared).toBeGreaterThan(1000);
    expect(b!.tally.shared).toBe(0);
    expect(a!.text).toBe(b!.text);
    const totals = [a!, b!].map((done) => {
      const tally = emptyTally(false);
      mergeTally(tally, done.tally);
      return JSON.stringify({ ...compareDocument(tally, { reform: june, threshold: '0.01', seconds: 0, workers: 0, interrupted: false }), evaluations: null });
    });
    expect(totals[0]).toBe(totals[1]);
    expect(JSON.parse(totals[0]!).households.gaining).toBeGreaterThan(0);
  });
});

describe('the sums', () => {
  it('read weights to the millionth, and refuse others', () => {
    expect(microWeight(1.5)).toBe(1_500_000n);
    expect(microWeight('0.000001')).toBe(1n);
    for (const bad of [-1, '1e3', '0.0000001', null, undefined, 'x']) expect(microWeight(bad)).toBeUndefined();
    expect(scaled(-5n, 2)).toBe('-0.05');
    expect(scaled(123456789n, 8)).toBe('1.23456789');
    expect(scaled(100000000n, 8)).toBe('1.00');
  });

  it('cut deciles by count, ties whole', () => {
    const incomes = new Map<number, ReturnType<typeof emptySums>>();
    for (let i = 0; i < 20; i += 1) {
      const income = i < 5 ? 0 : i;
      const sums = incomes.get(income) ?? emptySums(false);
      addPair(sums, { baseline: 100, reform: 100 }, 'unchanged', undefined);
      incomes.set(income, sums);
    }
    const groups = deciles(incomes, false);
    expect(groups.map((g) => g?.ranked ?? null)).toEqual([5, null, 1, 2, 2, 2, 2, 2, 2, 2]);
  });
});
