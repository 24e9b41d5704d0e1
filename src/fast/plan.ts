/**
 * A dibao plan: everything the compiled path needs for one jurisdiction and month, resolved once —
 * every parameter with the trace entry the reference evaluator would record for it, in fixed-point
 * form, and the rule conditions.
 */
import { BenefitRulesError } from '../errors.js';
import type { CompiledCondition } from '../conditions/compile.js';
import { ProgrammeContext, type EvaluationSettings } from '../programmes/context.js';
import type { TraceEntry } from '../explain/trace.js';
import type { ParameterValue, Bracket } from '../parameters/values.js';
import { Decimal, type Rounding } from '../money.js';
import { INCOME_TYPE_IDS } from '../schemas/income.js';
import { receiptFor, type Receipt } from '../evaluate.js';
import type { Pack } from '../rulebook/index.js';
import { decimalUnits, rateOf, unitRounding, type Rate, type UnitRounding } from './units.js';

/** A parameter as the kernel reads it: the fast value, and what reading it does to the trace. */
export interface PlannedParameter {
  id: string;
  index: number;
  /** The trace entry (parameter or notSet) the reference records on the first read. */
  entry: TraceEntry | undefined;
  /** Null when not configured or not set: the rule is off. */
  value: unknown;
  /** Reading it adds the id to the result's notConfigured list. */
  notice: boolean;
  /** Reading it fails, as in the reference (not configured or not covered, declared "error"). */
  error: BenefitRulesError | undefined;
}

export interface DibaoPlan {
  settings: EvaluationSettings;
  parameters: Map<string, PlannedParameter>;
  conditions: Record<string, CompiledCondition>;
  /** False when some value cannot be held exactly in units: every household goes to Decimal. */
  exact: boolean;
  /** For each income type, the ids of its exemption and share parameters, if the rules declare them. */
  income: Readonly<Record<string, { exempt: string | undefined; share: string | undefined }>>;
  /** The receipt every result of this plan carries. */
  receipt: Receipt;
}

/** The fixed-point form of a typed parameter value; NaN parts make the plan inexact. */
function fast(value: ParameterValue | null, kind: string): unknown {
  if (value === null) return null;
  if (value instanceof Decimal) return kind === 'money' ? decimalUnits(value) : rateOf(value);
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      if (item instanceof Decimal) return rateOf(item);
      if (item !== null && typeof item === 'object' && 'amountShare' in item) {
        const bracket = item as Bracket;
        return { upToShare: bracket.upToShare === null ? null : rateOf(bracket.upToShare), amountShare: rateOf(bracket.amountShare) };
      }
      return item;
    });
  }
  if (typeof value === 'object' && 'mode' in value) return unitRounding(value as Rounding, (step) => decimalUnits(new Decimal(step)));
  return value;
}

function isExact(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.every(isExact);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isExact);
  return true;
}

export function planDibao(settings: EvaluationSettings): DibaoPlan {
  const { rulebook } = settings;
  const ctx = new ProgrammeContext(settings, 'dibao');
  const parameters = new Map<string, PlannedParameter>();
  let exact = true;
  let index = 0;
  for (const declaration of rulebook.declarations.values()) {
    if (declaration.programme !== 'dibao') continue;
    const before = ctx.trace.length;
    const planned: PlannedParameter = { id: declaration.id, index: index++, entry: undefined, value: null, notice: false, error: undefined };
    try {
      const value = ctx.param(declaration.id);
      planned.value = fast(value, declaration.type.kind);
      planned.notice = ctx.notices.includes(declaration.id);
      if (!isExact(planned.value)) exact = false;
    } catch (error) {
      if (!(error instanceof BenefitRulesError)) throw error;
      planned.error = error;
    }
    planned.entry = ctx.trace[before] === undefined ? undefined : deepFreeze(ctx.trace[before]);
    parameters.set(declaration.id, planned);
  }
  const rules = rulebook.programmes.get('dibao');
  if (!rules) throw new Error('internal: the rulebook has no dibao rules');
  // The rules compare amounts only with amounts (checked at load), so the conditions read
  // fixed-point units exactly as they read Decimals.
  const conditions: Record<string, CompiledCondition> = {};
  for (const [id, condition] of rules.conditions) conditions[id] = condition.test;
  const income: Record<string, { exempt: string | undefined; share: string | undefined }> = {};
  for (const type of INCOME_TYPE_IDS) {
    const exempt = `dibao.income.exempt.${type}`;
    const share = `dibao.income.share.${type}`;
    income[type] = { exempt: rulebook.declarations.has(exempt) ? exempt : undefined, share: rulebook.declarations.has(share) ? share : undefined };
  }
  // Shared by every result of the plan, so frozen: a caller cannot change another result through it.
  const receipt = deepFreeze(receiptFor(rulebook, rulebook.packs.get(settings.jurisdiction) as Pack));
  return { settings, parameters, conditions, exact, income, receipt };
}

export type { Rate, UnitRounding };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
