/**
 * The fixed corpus of conditions that once disagreed with json-rules-engine (corpus.json): each is
 * run through the loader (schema, then compiler) and, when it loads, through both engines.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileCondition, ConditionCompileError } from '../../src/conditions/compile.js';
import { referenceEngine } from './reference.js';
import { conditionSchema, type Condition } from '../../src/schemas/condition.js';
import { BenefitRulesError } from '../../src/errors.js';

interface Case {
  item: number;
  name: string;
  condition: unknown;
  named?: Record<string, unknown>;
  facts?: Record<string, unknown>;
  answer?: boolean | 'throws';
  refused?: { path: string; expected: string };
}

const { cases } = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as { cases: Case[] };

function load(entry: Case) {
  const condition = conditionSchema.parse(entry.condition);
  const named = new Map(Object.entries(entry.named ?? {}).map(([name, c]) => [name, conditionSchema.parse(c)]));
  return { condition, named, test: compileCondition(condition, (name) => named.get(name)) };
}

async function reference(condition: Condition, named: Map<string, Condition>, facts: Record<string, unknown>): Promise<boolean | 'throws'> {
  try {
    return await referenceEngine(condition, Object.fromEntries(named)).run(facts);
  } catch {
    return 'throws';
  }
}

describe('the corpus of past disagreements', () => {
  it.each(cases.map((c) => [`#${c.item} ${c.name}`, c] as const))('%s', async (_, entry) => {
    if (entry.refused) {
      let error: unknown;
      try {
        load(entry);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConditionCompileError);
      expect((error as ConditionCompileError).path).toBe(entry.refused.path);
      expect((error as ConditionCompileError).expected).toMatch(new RegExp(entry.refused.expected));
      return;
    }
    const { condition, named, test } = load(entry);
    const facts = entry.facts ?? {};
    expect(await reference(condition, named, facts)).toBe(entry.answer);
    if (entry.answer === 'throws') {
      expect(() => test(facts)).toThrow(BenefitRulesError);
    } else {
      expect(test(facts)).toBe(entry.answer);
      expect(test(facts, [])).toBe(entry.answer);
    }
  });
});
