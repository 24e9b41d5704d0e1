/** Collects every problem found in the rule and pack files, so one load reports them all at once. */
import type { z } from 'zod';
import { BenefitRulesError, describeValue, jsonPath, valueAt, type ErrorCode, type ErrorDetail } from '../errors.js';

export { valueAt };

export class Problems {
  readonly details: ErrorDetail[] = [];

  add(file: string, path: string, expected: string, found?: string): void {
    const detail: ErrorDetail = { file, path, expected };
    if (found !== undefined) detail.found = found;
    this.details.push(detail);
  }

  /** Adds zod's issues, each with its JSON path inside the file and the value found there. */
  addZod(file: string, error: z.ZodError, input: unknown, prefix: PropertyKey[] = []): void {
    for (const issue of error.issues) {
      const segments = [...prefix, ...issue.path];
      this.add(file, jsonPath(segments), issue.message, describeValue(valueAt(input, segments)));
    }
  }

  throwIfAny(code: ErrorCode, summary: string): void {
    if (this.details.length === 0) return;
    const lines = this.details.map((d) => `  ${d.file ?? ''} ${d.path}: ${d.expected}${d.found !== undefined ? `, found ${d.found}` : ''}`);
    throw new BenefitRulesError(code, `${summary} (${this.details.length} problem${this.details.length > 1 ? 's' : ''}):\n${lines.join('\n')}`, this.details);
  }
}
