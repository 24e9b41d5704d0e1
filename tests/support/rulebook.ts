/** The rulebook tests use: the bundled packs plus the test-only packs of tests/packs. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, loadRulebook, readPackDirs, readRuleFiles } from '../../src/load.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { checkRulebook } from '../../src/programmes/index.js';
import { linkRulebook, type FileInput, type Rulebook } from '../../src/rulebook/index.js';

/** A bundled rule file as the loader reads it (a folder's parts merged), by programme id: its
 * name (rules/x.yaml, rules/x.json or the folder rules/x) and a fresh copy of its data. Tests find
 * the files this way, never by a name written out, so that they hold whatever the files are written in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function bundledRuleFile(programme: string): { file: string; json: any } {
  const file = readRuleFiles(BUNDLED_RULES).find((f) => f.file.replace(/\.(json|ya?ml)$/, '') === `rules/${programme}`);
  if (!file) throw new Error(`no bundled rule file for ${programme}`);
  return { file: file.file, json: file.json };
}

/** The data of a bundled rule file, by programme id: a fresh copy each time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const bundledRuleData = (programme: string): any => bundledRuleFile(programme).json;

/** The one file `<dir>/<stem>.yaml`, `.yml` or `.json` of a pack (pack, sources, parameters/dibao/standard). */
export function packFile(dir: string, stem: string): string {
  const found = ['.yaml', '.yml', '.json'].map((ext) => join(dir, `${stem}${ext}`)).filter((path) => existsSync(path));
  if (found.length !== 1) throw new Error(`expected one file ${stem}.* in ${dir}, found ${found.length}`);
  return found[0]!;
}

export const TEST_PACKS = fileURLToPath(new URL('../packs', import.meta.url));

let cached: Rulebook | undefined;

export function testRulebook(): Rulebook {
  cached ??= loadRulebook({ jurisdictions: [BUNDLED_JURISDICTIONS, TEST_PACKS] });
  return cached;
}

/** The test-only rule files (tests/rules) of the amount forms, and their packs (tests/packs/forms). */
export const FORMS_RULES = fileURLToPath(new URL('../rules', import.meta.url));
export const FORMS_PACKS = fileURLToPath(new URL('../packs/forms', import.meta.url));

let forms: Rulebook | undefined;

/** The rulebook of the form tests: the bundled rules and the test programmes, every pack. */
export function formsRulebook(): Rulebook {
  forms ??= loadRulebook({ rules: [BUNDLED_RULES, FORMS_RULES], jurisdictions: [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS] });
  return forms;
}

/** The rule files of the forms rulebook as file inputs (bundled, as the loader reads them, then
 * the JSON test rule files of tests/rules), to change one and load again. */
export function formsRuleFiles(): FileInput[] {
  const tests = readdirSync(FORMS_RULES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: `tests/rules/${name}`, json: JSON.parse(readFileSync(join(FORMS_RULES, name), 'utf8')) as unknown }));
  return [...readRuleFiles(BUNDLED_RULES), ...tests];
}

/** The forms rulebook with one test rule file changed: linked and checked, or its load errors as JSON. */
export function changedFormsRulebook(file: string, change: (json: never) => void): Rulebook | string {
  const files = formsRuleFiles();
  change((files.find((f) => f.file === file) as FileInput).json as never);
  try {
    const rulebook = linkRulebook({ rules: files, packs: readPackDirs([BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS]) });
    checkRulebook(rulebook);
    return rulebook;
  } catch (error) {
    if (!isBenefitRulesError(error)) throw error;
    return JSON.stringify(error.details);
  }
}
