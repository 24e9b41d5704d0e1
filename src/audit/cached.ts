/** What an audit works out from the rulebook alone, kept per rulebook across audits in one process. */
import type { Rulebook } from '../rulebook/index.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { Knowledge } from './knowledge.js';
import { PlanValues } from './share.js';

/** Compiled evaluators by rulebook, tracing and knownAt date, kept across audits: compiling costs
 * far more than auditing a small ledger, and an evaluator is a pure function of these three. */
const COMPILED = new WeakMap<Rulebook, Map<string, CompiledEvaluator>>();
const COMPILED_KEPT = 64;

export function compiled(rulebook: Rulebook, trace: boolean, knownAt: string | undefined): CompiledEvaluator {
  let kept = COMPILED.get(rulebook);
  if (!kept) COMPILED.set(rulebook, (kept = new Map()));
  const key = `${trace ? 't' : 'u'}${knownAt ?? ''}`;
  let evaluator = kept.get(key);
  if (!evaluator) {
    if (kept.size >= COMPILED_KEPT) kept.delete(kept.keys().next().value as string);
    evaluator = compileEvaluator(rulebook, { trace, ...(knownAt ? { knownAt } : {}) });
    kept.set(key, evaluator);
  }
  return evaluator;
}

/** What the rulebook says about knowledge dates and values per month: pure functions of it, worked out once. */
const KNOWLEDGE = new WeakMap<Rulebook, Knowledge>();
const VALUES = new WeakMap<Rulebook, PlanValues>();
export function knowledgeOf(rulebook: Rulebook): Knowledge {
  let known = KNOWLEDGE.get(rulebook);
  if (!known) KNOWLEDGE.set(rulebook, (known = new Knowledge(rulebook)));
  return known;
}
export function valuesOf(rulebook: Rulebook): PlanValues {
  let values = VALUES.get(rulebook);
  if (!values) VALUES.set(rulebook, (values = new PlanValues(rulebook)));
  return values;
}
