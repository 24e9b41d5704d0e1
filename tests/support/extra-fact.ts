/**
 * Loads the code anew with one more fact declared in src/schemas/facts.ts, as a contributor would
 * add it: the tests that show a declaration is all a new fact needs (issue 16 §1) import the
 * derived modules after this, dynamically. The same declaration is declared either as a member's
 * fact (MEMBER_INPUT_FACTS) or as the household's (HOUSEHOLD_INPUT_FACTS, decision 0032).
 */
import { vi } from 'vitest';
import type { FactEntity } from '../../src/schemas/facts.js';

export const EXTRA_FACT = {
  kind: 'enum',
  values: ['rented', 'owned'],
  name: { zh: '住房情况', en: 'housing' },
  description: 'A test-only fact: rented or owned housing.',
  csv: 'housing_test',
  absent: null,
  generate: { odds: 2, populationShare: 0.5 },
} as const;

export function declareExtraFact(entity: FactEntity = 'member'): void {
  vi.resetModules();
  vi.doMock('../../src/schemas/facts.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/schemas/facts.js')>();
    const list = (registry: Record<string, object>) => Object.entries(registry).map(([id, fact]) => ({ id, ...fact }));
    if (entity === 'household') {
      const HOUSEHOLD_INPUT_FACTS = { ...original.HOUSEHOLD_INPUT_FACTS, housingTest: EXTRA_FACT };
      return { ...original, HOUSEHOLD_INPUT_FACTS, HOUSEHOLD_INPUT_FACT_LIST: list(HOUSEHOLD_INPUT_FACTS) };
    }
    const MEMBER_INPUT_FACTS = { ...original.MEMBER_INPUT_FACTS, housingTest: EXTRA_FACT };
    return { ...original, MEMBER_INPUT_FACTS, MEMBER_INPUT_FACT_LIST: list(MEMBER_INPUT_FACTS) };
  });
}

export function forgetExtraFact(): void {
  vi.doUnmock('../../src/schemas/facts.js');
  vi.resetModules();
}
