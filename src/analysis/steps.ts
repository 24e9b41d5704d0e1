/**
 * From one point of a curve to the next: the effective marginal rate, and whether the step is a
 * cliff (the household ends up with less although it earned more) or a rise (its benefits grew with
 * its income). Only programmes known at both ends are compared: one not configured at either end is
 * named, never counted as a zero.
 */
import { ONE, ZERO, formatExact, type Decimal as DecimalValue } from '../money.js';

/** What a curve point knows, as the step comparison needs it. */
export interface StepPoint {
  value: DecimalValue;
  amounts: ReadonlyMap<string, DecimalValue | null>;
}

export interface Step {
  /** Income change over the step (the varied income's). */
  income: DecimalValue;
  /** Change of the benefits known at both ends. */
  benefits: DecimalValue;
  /** income + benefits. */
  net: DecimalValue;
  /** Per programme known at both ends, its change (zero changes left out). */
  changes: Map<string, DecimalValue>;
  /** Programmes unknown (null) at either end: left out of every sum above. */
  unknown: string[];
}

export function stepBetween(a: StepPoint, b: StepPoint): Step {
  const changes = new Map<string, DecimalValue>();
  const unknown: string[] = [];
  let benefits = ZERO;
  for (const [programme, before] of a.amounts) {
    const after = b.amounts.get(programme) ?? null;
    if (before === null || after === null) {
      unknown.push(programme);
      continue;
    }
    const change = after.minus(before);
    if (!change.isZero()) changes.set(programme, change);
    benefits = benefits.plus(change);
  }
  const income = b.value.minus(a.value);
  return { income, benefits, net: income.plus(benefits), changes, unknown };
}

/** Places a marginal rate is written to when the quotient does not end (a step of 30: thirds). */
export const RATE_PLACES = 12;

/** 1 − Δ(income + benefits) / Δincome, exactly when the quotient ends within RATE_PLACES places,
 * otherwise rounded half-up to that many. */
export function marginalRate(step: Step): string {
  const rate = ONE.minus(step.net.dividedBy(step.income));
  const exact = rate.times(step.income).equals(step.income.minus(step.net));
  return (exact ? rate : rate.toDecimalPlaces(RATE_PLACES)).toFixed();
}

/** A step that loses the household money: extra income loses more than it brings. */
export const isCliff = (step: Step): boolean => step.net.isNegative() && !step.net.isZero();

/** A step where benefits grow with income: the notch a monotone rule would not have. */
export const isRise = (step: Step): boolean => step.benefits.greaterThan(ZERO);

/** The programme whose amount moved most in the given direction (-1: fell, 1: rose), ties to the
 * first in evaluation order, so that the answer does not depend on the order of a Map's keys. */
export function mainProgramme(step: Step, direction: 1 | -1): string | undefined {
  let best: [string, DecimalValue] | undefined;
  for (const [programme, change] of step.changes) {
    const signed = change.times(direction);
    if (signed.greaterThan(ZERO) && (!best || signed.greaterThan(best[1]))) best = [programme, signed];
  }
  return best?.[0];
}

export const money = (value: DecimalValue): string => formatExact(value);
