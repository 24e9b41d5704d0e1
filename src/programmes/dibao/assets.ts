/**
 * Asset facts for the asset conditions. Every limit is local (国务院令第649号 leaves them to the
 * provinces): where the pack sets none, the fact is null and the condition passes, saying so.
 */
import type { Household } from '../../schemas/household.js';
import { Decimal, ZERO, toDecimal } from '../../money.js';
import type { ProgrammeContext } from '../context.js';

export function assetFacts(ctx: ProgrammeContext, household: Household, standard: Decimal, size: number) {
  const assets = household.assets ?? {};
  const months = ctx.param<Decimal>('dibao.assets.financialMonthsPerPerson');
  const exemptTypes = ctx.param<string[]>('dibao.assets.exemptVehicleTypes') ?? [];
  return {
    financialAssets: assets.financial === undefined ? ZERO : toDecimal(assets.financial),
    financialAssetLimit: months === null ? null : standard.times(months).times(size),
    countedVehicles: (assets.vehicles ?? []).filter((vehicle) => !exemptTypes.includes(vehicle.type)).length,
    maxVehicles: ctx.param<number>('dibao.assets.maxVehicles'),
    dwellings: assets.dwellings ?? 0,
    maxDwellings: ctx.param<number>('dibao.assets.maxDwellings'),
    businessRegistered: assets.businessRegistered ?? false,
    businessRegistrationDisqualifies: ctx.param<boolean>('dibao.assets.businessRegistrationDisqualifies'),
  };
}
