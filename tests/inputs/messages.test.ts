import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { describeValue } from '../../src/errors.js';
import { errorOf } from './support.js';
import { testRulebook } from '../support/rulebook.js';

const rulebook = testRulebook();
const head = { id: 'a', birthDate: '1980-01-01', relation: 'head' };
const base = { id: 'h', jurisdiction: 'cn-500000', residence: 'urban', members: [head] };
const refused = (input: unknown, month = '2021-10') => errorOf(() => evaluateWith(input, { month, rulebook }));

describe('describeValue describes any JS value (#10)', () => {
  it('values JSON cannot carry', () => {
    expect(describeValue(5n)).toBe('a bigint 5n');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Symbol('x'))).toBe('a symbol');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(describeValue('x'.repeat(100))).toHaveLength(60);
  });

  it('a household holding them is an error with its path, not a crash', () => {
    expect(refused({ ...base, id: 5n }).details).toEqual([expect.objectContaining({ path: '$.id', found: 'a bigint 5n' })]);
    expect(refused({ ...base, id: () => 'h' }).details[0]?.found).toBe('a function');
    expect(refused({ ...base, id: Symbol('h') }).details[0]?.found).toBe('a symbol');
    expect(refused({ ...base, assets: { financial: Number.NaN } }).details).toEqual([expect.objectContaining({ path: '$.assets.financial', found: 'NaN' })]);
    expect(refused({ ...base, assets: { financial: Number.POSITIVE_INFINITY } }).details[0]?.found).toBe('Infinity');
  });
});

describe('inputs the rules cannot mean (#14)', () => {
  const baby = (birthDate: string) => ({ ...base, members: [head, { id: 'b', birthDate, relation: 'child' }] });

  it('refuses a member born after the month evaluated, on both paths', () => {
    const error = refused(baby('2021-11-01'));
    expect(error.code).toBe('invalid-household');
    expect(error.details).toEqual([{ path: '$.members[1].birthDate', expected: 'expected a birth date not after the month evaluated (2021-10)', found: '"2021-11-01"' }]);
    expect(errorOf(() => compileEvaluator(rulebook).evaluate(baby('2021-11-01'), '2021-10')).message).toBe(error.message);
    expect(() => evaluateWith(baby('2021-10-31'), { month: '2021-10', rulebook })).not.toThrow();
  });

  it('refuses a gradual exit that began before the enrolment', () => {
    const input = { ...base, history: { dibao: { enrolledSince: '2021-06', gradualExitSince: '2021-05', lastAmount: '300' } } };
    const error = refused(input);
    expect(error.code).toBe('invalid-household');
    expect(error.details.map((d) => d.path)).toEqual(['$.history.dibao.gradualExitSince']);
  });
});

describe('messages (#15)', () => {
  it('a duplicate member id is said once', () => {
    const error = refused({ ...base, members: [head, { ...head, relation: 'spouse' }] });
    expect(error.details).toHaveLength(1);
    expect(error.message.match(/found/g)).toHaveLength(1);
    expect(error.message).toContain('$.members[1].id');
    expect(error.message).toContain('$.members[0].id');
  });

  it('the history errors name their JSON path', () => {
    const earning = { ...head, incomes: [{ type: 'wages', monthly: '5000' }] };
    // Yubei 2024 sets a gradual exit: a household leaving it needs its last amount.
    expect(refused({ ...base, jurisdiction: 'cn-500112', members: [earning], history: { dibao: { enrolledSince: '2020-01' } } }, '2024-05').message).toContain(
      '$.history.dibao.lastAmount',
    );
    expect(refused({ ...base, history: { dibao: { enrolledSince: '2022-01', lastAmount: '1' } } }, '2021-10').message).toContain('$.history.dibao.enrolledSince');
  });

  it('a malformed date gets one message', () => {
    const error = refused({ ...base, members: [{ ...head, birthDate: '2024-1-1' }] });
    expect(error.details).toEqual([{ path: '$.members[0].birthDate', expected: 'expected a date written YYYY-MM-DD', found: '"2024-1-1"' }]);
  });

  it('a boolean amount says what was expected', () => {
    const error = refused({ ...base, assets: { financial: true } });
    expect(error.details).toHaveLength(1);
    expect(error.message).toMatch(/\$\.assets\.financial: expected an amount in yuan .*, found true$/);
  });
});
