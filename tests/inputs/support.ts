import { BenefitRulesError } from '../../src/errors.js';

/** The BenefitRulesError a call throws; anything else thrown (a TypeError) fails the test. */
export function errorOf(body: () => unknown): BenefitRulesError {
  try {
    body();
  } catch (error) {
    if (error instanceof BenefitRulesError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
