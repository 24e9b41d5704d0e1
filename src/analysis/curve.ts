/**
 * benefitCurve(household, options): one household evaluated over a range of one member's income of
 * one type, as the points of a curve, the effective marginal rate of every step, and the cliffs
 * (steps where earning more leaves the household with less), each named by the programme that fell
 * most and the rule of its trace that flipped. Pure: the rulebook is a parameter, so a reformed one
 * is drawn the same way, and beside the baseline when given as `reform`.
 */
import { checkOptions } from '../options.js';
import { parseHousehold, packFor, type EvaluationResult } from '../evaluate.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { checkHouseholdForMonth } from '../schemas/month-check.js';
import { programmeOf } from '../programmes/result.js';
import type { Rulebook } from '../rulebook/index.js';
import type { Household } from '../schemas/household.js';
import { ZERO, toDecimal, type Decimal as DecimalValue } from '../money.js';
import { checkRange, withIncome, type CurveRange } from './input.js';
import { isCliff, isRise, mainProgramme, marginalRate, money, stepBetween, type Step, type StepPoint } from './steps.js';
import { causeOf, type Cause } from './why.js';
import type { Naming } from '../options.js';

export { MAX_CURVE_POINTS } from './input.js';

export interface CurveOptions {
  month: string;
  /** `<member id>.<income type>`, e.g. "worker.wages". */
  vary: string;
  /** The range of that income, in yuan (decimal strings). */
  from: string;
  to: string;
  step: string;
  rulebook: Rulebook;
  /** A second rulebook (a reform applied to the same packs), drawn beside the baseline. */
  reform?: { rulebook: Rulebook; name: string };
  knownAt?: string;
  /** How options are named in error messages (the CLI passes its flags' names). */
  naming?: Naming;
}

export interface CurvePoint {
  /** The varied income. */
  value: string;
  /** Every income the household reports, the varied one included (gross: the engine models no tax). */
  income: string;
  /** Benefits known to be paid this month: the evaluation's totalMonthlyAmount. */
  total: string;
  /** income + total. */
  net: string;
  /** Each programme's monthly amount; null where it is not known (not configured, undetermined, missing facts). */
  programmes: Record<string, string | null>;
  /** True when some programme is null here: total and net are then lower bounds. */
  partial: boolean;
  /** Over the step from the previous point (null at the first): 1 − Δnet / Δvalue. */
  marginalRate: string | null;
}

export interface ProgrammeChange extends Cause {
  programme: string;
  /** Its amount before and after the step. */
  before: string;
  after: string;
}

export interface Jump {
  /** The step: the varied income at its two ends. */
  from: string;
  to: string;
  /** Cliff: what the household has less (−Δnet). Rise: what its benefits grew (Δbenefits). */
  amount: string;
  /** The programme whose amount moved most, and the rule that made it move. */
  programme: string;
  rule: string | null;
  member?: string;
  description?: { zh: string; en: string };
  /** Every programme that moved that way over the step, largest first. */
  changes: ProgrammeChange[];
  /** Programmes unknown at either end, left out of the comparison. */
  unknown: string[];
}

export interface Cliff extends Omit<Jump, 'amount'> {
  /** −Δnet: what the household has less although it earned more. */
  lost: string;
  /** What its benefits fell. */
  benefitsLost: string;
}

export interface Rise extends Omit<Jump, 'amount'> {
  /** What its benefits grew although its income rose. */
  gained: string;
}

export interface CurveSide {
  points: CurvePoint[];
  cliffs: Cliff[];
  rises: Rise[];
  /** Programmes null at some point, with the statuses that made them so. */
  unknown: { programme: string; statuses: string[]; points: number }[];
}

export interface CurveResult extends CurveSide {
  household: string;
  jurisdiction: string;
  month: string;
  vary: { member: string; type: string; from: string; to: string; step: string };
  /** The programmes of the rulebook, in evaluation order (the keys of every point's programmes). */
  programmes: string[];
  /** The same curve under the reform's rulebook, when one is given. */
  reform?: CurveSide & { name: string };
}

interface Evaluated {
  household: Household;
  result: EvaluationResult;
  point: StepPoint;
}

const householdIncome = (household: Household): DecimalValue =>
  [...(household.incomes ?? []), ...household.members.flatMap((m) => m.incomes ?? [])].reduce((sum, income) => sum.plus(toDecimal(income.monthly)), ZERO);

/** Programmes paid once for an event have no monthly amount: they are not on a monthly curve. */
const monthlyProgrammes = (result: EvaluationResult): string[] => Object.entries(result.programmes).flatMap(([id, p]) => (p.period === 'event' ? [] : [id]));

function toPoint(evaluated: Evaluated, ids: readonly string[], previous: Evaluated | undefined): CurvePoint {
  const { household, result, point } = evaluated;
  const income = householdIncome(household);
  const programmes = Object.fromEntries(ids.map((id) => [id, programmeOf(result, id)?.monthlyAmount ?? null]));
  return {
    value: money(point.value),
    income: money(income),
    total: result.totalMonthlyAmount,
    net: money(income.plus(toDecimal(result.totalMonthlyAmount))),
    programmes,
    partial: ids.some((id) => programmes[id] === null),
    marginalRate: previous ? marginalRate(stepBetween(previous.point, point)) : null,
  };
}

function changesOf(step: Step, direction: 1 | -1, a: Evaluated, b: Evaluated, traced: () => CompiledEvaluator, rulebook: Rulebook, month: string): ProgrammeChange[] {
  const moved = [...step.changes].filter(([, change]) => change.times(direction).greaterThan(ZERO)).sort(([, x], [, y]) => y.times(direction).comparedTo(x.times(direction)));
  if (moved.length === 0) return [];
  // Traces only for the steps that need a reason: the sweep itself runs without them.
  const before = traced().evaluateHousehold(a.household, month);
  const after = traced().evaluateHousehold(b.household, month);
  return moved.map(([programme]) => ({
    programme,
    before: programmeOf(a.result, programme)!.monthlyAmount!,
    after: programmeOf(b.result, programme)!.monthlyAmount!,
    ...causeOf(rulebook, programme, programmeOf(before, programme)!, programmeOf(after, programme)!),
  }));
}

function jump(a: Evaluated, b: Evaluated, step: Step, changes: ProgrammeChange[], direction: 1 | -1): Omit<Jump, 'amount'> {
  const main = changes.find((c) => c.programme === mainProgramme(step, direction)) ?? changes[0]!;
  return {
    from: money(a.point.value),
    to: money(b.point.value),
    programme: main.programme,
    rule: main.rule,
    ...(main.member !== undefined ? { member: main.member } : {}),
    ...(main.description ? { description: main.description } : {}),
    changes,
    unknown: step.unknown,
  };
}

function unknownSummary(evaluated: readonly Evaluated[], ids: readonly string[]): CurveSide['unknown'] {
  return ids.flatMap((id) => {
    const statuses = new Set<string>();
    let points = 0;
    for (const { result } of evaluated) {
      const p = programmeOf(result, id);
      if (p && p.monthlyAmount === null) {
        statuses.add(p.status);
        points += 1;
      }
    }
    return points === 0 ? [] : [{ programme: id, statuses: [...statuses].sort(), points }];
  });
}

function side(household: Household, range: CurveRange, rulebook: Rulebook, options: CurveOptions): CurveSide & { ids: string[] } {
  const known = options.knownAt !== undefined ? { knownAt: options.knownAt } : {};
  const fast = compileEvaluator(rulebook, { trace: false, ...known });
  let withTrace: CompiledEvaluator | undefined;
  const traced = () => (withTrace ??= compileEvaluator(rulebook, { trace: true, ...known }));
  const evaluated: Evaluated[] = range.values.map((value) => {
    const varied = withIncome(household, range.member, range.type, value);
    const result = fast.evaluateHousehold(varied, options.month);
    return { household: varied, result, point: { value, amounts: new Map() } };
  });
  const ids = monthlyProgrammes(evaluated[0]!.result);
  for (const e of evaluated) e.point = { value: e.point.value, amounts: new Map(ids.map((id) => [id, nullableDecimal(programmeOf(e.result, id)?.monthlyAmount)])) };
  const points = evaluated.map((e, i) => toPoint(e, ids, evaluated[i - 1]));
  const cliffs: Cliff[] = [];
  const rises: Rise[] = [];
  for (let i = 1; i < evaluated.length; i += 1) {
    const [a, b] = [evaluated[i - 1]!, evaluated[i]!];
    const step = stepBetween(a.point, b.point);
    if (isCliff(step)) {
      const changes = changesOf(step, -1, a, b, traced, rulebook, options.month);
      // The step and what it costs first, so that a reader of the JSON sees them before the why.
      const lost = { from: money(a.point.value), to: money(b.point.value), lost: money(step.net.negated()), benefitsLost: money(step.benefits.negated()) };
      if (changes.length > 0) cliffs.push({ ...lost, ...jump(a, b, step, changes, -1) });
    }
    if (isRise(step)) {
      const gained = { from: money(a.point.value), to: money(b.point.value), gained: money(step.benefits) };
      rises.push({ ...gained, ...jump(a, b, step, changesOf(step, 1, a, b, traced, rulebook, options.month), 1) });
    }
  }
  return { points, cliffs, rises, unknown: unknownSummary(evaluated, ids), ids };
}

const nullableDecimal = (amount: string | null | undefined): DecimalValue | null => (amount === null || amount === undefined ? null : toDecimal(amount));

/** The curve of one household over a range of one member's income of one type; see CurveResult. */
export function benefitCurve(input: unknown, options: CurveOptions): CurveResult {
  checkOptions({ month: options.month, rulebook: options.rulebook, ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}) }, 'evaluateWith', options.naming);
  const household = parseHousehold(input);
  checkHouseholdForMonth(household, options.month);
  packFor(options.rulebook, household);
  const range = checkRange(household, options, options.naming);
  const { ids, ...baseline } = side(household, range, options.rulebook, options);
  const vary = { member: range.member, type: range.type, from: money(range.values[0]!), to: money(range.values[range.values.length - 1]!), step: money(toDecimal(options.step)) };
  const result: CurveResult = { household: household.id, jurisdiction: household.jurisdiction, month: options.month, vary, programmes: ids, ...baseline };
  if (options.reform) {
    packFor(options.reform.rulebook, household);
    const { ids: _ids, ...reformed } = side(household, range, options.reform.rulebook, options);
    result.reform = { name: options.reform.name, ...reformed };
  }
  return result;
}
