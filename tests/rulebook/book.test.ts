/**
 * The rule book (src/rulebook-doc, decision 0024): the Lingwu dibao page states the dated standards
 * the packs hold, every condition and amount of every rule file is written in words (no "unknown
 * form"), and the committed docs/rulebook pages are what the generator writes today — so a pack or
 * rule change without `npm run rulebook` fails here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledRulebook } from '../../src/load.js';
import { ruleBookFiles, ruleBookPage } from '../../src/rulebook-doc/index.js';
import { forms } from '../../src/rulebook-doc/forms.js';
import { toJson } from '../../src/parameters/values.js';
import type { Condition } from '../../src/schemas/condition.js';
import type { AmountExpression } from '../../src/schemas/amount.js';
import { rulebookCommand } from '../../src/cli/rulebook.js';

const rulebook = bundledRulebook();
const BOOK = fileURLToPath(new URL('../../docs/rulebook', import.meta.url));

/** The table row of a period: "| from | until | value | `pack` |" (until left open: any). */
function row(page: string, from: string, value: string, pack: string): string | undefined {
  return page.split('\n').find((line) => line.startsWith(`| ${from} | `) && line.includes(` | ${value} | \`${pack}\` |`));
}

describe('the rule book', () => {
  it("gives Lingwu's dibao standards by date, each from the pack that sets it, as the packs hold them", () => {
    const { markdown } = ruleBookPage(rulebook, { jurisdiction: 'cn-640181', programme: 'dibao' });
    const own = rulebook.packs.get('cn-640181')!;
    const region = rulebook.packs.get('cn-640000')!;
    let checked = 0;
    for (const residence of ['urban', 'rural']) {
      const id = `dibao.standard.${residence}`;
      const table = markdown.slice(markdown.indexOf(`(\`${id}\`)`), markdown.indexOf('\n### ', markdown.indexOf(`(\`${id}\`)`)));
      const lingwu = own.parameters.get(id) ?? [];
      for (const entry of lingwu) {
        expect(row(table, entry.from, String(toJson(entry.value)), 'cn-640181'), `${id} ${entry.from}`).toBeDefined();
        checked += 1;
      }
      // The region's values where Lingwu sets none of its own from that day.
      for (const entry of region.parameters.get(id) ?? []) {
        if (lingwu.some((mine) => mine.from <= entry.from && (mine.until ?? '9999') >= entry.from)) continue;
        const value = entry.value === null ? '**未配置 not configured**' : String(toJson(entry.value));
        expect(row(table, entry.from, value, 'cn-640000'), `${id} ${entry.from}`).toBeDefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(8);
    expect(markdown).toContain('| 2024-01-01 | 2024-12-31 | 690 | `cn-640181` |');
  });

  it('writes every condition, amount and interaction of every rule file in words, in both languages', () => {
    for (const programme of rulebook.programmes.keys()) {
      const page = ruleBookPage(rulebook, { jurisdiction: 'cn-640181', programme });
      expect(page.problems, programme).toEqual([]);
      expect(page.markdown, programme).not.toContain('unknown form');
      for (const lang of ['zh', 'en'] as const) {
        const f = forms(rulebook, rulebook.programmes.get(programme)!, lang);
        for (const condition of rulebook.programmes.get(programme)!.conditions.values()) expect(f.condition(condition.when).join('\n')).not.toContain('unknown form');
        expect(f.problems, `${programme} ${lang}`).toEqual([]);
      }
    }
  });

  it('says "unknown form" for a shape it does not know, and records it', () => {
    const f = forms(rulebook, rulebook.programmes.get('dibao')!, 'en');
    expect(f.condition({ all: [{ nonsense: true } as unknown as Condition, { fact: 'noSuchFact', operator: 'equal', value: 1 }] }).join('\n')).toContain('unknown form');
    expect(f.amount({ squareRoot: 2 } as unknown as AmountExpression).join('\n')).toContain('unknown form');
    expect(f.problems).toHaveLength(3);
  });

  it('writes bands with the edges they include and exclude', () => {
    const page = ruleBookPage(rulebook, { jurisdiction: 'cn-640181', programme: 'high-age-allowance', lang: 'en' }).markdown;
    expect(page).toMatch(/- is at most Top age of the first band.*: Universal scheme: first band/);
    expect(page).toMatch(/- is above Top age of the first band.* and is at most Top age of the second band/);
  });

  it('is committed as generated: docs/rulebook matches `npm run rulebook`', () => {
    const files = ruleBookFiles(rulebook, { lang: 'both' });
    const committed = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else committed.set(relative(BOOK, path).split(sep).join('/'), readFileSync(path, 'utf8'));
      }
    };
    walk(BOOK);
    expect([...committed.keys()].sort(), 'run npm run rulebook').toEqual([...files.keys()].sort());
    const stale = [...files].filter(([name, markdown]) => committed.get(name) !== markdown).map(([name]) => name);
    expect(stale, 'these pages are not what the packs say today: run npm run rulebook').toEqual([]);
  });

  it('is written by the CLI command under --out, one file a jurisdiction and programme', () => {
    const out = mkdtempSync(join(tmpdir(), 'rulebook-'));
    try {
      expect(rulebookCommand({ jurisdiction: ['cn-640181'], programme: ['dibao'], lang: 'zh', out })).toBe(join(out, 'cn-640181', 'dibao.md'));
      expect(readFileSync(join(out, 'cn-640181', 'dibao.md'), 'utf8')).toBe(ruleBookPage(rulebook, { jurisdiction: 'cn-640181', programme: 'dibao', lang: 'zh' }).markdown);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
