/**
 * The package as a user gets it (#15): `npm pack`, installed into a fresh project, imported from ESM, CommonJS and TypeScript (--strict), its CLI run, a result
 * validated against the exported schema. Uses the dist/ that npm test has just built. Dependencies
 * come from npm's cache (--offline), or from the registry where the cache lacks them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFiles } from '../../tools/packs/files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-consumer-'));
const run = (command: string, args: string[], cwd = dir) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
let files: string[] = [];
let install: ReturnType<typeof run>;

beforeAll(() => {
  // --ignore-scripts: dist is already built, and a rebuild would race the other test files.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack packed nothing');
  files = packed.files.map((f) => f.path);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tarball = join(dir, packed.filename);
  install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball]);
  // Offline needs npm's cache to hold every dependency's metadata; where it does not, ask the registry.
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
  expect(install.status, install.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000);

describe('the installed package', () => {
  it('ships what a user can use, with its LICENSE, and no source map', () => {
    for (const path of [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/testing/index.js',
      'dist/testing/index.d.ts',
      // The bundled YAML as the build read it (src/load.ts: loading without parsing YAML again).
      'dist/yaml-cache.json',
      'schema/result.schema.json',
      'examples/demo.json',
      // Every rule and pack file, whatever it is written in (decision 0026).
      ...dataFiles(ROOT, ['.yaml', '.yml', '.json']),
    ])
      expect(files).toContain(path);
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
    expect(install.stderr).not.toMatch(/warn/i);
  });

  it('is imported from ESM and from CommonJS', () => {
    writeFileSync(join(dir, 'esm.mjs'), "import { evaluate } from 'benefit-rules'; console.log(evaluate(JSON.parse(process.argv[2]), { month: '2024-05' }).totalMonthlyAmount);");
    writeFileSync(
      join(dir, 'cjs.cjs'),
      "const { evaluate } = require('benefit-rules'); console.log(evaluate(JSON.parse(process.argv[2]), { month: '2024-05' }).totalMonthlyAmount);",
    );
    const household = JSON.stringify({ id: 'x', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] });
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const out = run(process.execPath, [file, household]);
      expect(out.stderr, file).not.toMatch(/Error/);
      expect(out.stdout, file).toBe('690.00\n');
    }
  });

  it('type-checks a strict TypeScript consumer, and refuses a misspelt programme id or status', () => {
    copyFileSync(join(ROOT, 'tests/package/consumer.ts'), join(dir, 'consumer.ts'));
    const tsc = run(process.execPath, [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '--strict',
      '--noEmit',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      join(ROOT, 'node_modules/@types'),
      'consumer.ts',
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs its CLI: the demo, and a result that validates against the exported schema', () => {
    const bin = join(dir, 'node_modules/.bin/benefit-rules');
    const demo = run(bin, ['demo']);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('cn-640181');
    const result = run(bin, ['evaluate', '--month', '2024-05', join(dir, 'node_modules/benefit-rules/examples/lingwu-2024.json')]);
    expect(result.status, result.stderr).toBe(0);
    writeFileSync(join(dir, 'result.json'), result.stdout);
    writeFileSync(
      join(dir, 'validate.mjs'),
      [
        "import { createRequire } from 'node:module';",
        "import { readFileSync } from 'node:fs';",
        "import { Ajv2020 } from 'ajv/dist/2020.js';",
        "import addFormats from 'ajv-formats';",
        'const require = createRequire(import.meta.url);',
        "const schema = JSON.parse(readFileSync(require.resolve('benefit-rules/schema/result.schema.json'), 'utf8'));",
        'const ajv = new Ajv2020({ strict: true }); addFormats.default(ajv);',
        "const validate = ajv.compile(schema); const ok = validate(JSON.parse(readFileSync('result.json', 'utf8')));",
        "console.log(ok ? 'valid' : ajv.errorsText(validate.errors));",
      ].join('\n'),
    );
    const validated = run(process.execPath, ['validate.mjs']);
    expect(validated.stdout + validated.stderr).toBe('valid\n');
  });

  it('offers benefit-rules/testing, which needs fast-check (an optional peer): a message without it, properties with it', () => {
    // Installed without fast-check, as a user who never asked for it has it.
    const resolved = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('benefit-rules/testing'))"]);
    expect(resolved.stdout).toMatch(/node_modules\/benefit-rules\/dist\/testing\/index\.js\n$/);
    const bin = join(dir, 'node_modules/.bin/benefit-rules');
    const without = run(bin, ['check', '--runs', '1']);
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('benefit-rules check needs fast-check, a peer dependency of benefit-rules/testing: npm install --save-dev fast-check');
    // fast-check as the user would add it: copied from this checkout's node_modules (the registry is not needed).
    for (const name of ['fast-check', 'pure-rand']) cpSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true, dereference: true });
    writeFileSync(
      join(dir, 'property.mjs'),
      [
        "import fc from 'fast-check';",
        "import { householdArbitrary, totalsAddUp } from 'benefit-rules/testing';",
        "const [household] = fc.sample(householdArbitrary({ jurisdiction: 'cn-640181', month: '2024-07' }), { numRuns: 1, seed: 1 });",
        "fc.assert(totalsAddUp({ jurisdiction: 'cn-640181', month: '2024-07' }).property, { numRuns: 5 });",
        "console.log(household.jurisdiction, 'ok');",
      ].join('\n'),
    );
    const property = run(process.execPath, ['property.mjs']);
    expect(property.stdout + property.stderr).toBe('cn-640181 ok\n');
    const check = run(bin, ['check', '--jurisdiction', 'cn-640181', '--month', '2024-07', '--runs', '3', '--property', 'totals-add-up']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('PASS totals-add-up: 3 households');
  });
});
