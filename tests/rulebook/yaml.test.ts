/**
 * Rule files and packs in YAML (decision 0026): a load error names the file, the line and the column
 * as well as the JSON path, what was expected and what was found; never a stack trace. The tree is a
 * converted copy of the bundled one (tools/packs/to-yaml.ts), so that these hold before and after
 * the bundled files are converted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, loadRulebook } from '../../src/load.js';
import { errorOf } from '../inputs/support.js';
import { convert } from '../../tools/packs/to-yaml.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A converted copy of the bundled rules and packs: its root, and a loader of it. */
function tree(): { root: string; load: () => unknown } {
  const root = mkdtempSync(join(tmpdir(), 'benefit-rules-yaml-'));
  made.push(root);
  cpSync(BUNDLED_RULES, join(root, 'rules'), { recursive: true });
  cpSync(BUNDLED_JURISDICTIONS, join(root, 'jurisdictions'), { recursive: true });
  convert(root);
  return { root, load: () => loadRulebook({ rules: [join(root, 'rules')], jurisdictions: [join(root, 'jurisdictions')] }) };
}

const refusal = errorOf;

/** Replaces the first line matching `pattern` in a file; its 1-based number, the line as it was and as it is. */
function breakLine(path: string, pattern: RegExp, replace: (line: string) => string): { line: number; was: string; now: string } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line ${pattern} in ${path}`);
  const was = lines[index]!;
  const now = replace(was);
  lines[index] = now;
  writeFileSync(path, lines.join('\n'));
  return { line: index + 1, was, now };
}

describe('YAML rule files and packs: errors at file:line:column', () => {
  it('a syntax error: the file, line and column, and what YAML found', () => {
    const { root, load } = tree();
    const { line } = breakLine(join(root, 'rules', 'orphan-allowance.yaml'), /^scope: /, () => 'scope: [member');
    const error = refusal(load);
    expect(error.code).toBe('invalid-pack');
    // YAML sees an unclosed flow sequence where the next key starts: that line, column 1.
    expect(error.message).toBe(
      `rules/orphan-allowance.yaml:${line + 1}:1 is not valid YAML: text that is not YAML (BAD_INDENT: Flow sequence in block collection must be sufficiently indented and end with a ])`,
    );
    expect(error.details).toEqual([
      { file: 'rules/orphan-allowance.yaml', path: '$', expected: 'valid YAML', found: expect.stringMatching(/^text that is not YAML \(BAD_INDENT/), line: line + 1, column: 1 },
    ]);
  });

  it('a wrong type deep in a condition of a rule folder: the part it is written in, its line and column', () => {
    const { root, load } = tree();
    const part = join(root, 'rules', 'dibao', '20-membership.yaml');
    const { line, now } = breakLine(part, /^ +- \{ fact: \w+, operator: equal, value: true \}$/, (l) => l.replace('value: true', 'value: { fact: 42 }'));
    const column = now.indexOf('fact: 42') + 1;
    const error = refusal(load);
    expect(error.code).toBe('invalid-rules');
    const [detail] = error.details;
    expect(detail).toMatchObject({ file: 'rules/dibao/20-membership.yaml', line, column, expected: 'a fact name (a non-empty string)', found: '42' });
    expect(detail!.path).toMatch(/^\$\.conditions\.\w+\.when\.any\[\d+\]\.value\.fact$/);
    // The message: one line a problem, file:line:column, the JSON path, what was expected, what was found.
    expect(error.message).toBe(
      `The rule files are invalid (1 problem):\n  rules/dibao/20-membership.yaml:${line}:${column} ${detail!.path}: a fact name (a non-empty string), found 42`,
    );
  });

  it('a wrong value in a pack parameter file: its line and column', () => {
    const { root, load } = tree();
    const file = join(root, 'jurisdictions', 'cn-420113', 'parameters', 'dibao', 'standard.yaml');
    const { line, was } = breakLine(file, /^ {4}value: "830"$/, (l) => l.replace('"830"', '"eight hundred"'));
    const error = refusal(load);
    expect(error.code).toBe('invalid-pack');
    expect(error.details[0]).toMatchObject({ file: 'jurisdictions/cn-420113/parameters/dibao/standard.yaml', line, column: was.indexOf('value') + 1 });
    expect(error.message).toMatch(new RegExp(`\\n {2}jurisdictions/cn-420113/parameters/dibao/standard\\.yaml:${line}:5 \\$\\.urban\\[0\\]\\.value: `));
  });

  it('refuses an alias, a key written twice, a file beside its JSON twin and an entry in two parts', () => {
    const alias = tree();
    breakLine(join(alias.root, 'rules', 'orphan-allowance.yaml'), /^name:$/, () => 'name: &n');
    breakLine(join(alias.root, 'rules', 'orphan-allowance.yaml'), /^scope: /, (l) => `other: *n\n${l}`);
    expect(refusal(alias.load).message).toMatch(/^rules\/orphan-allowance\.yaml: expected each value written where it applies, found an alias/);

    const twice = tree();
    const { line } = breakLine(join(twice.root, 'rules', 'orphan-allowance.yaml'), /^scope: /, (l) => `${l}\n${l}`);
    expect(refusal(twice.load).message).toMatch(new RegExp(`^rules/orphan-allowance\\.yaml:${line + 1}:1 is not valid YAML: text that is not YAML \\(DUPLICATE_KEY`));

    const twin = tree();
    writeFileSync(join(twin.root, 'jurisdictions', 'cn', 'sources.json'), '{}');
    expect(refusal(twin.load).message).toMatch(
      /^jurisdictions\/cn\/sources\.json: expected one sources file, found both jurisdictions\/cn\/sources\.yaml and jurisdictions\/cn\/sources\.json/,
    );

    const parts = tree();
    const membership = readFileSync(join(parts.root, 'rules', 'dibao', '20-membership.yaml'), 'utf8');
    writeFileSync(join(parts.root, 'rules', 'dibao', '25-again.yaml'), membership);
    expect(refusal(parts.load).message).toMatch(/^rules\/dibao\/25-again\.yaml: expected parameters\.[\w.]+ in one part only, found also in rules\/dibao\/20-membership\.yaml/);
  });
});
