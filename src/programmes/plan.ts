/**
 * A plan: the parameters of one jurisdiction and month (as known on a date), each resolved once
 * with the trace entry reading it records, in both arithmetics' forms. The reference evaluator
 * resolves lazily, the compiled path all at once; both read through the same Context.
 */
import { BenefitRulesError } from '../errors.js';
import { toJson } from '../parameters/values.js';
import { resolveParameter, type ResolvedParameter } from '../rulebook/resolve.js';
import type { DeclaredParameter, Rulebook } from '../rulebook/index.js';
import { derived, derivedKey } from '../rulebook/derived.js';
import { UnitsArithmetic } from '../arithmetic/units.js';
import type { TraceEntry, TraceMultiple, TraceSource } from './trace.js';

export interface EvaluationSettings {
  rulebook: Rulebook;
  jurisdiction: string;
  month: string;
  /** The day the month is evaluated on (its first day). */
  day: string;
  knownAt?: string;
}

export interface PlannedParameter {
  id: string;
  /** Index among the rulebook's declarations: a context marks what it has read by slot. */
  slot: number;
  /** What the first read adds to the trace (a parameter entry, or notSet). */
  entry: TraceEntry | undefined;
  /** The value as Decimals, and in fixed-point units; null when the rule is off. */
  decimal: unknown;
  units: unknown;
  unitsExact: boolean;
  /** Reading it lists the id under notConfigured. */
  notice: boolean;
  /** Reading it makes the programme "not configured" this month. */
  suspends: boolean;
  /** Reading it fails (declared "error" and missing). */
  error: BenefitRulesError | undefined;
}

/** Each declared parameter's slot: its index among the rulebook's declarations. */
const SLOTS = derivedKey('parameter slots', (rulebook) => new Map([...rulebook.declarations.keys()].map((id, i) => [id, i])));

export function slotsOf(rulebook: Rulebook): Map<string, number> {
  return derived(rulebook, SLOTS);
}

const UNITS = new UnitsArithmetic();

export class Plan {
  private readonly planned = new Map<string, PlannedParameter>();
  readonly slots: Map<string, number>;

  constructor(readonly settings: EvaluationSettings) {
    this.slots = slotsOf(settings.rulebook);
  }

  get(id: string): PlannedParameter {
    let planned = this.planned.get(id);
    if (planned === undefined) this.planned.set(id, (planned = this.resolve(id)));
    return planned;
  }

  /** Resolves every declared parameter now (the compiled path), and freezes what results share. */
  resolveAll(): this {
    for (const id of this.slots.keys()) this.get(id);
    return this;
  }

  private resolve(id: string): PlannedParameter {
    const { rulebook, jurisdiction, day, knownAt } = this.settings;
    const declaration = rulebook.declarations.get(id);
    const slot = this.slots.get(id);
    if (!declaration || slot === undefined) throw new Error(`internal: parameter ${id} is not declared in any rule file`);
    const planned: PlannedParameter = { id, slot, entry: undefined, decimal: null, units: null, unitsExact: true, notice: false, suspends: false, error: undefined };
    let resolved: ResolvedParameter;
    try {
      resolved = resolveParameter(rulebook, jurisdiction, id, day, knownAt);
    } catch (error) {
      if (!(error instanceof BenefitRulesError) || error.code !== 'parameter-not-covered') throw error;
      // Kept, not thrown: a plan resolves everything up front, and only a read may fail.
      if (declaration.whenNotConfigured === 'error') {
        planned.error = error;
        return planned;
      }
      planned.entry = Object.freeze({ kind: 'notSet', id });
      // Nothing defaults silently: a rule no pack sets is listed, unless its absence is the rule.
      if (declaration.whenNotConfigured === 'programme') planned.notice = planned.suspends = true;
      else if (declaration.localOption !== true) planned.notice = true;
      return planned;
    }
    planned.entry = deepFreeze(parameterEntry(resolved));
    if (resolved.value === null) {
      if (declaration.whenNotConfigured === 'error') planned.error = notConfiguredError(id, this.settings, resolved);
      planned.notice = true;
      planned.suspends = declaration.whenNotConfigured === 'programme';
      return planned;
    }
    planned.decimal = resolved.value;
    planned.units = UNITS.parameter(resolved.value, (declaration as DeclaredParameter).type.kind);
    planned.unitsExact = UNITS.representable(planned.units);
    return planned;
  }
}

function notConfiguredError(id: string, { jurisdiction, day }: EvaluationSettings, resolved: ResolvedParameter): BenefitRulesError {
  return new BenefitRulesError(
    'parameter-not-configured',
    `${id} is not configured for ${jurisdiction} on ${day} (set to null by ${resolved.jurisdiction} from ${resolved.from}${resolved.note ? `: ${resolved.note}` : ''})`,
    [{ path: id, expected: `a configured value on ${day}`, found: 'null (not configured)' }],
  );
}

/** A parameter another setting needs is missing. */
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
      return out as unknown as TraceSource;
    }),
  };
  if (resolved.note !== undefined) entry.note = resolved.note;
  if (resolved.reform !== undefined) entry.reform = resolved.reform;
  if (resolved.multipleOf !== undefined) entry.multipleOf = toJson(resolved.multipleOf) as TraceMultiple;
  return entry;
}

/** Shared by every result that reads it, so frozen: a caller cannot change another result through it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
