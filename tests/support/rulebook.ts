/** The rulebook tests use: the bundled packs plus the test-only packs of tests/packs. */
import { fileURLToPath } from 'node:url';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../../src/load.js';
import type { Rulebook } from '../../src/rulebook/index.js';

export const TEST_PACKS = fileURLToPath(new URL('../packs', import.meta.url));

let cached: Rulebook | undefined;

export function testRulebook(): Rulebook {
  cached ??= loadRulebook({ jurisdictions: [BUNDLED_JURISDICTIONS, TEST_PACKS] });
  return cached;
}
