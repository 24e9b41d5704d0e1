/**
 * The monthly amount (国务院令第649号 第十二条; 民发〔2021〕57号 第二十三条): the difference between
 * the standard and per-capita income for each counted person, or local tiers (分档), with an optional
 * floor, rounded where and how the pack says.
 */
import { Decimal, ZERO, formatExact, plain, roundTo, type Rounding } from '../../money.js';
import type { Bracket } from '../../parameters/values.js';
import type { ProgrammeContext } from '../context.js';

/** Per-capita income as the pack says to use it: exact, or rounded before any comparison. */
export function perCapitaIncome(ctx: ProgrammeContext, countable: Decimal, size: number): Decimal {
  if (size === 0) return ZERO;
  const exact = countable.dividedBy(size);
  const rounding = ctx.param<Rounding>('dibao.rounding.perCapitaIncome');
  return rounding === null ? exact : roundStep(ctx, 'perCapitaIncome', 'dibao.rounding.perCapitaIncome', rounding, exact);
}

/** The amount for `size` people before the final rounding. */
export function amountFor(ctx: ProgrammeContext, size: number, countable: Decimal, perCapita: Decimal, standard: Decimal): Decimal {
  const method = ctx.required<string>('dibao.amount.method');
  const people = new Decimal(size);
  let amount: Decimal;
  if (method === 'tiers') {
    amount = tierAmount(ctx, perCapita, standard, people);
  } else if (ctx.param('dibao.rounding.perCapitaIncome') !== null) {
    // The pack rounds per-capita income first, so the difference is taken per person.
    amount = standard.minus(perCapita).times(people);
    ctx.record({ kind: 'calculation', id: 'differencePerPerson', values: { standard: plain(standard), perCapitaIncome: plain(perCapita), householdSize: String(size) }, result: formatExact(amount) });
  } else {
    // Exact: standard × size − income, which equals (standard − income / size) × size without division.
    amount = standard.times(people).minus(countable);
    ctx.record({ kind: 'calculation', id: 'difference', values: { standard: plain(standard), householdSize: String(size), countableIncome: formatExact(countable) }, result: formatExact(amount) });
  }
  const floorShare = ctx.param<Decimal>('dibao.amount.floorShareOfStandard');
  if (floorShare !== null) {
    const floor = standard.times(floorShare).times(people);
    if (amount.lessThan(floor)) {
      ctx.record({ kind: 'calculation', id: 'floor', values: { amount: plain(amount), share: plain(floorShare), standard: plain(standard), householdSize: String(size) }, result: formatExact(floor) });
      amount = floor;
    }
  }
  return Decimal.max(amount, ZERO);
}

function tierAmount(ctx: ProgrammeContext, perCapita: Decimal, standard: Decimal, people: Decimal): Decimal {
  const tiers = ctx.required<Bracket[]>('dibao.amount.tiers');
  const ratio = perCapita.dividedBy(standard);
  const index = tiers.findIndex((tier) => tier.upToShare === null || ratio.lessThan(tier.upToShare));
  const tier = tiers[index] as Bracket;
  const amount = standard.times(tier.amountShare).times(people);
  ctx.record({
    kind: 'calculation',
    id: 'tiers',
    values: { perCapitaIncome: plain(perCapita), standard: plain(standard), tier: String(index + 1), amountShare: plain(tier.amountShare), householdSize: people.toString() },
    result: formatExact(amount),
  });
  return amount;
}

/** The final rounding of a monthly amount. */
export function roundAmount(ctx: ProgrammeContext, amount: Decimal): Decimal {
  return roundStep(ctx, 'amount', 'dibao.rounding.amount', ctx.required<Rounding>('dibao.rounding.amount'), amount);
}

function roundStep(ctx: ProgrammeContext, id: string, parameter: string, rounding: Rounding, value: Decimal): Decimal {
  const after = roundTo(value, rounding);
  if (!after.equals(value)) {
    ctx.record({ kind: 'rounding', id, parameter, mode: rounding.mode, step: rounding.step, before: plain(value), after: plain(after) });
  }
  return after;
}
