/**
 * `npm run format:packs`: rewrites every rule and pack YAML file in the canonical style (style.ts,
 * the converter's), with its schema line. `--check` only lists the files that are not, and fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBenefitRulesError } from '../../src/errors.js';
import { dataFiles, ROOT } from './files.js';
import { parseYamlData, schemaKindOf, schemaLine, toCanonicalYaml } from './style.js';

/** The files under `root` not in canonical form, each with its canonical text. */
export function notCanonical(root: string): { path: string; text: string; canonical: string }[] {
  const out: { path: string; text: string; canonical: string }[] = [];
  for (const path of dataFiles(root, ['.yaml', '.yml'])) {
    const kind = schemaKindOf(path);
    if (!kind) continue;
    const text = readFileSync(join(root, path), 'utf8');
    const canonical = toCanonicalYaml(parseYamlData(text, path), schemaLine(root, path, kind));
    if (canonical !== text) out.push({ path, text, canonical });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? ROOT;
  let files: ReturnType<typeof notCanonical>;
  try {
    files = notCanonical(root);
  } catch (error) {
    // A file that is not YAML: where, as the loader says it; no stack.
    if (!isBenefitRulesError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  for (const file of files) {
    if (check) process.stdout.write(`not in canonical form: ${file.path}\n`);
    else writeFileSync(join(root, file.path), file.canonical);
  }
  if (check && files.length > 0) {
    process.stdout.write('run npm run format:packs\n');
    process.exitCode = 1;
  } else if (!check) process.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'} rewritten\n`);
}
