import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCondition } from '../../src/conditions/compile.js';
import { referenceEngine } from '../../src/conditions/reference.js';
import type { Condition } from '../../src/schemas/condition.js';
import { Decimal } from '../../src/money.js';

const FACTS = ['a', 'b', 'c', 'list'] as const;
const OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom('x', 'y', '3', '', 'urban'),
  fc.boolean(),
  fc.constant(null),
);
const factValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));

/** Leaves whose operator and value never make json-rules-engine throw (in/notIn need an array or string). */
const leaf: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom(...OPS, 'not:equal', 'someFact:equal', 'everyFact:greaterThan', 'swap:in', 'someValue:equal'),
    value: fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.record({ fact: fc.constantFrom(...FACTS) })),
  })
  .filter(({ operator, value }) => {
    const needsArray = ['in', 'notIn', 'someValue:equal'].includes(operator);
    const isArrayValue = Array.isArray(value) || typeof value === 'string';
    return needsArray ? isArrayValue && !(operator === 'someValue:equal' && typeof value === 'string') : !(typeof value === 'object' && value !== null && !Array.isArray(value) && operator === 'swap:in');
  });

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

describe('compiled conditions', () => {
  it('agree with json-rules-engine on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(condition, fc.record({ a: factValue, b: factValue, c: factValue, list: fc.array(scalar, { maxLength: 4 }) }), async (inner, facts) => {
        // json-rules-engine wants a boolean operator at the root, as rule files have.
        const cond: Condition = { all: [inner] };
        const engine = referenceEngine(cond);
        let expected: boolean;
        try {
          expected = await engine.run(facts);
        } catch {
          // A type error inside json-rules-engine (indexOf on null): it evaluates every condition of a
          // priority set before combining them, the compiled form stops early, so only the cases
          // the engine can answer are compared.
          fc.pre(false);
          return;
        }
        expect(compileCondition(cond)(facts)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('compare exact Decimals as json-rules-engine compares the numbers they stand for', async () => {
    const amount = fc.integer({ min: 0, max: 1_000_000 }).map((cents) => new Decimal(cents).dividedBy(100));
    await fc.assert(
      fc.asyncProperty(amount, amount, fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'), async (x, y, operator) => {
        const cond: Condition = { all: [{ fact: 'x', operator, value: { fact: 'y' } }] };
        expect(compileCondition(cond)({ x, y })).toBe(await referenceEngine(cond).run({ x, y }));
      }),
      { numRuns: 300 },
    );
  });

  it('follow named conditions and refuse cycles', () => {
    const named: Record<string, Condition> = {
      low: { all: [{ fact: 'income', operator: 'lessThan', value: 100 }] },
      loop: { condition: 'loop' },
    };
    const test = compileCondition({ any: [{ condition: 'low' }] }, (n) => named[n]);
    expect(test({ income: 50 })).toBe(true);
    expect(test({ income: 150 })).toBe(false);
    expect(() => compileCondition({ condition: 'loop' }, (n) => named[n])).toThrow(/refers to itself/);
    expect(() => compileCondition({ condition: 'missing' })).toThrow(/no condition named/);
  });

  it('remember named results per facts object when nothing is recorded', () => {
    const named: Record<string, Condition> = { low: { all: [{ fact: 'income', operator: 'lessThan', value: 100 }] } };
    const memo = new Map();
    const low = compileCondition(named.low!, (n) => named[n], '$', { memo, name: 'low' });
    const both = compileCondition({ all: [{ condition: 'low' }, { fact: 'size', operator: 'greaterThan', value: 0 }] }, (n) => named[n], '$', { memo, name: 'both' });
    const first = { income: 50, size: 1 };
    expect(low(first)).toBe(true);
    expect(both(first)).toBe(true);
    expect(both({ income: 150, size: 1 })).toBe(false);
    // Recording always runs the comparisons, so the trace is complete.
    const record: never[] = [];
    expect(both(first, record)).toBe(true);
    expect(record).toHaveLength(2);
  });

  it('reads simple JSONPath and refuses anything else', () => {
    const test = compileCondition({ all: [{ fact: 'member', path: '$.disability.grade', operator: 'lessThanInclusive', value: 2 }] });
    expect(test({ member: { disability: { grade: 1 } } })).toBe(true);
    expect(test({ member: { disability: { grade: 3 } } })).toBe(false);
    expect(() => compileCondition({ all: [{ fact: 'm', path: '$..grade', operator: 'equal', value: 1 }] })).toThrow(/unsupported path/);
  });

  it('records every comparison for the trace', () => {
    const record: never[] = [];
    compileCondition({ all: [{ fact: 'a', operator: 'equal', value: 1 }, { fact: 'b', operator: 'in', value: [1, 2] }] })({ a: 1, b: 3 }, record);
    expect(record).toMatchObject([
      { fact: 'a', result: true },
      { fact: 'b', result: false, factValue: 3 },
    ]);
  });
});
