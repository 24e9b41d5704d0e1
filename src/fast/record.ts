/**
 * What the compiled path does to a result besides computing it: reading planned parameters (so the
 * trace and the notConfigured list come out exactly as the reference evaluator's), recording
 * conditions, and writing fixed-point values as the reference writes Decimals.
 */
import { BenefitRulesError } from '../errors.js';
import type { CompiledCondition, LeafOutcome } from '../conditions/compile.js';
import type { TraceEntry, TraceCheck } from '../explain/trace.js';
import { toJson } from '../parameters/values.js';
import { DIBAO_MONEY_FACTS } from '../programmes/dibao/facts.js';
import type { DibaoPlan, PlannedParameter } from './plan.js';
import { UNITS_PER_YUAN, plainUnits, quotientText } from './units.js';

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
  /** The per-capita quotient, so a non-integer per-capita income can be written exactly. */
  numerator = 0;
  denominator = 1;

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
    if (value === null) {
      const { jurisdiction, day } = this.plan.settings;
      throw new BenefitRulesError('parameter-not-configured', `${id} must be set for ${jurisdiction} on ${day}: the pack's other settings need it`, [
        { path: id, expected: `a configured value on ${day}`, found: 'none' },
      ]);
    }
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
    const moneyFact = DIBAO_MONEY_FACTS.has(outcome.fact);
    const json = (value: unknown, isMoney: boolean, literal: boolean) =>
      typeof value === 'number' && isMoney ? (literal ? value / UNITS_PER_YUAN : this.money(value)) : toJson(value);
    const check: TraceCheck = {
      fact: outcome.fact,
      operator: outcome.operator,
      factValue: json(outcome.factValue, moneyFact, false),
      value: json(outcome.value, outcome.valueFact !== undefined ? DIBAO_MONEY_FACTS.has(outcome.valueFact) : moneyFact, outcome.valueFact === undefined),
      result: outcome.result,
    };
    if (outcome.valueFact !== undefined) check.valueFact = outcome.valueFact;
    return check;
  }
}

/** Checks an operation's result and bails out to the Decimal evaluator if it was not exact. */
export function exact(units: number): number {
  if (Number.isNaN(units)) throw new Inexact();
  return units;
}
