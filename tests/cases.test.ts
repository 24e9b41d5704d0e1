import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../src/evaluate.js';
import { isBenefitRulesError } from '../src/errors.js';
import { readCases } from './support/cases.js';
import { testRulebook } from './support/rulebook.js';

const cases = readCases();

describe('golden cases (tests/cases)', () => {
  it('exist for every bundled jurisdiction', () => {
    const covered = new Set(cases.map((c) => c.file.split('/')[0]));
    for (const id of testRulebook().packs.keys()) {
      if (id === 'cn' || id.startsWith('test-')) continue;
      expect(covered, `no golden case under tests/cases/${id}/`).toContain(id);
    }
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, golden) => {
    const options = { month: golden.month, rulebook: testRulebook(), ...(golden.knownAt ? { knownAt: golden.knownAt } : {}) };
    if (golden.expectedError) {
      let caught: unknown;
      try {
        evaluateWith(golden.household, options);
      } catch (error) {
        caught = error;
      }
      expect(isBenefitRulesError(caught), `expected a ${golden.expectedError.code} error`).toBe(true);
      if (isBenefitRulesError(caught)) {
        expect(caught.code).toBe(golden.expectedError.code);
        if (golden.expectedError.message) expect(caught.message).toContain(golden.expectedError.message);
      }
      return;
    }
    const result = evaluateWith(golden.household, options);
    expect(result).toMatchObject(golden.expected as object);
  });
});
