import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { evaluateWith } from '../../src/evaluate.js';
import { readdirSync } from 'node:fs';
import { allowanceHousehold, allowanceWhere, ALLOWANCE_RANGES, household, VARIANTS } from '../support/arbitraries.js';
import { testRulebook, TEST_PACKS } from '../support/rulebook.js';
import { readCases } from '../support/cases.js';
import { outcome } from '../support/outcome.js';

const rulebook = testRulebook();
const traced = compileEvaluator(rulebook, { trace: true });
const untraced = compileEvaluator(rulebook);

describe('the compiled path', () => {
  it('gives byte-identical results to evaluate, trace included, on random households', () => {
    fc.assert(
      fc.property(household({ withHistory: true }), ({ household: input, month }) => {
        expect(outcome(() => traced.evaluate(input, month))).toBe(outcome(() => evaluateWith(input, { month, rulebook })));
        expect(outcome(() => untraced.evaluate(input, month))).toBe(outcome(() => evaluateWith(input, { month, rulebook, trace: false })));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives byte-identical results on random households in packs that switch on every rule variant', () => {
    fc.assert(
      fc.property(household({ withHistory: true, where: VARIANTS }), ({ household: input, month }) => {
        expect(outcome(() => traced.evaluate(input, month))).toBe(outcome(() => evaluateWith(input, { month, rulebook })));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives byte-identical results on random households drawing the three allowances and their interactions, in every test pack', () => {
    // Every test pack at a month of 2016-2026 (errors must agree too), beside the months where the
    // seed packs configure the allowances.
    const everyTestPack = readdirSync(TEST_PACKS)
      .filter((name) => name !== 'forms')
      .map((jurisdiction) => ({ jurisdiction, from: '2016-01', to: '2026-12' }));
    const where = fc.oneof(allowanceWhere(ALLOWANCE_RANGES), allowanceWhere(everyTestPack));
    fc.assert(
      fc.property(allowanceHousehold(where), ({ household: input, month }) => {
        expect(outcome(() => traced.evaluate(input, month))).toBe(outcome(() => evaluateWith(input, { month, rulebook })));
        expect(outcome(() => untraced.evaluate(input, month))).toBe(outcome(() => evaluateWith(input, { month, rulebook, trace: false })));
      }),
      { numRuns: 600 },
    );
  });

  it('gives byte-identical results on every golden case (test packs: tiers, floors, deductions, rounding, exits)', () => {
    for (const golden of readCases()) {
      const options = golden.knownAt ? { knownAt: golden.knownAt } : {};
      const fast = compileEvaluator(rulebook, { trace: true, ...options });
      expect(
        outcome(() => fast.evaluate(golden.household, golden.month)),
        golden.file,
      ).toBe(outcome(() => evaluateWith(golden.household, { month: golden.month, rulebook, ...options })));
    }
  });

  it('agrees on boundaries: income exactly at the standard, assets exactly at the limit', () => {
    // Chongqing 2021-10: standard 636, assets ≤ 12 × 636 × size.
    const at = (wages: string, financial: string) => ({
      id: 'b',
      jurisdiction: 'cn-500000',
      residence: 'urban',
      members: [
        { id: 'a', birthDate: '1980-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: wages }] },
        { id: 'b', birthDate: '1981-01-01', relation: 'spouse' },
        { id: 'c', birthDate: '2010-01-01', relation: 'child' },
      ],
      assets: { financial },
    });
    for (const [wages, financial] of [
      ['1908', '22896'],
      ['1907.99', '22896'],
      ['1907.99', '22896.01'],
      ['1908.01', '0'],
      ['1000', '22895.99'],
    ]) {
      const input = at(wages as string, financial as string);
      expect(outcome(() => traced.evaluate(input, '2021-10'))).toBe(outcome(() => evaluateWith(input, { month: '2021-10', rulebook })));
    }
  });

  it('hands a household fixed point cannot hold to the Decimal evaluator, with the same result', () => {
    const huge = {
      id: 'h',
      jurisdiction: 'cn-500000',
      residence: 'urban',
      members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: '999999999.99' }] }],
    };
    const fast = compileEvaluator(rulebook);
    expect(outcome(() => fast.evaluate(huge, '2021-10'))).toBe(outcome(() => evaluateWith(huge, { month: '2021-10', rulebook, trace: false })));
    expect(fast.fallbacks).toBe(1);
  });
});

describe('the compiled path, edges', () => {
  it('reports the same first error as evaluate when several things are wrong', () => {
    const input = { id: 'x', jurisdiction: 'cn-999999', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
    expect(outcome(() => compileEvaluator(rulebook).evaluate(input, '2021-13'))).toBe(outcome(() => evaluateWith(input, { month: '2021-13', rulebook })));
  });

  it('shares no mutable state between results', () => {
    const input = { id: 'x', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
    const first = traced.evaluate(input, '2021-10');
    expect(Object.isFrozen(first.receipt)).toBe(true);
    expect(first.programmes.dibao.trace?.filter((e) => e.kind === 'parameter').every((e) => Object.isFrozen(e))).toBe(true);
  });
});
