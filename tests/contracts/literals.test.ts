/** The literal unions of the TypeScript types and the published schemas, against the rule files
 * that really produce the results (#15). Reason codes are the rule files' own (strings), so a new
 * programme is a rule file; what is checked here is that each has its zh/en message. */
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { MEMBER_PROGRAMME_IDS, PROGRAMME_IDS } from '../../src/schemas/result.js';

interface RuleJson {
  programme: string;
  messages?: { reasons?: Record<string, { zh?: string; en?: string }> };
  conditions?: Map<string, { description?: { zh?: string; en?: string } }>;
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

  it('every eligibility condition and interaction a line can give as a reason has its zh and en words (a message, or the condition or interaction description)', () => {
    for (const rule of rules) {
      if (rule.programme === 'dibao') continue;
      const messages = rule.messages?.reasons ?? {};
      for (const id of [...(rule.eligibility ?? []), ...(rule.interactions ?? []).map((i) => i.id)]) {
        // The explanation says a failed condition by its description, an interaction by its own.
        const interaction = (rule.interactions ?? []).find((i) => i.id === id) as { description?: { zh?: string; en?: string } } | undefined;
        const message = messages[id] ?? rule.conditions?.get(id)?.description ?? interaction?.description;
        expect(message?.zh, `${rule.programme}: ${id}`).toBeTruthy();
        expect(message?.en, `${rule.programme}: ${id}`).toBeTruthy();
      }
    }
  });
});
