/** What every programme module provides, and the common part of every programme result. */
import type { Bilingual } from '../schemas/common.js';
import type { Household } from '../schemas/household.js';
import type { Rulebook } from '../rulebook/index.js';
import type { TraceEntry } from '../explain/trace.js';
import type { ProgrammeContext } from './context.js';
import type { Decimal } from '../money.js';

export interface ProgrammeOutcome<R> {
  amount: Decimal;
  result: R;
}

export interface Programme<R extends object = object> {
  id: string;
  name: Bilingual;
  /** Facts the programme gives its conditions, by scope, with names for explanations. */
  facts: { household: Readonly<Record<string, Bilingual>>; member: Readonly<Record<string, Bilingual>> };
  /**
   * Facts that are amounts of money. Conditions may compare them only with each other or with
   * null: an amount belongs in a pack, with its source, not in a rule file.
   */
  moneyFacts: ReadonlySet<string>;
  /** Checks, once per rulebook, that the rules have what the module reads. */
  prepare(rulebook: Rulebook): void;
  evaluate(ctx: ProgrammeContext, household: Household): ProgrammeOutcome<R>;
}

export interface ProgrammeResultBase {
  monthlyAmount: string;
  reasons: string[];
  /** Parameters the pack marks "not configured" this month, whose rule was therefore left out. */
  notConfigured: string[];
  trace?: TraceEntry[];
}
