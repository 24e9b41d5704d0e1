/**
 * The monthly amount (国务院令第649号 第十二条; 民发〔2021〕57号 第二十三条): the difference between
 * the standard and per-capita income for each counted person, or local tiers (分档), with an optional
 * floor, rounded where and how the pack says.
 */
import type { Bracket } from '../../parameters/values.js';
import type { Context } from '../context.js';

/** Per-capita income as the pack says to use it: exact, or rounded before any comparison. */
export function perCapitaIncome<N, R, G>(ctx: Context<N, R, G>, countable: N, size: number): N {
  const { a } = ctx;
  if (size === 0) return a.zero;
  const exact = a.perCount(countable, size);
  const rounding = ctx.param<G>('dibao.rounding.perCapitaIncome');
  return rounding === null ? exact : roundStep(ctx, 'perCapitaIncome', 'dibao.rounding.perCapitaIncome', rounding, exact);
}

/** The amount for `size` people before the final rounding. */
export function amountFor<N, R, G>(ctx: Context<N, R, G>, size: number, countable: N, perCapita: N, standard: N): N {
  const { a } = ctx;
  const method = ctx.required<string>('dibao.amount.method');
  let amount: N;
  if (method === 'tiers') {
    amount = tierAmount(ctx, perCapita, standard, size);
  } else if (ctx.param('dibao.rounding.perCapitaIncome') !== null) {
    // The pack rounds per-capita income first, so the difference is taken per person.
    amount = a.timesCount(a.sub(standard, perCapita), size);
    if (ctx.trace)
      ctx.record({
        kind: 'calculation',
        id: 'differencePerPerson',
        values: { standard: a.plain(standard), perCapitaIncome: a.plain(perCapita), householdSize: String(size) },
        result: a.exact(amount),
      });
  } else {
    // Exact: standard × size − income, which equals (standard − income / size) × size without division.
    amount = a.sub(a.timesCount(standard, size), countable);
    if (ctx.trace)
      ctx.record({
        kind: 'calculation',
        id: 'difference',
        values: { standard: a.plain(standard), householdSize: String(size), countableIncome: a.exact(countable) },
        result: a.exact(amount),
      });
  }
  const floorShare = ctx.param<R>('dibao.amount.floorShareOfStandard');
  if (floorShare !== null) {
    const floor = a.timesCount(a.times(standard, floorShare), size);
    if (a.compare(amount, floor) < 0) {
      if (ctx.trace)
        ctx.record({
          kind: 'calculation',
          id: 'floor',
          values: { amount: a.plain(amount), share: a.rateText(floorShare), standard: a.plain(standard), householdSize: String(size) },
          result: a.exact(floor),
        });
      amount = floor;
    }
  }
  return a.max(amount, a.zero);
}

function tierAmount<N, R, G>(ctx: Context<N, R, G>, perCapita: N, standard: N, size: number): N {
  const { a } = ctx;
  const tiers = ctx.required<Bracket<R>[]>('dibao.amount.tiers');
  // per-capita income / standard < upToShare (≤ where the tier includes its limit), without dividing.
  const index = tiers.findIndex(
    (tier) => tier.upToShare === null || (tier.includesLimit === true ? a.atMostShare(perCapita, standard, tier.upToShare) : a.lessThanShare(perCapita, standard, tier.upToShare)),
  );
  const tier = tiers[index] as Bracket<R>;
  const amount = a.timesCount(a.times(standard, tier.amountShare), size);
  if (ctx.trace) {
    ctx.record({
      kind: 'calculation',
      id: 'tiers',
      values: { perCapitaIncome: a.plain(perCapita), standard: a.plain(standard), tier: String(index + 1), amountShare: a.rateText(tier.amountShare), householdSize: String(size) },
      result: a.exact(amount),
    });
  }
  return amount;
}

/** The final rounding of a monthly amount. */
export function roundAmount<N, R, G>(ctx: Context<N, R, G>, amount: N): N {
  return roundStep(ctx, 'amount', 'dibao.rounding.amount', ctx.required<G>('dibao.rounding.amount'), amount);
}

export function roundStep<N, R, G>(ctx: Context<N, R, G>, id: string, parameter: string, rounding: G, value: N): N {
  const { a } = ctx;
  const after = a.round(value, rounding);
  if (ctx.trace && a.compare(after, value) !== 0) {
    const { mode, step } = a.roundingText(rounding);
    ctx.record({ kind: 'rounding', id, parameter, mode, step, before: a.plain(value), after: a.plain(after) });
  }
  return after;
}
