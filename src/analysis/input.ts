/**
 * The inputs of a benefit curve, checked before anything is evaluated: the income varied (a member
 * that exists, an income type the household model knows), the range (money, from ≤ to, a positive
 * step) and how many points it makes. Every problem is reported at once, naming the option the way
 * the caller wrote it (options.vary for the API, --vary for the CLI).
 */
import { BenefitRulesError, describeValue, type ErrorDetail } from '../errors.js';
import { Decimal, type Decimal as DecimalValue } from '../money.js';
import { MONEY_PATTERN } from '../schemas/common.js';
import { INCOME_TYPE_IDS, type IncomeType } from '../schemas/income.js';
import type { Household } from '../schemas/household.js';
import { apiNaming, type Naming } from '../options.js';

/** A curve longer than this is a mistake (a step of 0.01 over thousands of yuan), refused before it runs. */
export const MAX_CURVE_POINTS = 10_001;

export interface RangeInput {
  vary: unknown;
  from: unknown;
  to: unknown;
  step: unknown;
}

export interface CurveRange {
  member: string;
  type: IncomeType;
  values: DecimalValue[];
}

const MONEY = new RegExp(MONEY_PATTERN);

/** Money as text or as a JSON number (read through its shortest text form, never as a float sum). */
function moneyText(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof text === 'string' && MONEY.test(text) ? text : undefined;
}

function closest(word: string, known: readonly string[]): string {
  const lower = word.toLowerCase();
  const hit = known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => k.toLowerCase().startsWith(lower.slice(0, 3)));
  return hit ? ` (did you mean "${hit}"?)` : '';
}

function varied(household: Household, vary: unknown, name: string, problems: ErrorDetail[]): { member: string; type: IncomeType } | undefined {
  const dot = typeof vary === 'string' ? vary.lastIndexOf('.') : -1;
  if (typeof vary !== 'string' || dot <= 0 || dot === vary.length - 1) {
    problems.push({ path: name, expected: 'expected <member id>.<income type>, such as "a.wages"', found: describeValue(vary) });
    return undefined;
  }
  // Member ids may hold dots; income types never do, so the last dot separates them.
  const member = vary.slice(0, dot);
  const type = vary.slice(dot + 1);
  const ids = household.members.map((m) => m.id);
  if (!ids.includes(member)) {
    problems.push({ path: name, expected: `expected the id of a member of the household: ${ids.join(', ')}`, found: JSON.stringify(member) });
  }
  if (!(INCOME_TYPE_IDS as readonly string[]).includes(type)) {
    problems.push({ path: name, expected: `expected an income type: ${INCOME_TYPE_IDS.join(', ')}${closest(type, INCOME_TYPE_IDS)}`, found: JSON.stringify(type) });
  }
  return ids.includes(member) && (INCOME_TYPE_IDS as readonly string[]).includes(type) ? { member, type: type as IncomeType } : undefined;
}

/** The values the income takes: from, from + step, … and `to` itself when the steps do not land on it. */
export function rangeValues(from: DecimalValue, to: DecimalValue, step: DecimalValue): DecimalValue[] {
  const values: DecimalValue[] = [];
  for (let value = from; value.lessThanOrEqualTo(to); value = value.plus(step)) values.push(value);
  if (!values[values.length - 1]!.equals(to)) values.push(to);
  return values;
}

function pointCount(from: DecimalValue, to: DecimalValue, step: DecimalValue): DecimalValue {
  const whole = to.minus(from).dividedToIntegerBy(step);
  return whole.plus(from.plus(whole.times(step)).equals(to) ? 1 : 2);
}

/** Checks the varied income and the range; throws one 'invalid-option' error listing every problem. */
export function checkRange(household: Household, input: RangeInput, naming: Naming = apiNaming): CurveRange {
  const problems: ErrorDetail[] = [];
  const target = varied(household, input.vary, naming(['vary']), problems);
  const amount = (key: 'from' | 'to' | 'step') => {
    const text = moneyText(input[key]);
    const what = key === 'step' ? 'a step in yuan above 0' : 'an amount in yuan ≥ 0';
    if (text === undefined)
      problems.push({ path: naming([key]), expected: `expected ${what} with at most two decimals, such as "2500" or "50.5"`, found: describeValue(input[key]) });
    return text === undefined ? undefined : new Decimal(text);
  };
  const from = amount('from');
  const to = amount('to');
  const step = amount('step');
  if (step?.isZero()) problems.push({ path: naming(['step']), expected: 'expected a step above 0', found: '0' });
  if (from && to && from.greaterThan(to)) problems.push({ path: naming(['to']), expected: `expected an amount not below from (${from.toFixed()})`, found: to.toFixed() });
  const ranged = from && to && step && !step.isZero() && !from.greaterThan(to);
  if (ranged) {
    const count = pointCount(from, to, step);
    if (count.greaterThan(MAX_CURVE_POINTS)) {
      problems.push({
        path: naming(['step']),
        expected: `expected at most ${MAX_CURVE_POINTS} points: a step of at least ${to
          .minus(from)
          .dividedBy(MAX_CURVE_POINTS - 1)
          .toDecimalPlaces(2, Decimal.ROUND_UP)
          .toFixed(2)}`,
        found: `${step.toFixed()}, ${count.toFixed()} points`,
      });
    }
  }
  if (problems.length > 0 || !target || !ranged) {
    throw new BenefitRulesError('invalid-option', `The curve cannot be drawn:\n${problems.map((p) => `  ${p.path}: ${p.expected}, found ${p.found}`).join('\n')}`, problems);
  }
  return { ...target, values: rangeValues(from, to, step) };
}

/** The household with the member's income of this type set to `value`: every line of that type is
 * replaced by one, so that a household with two wage lines is varied on their sum. */
export function withIncome(household: Household, member: string, type: IncomeType, value: DecimalValue): Household {
  const line = { type, monthly: value.toFixed(2) };
  return {
    ...household,
    members: household.members.map((m) => {
      if (m.id !== member) return m;
      const incomes = m.incomes ?? [];
      const at = incomes.findIndex((income) => income.type === type);
      const others = incomes.filter((income) => income.type !== type);
      others.splice(at < 0 ? others.length : at, 0, line);
      return { ...m, incomes: others };
    }),
  };
}
