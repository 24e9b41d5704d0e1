/** The literal unions of the TypeScript types and the published schemas, against the rule files
 * that really produce the statuses and reasons (#15): a reason added to a rule file without the
 * contract fails here. */
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { DIBAO_REASONS, MEMBER_LINE_REASONS, MEMBER_PROGRAMME_IDS, MEMBER_PROGRAMME_REASONS, PROGRAMME_IDS } from '../../src/schemas/result.js';

interface RuleJson {
  programme: string;
  messages?: { reasons?: Record<string, unknown> };
  eligibility?: string[];
  interactions?: { id: string }[];
}

const rules = [...bundledRulebook().programmes.values()].map((r) => r as unknown as RuleJson);

describe('the literal lists of the contract', () => {
  it('name every programme of the bundled rule files', () => {
    expect(rules.map((r) => r.programme).sort()).toEqual([...PROGRAMME_IDS].sort());
    expect([...MEMBER_PROGRAMME_IDS].sort()).toEqual(PROGRAMME_IDS.filter((id) => id !== 'dibao').sort());
  });

  it('hold every reason the rule files can give', () => {
    for (const rule of rules) {
      const reasons = Object.keys(rule.messages?.reasons ?? {});
      expect(reasons.length, rule.programme).toBeGreaterThan(0);
      if (rule.programme === 'dibao') {
        expect(DIBAO_REASONS).toEqual(expect.arrayContaining(reasons));
        continue;
      }
      const programmeLevel = reasons.filter((r) => (MEMBER_PROGRAMME_REASONS as readonly string[]).includes(r));
      const lineLevel = [...(rule.eligibility ?? []), ...(rule.interactions ?? []).map((i) => i.id)];
      expect(MEMBER_LINE_REASONS, rule.programme).toEqual(expect.arrayContaining(lineLevel));
      expect([...programmeLevel, ...lineLevel].sort(), rule.programme).toEqual(expect.arrayContaining(reasons));
    }
  });
});
