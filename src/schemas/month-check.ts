/**
 * Household facts that only make sense against the month evaluated, which the schema alone cannot
 * know. Both evaluation paths call this before any rule runs, so they refuse the same households
 * with the same message.
 */
import { BenefitRulesError, type ErrorDetail } from '../errors.js';
import type { Household } from './household.js';

export function checkHouseholdForMonth(household: Household, month: string): void {
  // ISO dates compare as text; no day of the month is later than its "-31".
  const lastDay = `${month}-31`;
  let details: ErrorDetail[] | undefined;
  const members = household.members;
  for (let i = 0; i < members.length; i += 1) {
    const birthDate = (members[i] as Household['members'][number]).birthDate;
    // A member not yet born would otherwise be counted in the household size and paid for.
    if (birthDate > lastDay) {
      (details ??= []).push({ path: `$.members[${i}].birthDate`, expected: `expected a birth date not after the month evaluated (${month})`, found: JSON.stringify(birthDate) });
    }
  }
  if (details) {
    throw new BenefitRulesError('invalid-household', `The household is invalid:\n${details.map((d) => `  ${d.path}: ${d.expected}, found ${d.found}`).join('\n')}`, details);
  }
}
