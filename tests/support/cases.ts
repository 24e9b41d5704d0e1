/**
 * Golden cases: data files a policy person can add without writing code. Each holds a household, a
 * month and the expected result (any subset of the result's fields), or the expected error code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CASES_DIR = fileURLToPath(new URL('../cases', import.meta.url));

export const caseSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().min(1),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    knownAt: z.string().optional(),
    household: z.unknown(),
    expected: z.record(z.string(), z.unknown()).optional(),
    expectedError: z.object({ code: z.string(), message: z.string().optional() }).strict().optional(),
  })
  .strict()
  .refine((c) => (c.expected === undefined) !== (c.expectedError === undefined), { message: 'expected exactly one of "expected" and "expectedError"' });

export type GoldenCase = z.infer<typeof caseSchema> & { file: string };

/** The golden cases of the bundled rules; those of the test-only rule files (tests/rules) are
 * under forms/ and read with their own rulebook (tests/forms.test.ts). */
export const FORMS_CASES = join(CASES_DIR, 'forms');

export function readCases(dir = CASES_DIR): GoldenCase[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json') && (dir !== CASES_DIR || !name.startsWith('forms')))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const parsed = caseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${relative(dir, file)}: ${z.prettifyError(parsed.error)}`);
      return { ...parsed.data, file: relative(dir, file) };
    });
}
