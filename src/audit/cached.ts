/** What an audit works out from the rulebook alone, kept per rulebook across audits in one process. */
import type { Rulebook } from '../rulebook/index.js';
import { derived, derivedKey } from '../rulebook/derived.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { Knowledge } from './knowledge.js';
import { PlanValues } from './share.js';

/** Compiled evaluators by rulebook, tracing and knownAt date, kept across audits: compiling costs
 * far more than auditing a small ledger, and an evaluator is a pure function of these three. */
const COMPILED = derivedKey('audit evaluators', () => new Map<string, CompiledEvaluator>());
const COMPILED_KEPT = 64;

export function compiled(rulebook: Rulebook, trace: boolean, knownAt: string | undefined): CompiledEvaluator {
  const kept = derived(rulebook, COMPILED);
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
const KNOWLEDGE = derivedKey('knowledge dates', (rulebook) => new Knowledge(rulebook));
const VALUES = derivedKey('values per month', (rulebook) => new PlanValues(rulebook));
export function knowledgeOf(rulebook: Rulebook): Knowledge {
  return derived(rulebook, KNOWLEDGE);
}
export function valuesOf(rulebook: Rulebook): PlanValues {
  return derived(rulebook, VALUES);
}
