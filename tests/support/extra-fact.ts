/**
 * Loads the code anew with one more fact declared in src/schemas/facts.ts, as a contributor would
 * add it: the tests that show a declaration is all a new fact needs (issue 16 §1) import the
 * derived modules after this, dynamically.
 */
import { vi } from 'vitest';

export const EXTRA_FACT = {
  kind: 'enum',
  values: ['rented', 'owned'],
  name: { zh: '住房情况', en: 'housing' },
  description: 'A test-only fact: rented or owned housing.',
  csv: 'housing_test',
  absent: null,
  generate: { odds: 2, populationShare: 0.5 },
} as const;

export function declareExtraFact(): void {
  vi.resetModules();
  vi.doMock('../../src/schemas/facts.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/schemas/facts.js')>();
    const MEMBER_INPUT_FACTS = { ...original.MEMBER_INPUT_FACTS, housingTest: EXTRA_FACT };
    const MEMBER_INPUT_FACT_LIST = Object.entries(MEMBER_INPUT_FACTS).map(([id, fact]) => ({ id, ...fact }));
    return { ...original, MEMBER_INPUT_FACTS, MEMBER_INPUT_FACT_LIST };
  });
}

export function forgetExtraFact(): void {
  vi.doUnmock('../../src/schemas/facts.js');
  vi.resetModules();
}
