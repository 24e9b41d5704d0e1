import { describe, expect, it } from 'vitest';
import { knownSince, resolveParameter } from '../../src/rulebook/resolve.js';
import type { Pack } from '../../src/rulebook/index.js';
import { bundledRulebook } from '../../src/load.js';

/** The values decided after they took effect, and the day each became known (issue or publication). */
const LATE: [string, string, string, string][] = [
  ['cn-420113', 'dibao.standard.rural', '2020-04-01', '2020-06-11'],
  ['cn-500000', 'dibao.standard.rural', '2018-01-01', '2018-08-28'],
  ['cn-500000', 'dibao.standard.urban', '2017-04-01', '2017-08-17'],
  ['cn-420000', 'disabilityLivingSubsidy.amount', '2021-01-01', '2021-06-11'],
  ['cn-420000', 'disabilityLivingSubsidy.amount', '2016-01-01', '2016-01-07'],
  ['cn-640000', 'dibao.standard.urban', '2024-01-01', '2024-02-04'],
  ['cn-420100', 'dibao.standard.urban', '2023-04-01', '2023-06-14'],
];

/** Values whose sources include an early one that states them: known from that source (an undated
 * source counts as known from the value's own `from`), however late the other sources are. */
const EARLY: [string, string, string, string][] = [
  ['cn-420000', 'disabilityCareSubsidy.amount', '2016-01-01', '2016-01-07'],
  ['cn-420100', 'orphanAllowance.institution', '2022-01-01', '2022-01-01'],
  ['cn-420100', 'orphanAllowance.scattered', '2022-01-01', '2022-01-01'],
  ['cn-640000', 'disabilityCareSubsidy.amount', '2017-01-01', '2017-01-01'],
];

function entryOf(packId: string, parameter: string, from: string) {
  const rulebook = bundledRulebook();
  const pack = rulebook.packs.get(packId) as Pack;
  const entry = (pack.parameters.get(parameter) ?? []).find((e) => e.from === from);
  expect(entry, `${packId} sets ${parameter} from ${from}`).toBeDefined();
  return { rulebook, pack, entry: entry! };
}

describe('knowledge dates of the seed jurisdictions', () => {
  it.each(EARLY)('%s %s from %s is known from %s, its earliest source', (packId, parameter, from, known) => {
    const { rulebook, pack, entry } = entryOf(packId, parameter, from);
    expect(knownSince(rulebook, pack, entry)).toBe(known);
  });

  it.each([
    ['cn-420000', 'disabilityCareSubsidy.amount', '2018-05', '2018-06-01', '100'],
    ['cn-420100', 'orphanAllowance.scattered', '2022-02', '2022-02-15', '1740'],
    ['cn-640000', 'disabilityCareSubsidy.amount', '2019-05', '2019-06-01', '80'],
  ])('%s %s in %s is known on %s: %s', (packId, parameter, month, knownAt, value) => {
    const resolved = resolveParameter(bundledRulebook(), packId, parameter, `${month}-01`, knownAt);
    expect(String(resolved.value)).toBe(value);
  });

  it("a knowledge date declared in the pack (`known`) is the value's, whatever its sources say", () => {
    const { rulebook, pack, entry } = entryOf('cn-420000', 'disabilityCareSubsidy.amount', '2016-01-01');
    expect(knownSince(rulebook, pack, { ...entry, known: '2016-03-01' })).toBe('2016-03-01');
  });

  it.each(LATE)('%s %s from %s is known from %s', (packId, parameter, from, known) => {
    const rulebook = bundledRulebook();
    const pack = rulebook.packs.get(packId) as Pack;
    const ids = [...pack.parameters.keys()].filter((id) => id.endsWith(parameter));
    const entry = ids.flatMap((id) => pack.parameters.get(id) ?? []).find((e) => e.from === from);
    expect(entry, `${packId} sets ${parameter} from ${from}`).toBeDefined();
    expect(knownSince(rulebook, pack, entry!)).toBe(known);
  });
});
