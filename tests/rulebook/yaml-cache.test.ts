/** The build's cache of the bundled YAML files (tools/build/yaml-cache.ts, read by src/load.ts). */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, PACKAGE_ROOT, readRuleFiles } from '../../src/load.js';
import { yamlCacheOf } from '../../tools/build/yaml-cache.js';

const DIST_CACHE = join(PACKAGE_ROOT, 'dist', 'yaml-cache.json');
const built = existsSync(DIST_CACHE) && existsSync(join(PACKAGE_ROOT, 'dist', 'load.js'));
if (!built) console.warn('yaml-cache.test.ts: the tests of the built cache are skipped: no dist/ (npm run build; npm test builds first)');

describe('the cache of the bundled YAML', () => {
  const cache = yamlCacheOf([BUNDLED_RULES, BUNDLED_JURISDICTIONS]);

  it('holds every bundled YAML file, as the loader reads it', () => {
    const parts = readRuleFiles(BUNDLED_RULES).length;
    expect(Object.keys(cache).length).toBeGreaterThan(parts);
    for (const text of Object.values(cache)) expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.skipIf(!built)("as the build wrote it, holds for each file it names that file's data (a file edited since is simply not in it)", () => {
    const written = JSON.parse(readFileSync(DIST_CACHE, 'utf8')) as Record<string, string>;
    const shared = Object.keys(written).filter((hash) => hash in cache);
    // npm test builds first, so there every file is in it; after an edit, all but that file.
    expect(shared.length).toBeGreaterThan(Object.keys(cache).length - 3);
    for (const hash of shared) expect(written[hash]).toBe(cache[hash]);
  });

  it.skipIf(!built)('is read only for a text it holds: a file changed since the build is parsed again', async () => {
    const { loadRulebook, bundledRulebook } = (await import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'load.js')).href)) as typeof import('../../src/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-yaml-cache-'));
    try {
      cpSync(BUNDLED_RULES, join(dir, 'rules'), { recursive: true });
      const file = join(dir, 'rules', 'orphan-allowance.yaml');
      const text = readFileSync(file, 'utf8');
      const name = (bundledRulebook().programmes.get('orphan-allowance') as { name: { en: string } }).name.en;
      writeFileSync(file, text.replace(`en: ${name}`, `en: ${name} (changed)`));
      const changed = loadRulebook({ rules: [join(dir, 'rules')] });
      expect((changed.programmes.get('orphan-allowance') as { name: { en: string } }).name.en).toBe(`${name} (changed)`);
      // A broken file is refused with its line and column, as without a cache.
      writeFileSync(file, `${text}\n  : [\n`);
      expect(() => loadRulebook({ rules: [join(dir, 'rules')] })).toThrow(/orphan-allowance\.yaml:\d+:\d+ is not valid YAML/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
