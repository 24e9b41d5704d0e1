/**
 * Every condition and every amount of a rule file names where it comes from (issue 16 §4): the zod
 * schema requires a basis on each condition and interaction; what it cannot see is which amount
 * steps a file has — the declared amount and bounds, and each calculation a module writes under
 * messages.calculations — so that is checked here, at load, beside the other rule-file checks.
 */
import type { LegalBasis, RuleFile } from '../schemas/rules.js';
import type { Problems } from './problems.js';

/** The amount steps of a rule file that must each carry a basis, by the id amountBasis uses. */
export function amountSteps(rules: Pick<RuleFile, 'amount' | 'bounds' | 'messages'>): string[] {
  const steps = new Set<string>();
  if (rules.amount !== undefined) steps.add('amount');
  if (rules.bounds?.minimum !== undefined) steps.add('minimum');
  if (rules.bounds?.maximum !== undefined) steps.add('maximum');
  for (const id of Object.keys(rules.messages?.calculations ?? {})) steps.add(id);
  return [...steps];
}

export function checkAmountBasis(rules: Pick<RuleFile, 'amount' | 'bounds' | 'messages' | 'amountBasis'>, file: string, problems: Problems): void {
  const steps = amountSteps(rules);
  const given = rules.amountBasis ?? {};
  for (const step of steps) {
    if (given[step] === undefined) {
      problems.add(file, `$.amountBasis.${step}`, `the basis of the amount step "${step}": a legal text (document and article) or a convention`, 'nothing');
    }
  }
  for (const step of Object.keys(given)) {
    if (!steps.includes(step)) problems.add(file, `$.amountBasis.${step}`, `an amount step of this file (${steps.join(', ') || 'none'})`, JSON.stringify(step));
  }
}

/** Which kind of basis an entry is, for the rule book and the counts. */
export function basisKind(basis: LegalBasis): 'article' | 'unidentified' | 'convention' {
  if ('convention' in basis) return 'convention';
  return 'articleUnidentified' in basis ? 'unidentified' : 'article';
}
