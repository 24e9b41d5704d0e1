/**
 * Batch evaluation for library users: arrays and (async) iterables of households, one record per
 * input, in input order. Compiled once per jurisdiction-month; synchronous for arrays.
 *
 * What they return: `{ line, ok: true, result }` with the result exactly as `evaluate` gives it —
 * its `receipt` is the whole receipt object, one frozen object shared by every result of a
 * jurisdiction, so holding a million results costs no receipt copies — or
 * `{ line, ok: false, household?, member?, error }`, with the household's id and the member's when
 * they could be read. Writing records out, the CLI writes each receipt once and names it by hash in
 * the records (`receiptHash`, receipts.ts); a caller writing its own output can do the same.
 */
import { BenefitRulesError, describeValue } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { evaluateItem, type BatchRecord } from './records.js';
import { checkOptions } from '../options.js';

export interface BatchOptions {
  month: string;
  rulebook: Rulebook;
  trace?: boolean;
  knownAt?: string;
}

function evaluatorFor(options: BatchOptions) {
  checkOptions(options, 'batch');
  return compileEvaluator(options.rulebook, { trace: options.trace ?? false, ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}) });
}

/** Evaluates an array; item i gets line number i + 1. */
export function evaluateBatch(inputs: readonly unknown[], options: BatchOptions): BatchRecord[] {
  if (!Array.isArray(inputs)) {
    throw new BenefitRulesError('invalid-option', 'evaluateBatch takes an array of households', [
      { path: 'inputs', expected: 'an array of households', found: describeValue(inputs) },
    ]);
  }
  const evaluator = evaluatorFor(options);
  return inputs.map((input, index) => evaluateItem(evaluator, index + 1, input, options.month));
}

/** Evaluates a stream of households as it arrives, holding one at a time. Options are checked
 * when it is called, not when the first record is asked for. */
export function evaluateStream(inputs: AsyncIterable<unknown> | Iterable<unknown>, options: BatchOptions): AsyncGenerator<BatchRecord> {
  return records(inputs, evaluatorFor(options), options.month);
}

async function* records(inputs: AsyncIterable<unknown> | Iterable<unknown>, evaluator: CompiledEvaluator, month: string): AsyncGenerator<BatchRecord> {
  let line = 0;
  for await (const input of inputs) {
    line += 1;
    yield evaluateItem(evaluator, line, input, month);
  }
}
