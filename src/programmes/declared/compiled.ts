/** What the compiled amount forms share: their kinds, the closures, the errors of load and evaluation. */
import type { AmountExpression } from '../../schemas/amount.js';
import type { CompiledRuleCondition } from '../../rulebook/index.js';
import type { Context } from '../context.js';

export type Facts = Readonly<Record<string, unknown>>;
/** money: an amount; rate: a share or multiple; count: a whole number (members, months). */
export type Kind = 'money' | 'rate' | 'count';

// Either arithmetic: the closures are written once and never look at the representation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContext = Context<any, any, any>;

/** The household's members, for the forms that count or add over them: each member's facts. */
export interface MembersView {
  readonly size: number;
  facts(index: number): Facts;
}

export interface CompiledAmount {
  kind: Kind;
  value(ctx: AnyContext, facts: Facts, members?: MembersView): unknown;
  text(ctx: AnyContext, facts: Facts, members?: MembersView): string;
  /** Written "a + b": bracketed where it is multiplied or divided, so the formula reads as it is
   * computed ("(717 + 581) ÷ 2", not "717 + 581 ÷ 2"). */
  infix?: true;
}

export class AmountCompileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the compiler needs to know about facts and conditions of the rule file. */
export interface FactKinds {
  isMoney(fact: string): boolean;
  /** A whole-number fact (people affected by an event): a count in the forms. */
  isInteger?(fact: string): boolean;
  /** Every value an enumerated fact can take (as case keys), or undefined when it is open. */
  values?(fact: string): readonly string[] | undefined;
  /** A member condition of the rule file, for the forms that test one. */
  condition?(id: string): CompiledRuleCondition | undefined;
  /** False where no household members are at hand (interactions): count and sumOverMembers refused. */
  members?: boolean;
  /** A household programme's amount: a gate may test a household condition on the household's facts. */
  household?: boolean;
}

export type Compile = (expression: AmountExpression, path: string) => CompiledAmount;

/** A member whose case the amount form does not list: the amount cannot be said. `fact` is set
 * when the case is missing because the household does not give that member fact; `member`, the
 * position of the member whose fact it is, when a count or sum over members read it (otherwise
 * it is the fact of the member, or the household, the form was evaluated for). */
export class AmountCaseMissing extends Error {
  constructor(
    message: string,
    readonly fact?: string,
    readonly member?: number,
  ) {
    // Control flow, caught by the member's line (a missing fact is an answer, not a failure): its
    // stack is never shown, and capturing one cost more than the rest of the line.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
