/**
 * Reading rule files and packs from disk: the only file I/O of the library, done once before any
 * evaluation. Evaluation itself takes the resulting Rulebook and never touches the file system.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenefitRulesError } from './errors.js';
import { buildRulebook, type FileInput, type PackInput, type Rulebook } from './rulebook/index.js';
import { checkRulebook } from './programmes/index.js';

/** The package root: one level above both src/ (tests) and dist/ (the built package). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLED_RULES = join(PACKAGE_ROOT, 'rules');
export const BUNDLED_JURISDICTIONS = join(PACKAGE_ROOT, 'jurisdictions');

function readJson(path: string, shown: string): FileInput {
  const text = readFileSync(path, 'utf8');
  try {
    return { file: shown, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw new BenefitRulesError('invalid-pack', `${shown} is not valid JSON: ${(error as Error).message}`, [
      { file: shown, path: '$', expected: 'valid JSON', found: (error as Error).message },
    ]);
  }
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .sort();
}

export function readPackDir(dir: string, root: string): PackInput {
  const shown = (path: string) => relative(root, path).split(sep).join('/');
  const parametersDir = join(dir, 'parameters');
  const sourcesPath = join(dir, 'sources.json');
  const input: PackInput = {
    dir: shown(dir),
    manifest: readJson(join(dir, 'pack.json'), shown(join(dir, 'pack.json'))),
    parameters: jsonFiles(parametersDir).map((path) => ({
      ...readJson(path, shown(path)),
      idPrefix: relative(parametersDir, path)
        .replace(/\.json$/, '')
        .split(sep)
        .join('.'),
    })),
  };
  if (existsSync(sourcesPath)) input.sources = readJson(sourcesPath, shown(sourcesPath));
  return input;
}

/** Every pack folder (one holding pack.json) directly under each of `roots`. */
export function readPackDirs(roots: readonly string[]): PackInput[] {
  const packs: PackInput[] = [];
  for (const root of roots) {
    if (!existsSync(root)) throw new BenefitRulesError('invalid-option', `No folder ${root}`, [{ path: root, expected: 'a folder of packs', found: 'nothing' }]);
    if (!statSync(root).isDirectory())
      throw new BenefitRulesError('invalid-option', `${root} is not a folder of packs`, [{ path: root, expected: 'a folder of packs', found: 'a file' }]);
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      if (statSync(dir).isDirectory() && existsSync(join(dir, 'pack.json'))) packs.push(readPackDir(dir, join(root, '..')));
    }
  }
  return packs;
}

export interface LoadOptions {
  /** Folders of rule files; default: the bundled rules/. */
  rules?: readonly string[];
  /** Folders of packs; default: the bundled jurisdictions/. */
  jurisdictions?: readonly string[];
}

export function loadRulebook(options: LoadOptions = {}): Rulebook {
  const ruleDirs = options.rules ?? [BUNDLED_RULES];
  const rules = ruleDirs.flatMap((dir) => jsonFiles(dir).map((path) => readJson(path, relative(join(dir, '..'), path).split(sep).join('/'))));
  const rulebook = buildRulebook({ rules, packs: readPackDirs(options.jurisdictions ?? [BUNDLED_JURISDICTIONS]) });
  checkRulebook(rulebook);
  return rulebook;
}

let bundled: Rulebook | undefined;

/** The rules and packs shipped with the library, read once per process. */
export function bundledRulebook(): Rulebook {
  bundled ??= loadRulebook();
  return bundled;
}
