/**
 * The fuzzer (tools/fuzz) in the test suite: a few thousand seeded mutations of the golden cases and
 * examples, each accepted by both evaluation paths alike or refused by both with a BenefitRulesError,
 * with well-formed money that adds up. A failure names its seed and index; `npm run fuzz -- --seed S
 * --index I` makes it again. Inputs that once failed are kept in tests/fuzz-corpus/ and run as they are.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAt, describeFailure, emptyTally, fast, setup } from '../tools/fuzz/run.js';
import { FuzzFailure, Oracle, checkMoney, compareOutcomes } from '../tools/fuzz/check.js';
import { evaluate, BenefitRulesError, type EvaluationResult } from '../src/index.js';
import { generate } from '../tools/fuzz/mutate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'tests', 'fuzz-corpus');
const SEED = 20_240_501;
const INPUTS = 3000;

const s = setup(ROOT);

describe('the fuzzer', () => {
  it(`finds nothing in ${INPUTS} seeded inputs (seed ${SEED})`, () => {
    const limit = Error.stackTraceLimit;
    fast();
    const tally = emptyTally();
    try {
      for (let index = 0; index < INPUTS; index += 1) checkAt(s, SEED, index, tally);
    } finally {
      Error.stackTraceLimit = limit;
    }
    expect(tally.failures.slice(0, 3).map((failure) => describeFailure(s, failure))).toEqual([]);
    // The mix stays useful: enough inputs reach the rules, enough are refused.
    expect(tally.accepted).toBeGreaterThan(INPUTS / 5);
    expect(tally.inputs - tally.accepted).toBeGreaterThan(INPUTS / 5);
  });

  it('makes the same input from the same seed and index', () => {
    const a = generate(s.corpus, s.jurisdictions, SEED, 12345);
    const b = generate(s.corpus, s.jurisdictions, SEED, 12345);
    expect(a.steps).toEqual(b.steps);
    expect(JSON.stringify(a.household)).toBe(JSON.stringify(b.household));
    expect(JSON.stringify(generate(s.corpus, s.jurisdictions, SEED + 1, 12345))).not.toBe(JSON.stringify(a));
  });

  it('makes inputs from a month at year 0000 and from ids that are objects without a prototype (found by the long run)', () => {
    // Seed 20261122 of the long run: a member's birthday moved 80 years before 0000-01 (date-fns threw
    // RangeError), and a member whose id was Object.create(null) copied (String() threw).
    const odd = {
      source: 'odd',
      month: '0000-01',
      household: { id: 'h', jurisdiction: 'cn', residence: 'urban', members: [{ id: Object.create(null) as object, birthDate: '0000-01-01', relation: 'head' }] },
    };
    for (let index = 0; index < 500; index += 1) expect(() => generate([odd], s.jurisdictions, SEED, index), String(index)).not.toThrow();
  });

  it('runs every input kept in tests/fuzz-corpus (inputs that once failed, stress inputs) as it is', () => {
    const oracle = new Oracle(s.rulebook);
    const names = existsSync(CORPUS) ? readdirSync(CORPUS) : [];
    for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
      const saved = JSON.parse(readFileSync(join(CORPUS, name), 'utf8')) as { household: unknown; month: string; knownAt?: string };
      expect(() => oracle.check({ ...saved, steps: [name] }), name).not.toThrow();
    }
  });

  it('catches what it is there to catch: results that differ, money that is malformed or does not add up', () => {
    const golden = s.corpus.find((seed) => seed.source.endsWith('allowances-2024-05-disabled-orphan.json'));
    const result = evaluate(golden!.household, { month: golden!.month, rulebook: s.rulebook });
    const kind = (run: () => void) => {
      try {
        run();
        return 'none';
      } catch (error) {
        return error instanceof FuzzFailure ? error.kind : 'other';
      }
    };
    const changed = (edit: (r: EvaluationResult) => void) => {
      const copy = JSON.parse(JSON.stringify(result)) as EvaluationResult;
      edit(copy);
      return { result: copy, json: JSON.stringify(copy) };
    };
    expect(kind(() => checkMoney({ result }))).toBe('none');
    expect(kind(() => checkMoney(changed((r) => (r.totalMonthlyAmount = '2710.01'))))).toBe('sum');
    expect(kind(() => checkMoney(changed((r) => (r.programmes['orphan-allowance']!.members![0]!.paid = '1199.99'))))).toBe('sum');
    expect(kind(() => checkMoney(changed((r) => (r.programmes.dibao.monthlyAmount = '-1380.00'))))).toBe('money');
    expect(kind(() => checkMoney(changed((r) => (r.programmes.dibao.perCapitaIncome = 'NaN'))))).toBe('money');
    const same = { result, json: JSON.stringify(result) };
    expect(kind(() => compareOutcomes('x', same, same))).toBe('none');
    expect(
      kind(() =>
        compareOutcomes(
          'x',
          same,
          changed((r) => (r.programmes.dibao.reasons = [])),
        ),
      ),
    ).toBe('mismatch');
    expect(kind(() => compareOutcomes('x', same, { error: new BenefitRulesError('invalid-household', 'no') }))).toBe('mismatch');
  });
});
