/**
 * What a programme reads and writes while it evaluates one household-month, in one arithmetic:
 * parameters from the plan (cited in the trace on first read, listed under notConfigured when the
 * pack says so), rule conditions (recorded with the comparisons behind them), and the trace. The
 * same programme code runs on either arithmetic through it.
 */
import { toJson } from '../parameters/values.js';
import type { Arithmetic } from '../arithmetic/types.js';
import { INEXACT } from '../arithmetic/types.js';
import { UNKNOWN, type LeafOutcome } from '../conditions/compile.js';
import { signal } from '../errors.js';
import type { CompiledRuleCondition, ProgrammeRules } from '../rulebook/index.js';
import { requiredError, type Plan, type PlannedParameter } from './plan.js';
import type { TraceCheck, TraceEntry } from './trace.js';

/** A parameter declared "programme" is missing, or a fact a rule needs is unknown: the programme
 * (or the member's line) is reported not configured this month. Caught by the engine, never a
 * user's error. */
export class NotConfiguredError extends Error {
  override readonly name = 'NotConfiguredError';
  constructor() {
    super('internal: a rule this programme needs is not configured this month (the engine reports it, it is not thrown to callers)');
  }
}

/** The one NotConfiguredError thrown, without a stack (errors.ts `signal`); what stopped the
 * programme is the context's `suspendedBy`. */
export const NOT_CONFIGURED = signal(() => new NotConfiguredError());

export type Details = 'always' | 'never' | 'whenMet';

/** The value of a fact given by a programme that is not configured this month: unknown. A rule
 * that reads it cannot be applied, and the programme reading it is not configured either. */
export { UNKNOWN };

/** Most programme runs list nothing as not configured: they share this one frozen empty list. */
const NOTHING: string[] = Object.freeze([]) as unknown as string[];

export class Context<N = unknown, R = unknown, G = unknown> {
  trace: TraceEntry[] | undefined;
  notices: string[] = NOTHING;
  /** Rules not configured this month that change this household's amount (its amount is provisional). */
  provisional: string[] = NOTHING;
  /** Rules not configured this month on which the decision itself turns (it is undetermined). */
  undetermined: string[] = NOTHING;
  /** What stopped the programme this month: a parameter id, or a programme whose facts are unknown. */
  suspendedBy: string | undefined;
  /** A fact of the household itself that a household programme needed and the household left out
   * (its JSON path): the programme is then missing a fact, not stopped by a rule. */
  missingFact: { path: string; fact: string } | undefined;
  /** The evaluation in which each parameter (by slot) was last read: a new evaluation is a new
   * number, so starting one clears nothing. */
  private readonly seen: Uint32Array;
  private evaluation = 1;
  /** The values of the parameters a declared programme's conditions read as facts (member.ts):
   * the plan's, so made once and kept from household to household. */
  private factValues: unknown[] | undefined;
  private factPlanned: PlannedParameter[] = [];
  /** Whether this evaluation has read them (a read after the first changes nothing). */
  private factsRead = false;

  constructor(
    readonly plan: Plan,
    readonly a: Arithmetic<N, R, G>,
    readonly rules: ProgrammeRules,
    /** Facts that are amounts: written in the trace as the arithmetic writes amounts. */
    private readonly moneyFacts: ReadonlySet<string>,
  ) {
    this.seen = new Uint32Array(plan.slots.size);
  }

  get settings() {
    return this.plan.settings;
  }

  /** Starts a new evaluation: nothing read, nothing recorded. */
  reset(trace: TraceEntry[] | undefined): this {
    this.evaluation += 1;
    if (this.evaluation === 0xffffffff) {
      this.seen.fill(0);
      this.evaluation = 1;
    }
    this.notices = NOTHING;
    this.provisional = NOTHING;
    this.undetermined = NOTHING;
    this.suspendedBy = undefined;
    this.missingFact = undefined;
    this.factsRead = false;
    this.trace = trace;
    return this;
  }

  /** The value of a parameter this month; null when the rule is off here. */
  param<T>(id: string): T | null {
    const planned = this.plan.get(id);
    this.mark(planned);
    if (planned.error !== undefined) throw planned.error;
    if (planned.suspends) {
      this.suspendedBy = id;
      throw NOT_CONFIGURED;
    }
    if (this.a.kind === 'decimal') return planned.decimal as T | null;
    if (!planned.unitsExact) throw INEXACT;
    return planned.units as T | null;
  }

  /** A parameter as a condition's fact. One not configured this month is UNKNOWN, so it stops the
   * member's line only if the condition reaches it: `any` and `all` stop at their first decisive
   * check, as json-rules-engine does, and a rule the household never needs is not listed. */
  conditionParam(id: string): unknown {
    const planned = this.plan.get(id);
    return planned.suspends && planned.error === undefined ? UNKNOWN : this.param(id);
  }

  /** The parameters a declared programme's conditions read as facts, by `conditionParam`, with
   * rates (`exact`) as exact Decimals on both paths, so a comparison is never a float's. Read in
   * full once per context; each evaluation after the first records only what a first read does
   * (the trace's citation, notConfigured), for the parameters conditionParam reads at once. */
  factParameters(ids: readonly string[], exact: readonly boolean[]): readonly unknown[] {
    if (this.factValues === undefined) {
      const values = ids.map((id, i) => {
        const value = this.conditionParam(id);
        return exact[i] && value !== null && value !== UNKNOWN ? this.plan.get(id).decimal : value;
      });
      // Kept only once every read succeeded: one that throws throws for every household alike.
      this.factPlanned = ids.map((id) => this.plan.get(id)).filter((planned) => !planned.suspends || planned.error !== undefined);
      this.factValues = values;
    } else if (!this.factsRead) for (const planned of this.factPlanned) this.mark(planned);
    this.factsRead = true;
    return this.factValues;
  }

  /** Like `param`, for a parameter another setting makes necessary (a rate once a method is chosen). */
  required<T>(id: string): T {
    const value = this.param<T>(id);
    if (value === null) throw requiredError(id, this.settings);
    return value;
  }

  /** The first read of a parameter in this evaluation cites it in the trace, and lists it under
   * notConfigured when the pack says so. */
  private mark(planned: PlannedParameter): void {
    if (this.seen[planned.slot] === this.evaluation) return;
    this.seen[planned.slot] = this.evaluation;
    if (this.trace !== undefined && planned.entry !== undefined) this.trace.push(planned.entry);
    if (planned.notice) this.notice(planned.id);
  }

  /** A condition's outcome, unrecorded; a fact it reads that is UNKNOWN stops the programme. */
  test(condition: CompiledRuleCondition, facts: Readonly<Record<string, unknown>>, record?: LeafOutcome[]): boolean {
    const decision = condition.test.decide(facts, record);
    if (typeof decision === 'string') this.unknown(decision);
    return decision as boolean;
  }

  /** Like `test`, without throwing: undefined when the condition stops on an unknown fact, which
   * is then recorded as `unknown` records it (for the member lines, which are suspended one by one). */
  decide(condition: CompiledRuleCondition, facts: Readonly<Record<string, unknown>>, record?: LeafOutcome[]): boolean | undefined {
    const decision = condition.test.decide(facts, record);
    if (typeof decision !== 'string') return decision;
    this.suspend(decision);
    return undefined;
  }

  /** Stops the programme, not configured, because a fact it needs ("<programme>.<name>") is
   * UNKNOWN; that programme is listed under notConfigured. */
  unknown(fact: string): never {
    this.suspend(fact);
    throw NOT_CONFIGURED;
  }

  /** Records what an UNKNOWN fact stops on: the parameter (read by a condition, see
   * conditionParam: reading it records as usual), or the programme giving the fact. */
  private suspend(fact: string): void {
    if (this.plan.slots.has(fact)) {
      const planned = this.plan.get(fact);
      this.mark(planned);
      if (planned.error !== undefined) throw planned.error;
      if (planned.suspends) {
        this.suspendedBy = fact;
        return;
      }
    }
    // "<programme>.<name>"; a name without a programme (which no producer gives) is itself named.
    const dot = fact.lastIndexOf('.');
    const programme = dot < 0 ? fact : fact.slice(0, dot);
    this.lacks(programme);
    this.suspendedBy = programme;
  }

  /** Not configured when the pack says so (a null value) or a programme it needs is not; not in
   * force when no pack sets the rule for the month at all. */
  suspension(): 'not-configured' | 'not-in-force' {
    const by = this.suspendedBy;
    return by === undefined || !this.plan.slots.has(by) || this.plan.get(by).entry?.kind === 'parameter' ? 'not-configured' : 'not-in-force';
  }

  /** Stops a household programme on a fact of the household that the record leaves out (never
   * answered as a decision or a zero): its status is missing-facts, naming `path`. */
  missing(path: string, fact: string): never {
    this.missingFact = { path, fact };
    throw NOT_CONFIGURED;
  }

  /** What stopped the programme as a whole: a missing fact of the household, else a rule (suspension). */
  stopped(): 'not-configured' | 'not-in-force' | 'missing-facts' {
    return this.missingFact === undefined ? this.suspension() : 'missing-facts';
  }

  /** What stopped one member's line, cleared so the next member starts afresh. */
  takeSuspension(): { status: 'not-configured' | 'not-in-force'; notConfigured: string[] } {
    const status = this.suspension();
    const by = this.suspendedBy;
    this.suspendedBy = undefined;
    return { status, notConfigured: by === undefined ? [] : [by] };
  }

  /** True when the pack says the rule is not configured this month (null): it exists, its value is
   * unknown. A rule no pack sets for the month is not in force: listed, but it opens no path. */
  isUnknown(id: string): boolean {
    const planned = this.plan.get(id);
    return planned.notice && planned.decimal === null && planned.entry?.kind === 'parameter';
  }

  /** Lists a rule (or a programme whose facts are unknown) under notConfigured, once: also a rule
   * whose value is set but says a part of it is not configured (a type in
   * dibao.income.exemptNotConfigured), as a null value is listed when read. */
  lacks(id: string): void {
    if (!this.notices.includes(id)) this.notice(id);
  }

  /** The list is this evaluation's own once made (reset starts a new one), so it grows in place. */
  private notice(id: string): void {
    if (this.notices === NOTHING) this.notices = [id];
    else this.notices.push(id);
  }

  /** The amount turns on a rule not configured this month: it is provisional, and says so. */
  affects(id: string): void {
    if (!this.provisional.includes(id)) this.provisional = [...this.provisional, id];
  }

  /** The decision turns on rules not configured this month: it is undetermined, naming them. */
  decides(ids: readonly string[]): void {
    for (const id of ids) if (!this.undetermined.includes(id)) this.undetermined = [...this.undetermined, id];
  }

  /** True when the rule file declares the parameter. */
  declares(id: string): boolean {
    return this.plan.slots.has(id);
  }

  /** Runs a rule condition, recording the outcome and the comparisons behind it: always, never
   * (when the conditions it combines were recorded already), or only when it is met. */
  check(condition: CompiledRuleCondition, facts: Readonly<Record<string, unknown>>, member?: string, details: Details = 'always'): boolean {
    const result = this.checked(condition, facts, member, details);
    if (result === undefined) throw NOT_CONFIGURED;
    return result;
  }

  /** Like `check`, without throwing: undefined when the condition stops on an unknown fact
   * (recorded as `decide` records it, and not in the trace: it decided nothing). */
  checked(condition: CompiledRuleCondition, facts: Readonly<Record<string, unknown>>, member?: string, details: Details = 'always'): boolean | undefined {
    if (this.trace === undefined) return this.decide(condition, facts);
    const record: LeafOutcome[] = [];
    const result = this.decide(condition, facts, record);
    if (result === undefined) return undefined;
    const withChecks = details === 'always' || (details === 'whenMet' && result);
    const entry: TraceEntry = { kind: 'condition', id: condition.id, result, checks: withChecks ? record.map((o) => this.traceCheck(o)) : [] };
    if (member !== undefined) entry.member = member;
    this.trace.push(entry);
    return result;
  }

  record(entry: TraceEntry): void {
    this.trace?.push(entry);
  }

  /** A condition of this programme's rule file by id. */
  condition(id: string): CompiledRuleCondition {
    const condition = this.rules.conditions.get(id);
    if (!condition) throw new Error(`internal: ${this.rules.file} has no condition "${id}"`);
    return condition;
  }

  private traceCheck(outcome: LeafOutcome): TraceCheck {
    const json = (value: unknown, fact: string | undefined) =>
      this.a.kind === 'units' && typeof value === 'number' && fact !== undefined && this.moneyFacts.has(fact) ? this.a.plain(value as N) : toJson(value);
    // Amounts are compared only with amounts or null (checked at load).
    const check: TraceCheck = {
      fact: outcome.fact,
      operator: outcome.operator,
      factValue: json(outcome.factValue, outcome.fact),
      value: json(outcome.value, outcome.valueFact ?? outcome.fact),
      result: outcome.result,
    };
    if (outcome.valueFact !== undefined) check.valueFact = outcome.valueFact;
    return check;
  }
}
