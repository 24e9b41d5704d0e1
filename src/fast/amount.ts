/** The amount on the compiled path: src/programmes/dibao/amount.ts in fixed-point units. */
import type { Recorder } from './record.js';
import { exactOrBail, safe } from './record.js';
import { plainRate } from './income.js';
import { divide, exactUnits, plainUnits, roundUnits, times, type Rate, type UnitRounding } from './units.js';

type FastBracket = { upToShare: Rate | null; amountShare: Rate };

/** Per-capita income in units: an integer when rounded or when it divides evenly, else the double
 * quotient, whose comparisons with whole-unit amounts are still exact (see the decision note). */
export function perCapitaIncome(r: Recorder, total: number, size: number): number {
  if (size === 0) return 0;
  r.numerator = total;
  r.denominator = size;
  const rounding = r.read<UnitRounding>('dibao.rounding.perCapitaIncome');
  const value = total / size;
  if (rounding === null) return value;
  const after = exactOrBail(divide(total, size * rounding.step, rounding.mode) * rounding.step);
  if (r.trace && after !== value) r.record({ kind: 'rounding', id: 'perCapitaIncome', parameter: 'dibao.rounding.perCapitaIncome', mode: rounding.mode, step: rounding.source.step, before: r.money(value), after: plainUnits(after) });
  return after;
}

export function amountFor(r: Recorder, size: number, total: number, perCapita: number, standard: number): number {
  const method = r.required<string>('dibao.amount.method');
  let amount: number;
  if (method === 'tiers') {
    amount = tierAmount(r, size, total, perCapita, standard);
  } else if (r.read('dibao.rounding.perCapitaIncome') !== null) {
    amount = exactOrBail(safe((standard - perCapita) * size));
    if (r.trace) r.record({ kind: 'calculation', id: 'differencePerPerson', values: { standard: plainUnits(standard), perCapitaIncome: plainUnits(perCapita), householdSize: String(size) }, result: exactUnits(amount) });
  } else {
    amount = exactOrBail(safe(standard * size)) - total;
    if (r.trace) r.record({ kind: 'calculation', id: 'difference', values: { standard: plainUnits(standard), householdSize: String(size), countableIncome: exactUnits(total) }, result: exactUnits(amount) });
  }
  const floorShare = r.read<Rate>('dibao.amount.floorShareOfStandard');
  if (floorShare !== null) {
    const floor = exactOrBail(safe(exactOrBail(times(standard, floorShare)) * size));
    if (amount < floor) {
      if (r.trace) r.record({ kind: 'calculation', id: 'floor', values: { amount: plainUnits(amount), share: plainRate(floorShare), standard: plainUnits(standard), householdSize: String(size) }, result: exactUnits(floor) });
      amount = floor;
    }
  }
  return Math.max(amount, 0);
}

function tierAmount(r: Recorder, size: number, total: number, perCapita: number, standard: number): number {
  const tiers = r.required<FastBracket[]>('dibao.amount.tiers');
  // perCapita / standard < upTo  ⇔  perCapita × n × D < upTo × D × standard × n, all in integers.
  const numerator = Number.isInteger(perCapita) ? exactOrBail(safe(perCapita * size)) : total;
  const index = tiers.findIndex(
    (tier) => tier.upToShare === null || exactOrBail(safe(numerator * tier.upToShare.denominator)) < exactOrBail(safe(tier.upToShare.numerator * standard * size)),
  );
  const tier = tiers[index] as FastBracket;
  const amount = exactOrBail(safe(exactOrBail(times(standard, tier.amountShare)) * size));
  if (r.trace) {
    r.record({
      kind: 'calculation',
      id: 'tiers',
      values: { perCapitaIncome: r.money(perCapita), standard: plainUnits(standard), tier: String(index + 1), amountShare: plainRate(tier.amountShare), householdSize: String(size) },
      result: exactUnits(amount),
    });
  }
  return amount;
}

export function roundAmount(r: Recorder, amount: number): number {
  const rounding = r.required<UnitRounding>('dibao.rounding.amount');
  const after = exactOrBail(roundUnits(amount, rounding));
  if (r.trace && after !== amount) r.record({ kind: 'rounding', id: 'amount', parameter: 'dibao.rounding.amount', mode: rounding.mode, step: rounding.source.step, before: plainUnits(amount), after: plainUnits(after) });
  return after;
}
