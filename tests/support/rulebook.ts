/** The rulebook tests use: the bundled packs plus the test-only packs of tests/packs. */
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, loadRulebook, readPackDirs } from '../../src/load.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { checkRulebook } from '../../src/programmes/index.js';
import { linkRulebook, type FileInput, type Rulebook } from '../../src/rulebook/index.js';

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

/** The rule files of the forms rulebook as file inputs (bundled, then tests/rules), to change one
 * and load again. */
export function formsRuleFiles(): FileInput[] {
  const read = (dir: string, prefix: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ file: `${prefix}/${name}`, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
  return [...read(BUNDLED_RULES, 'rules'), ...read(FORMS_RULES, 'tests/rules')];
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
