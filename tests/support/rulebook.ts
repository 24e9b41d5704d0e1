/** The rulebook tests use: the bundled packs plus the test-only packs of tests/packs. */
import { fileURLToPath } from 'node:url';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, loadRulebook } from '../../src/load.js';
import type { Rulebook } from '../../src/rulebook/index.js';

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
