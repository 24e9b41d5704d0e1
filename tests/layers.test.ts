/**
 * The import-boundary rules of eslint.config.js fail the imports they are there to stop: a
 * wrong-way import between layers, an import of the tools or tests from src/, a cycle between files.
 * The code is linted as text under a real path (nothing is written into src/), so the files it
 * imports are the real ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
// By URL, so that tsc does not look for the types of a plain JavaScript config.
const { LAYERS } = (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { LAYERS: string[] };

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the layers of src/ (eslint.config.js)', () => {
  it('place every top-level file and folder of src/', () => {
    const entries = readdirSync(join(ROOT, 'src')).filter((name) => !name.endsWith('.d.ts'));
    expect(entries.filter((name) => !LAYERS.includes(name))).toEqual([]);
  });

  it('let a layer import the layers below it', async () => {
    expect(await importProblems('src/evaluate.ts', source('src/evaluate.ts'))).toEqual([]);
    expect(await importProblems('src/cli/probe.ts', "import { evaluateWith } from '../evaluate.js';\nexport const e = evaluateWith;\n")).toEqual([]);
  });

  it('refuse an import of a layer above', async () => {
    const problems = await importProblems('src/schemas/probe.ts', "import { evaluateWith } from '../evaluate.js';\nexport const e = evaluateWith;\n");
    expect(problems).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/schemas is below/)]);
    const typeOnly = await importProblems('src/engine/probe.ts', "import type { CompiledEvaluator } from '../fast/evaluator.js';\nexport type E = CompiledEvaluator;\n");
    expect(typeOnly).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/engine is below/)]);
  });

  it('refuse an import of the tools or the tests from src/', async () => {
    for (const from of ['../tools/fuzz/random.js', '../tests/support/rulebook.js']) {
      const problems = await importProblems('src/probe.ts', `import * as m from '${from}';\nexport const x = m;\n`);
      expect(problems).toEqual([expect.stringMatching(/never imports the tools or the tests/)]);
    }
  });

  it('keep benefit-rules/testing out of the product: only the CLI, above it, may load it', async () => {
    const code = "import { householdArbitrary } from '../testing/index.js';\nexport const h = householdArbitrary;\n";
    for (const at of ['src/service/probe.ts', 'src/analysis/probe.ts']) expect(await importProblems(at, code)).toEqual([expect.stringMatching(/is below/)]);
    expect(await importProblems('src/cli/probe.ts', code)).toEqual([]);
  });

  it('refuse a cycle between files, inside a layer too', async () => {
    // rulebook/index.ts imports problems.ts; problems.ts importing index.ts back closes a cycle.
    const code = `${source('src/rulebook/problems.ts')}\nimport { linkRulebook } from './index.js';\nexport const build = linkRulebook;\n`;
    expect(await importProblems('src/rulebook/problems.ts', code)).toEqual(['import-x/no-cycle: Dependency cycle detected']);
  });

  it('have no cycle between files even through type-only imports, which import-x/no-cycle does not follow', () => {
    const files = new Map<string, string[]>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) {
          const imports = [...source(path).matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)\.js'/gms)].map((m) => join(dirname(path), `${m[1]}.ts`));
          files.set(path, imports);
        }
      }
    };
    walk('src');
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, chain: string[]): void => {
      if (state.get(file) === 'done' || !files.has(file)) return;
      if (state.get(file) === 'open') {
        cycles.push([...chain.slice(chain.indexOf(file)), file].map((f) => relative('src', f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of files.get(file) ?? []) visit(next, [...chain, file]);
      state.set(file, 'done');
    };
    for (const file of files.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
