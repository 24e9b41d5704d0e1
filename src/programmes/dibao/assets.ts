/**
 * Asset facts for the asset conditions. Every limit is local (国务院令第649号 leaves them to the
 * provinces): where the pack sets none, the fact is null and the condition passes, saying so.
 */
import type { Household } from '../../schemas/household.js';
import type { Context } from '../context.js';

export function assetFacts<N, R, G>(ctx: Context<N, R, G>, household: Household, standard: N, size: number) {
  const { a } = ctx;
  const assets = household.assets;
  const months = ctx.param<R>('dibao.assets.financialMonthsPerPerson');
  const exemptTypes = ctx.param<string[]>('dibao.assets.exemptVehicleTypes');
  let countedVehicles = 0;
  for (const vehicle of assets?.vehicles ?? []) if (exemptTypes === null || !exemptTypes.includes(vehicle.type)) countedVehicles += 1;
  return {
    financialAssets: assets?.financial === undefined ? a.zero : a.input(assets.financial),
    financialAssetLimit: months === null ? null : a.timesCount(a.times(standard, months), size),
    countedVehicles,
    maxVehicles: ctx.param<number>('dibao.assets.maxVehicles'),
    dwellings: assets?.dwellings ?? 0,
    maxDwellings: ctx.param<number>('dibao.assets.maxDwellings'),
    businessRegistered: assets?.businessRegistered ?? false,
    businessRegistrationDisqualifies: ctx.param<boolean>('dibao.assets.businessRegistrationDisqualifies'),
  };
}
