/** The reason codes as literal unions (#15): src/programmes/reasons.ts is generated from the rule
 * files and kept current, and every reason the golden cases give is one of its programme's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/evaluate.js';
import { PROGRAMME_REASONS } from '../../src/programmes/reasons.js';
import { ENGINE_REASONS } from '../../src/programmes/engine-reasons.js';
import type { KnownReason, Reasons } from '../../src/programmes/result.js';
import { REASONS_FILE, reasonsSource } from '../../tools/reasons/main.js';
import { readCases } from '../support/cases.js';
import { testRulebook } from '../support/rulebook.js';

describe('reason codes', () => {
  it('src/programmes/reasons.ts is what `npm run reasons` writes from the rule files', async () => {
    expect(readFileSync(REASONS_FILE, 'utf8'), 'run npm run reasons').toBe(await reasonsSource());
  });

  it('every reason of every golden case is a known reason of its programme', () => {
    const rulebook = testRulebook();
    const known = (programme: string) => new Set<string>([...ENGINE_REASONS, ...((PROGRAMME_REASONS as Record<string, readonly string[]>)[programme] ?? [])]);
    const seen = new Set<string>();
    for (const golden of readCases()) {
      let result;
      try {
        result = evaluateWith(golden.household, { month: golden.month, rulebook, ...(golden.knownAt ? { knownAt: golden.knownAt } : {}) });
      } catch {
        continue;
      }
      for (const [programme, outcome] of Object.entries(result.programmes)) {
        if (!(programme in PROGRAMME_REASONS)) continue;
        const codes = known(programme);
        const lines = 'members' in outcome && outcome.members ? outcome.members : [];
        for (const reason of [...outcome.reasons, ...lines.flatMap((line) => line.reasons)]) {
          expect(codes.has(reason), `${golden.file}: ${programme} gives ${reason}`).toBe(true);
          seen.add(`${programme}:${reason}`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('types a misspelt reason as an error, and still takes a custom pack’s own', () => {
    const right: KnownReason<'dibao'> = 'incomeBelowStandard';
    // @ts-expect-error a misspelt reason does not compile
    const misspelt: KnownReason<'dibao'> = 'incomeBelowStandrd';
    // @ts-expect-error another programme's reason is not dibao's
    const elsewhere: KnownReason<'dibao'> = 'underAgeLimit';
    const custom: Reasons<'orphan-allowance'> = ['underAgeLimit', 'aCustomPacksCondition'];
    expect([right, misspelt, elsewhere, ...custom]).toHaveLength(5);
  });
});
