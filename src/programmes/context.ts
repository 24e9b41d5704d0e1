/**
 * What a programme reads while it evaluates one household-month: parameters (resolved once each,
 * cited in the trace the first time they are used) and the trace itself. Holding both here keeps the
 * programme modules free of bookkeeping.
 */
import { BenefitRulesError } from '../errors.js';
import { toJson, type ParameterValue } from '../parameters/values.js';
import { resolveParameter, type ResolvedParameter } from '../parameters/resolve.js';
import type { Rulebook } from '../rulebook/index.js';
import type { TraceEntry, TraceCheck } from '../explain/trace.js';
import type { LeafOutcome } from '../conditions/compile.js';
import type { CompiledRuleCondition } from '../rulebook/index.js';

export interface EvaluationSettings {
  rulebook: Rulebook;
  jurisdiction: string;
  month: string;
  /** The day the month is evaluated on (its first day). */
  day: string;
  knownAt?: string;
}

export class ProgrammeContext {
  readonly trace: TraceEntry[] = [];
  readonly notices: string[] = [];
  private readonly resolved = new Map<string, ResolvedParameter | null>();

  constructor(readonly settings: EvaluationSettings, readonly programme: string) {}

  /**
   * The value of a parameter this month. Returns null when the rule is off here: not configured
   * (null in the pack) or not set on the chain, for parameters declared "skip". Throws for
   * parameters declared "error".
   */
  param<T extends ParameterValue>(id: string): T | null {
    const { rulebook, jurisdiction, day, knownAt } = this.settings;
    if (this.resolved.has(id)) return (this.resolved.get(id)?.value ?? null) as T | null;
    const declaration = rulebook.declarations.get(id);
    if (!declaration) throw new Error(`internal: parameter ${id} is not declared in any rule file`);
    let resolved: ResolvedParameter;
    try {
      resolved = resolveParameter(rulebook, jurisdiction, id, day, knownAt);
    } catch (error) {
      if (declaration.whenNotConfigured === 'skip' && error instanceof BenefitRulesError && error.code === 'parameter-not-covered') {
        this.resolved.set(id, null);
        this.trace.push({ kind: 'notSet', id });
        return null;
      }
      throw error;
    }
    this.resolved.set(id, resolved);
    this.trace.push(parameterEntry(resolved));
    if (resolved.value === null) {
      if (declaration.whenNotConfigured === 'error') {
        throw new BenefitRulesError(
          'parameter-not-configured',
          `${id} is not configured for ${jurisdiction} on ${day} (set to null by ${resolved.jurisdiction} from ${resolved.from}${resolved.note ? `: ${resolved.note}` : ''})`,
          [{ path: id, expected: `a configured value on ${day}`, found: 'null (not configured)' }],
        );
      }
      this.notices.push(id);
    }
    return resolved.value as T | null;
  }

  /** The same as `param`, under the name exitState's ParameterReader uses. */
  read<T>(id: string): T | null {
    return this.param(id) as T | null;
  }

  /** Like `param`, for a parameter another setting makes necessary (a rate once a method is chosen). */
  required<T extends ParameterValue>(id: string): T {
    const value = this.param<T>(id);
    if (value === null) throw requiredError(id, this.settings);
    return value;
  }

  /** Runs a rule condition on facts, recording the outcome and the comparisons behind it: always,
   * never (when the conditions it combines were recorded already), or only when it is met. */
  check(condition: CompiledRuleCondition, facts: Readonly<Record<string, unknown>>, member?: string, details: 'always' | 'never' | 'whenMet' = 'always'): boolean {
    const record: LeafOutcome[] = [];
    const result = condition.test(facts, record);
    const withChecks = details === 'always' || (details === 'whenMet' && result);
    const entry: TraceEntry = { kind: 'condition', id: condition.id, result, checks: withChecks ? record.map((o) => traceCheck(o)) : [] };
    if (member !== undefined) entry.member = member;
    this.trace.push(entry);
    return result;
  }

  record(entry: TraceEntry): void {
    this.trace.push(entry);
  }
}

/** A parameter another setting needs is missing (both evaluation paths). */
export function requiredError(id: string, { jurisdiction, day }: { jurisdiction: string; day: string }): BenefitRulesError {
  return new BenefitRulesError('parameter-not-configured', `${id} must be set for ${jurisdiction} on ${day}: the pack's other settings need it`, [
    { path: id, expected: `a configured value on ${day}`, found: 'none' },
  ]);
}

function parameterEntry(resolved: ResolvedParameter): TraceEntry {
  const entry: TraceEntry = {
    kind: 'parameter',
    id: resolved.id,
    value: toJson(resolved.value),
    from: resolved.from,
    until: resolved.until,
    jurisdiction: resolved.jurisdiction,
    verified: resolved.verified,
    sources: resolved.sources.map((source) => {
      const out: Record<string, string> = { id: source.id, title: source.title, tag: source.tag };
      for (const key of ['number', 'issued', 'published', 'url', 'seed'] as const) {
        const value = source[key];
        if (value !== undefined) out[key] = value;
      }
      return out as never;
    }),
  };
  if (resolved.note !== undefined) entry.note = resolved.note;
  return entry;
}

/** One comparison as the trace writes it; `json` writes its values (the compiled path passes one
 * that writes fixed-point units as the reference writes Decimals). */
export function traceCheck(outcome: LeafOutcome, json: (value: unknown) => unknown = toJson): TraceCheck {
  const check: TraceCheck = {
    fact: outcome.fact,
    operator: outcome.operator,
    factValue: json(outcome.factValue),
    value: json(outcome.value),
    result: outcome.result,
  };
  if (outcome.valueFact !== undefined) check.valueFact = outcome.valueFact;
  return check;
}
