/**
 * What the conversion to YAML must keep: the loaded rulebook, by hash. Each programme's rule file
 * and each pack has a sha256 of its content (rulebook/rules.ts, packs.ts: the data as JSON, without
 * `$schema`, and for a pack its files' names without extension), the hashes every receipt names.
 * The converter compares them before and after it writes (to-yaml.ts); a test does too.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRulebook } from '../../src/load.js';

/** `programme <id> <hash>` and `pack <id> <hash>` lines of the rulebook of `root`'s rules/ and jurisdictions/. */
export function loadedHashes(root: string): string[] {
  const rulebook = loadRulebook({ rules: [join(root, 'rules')], jurisdictions: [join(root, 'jurisdictions')] });
  const lines = [...rulebook.programmes.values()].map((rules) => `programme ${rules.programme} ${rules.hash}`);
  for (const pack of rulebook.packs.values()) lines.push(`pack ${pack.id} ${pack.hash}`);
  return lines.sort();
}

/**
 * The hashes of the tree as its JSON files say it: where a JSON file and a YAML one are both there
 * (a merge brought the JSON back), the JSON one, which the converter will write over the YAML.
 */
export function jsonTreeHashes(root: string): string[] {
  const copy = join(mkdtempSync(join(tmpdir(), 'benefit-rules-to-yaml-')), 'tree');
  try {
    for (const dir of ['rules', 'jurisdictions']) if (existsSync(join(root, dir))) cpSync(join(root, dir), join(copy, dir), { recursive: true });
    for (const dir of ['rules', 'jurisdictions']) if (existsSync(join(copy, dir))) dropShadowed(join(copy, dir), dir === 'rules');
    return loadedHashes(copy);
  } finally {
    rmSync(join(copy, '..'), { recursive: true, force: true });
  }
}

/** Removes each YAML file that has a JSON twin beside it, and each rule folder rules/<id>/ beside a
 * rules/<id>.json (in a pack, parameters/x.json beside a folder parameters/x/ is no twin: both are read). */
function dropShadowed(dir: string, ruleFolders: boolean): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (ruleFolders && existsSync(`${path}.json`)) rmSync(path, { recursive: true });
      else dropShadowed(path, false);
    } else if (/\.ya?ml$/.test(name) && existsSync(path.replace(/\.ya?ml$/, '.json'))) rmSync(path);
  }
}

/** The lines of `before` and `after` that differ, each marked - (before only) or + (after only). */
export function hashDifferences(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const now = new Set(after);
  return [...before.filter((line) => !now.has(line)).map((line) => `- ${line}`), ...after.filter((line) => !was.has(line)).map((line) => `+ ${line}`)];
}
