import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { evaluateWith } from '../../src/evaluate.js';
import { compileEvaluator } from '../../src/fast/evaluator.js';
import { evaluateBatch, evaluateStream } from '../../src/batch/api.js';
import { errorOf } from './support.js';
import { testRulebook } from '../support/rulebook.js';

const rulebook = testRulebook();
const household = { id: 'h', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };

/** The code and the paths of the details of the error a call throws. */
function problem(body: () => unknown): [string, string[]] {
  const error = errorOf(body);
  return [error.code, error.details.map((d) => d.path)];
}

describe('one options check for every entry point (#9)', () => {
  it('evaluate: missing or non-object options, bad and unknown options', () => {
    expect(problem(() => (evaluate as (h: unknown) => unknown)(household))).toEqual(['invalid-option', ['options']]);
    expect(problem(() => evaluate(household, null as never))).toEqual(['invalid-option', ['options']]);
    expect(problem(() => evaluate(household, {} as never))).toEqual(['invalid-option', ['options.month']]);
    expect(problem(() => evaluate(household, { month: '2021-10', knownAt: '' }))).toEqual(['invalid-option', ['options.knownAt']]);
    expect(problem(() => evaluate(household, { month: '2021-10', lnag: 'en' } as never))).toEqual(['invalid-option', ['options.lnag']]);
    expect(problem(() => evaluate(household, { month: '2021-10', trace: 'yes' } as never))).toEqual(['invalid-option', ['options.trace']]);
    expect(problem(() => evaluateWith(household, { month: '2021-10' } as never))).toEqual(['invalid-option', ['options.rulebook']]);
  });

  it('compileEvaluator refuses what evaluate refuses, when it is compiled', () => {
    expect(problem(() => compileEvaluator(rulebook, { knownAt: '' }))).toEqual(['invalid-option', ['options.knownAt']]);
    expect(problem(() => compileEvaluator(rulebook, { lang: 'fr' } as never))).toEqual(['invalid-option', ['options.lang']]);
    expect(problem(() => compileEvaluator(rulebook, { tarce: true } as never))).toEqual(['invalid-option', ['options.tarce']]);
    expect(problem(() => compileEvaluator(rulebook, null as never))).toEqual(['invalid-option', ['options']]);
    expect(problem(() => compileEvaluator(undefined as never))).toEqual(['invalid-option', ['rulebook']]);
    expect(problem(() => compileEvaluator(rulebook).evaluate(household, undefined as never))).toEqual(['invalid-option', ['options.month']]);
  });

  it('prepare names the jurisdiction or month it cannot plan', () => {
    const fast = compileEvaluator(rulebook);
    expect(problem(() => fast.prepare(['nope'], ['2021-10']))).toEqual(['invalid-option', ['options.jurisdictions[0]']]);
    expect(problem(() => fast.prepare(['cn-500000'], ['2021-10', '2021-1']))).toEqual(['invalid-option', ['options.months[1]']]);
    expect(problem(() => fast.prepare('cn-500000' as never, ['2021-10']))).toEqual(['invalid-option', ['options.jurisdictions']]);
    expect(() => fast.prepare(['cn-500000'], ['2021-10'])).not.toThrow();
  });

  it('evaluateBatch refuses what is not an array of households, with a clear error', () => {
    expect(problem(() => evaluateBatch(null as never, { month: '2021-10', rulebook }))).toEqual(['invalid-option', ['inputs']]);
  });

  it('evaluateBatch and evaluateStream refuse bad options at once', () => {
    expect(problem(() => evaluateBatch([household], { month: '2021-10', rulebook, knownAt: '' }))).toEqual(['invalid-option', ['options.knownAt']]);
    expect(problem(() => evaluateBatch([household], { month: '2021-10' } as never))).toEqual(['invalid-option', ['options.rulebook']]);
    expect(problem(() => evaluateBatch([household], { month: '2021-10', rulebook, lang: 'en' } as never))).toEqual(['invalid-option', ['options.lang']]);
    expect(problem(() => evaluateStream([household], { month: 'May', rulebook }))).toEqual(['invalid-option', ['options.month']]);
  });

  it('the same mistake reads the same from every entry point', () => {
    const messages = [
      errorOf(() => evaluate(household, { month: '2021-10', knownAt: 'yesterday' })).message,
      errorOf(() => compileEvaluator(rulebook, { knownAt: 'yesterday' })).message,
      errorOf(() => evaluateBatch([], { month: '2021-10', rulebook, knownAt: 'yesterday' })).message,
    ];
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toBe('Invalid options:\n  options.knownAt: expected a date written YYYY-MM-DD, found "yesterday"');
  });
});
