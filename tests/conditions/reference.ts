/**
 * json-rules-engine itself, run on the same conditions and facts: the reference semantics the
 * compiled conditions are tested against. Asynchronous by nature and never on the evaluation path,
 * so it lives with the tests and json-rules-engine is a devDependency (the bench has its own use).
 */
import { Engine } from 'json-rules-engine';
import type { Condition } from '../../src/schemas/condition.js';
import { Decimal } from '../../src/money.js';
import type { Facts } from '../../src/conditions/compile.js';

/** json-rules-engine compares numbers, so exact Decimals go in as the numbers they stand for. */
export function toEngineValue(value: unknown): unknown {
  if (value instanceof Decimal) return value.toNumber();
  if (Array.isArray(value)) return (value as unknown[]).map(toEngineValue);
  return value;
}

export interface ReferenceEngine {
  run(facts: Facts): Promise<boolean>;
}

/** One Engine, reused across runs, holding `condition` as its only rule. */
export function referenceEngine(condition: Condition, named: Readonly<Record<string, Condition>> = {}): ReferenceEngine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
  for (const [name, shared] of Object.entries(named)) engine.setCondition(name, shared as never);
  engine.addRule({ conditions: condition as never, event: { type: 'pass' } });
  return {
    async run(facts) {
      const engineFacts: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(facts)) engineFacts[key] = toEngineValue(value);
      const { events } = await engine.run(engineFacts);
      return events.length > 0;
    },
  };
}
