/** What the differential tests compare: the result, or the error a user would see, as text. */
import { isBenefitRulesError } from '../../src/errors.js';

export function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    if (isBenefitRulesError(error)) return `error ${error.code}: ${error.message}`;
    throw error;
  }
}
