import { describe, expect, it } from 'vitest';
import { knownSince } from '../../src/rulebook/resolve.js';
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

describe('knowledge dates of the seed jurisdictions', () => {
  it.each(LATE)('%s %s from %s is known from %s', (packId, parameter, from, known) => {
    const rulebook = bundledRulebook();
    const pack = rulebook.packs.get(packId) as Pack;
    const ids = [...pack.parameters.keys()].filter((id) => id.endsWith(parameter));
    const entry = ids.flatMap((id) => pack.parameters.get(id) ?? []).find((e) => e.from === from);
    expect(entry, `${packId} sets ${parameter} from ${from}`).toBeDefined();
    expect(knownSince(rulebook, pack, entry!)).toBe(known);
  });
});
