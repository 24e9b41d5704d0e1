import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileCondition, ConditionCompileError, UNKNOWN, UnknownFact } from '../../src/conditions/compile.js';
import { NOT_CONFIGURED, NotConfiguredError } from '../../src/programmes/context.js';
import { INEXACT, InexactError } from '../../src/arithmetic/types.js';
import { BenefitRulesError } from '../../src/errors.js';
import { referenceEngine } from './reference.js';
import type { Condition } from '../../src/schemas/condition.js';
import { Decimal } from '../../src/money.js';

// Fact names include ones Object.prototype also holds: json-rules-engine keeps facts in a Map.
const FACTS = ['a', 'b', 'c', 'list', 'p', 'toString', 'constructor', '__proto__'] as const;
const OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];
const DECORATED = ['not:equal', 'someFact:equal', 'everyFact:greaterThan', 'swap:in', 'someValue:equal', 'everyValue:lessThan', 'not:swap:contains'];
/** Names json-rules-engine does not know (it keeps operators in a Map): refused at load here. */
const PROTOTYPE_OPS = ['constructor', 'hasOwnProperty', 'valueOf', 'not:toString', 'toString:equal'];
const PATHS = [
  '$.name',
  '$.name.length',
  '$.name[0]',
  '$.list[01]',
  '$.list[1]',
  '$.list.length',
  '$.s.length',
  '$.s[0]',
  '$.n.toFixed',
  "$['name']",
  '$.constructor',
  '$.toString',
  '$.nested.name.length',
  '$',
];

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom('x', 'y', '3', '', 'urban', 'abc'),
  fc.boolean(),
  fc.constant(null),
);
const record = fc.record(
  {
    name: fc.constantFrom('abc', '', 'x', '3'),
    list: fc.array(scalar, { maxLength: 3 }),
    s: fc.constantFrom('', 'xy'),
    n: fc.integer({ min: 0, max: 3 }),
    nested: fc.record({ name: fc.constantFrom('ab', '') }),
    toString: scalar,
  },
  { requiredKeys: ['name', 'list'] },
);
const factValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), record);
const priority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
const path = fc.option(fc.constantFrom(...PATHS), { nil: undefined, freq: 2 });
const withOptional = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Any leaf, including those json-rules-engine cannot answer (indexOf on a number): both must then fail. */
const leaf: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    path,
    operator: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OPS, ...DECORATED) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_OPS) }),
    value: fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.record({ fact: fc.constantFrom(...FACTS), path }).map(withOptional)),
    priority,
  })
  .map((l) => withOptional(l) as Condition);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }), priority }).map(withOptional),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }), priority }).map(withOptional),
    fc.record({ not: tie('node'), priority }).map(withOptional),
  ),
})).node;

const facts = fc.record(
  { a: factValue, b: factValue, c: factValue, list: fc.array(scalar, { maxLength: 4 }), p: factValue, constructor: factValue },
  { requiredKeys: ['a', 'b', 'c', 'list', 'p'] },
);

async function referenceAnswer(cond: Condition, given: Record<string, unknown>): Promise<boolean | 'throws'> {
  try {
    return await referenceEngine(cond).run(given);
  } catch {
    return 'throws';
  }
}

describe('compiled conditions', () => {
  it('agree with json-rules-engine on random conditions and facts', async () => {
    const seen = { answered: 0, neither: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(condition, facts, async (inner, given) => {
        // json-rules-engine wants a boolean operator at the root, as rule files have.
        const cond: Condition = { all: [inner] };
        let compiled: ReturnType<typeof compileCondition>;
        try {
          compiled = compileCondition(cond);
        } catch (error) {
          // Refused at load (an operator json-rules-engine does not know, a constant it cannot look
          // in): json-rules-engine could only skip such a leaf, never answer it.
          expect(error).toBeInstanceOf(ConditionCompileError);
          seen.refused += 1;
          return;
        }
        const expected = await referenceAnswer(cond, given);
        for (const trace of [undefined, []]) {
          let actual: boolean | 'throws';
          try {
            actual = compiled(given, trace);
          } catch (error) {
            // Never a raw TypeError: a rule error naming the condition.
            expect(error).toBeInstanceOf(BenefitRulesError);
            actual = 'throws';
          }
          // Where json-rules-engine cannot answer, it has evaluated a whole priority set that the
          // compiled form may have left early: then either outcome is allowed.
          if (expected !== 'throws') expect(actual).toBe(expected);
        }
        if (expected === 'throws') seen.neither += 1;
        else seen.answered += 1;
      }),
      { numRuns: 500 },
    );
    expect(seen.answered).toBeGreaterThan(250);
  });

  it('give the same answers through the generated code (nothing recorded) as through the closures (recording), unknown facts included', () => {
    const maybeUnknown = fc.oneof({ weight: 4, arbitrary: factValue }, { weight: 1, arbitrary: fc.constant(UNKNOWN) });
    const withUnknowns = fc.record(
      { a: maybeUnknown, b: maybeUnknown, c: maybeUnknown, list: fc.array(scalar, { maxLength: 4 }), p: maybeUnknown, constructor: maybeUnknown, toString: maybeUnknown },
      { requiredKeys: ['a', 'b', 'c', 'list', 'p'] },
    );
    const answer = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
    let unknownAnswers = 0;
    fc.assert(
      fc.property(condition, withUnknowns, (cond, given) => {
        let compiled: ReturnType<typeof compileCondition>;
        try {
          compiled = compileCondition(cond);
        } catch {
          return;
        }
        const generated = answer(() => compiled.decide(given));
        expect(generated).toEqual(answer(() => compiled.decide(given, [])));
        if (typeof generated === 'string' && !generated.startsWith('throws')) unknownAnswers += 1;
      }),
      { numRuns: 1000 },
    );
    expect(unknownAnswers).toBeGreaterThan(50);
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
    expect(() => compileCondition({ all: [{ fact: 'm', path: '$..grade', operator: 'equal', value: 1 }] })).toThrow(/expected a supported JSONPath/);
  });

  it('records every comparison for the trace', () => {
    const record: never[] = [];
    compileCondition({
      all: [
        { fact: 'a', operator: 'equal', value: 1 },
        { fact: 'b', operator: 'in', value: [1, 2] },
      ],
    })({ a: 1, b: 3 }, record);
    expect(record).toMatchObject([
      { fact: 'a', result: true },
      { fact: 'b', result: false, factValue: 3 },
    ]);
  });
});

describe('a condition that reaches an unknown fact', () => {
  const condition = compileCondition({
    any: [{ fact: 'a', operator: 'equal', value: 1 }, { not: { fact: 'b', path: '$.x', operator: 'equal', value: 2 } }, { fact: 'c', operator: 'equal', value: { fact: 'd' } }],
  });

  it('answers with the name of the first unknown fact it reaches, in json-rules-engine order', () => {
    expect(condition.decide({ a: 1, b: UNKNOWN })).toBe(true);
    expect(condition.decide({ a: 0, b: UNKNOWN })).toBe('b');
    expect(condition.decide({ a: 0, b: { x: 2 }, c: 3, d: UNKNOWN })).toBe('d');
    expect(condition.decide({ a: 0, b: { x: 2 }, c: UNKNOWN, d: UNKNOWN })).toBe('c');
    expect(condition.decide({ a: 0, b: { x: 2 }, c: 3, d: 4 })).toBe(false);
  });

  it('throws UnknownFact, an Error naming the fact, when called as a function', () => {
    expect(() => condition({ a: 0, b: UNKNOWN })).toThrow(UnknownFact);
    try {
      condition({ a: 0, b: UNKNOWN });
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as UnknownFact).fact).toBe('b');
      expect((error as Error).message).toContain('b');
    }
  });
});

describe('the errors the engine throws for control flow', () => {
  it('are named Error instances without stack frames', () => {
    for (const [error, type, name] of [
      [NOT_CONFIGURED, NotConfiguredError, 'NotConfiguredError'],
      [INEXACT, InexactError, 'InexactError'],
    ] as const) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(type);
      expect(error.name).toBe(name);
      expect(error.message).toMatch(/^internal: /);
      expect(error.stack ?? '').not.toMatch(/\n\s+at /);
    }
  });
});
