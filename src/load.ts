/**
 * Reading rule files and packs from disk: the only file I/O of the library, done once before any
 * evaluation. Evaluation itself takes the resulting Rulebook and never touches the file system.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenefitRulesError } from './errors.js';
import { linkRulebook, type FileInput, type PackInput, type Rulebook, type RulebookInput } from './rulebook/index.js';
import { mergeParts } from './rulebook/parts.js';
import { located, readYamlText } from './rulebook/yaml.js';
import { checkRulebook } from './programmes/index.js';

/** The package root: one level above both src/ (tests) and dist/ (the built package). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLED_RULES = join(PACKAGE_ROOT, 'rules');
export const BUNDLED_JURISDICTIONS = join(PACKAGE_ROOT, 'jurisdictions');

/** The largest pack or rule file read: the biggest bundled one is a few tens of kilobytes. */
export const MAX_PACK_FILE_BYTES = 4 * 2 ** 20;

const invalid = (shown: string, expected: string, found: string) =>
  new BenefitRulesError('invalid-pack', `${shown}: expected ${expected}, found ${found}`, [{ file: shown, path: '$', expected, found }]);

/** Where a path really is, for a link: it must stay inside `inside`; a dangling link is named. */
function checkedStat(path: string, shown: string, inside: string): Stats {
  let stat: Stats;
  try {
    stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      const target = realpathSync(path);
      const root = realpathSync(inside);
      if (target !== root && !target.startsWith(`${root}${sep}`))
        throw invalid(shown, `a file or folder inside ${relative(join(inside, '..'), inside) || inside}`, 'a link out of it');
      stat = statSync(path);
    }
  } catch (error) {
    if (error instanceof BenefitRulesError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw invalid(shown, 'a readable file', code === 'ENOENT' ? 'a link to nothing (ENOENT)' : code);
  }
  return stat;
}

/** The extensions of rule and pack files: YAML (the bundled ones) and JSON (still read). */
const DATA_FILE = /\.(ya?ml|json)$/;

/**
 * The bundled YAML files as the build read them (npm run build: tools/build/yaml-cache.ts writes
 * dist/yaml-cache.json), by the sha256 of their text: each one's data as JSON text. Parsing YAML was
 * most of the time of loading the bundled rulebook (0.85 s against 0.23 s from JSON). A file whose
 * text is there is read from it; any other — changed since the build, or a user's — is parsed, so
 * the cache can only be missing, never stale. Where an error needs a line, the text is parsed then.
 */
const YAML_CACHE = fileURLToPath(new URL('./yaml-cache.json', import.meta.url));
let yamlCache: ReadonlyMap<string, string> | null | undefined;

function cachedYaml(text: string): string | undefined {
  if (yamlCache === undefined) {
    yamlCache = null;
    try {
      if (existsSync(YAML_CACHE)) yamlCache = new Map(Object.entries(JSON.parse(readFileSync(YAML_CACHE, 'utf8')) as Record<string, string>));
    } catch {
      // An unreadable cache is no cache: every file is parsed.
    }
  }
  return yamlCache?.get(createHash('sha256').update(text).digest('hex'));
}

function readYaml(text: string, shown: string): FileInput {
  const cached = cachedYaml(text);
  if (cached === undefined) return readYamlText(text, shown);
  return { file: shown, json: JSON.parse(cached) as unknown, locate: (segments) => readYamlText(text, shown).locate?.(segments) };
}

function readDataFile(path: string, shown: string, inside = join(path, '..')): FileInput {
  const stat = checkedStat(path, shown, inside);
  const what = path.endsWith('.json') ? 'a JSON file' : 'a YAML file';
  if (stat.isDirectory()) throw invalid(shown, what, 'a folder');
  if (stat.size > MAX_PACK_FILE_BYTES) throw invalid(shown, `${what} of at most ${MAX_PACK_FILE_BYTES / 2 ** 20} MiB`, `${stat.size} bytes`);
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.json')) return readYaml(text, shown);
  try {
    return { file: shown, json: JSON.parse(text) as unknown };
  } catch (error) {
    // Only where: the message of JSON.parse quotes the file's first bytes, which may not be a pack's.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const found = `text that is not JSON${at ? ` (at position ${at})` : ''}`;
    throw new BenefitRulesError('invalid-pack', `${shown} is not valid JSON: ${found}`, [{ file: shown, path: '$', expected: 'valid JSON', found }]);
  }
}

/** The rule and pack files (YAML or JSON) under `dir`, walked without following a link out of `inside`. */
export function dataFiles(dir: string, inside = dir, shown: (path: string) => string = (p) => p): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = checkedStat(path, shown(path), inside);
      if (stat.isDirectory()) walk(path);
      else if (DATA_FILE.test(name)) out.push(path);
    }
  };
  walk(dir);
  const sorted = out.sort();
  // The same file twice (standard.json beside standard.yaml) would set the same ids twice.
  const seen = new Map<string, string>();
  for (const path of sorted) {
    const stem = path.replace(DATA_FILE, '');
    const other = seen.get(stem);
    if (other) throw invalid(shown(path), `one file for ${shown(stem)}`, `both ${shown(other)} and ${shown(path)}`);
    seen.set(stem, path);
  }
  return sorted;
}

/** The one file `<dir>/<stem>.yaml`, `.yml` or `.json`, if any (two are refused). */
function oneFile(dir: string, stem: string, shown: (path: string) => string): string | undefined {
  const found = ['.yaml', '.yml', '.json'].map((ext) => join(dir, `${stem}${ext}`)).filter((path) => existsSync(path) || lstatSafe(path));
  if (found.length > 1) throw invalid(shown(found[1]!), `one ${stem} file`, `both ${found.map(shown).join(' and ')}`);
  return found[0];
}

/**
 * The rule files of a folder: each `<programme>.yaml` (or `.json`), and each folder
 * `<programme>/` whose parts are merged in the order of their names (`10-programme.yaml`,
 * `20-membership.yaml`, …): top-level keys in order of first appearance; a key in several parts
 * must be a mapping in each (parameters, conditions), its entries merged in part order; the same
 * entry twice is refused. The merged file is named by its folder (`rules/dibao`).
 */
export function readRuleFiles(dir: string): FileInput[] {
  if (!existsSync(dir)) return [];
  const shown = (path: string) => relative(join(dir, '..'), path).split(sep).join('/');
  const out: FileInput[] = [];
  // A folder sorts as its file would (dibao/ as dibao.yaml: after dibao-category-supplement.yaml).
  const entries = readdirSync(dir).map((name) => ({ name, path: join(dir, name), stat: checkedStat(join(dir, name), shown(join(dir, name)), dir) }));
  const key = (entry: (typeof entries)[number]) => (entry.stat.isDirectory() ? `${entry.name}.yaml` : entry.name);
  for (const { name, path, stat } of entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
    if (stat.isDirectory())
      out.push(
        mergeParts(
          shown(path),
          dataFiles(path, dir, shown).map((part) => readDataFile(part, shown(part), dir)),
        ),
      );
    else if (DATA_FILE.test(name)) out.push(readDataFile(path, shown(path), dir));
  }
  const stems = new Map<string, string>();
  for (const file of out) {
    const stem = file.file.replace(DATA_FILE, '');
    const other = stems.get(stem);
    if (other) throw invalid(file.file, `one rule file or folder for ${stem}`, `both ${other} and ${file.file}`);
    stems.set(stem, file.file);
  }
  return out;
}

export function readPackDir(dir: string, root: string): PackInput {
  const shown = (path: string) => relative(root, path).split(sep).join('/');
  const parametersDir = join(dir, 'parameters');
  const sourcesPath = oneFile(dir, 'sources', shown);
  const manifestPath = oneFile(dir, 'pack', shown) ?? join(dir, 'pack.yaml');
  const input: PackInput = {
    dir: shown(dir),
    manifest: readDataFile(manifestPath, shown(manifestPath), dir),
    parameters: dataFiles(parametersDir, dir, shown).map((path) => ({
      ...readDataFile(path, shown(path), dir),
      idPrefix: relative(parametersDir, path).replace(DATA_FILE, '').split(sep).join('.'),
    })),
  };
  if (sourcesPath) input.sources = readDataFile(sourcesPath, shown(sourcesPath), dir);
  return input;
}

/** Every pack folder (one holding pack.yaml or pack.json) directly under each of `roots`. */
export function readPackDirs(roots: readonly string[]): PackInput[] {
  const packs: PackInput[] = [];
  for (const root of roots) {
    if (!existsSync(root)) throw new BenefitRulesError('invalid-option', `No folder ${root}`, [{ path: root, expected: 'a folder of packs', found: 'nothing' }]);
    if (!statSync(root).isDirectory())
      throw new BenefitRulesError('invalid-option', `${root} is not a folder of packs`, [{ path: root, expected: 'a folder of packs', found: 'a file' }]);
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      const shown = relative(join(root, '..'), dir).split(sep).join('/');
      // A pack folder may not be a link out of the packs folder (a link to / was walked for minutes).
      if (checkedStat(dir, shown, root).isDirectory() && ['pack.yaml', 'pack.yml', 'pack.json'].some((file) => existsSync(join(dir, file)) || lstatSafe(join(dir, file))))
        packs.push(readPackDir(dir, join(root, '..')));
    }
  }
  return packs;
}

/** True when something (perhaps a dangling link) is at `path`. */
function lstatSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface LoadOptions {
  /** Folders of rule files; default: the bundled rules/. */
  rules?: readonly string[];
  /** Folders of packs; default: the bundled jurisdictions/. */
  jurisdictions?: readonly string[];
}

export function loadRulebook(options: LoadOptions = {}): Rulebook {
  const ruleDirs = options.rules ?? [BUNDLED_RULES];
  const rules = ruleDirs.flatMap((dir) => readRuleFiles(dir));
  return buildRulebook({ rules, packs: readPackDirs(options.jurisdictions ?? [BUNDLED_JURISDICTIONS]) });
}

/**
 * A rulebook from file contents held anywhere (a bundle, a database, a test): read, linked and
 * checked exactly as loadRulebook checks files, so that an evaluation never meets a rule it cannot
 * run — an amount form that does not compile, or cases that miss a value of their enum, is refused
 * here with every problem listed, not thrown later as an error without a code.
 */
export function buildRulebook(input: RulebookInput): Rulebook {
  try {
    const rulebook = linkRulebook(input);
    checkRulebook(rulebook);
    return rulebook;
  } catch (error) {
    throw error instanceof BenefitRulesError ? located(error, input) : error;
  }
}

let bundled: Rulebook | undefined;

/** The rules and packs shipped with the library, read once per process. */
export function bundledRulebook(): Rulebook {
  bundled ??= loadRulebook();
  return bundled;
}
