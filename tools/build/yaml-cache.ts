/**
 * npm run build, last step: dist/yaml-cache.json, the bundled YAML rule files and packs as the
 * loader reads them, keyed by the sha256 of each file's text (src/load.ts reads it, decision 0026).
 * A file whose data JSON cannot hold exactly is left out, and so parsed at load.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, PACKAGE_ROOT, dataFiles } from '../../src/load.js';
import { readYamlText } from '../../src/rulebook/yaml.js';

/** The cache of the YAML files under `dirs`: sha256 of the text → the data as JSON text. */
export function yamlCacheOf(dirs: readonly string[]): Record<string, string> {
  const cache: Record<string, string> = {};
  // The loader's own walk of rule and pack files, its YAML ones.
  for (const path of dirs.flatMap((dir) => dataFiles(dir)).filter((file) => /\.ya?ml$/.test(file))) {
    const text = readFileSync(path, 'utf8');
    const { json } = readYamlText(text, relative(PACKAGE_ROOT, path));
    const written = JSON.stringify(json);
    if (isDeepStrictEqual(JSON.parse(written), json)) cache[createHash('sha256').update(text).digest('hex')] = written;
  }
  return cache;
}

// Run as a script (npm run build), not when a test imports yamlCacheOf.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const cache = yamlCacheOf([BUNDLED_RULES, BUNDLED_JURISDICTIONS]);
  writeFileSync(join(PACKAGE_ROOT, 'dist', 'yaml-cache.json'), `${JSON.stringify(cache)}\n`);
  console.log(`dist/yaml-cache.json: ${Object.keys(cache).length} YAML files`);
}
