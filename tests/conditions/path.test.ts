import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Almanac } from 'json-rules-engine';
import { parsePath, readPath } from '../../src/conditions/path.js';

/** What json-rules-engine reads for `path` on a fact holding `value` (jsonpath-plus underneath). */
async function reference(value: unknown, path: string): Promise<unknown> {
  const almanac = new Almanac({ allowUndefinedFacts: true });
  almanac.addRuntimeFact('f', value);
  return almanac.factValue('f', {}, path);
}

const NAMES = [
  'name',
  'list',
  'length',
  'constructor',
  'toString',
  '__proto__',
  'valueOf',
  'a',
  '$x',
  '_',
  '0',
  '1',
  '01',
  'a-b',
  'a.b',
  'a b',
  '残疾',
  '',
  '$',
  '..',
  '.',
  '*',
  'a,b',
  '^',
  '~',
  '@string()',
  '`a',
  '1:2',
  '(a)',
];
const token = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `.${n}`),
  fc.constantFrom(...NAMES).map((n) => `['${n}']`),
  fc.constantFrom('0', '1', '2', '01', '00', '-1', ' 1').map((n) => `[${n}]`),
);
const path = fc.array(token, { maxLength: 4 }).map((tokens) => `$${tokens.join('')}`);
const leafValue = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'abc', '残疾人'), fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leafValue, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...NAMES), tie('v'), { maxKeys: 4 })),
})).v;

describe('fact paths', () => {
  it('read what json-rules-engine reads, wherever they are accepted', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(value, path, async (v, p) => {
        const segments = parsePath(p);
        if (!segments) return;
        accepted += 1;
        expect(readPath(v, segments)).toEqual(await reference(v, p));
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('follow strings, own properties and literal array keys as jsonpath-plus does', async () => {
    const fact = { name: 'abc', empty: '', list: ['a', 'b'], n: 5, o: {} };
    const cases: [string, unknown][] = [
      ['$.name.length', 3],
      ['$.name[0]', 'a'],
      ["$.name['length']", 3],
      ['$.empty.length', undefined],
      ['$.list[01]', undefined],
      ['$.list[1]', 'b'],
      ['$.list.length', 2],
      ['$.n.toFixed', undefined],
      ['$.constructor', undefined],
      ['$.o.toString', undefined],
    ];
    for (const [p, expected] of cases) {
      expect(readPath(fact, parsePath(p)!), p).toEqual(expected);
      expect(await reference(fact, p), p).toEqual(expected);
    }
  });

  it('refuse what jsonpath-plus reads as a selector', () => {
    for (const p of ['$.$', "$['$']", "$['..']", "$['*']", "$['a,b']", "$['']", '$..a', '$.*', '$[0:1]', '$.0', "$['a']x"]) expect(parsePath(p), p).toBeUndefined();
  });
});
