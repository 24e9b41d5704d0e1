/** The literal unions of the TypeScript types and the published schemas, against the rule files
 * that really produce the results (#15). Reason codes are the rule files' own (strings), so a new
 * programme is a rule file; what is checked here is that each has its zh/en message. */
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { MEMBER_PROGRAMME_IDS, PROGRAMME_IDS } from '../../src/schemas/result.js';

interface RuleJson {
  programme: string;
  messages?: { reasons?: Record<string, { zh?: string; en?: string }> };
  eligibility?: string[];
  interactions?: { id: string }[];
}

const rules = [...bundledRulebook().programmes.values()].map((r) => r as unknown as RuleJson);

describe('the literal lists of the contract', () => {
  it('name bundled programmes only (the typed ids are a subset of the rule files)', () => {
    const bundled = rules.map((r) => r.programme);
    expect(bundled).toEqual(expect.arrayContaining([...PROGRAMME_IDS]));
    expect(PROGRAMME_IDS.filter((id) => id !== 'dibao')).toEqual([...MEMBER_PROGRAMME_IDS]);
  });

  it('every eligibility condition and interaction a line can give as a reason has its zh and en message', () => {
    for (const rule of rules) {
      if (rule.programme === 'dibao') continue;
      const messages = rule.messages?.reasons ?? {};
      for (const id of [...(rule.eligibility ?? []), ...(rule.interactions ?? []).map((i) => i.id)]) {
        const message = messages[id];
        expect(message?.zh, `${rule.programme}: ${id}`).toBeTruthy();
        expect(message?.en, `${rule.programme}: ${id}`).toBeTruthy();
      }
    }
  });
});
