/**
 * benefit-rules/testing: generators and ready properties for users' own property tests, with
 * fast-check (a peer dependency the user installs). Product code never imports this entry: it sits
 * beside the library, as the tools do (docs/decisions/0023-generators-and-ready-properties.md).
 *
 *   import fc from 'fast-check';
 *   import { householdArbitrary, raiseNeverLowersDibao } from 'benefit-rules/testing';
 *   fc.assert(raiseNeverLowersDibao({ jurisdiction: 'cn-640181', month: '2024-07', reform }).property);
 */
export { householdArbitrary, type HouseholdArbitraryOptions } from './arbitrary.js';
export { jurisdictionFacts, type JurisdictionFacts } from './facts.js';
export { formatFen, moneyArbitrary } from './members.js';
export {
  readyProperties,
  totalsAddUp,
  noNegativeAmounts,
  compiledEqualsReference,
  raiseNeverLowersDibao,
  incomeNeverRaisesDibao,
  type ReadyProperty,
  type PropertyOptions,
  type Sample,
} from './properties.js';
export { PROPERTY_NAMES, DESCRIPTIONS, type PropertyName } from './descriptions.js';
export { DEFAULT_SEED, type PropertyReport, type RunOptions } from './report.js';
export { amountProblems, checkMoney, compareOutcomes, InvariantFailure, type FailureKind, type Outcome } from './invariants.js';
export { population, POPULATION_MONTHS } from './population.js';
