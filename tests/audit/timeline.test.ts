import { describe, expect, it } from 'vitest';
import { evaluateTimeline } from '../../src/audit/api.js';
import { testRulebook } from '../support/rulebook.js';

const member = (id: string, relation: string, wages?: string) => ({ id, birthDate: '1975-03-10', relation, ...(wages ? { incomes: [{ type: 'wages', monthly: wages }] } : {}) });

describe('timelines', () => {
  it('a gradual exit runs by itself: the schedule of the last amount, then out', () => {
    const timeline = {
      snapshots: [
        { from: '2024-01', household: { id: 'bj', jurisdiction: 'test-beijing-exit', residence: 'urban', members: [member('m1', 'head', '300'), member('m2', 'spouse')] } },
        { from: '2024-03', changes: { members: [member('m1', 'head', '2500'), member('m2', 'spouse')] } },
      ],
    };
    const result = evaluateTimeline(timeline, { from: '2024-01', to: '2024-10', rulebook: testRulebook() });
    const rows = result.months.map((m) => ('result' in m ? [m.month, m.result.programmes.dibao.status, m.result.programmes.dibao.monthlyAmount] : [m.month, m.error.code]));
    // Standard 800 × 2 − 300 = 1300 while enrolled; then 1300 × 1, 1, 0.8, 0.8, 0.6, 0.6; then nothing.
    expect(rows).toEqual([
      ['2024-01', 'enrolled', '1300.00'],
      ['2024-02', 'enrolled', '1300.00'],
      ['2024-03', 'gradual-exit', '1300.00'],
      ['2024-04', 'gradual-exit', '1300.00'],
      ['2024-05', 'gradual-exit', '1040.00'],
      ['2024-06', 'gradual-exit', '1040.00'],
      ['2024-07', 'gradual-exit', '780.00'],
      ['2024-08', 'gradual-exit', '780.00'],
      ['2024-09', 'ineligible', '0.00'],
      ['2024-10', 'ineligible', '0.00'],
    ]);
    const first = result.months[0];
    expect(first && 'result' in first && first.result.programmes.dibao['enrolment']).toBe('household');
  });

  it('Hannan 2020: the moratorium keeps the last amount until it ends, from the history the timeline carries', () => {
    const household = { id: 'hn', jurisdiction: 'cn-420113', residence: 'rural', members: [member('a', 'head')] };
    const timeline = {
      snapshots: [
        { from: '2020-05', household },
        { from: '2020-08', changes: { members: [member('a', 'head', '2000')] } },
      ],
    };
    const result = evaluateTimeline(timeline, { from: '2020-04', to: '2020-12', rulebook: testRulebook() });
    const rows = result.months.map((m) =>
      'result' in m ? `${m.month} ${m.result.programmes.dibao.status} ${m.result.programmes.dibao.monthlyAmount}` : `${m.month} ${m.error.code}`,
    );
    expect(rows).toEqual([
      '2020-04 no-facts',
      '2020-05 enrolled 830.00',
      '2020-06 enrolled 830.00',
      '2020-07 enrolled 830.00',
      '2020-08 enrolled 830.00',
      '2020-09 enrolled 830.00',
      '2020-10 enrolled 830.00',
      '2020-11 enrolled 830.00',
      // Out of the moratorium; the national gradual exit exists but has no schedule before 2023.
      '2020-12 undetermined null',
    ]);
  });

  it('a snapshot that sets history replaces the carried case state; a bad snapshot names its path', () => {
    const base = { id: 'bj', jurisdiction: 'test-beijing-exit', residence: 'urban', members: [member('m1', 'head', '2500')] };
    const timeline = { snapshots: [{ from: '2024-01', household: { ...base, history: { dibao: { enrolledSince: '2023-01', lastAmount: '500', gradualExitSince: '2023-12' } } } }] };
    const result = evaluateTimeline(timeline, { from: '2024-01', to: '2024-02', rulebook: testRulebook() });
    expect(result.months.map((m) => ('result' in m ? m.result.programmes.dibao.monthlyAmount : ''))).toEqual(['500.00', '400.00']);
    expect(() =>
      evaluateTimeline({ snapshots: [{ from: '2024-01', household: { ...base, residence: 'town' } }] }, { from: '2024-01', to: '2024-02', rulebook: testRulebook() }),
    ).toThrow(/\$\.snapshots\[0\]\.household\.residence/);
  });

  it('keeps the case state through months dibao cannot be evaluated (no standard): the exit goes on after', () => {
    // Yubei: enrolled on wages of 400 from 2022-11; Chongqing's 2023 standard is not configured; wages
    // of 1000 from 2024-01 lift the household out, into the national six-month gradual exit.
    const base = { id: 'yb', jurisdiction: 'cn-500112', residence: 'urban', members: [member('a', 'head', '400')] };
    const timeline = {
      snapshots: [
        { from: '2022-11', household: base },
        { from: '2024-01', changes: { members: [member('a', 'head', '1000')] } },
      ],
    };
    const result = evaluateTimeline(timeline, { from: '2022-11', to: '2024-01', rulebook: testRulebook() });
    const at = (month: string) => result.months.find((m) => m.month === month);
    const dibao = (month: string) => {
      const m = at(month);
      return m && 'result' in m ? [m.result.programmes.dibao.status, m.result.programmes.dibao.monthlyAmount] : undefined;
    };
    expect(dibao('2022-12')).toEqual(['enrolled', '317.00']);
    expect(dibao('2023-06')).toEqual(['not-configured', null]);
    expect(dibao('2024-01')).toEqual(['gradual-exit', '317.00']);
  });
});
