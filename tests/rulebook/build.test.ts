/**
 * buildRulebook, the public way to make a rulebook from file contents, checks what loadRulebook
 * checks: a rule file that reads and links but that the programmes cannot run is refused when it is
 * built, with a coded error naming the place, never thrown later from an evaluation.
 */
import { describe, expect, it } from 'vitest';
import { buildRulebook, evaluate, isBenefitRulesError } from '../../src/index.js';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, readPackDirs, readRuleFiles } from '../../src/load.js';
import { linkRulebook, type FileInput } from '../../src/rulebook/index.js';

function bundledFiles(edit: (file: string, json: Record<string, unknown>) => void = () => {}): FileInput[] {
  // By programme, whatever the file is written in (rules/x.yaml, rules/x.json, the folder rules/x).
  return readRuleFiles(BUNDLED_RULES).map((file) => {
    edit(file.file.replace(/^rules\//, '').replace(/\.(json|ya?ml)$/, ''), file.json as Record<string, unknown>);
    return file;
  });
}

/** The orphan allowance's amount with its "scattered" case taken out: the enum keeps the value. */
function withoutScattered(name: string, json: Record<string, unknown>): void {
  if (name !== 'orphan-allowance') return;
  const amount = json.amount as { cases: { when: { orphan: { cases: { when: Record<string, unknown> } } } } };
  delete amount.cases.when.orphan.cases.when.scattered;
}

const packs = () => readPackDirs([BUNDLED_JURISDICTIONS]);

describe('buildRulebook', () => {
  it('builds the bundled files as loadRulebook does', () => {
    const rulebook = buildRulebook({ rules: bundledFiles(), packs: packs() });
    expect([...rulebook.programmes.keys()]).toContain('orphan-allowance');
  });

  it('refuses cases that miss a value of their enum, with the file and the path', () => {
    let caught: unknown;
    try {
      buildRulebook({ rules: bundledFiles(withoutScattered), packs: packs() });
    } catch (error) {
      caught = error;
    }
    expect(isBenefitRulesError(caught)).toBe(true);
    const error = caught as { code: string; message: string };
    expect(error.code).toBe('invalid-rules');
    expect(error.message).toMatch(/scattered/);
  });

  it('is what stops the gap: linked alone, the same files evaluate to an error without a code', () => {
    // The unchecked link is internal; this shows the check above is the one that matters.
    const linked = linkRulebook({ rules: bundledFiles(withoutScattered), packs: packs() });
    const child = {
      id: 'h',
      jurisdiction: 'cn-420100',
      residence: 'urban',
      members: [{ id: 'c', birthDate: '2015-01-01', relation: 'head', child: { status: 'orphan', care: 'scattered' } }],
    };
    expect(() => evaluate(child, { month: '2024-01', rulebook: linked })).toThrow();
  });
});
