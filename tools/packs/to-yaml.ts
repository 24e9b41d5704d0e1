/**
 * `npm run packs:to-yaml`: converts the JSON rule files and packs to YAML
 * (docs/decisions/0026-yaml-rule-files.md). Every rules/**.json and jurisdictions/**.json becomes
 * a .yaml file in the canonical style (style.ts) with its schema line, and the JSON file is
 * deleted; a rule file named in split.ts (dibao) becomes a folder of parts instead. Deterministic
 * and idempotent: run it again after a merge brings JSON files back, and only those change. Where
 * both a JSON file and its YAML exist, the JSON file is the newer text and wins.
 *
 * It checks its own work: each split file's parts merge back into the file, key for key and in
 * order, and the rulebook loaded after the conversion has the hashes of every rule file and pack
 * that the JSON files had (verify.ts). On a difference it says which and exits 1.
 * Usage: npx tsx tools/packs/to-yaml.ts [root]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBenefitRulesError } from '../../src/errors.js';
import { mergeParts } from '../../src/rulebook/parts.js';
import { dataFiles, ROOT } from './files.js';
import { SPLITS, splitRuleFile } from './split.js';
import { schemaKindOf, schemaLine, toCanonicalYaml } from './style.js';
import { hashDifferences, jsonTreeHashes, loadedHashes } from './verify.js';

/** Writes the YAML files of every JSON rule and pack file under `root`, deletes the JSON ones; the files written. */
export function convert(root: string, log: (line: string) => void = () => undefined): string[] {
  const written: string[] = [];
  for (const path of dataFiles(root, ['.json'])) {
    const data = JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
    const split = /^rules\/([^/]+)\.json$/.exec(path);
    const parts = split ? SPLITS[split[1]!] : undefined;
    if (split && parts) {
      const folder = `rules/${split[1]!}`;
      const { parts: files, unclaimed, moved } = splitRuleFile(data as Record<string, unknown>, parts);
      if (unclaimed.length > 0) log(`${path}: not claimed by a part in tools/packs/split.ts, placed by its neighbours in the file: ${unclaimed.join(', ')}`);
      if (moved.length > 0) log(`${path}: put in a later part than split.ts says, to keep the file's order: ${moved.join('; ')}`);
      const merged = mergeParts(
        folder,
        files.map((file) => ({ file: `${folder}/${file.name}.yaml`, json: file.data })),
      );
      const { $schema: _schema, ...original } = data as Record<string, unknown>;
      if (JSON.stringify(merged.json) !== JSON.stringify(original)) throw new Error(`${path}: its parts do not merge back into it (tools/packs/split.ts)`);
      if (existsSync(join(root, folder))) for (const name of readdirSync(join(root, folder))) if (/\.(ya?ml|json)$/.test(name)) rmSync(join(root, folder, name));
      mkdirSync(join(root, folder), { recursive: true });
      for (const file of files) {
        const out = `${folder}/${file.name}.yaml`;
        writeFileSync(join(root, out), toCanonicalYaml(file.data, schemaLine(root, out, 'rule-part')));
        written.push(out);
      }
    } else {
      const kind = schemaKindOf(path);
      if (!kind) {
        log(`${path}: not a rule or pack file, left as it is`);
        continue;
      }
      const out = path.replace(/\.json$/, '.yaml');
      writeFileSync(join(root, out), toCanonicalYaml(data, schemaLine(root, out, kind)));
      written.push(out);
    }
    rmSync(join(root, path));
    log(`${path} → ${split && parts ? `rules/${split[1]!}/` : path.replace(/\.json$/, '.yaml')}`);
  }
  return written;
}

/** Converts and checks: the differences of the loaded hashes (none when the conversion kept everything). */
export function convertChecked(root: string, log: (line: string) => void = () => undefined): { written: string[]; hashes: string[]; differences: string[] } {
  const before = jsonTreeHashes(root);
  const written = convert(root, log);
  const after = loadedHashes(root);
  return { written, hashes: after, differences: hashDifferences(before, after) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? ROOT;
  let checked: ReturnType<typeof convertChecked>;
  try {
    checked = convertChecked(root, (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    // A tree that does not load is not converted (or, after, is what the conversion broke): say why, no stack.
    if (!isBenefitRulesError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const { written, hashes, differences } = checked;
  process.stdout.write(`${written.length} YAML file${written.length === 1 ? '' : 's'} written\n`);
  if (differences.length > 0) {
    process.stdout.write(`the loaded rulebook changed (- before, + after):\n${differences.join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`loaded rulebook identical by hash before and after: ${hashes.length} rule files and packs\n`);
}
