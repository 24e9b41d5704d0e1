/**
 * What the compiled path does to a result besides computing it: reading planned parameters (so the
 * trace and the notConfigured list come out exactly as the reference evaluator's), recording
 * conditions, and writing fixed-point values as the reference writes Decimals.
 */
import { requiredError, traceCheck } from '../programmes/context.js';
import type { ExclusionFacts } from '../programmes/dibao/membership.js';
import type { Member } from '../schemas/household.js';
import type { CompiledCondition, LeafOutcome } from '../conditions/compile.js';
import type { TraceEntry, TraceCheck } from '../explain/trace.js';
import { toJson } from '../parameters/values.js';
import { DIBAO_MONEY_FACTS } from '../programmes/dibao/facts.js';
import type { DibaoPlan, PlannedParameter } from './plan.js';
import { plainUnits, quotientText } from './units.js';

/** Thrown when a value cannot be held exactly in units: the household goes to the Decimal evaluator. */
export class Inexact extends Error {}

/**
 * One per plan, reset for each household (evaluation is synchronous, so it is never shared by two
 * evaluations at once): the reads and the trace of the household being evaluated.
 */
export class Recorder {
  notices: string[] = [];
  trace: TraceEntry[] | undefined;
  private readonly seen: Uint8Array;
  /** The per-capita quotient last computed, so a non-integer per-capita income can be written
   * exactly: set by perCapitaIncome, read by money(). */
  numerator = 0;
  denominator = 1;
  /** Scratch reused from one household to the next, so the kernel allocates little but its result. */
  readonly counted: Member[] = [];
  readonly isCounted: boolean[] = [];
  readonly ownIncome: number[] = [];
  readonly memberFacts: ExclusionFacts = { imprisoned: false, compulsoryRehabilitation: false, declaredMissing: false, clergyYearsApart: null, clergyYearsThreshold: null };

  constructor(readonly plan: DibaoPlan) {
    this.seen = new Uint8Array(plan.parameters.size);
  }

  reset(trace: TraceEntry[] | undefined): this {
    this.seen.fill(0);
    this.notices = [];
    this.trace = trace;
    return this;
  }

  read<T>(id: string): T | null {
    const planned = this.plan.parameters.get(id) as PlannedParameter;
    if (this.seen[planned.index] === 0) {
      this.seen[planned.index] = 1;
      if (this.trace && planned.entry) this.trace.push(planned.entry);
      if (planned.error) throw planned.error;
      if (planned.notice) this.notices.push(id);
    } else if (planned.error) throw planned.error;
    return planned.value as T | null;
  }

  required<T>(id: string): T {
    const value = this.read<T>(id);
    if (value === null) throw requiredError(id, this.plan.settings);
    return value;
  }

  check(id: string, facts: Readonly<Record<string, unknown>>, member?: string, details: 'always' | 'never' | 'whenMet' = 'always'): boolean {
    const test = this.plan.conditions[id] as CompiledCondition;
    if (!this.trace) return test(facts);
    const record: LeafOutcome[] = [];
    const result = test(facts, record);
    const withChecks = details === 'always' || (details === 'whenMet' && result);
    const entry: TraceEntry = { kind: 'condition', id, result, checks: withChecks ? record.map((o) => this.traceCheck(o)) : [] };
    if (member !== undefined) entry.member = member;
    this.trace.push(entry);
    return result;
  }

  record(entry: TraceEntry): void {
    this.trace?.push(entry);
  }

  /** A money value in units as the reference's Decimal would be written in JSON. */
  money(units: number): string {
    if (Number.isInteger(units)) return plainUnits(units);
    return quotientText(this.numerator, this.denominator);
  }

  private traceCheck(outcome: LeafOutcome): TraceCheck {
    // Amounts are compared only with amounts or null (checked at load): a number on either side
    // of a money fact is fixed-point units.
    const moneyFact = DIBAO_MONEY_FACTS.has(outcome.fact);
    return traceCheck(outcome, (value) => (typeof value === 'number' && moneyFact ? this.money(value) : toJson(value)));
  }
}

/** Passes an exact result on; a NaN (not exact, not safe) hands the household to the Decimal evaluator. */
export function exactOrBail(units: number): number {
  if (Number.isNaN(units)) throw new Inexact();
  return units;
}

/** A product of whole numbers, if it is still a safe integer; NaN (so exactOrBail bails) if not. */
export function safe(value: number): number {
  return Number.isSafeInteger(value) ? value : Number.NaN;
}
