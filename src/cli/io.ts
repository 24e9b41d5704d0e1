/**
 * The CLI's edges: reading input, writing output in one piece, and turning errors into messages and
 * exit codes. A user's mistake prints what to fix; only a bug in benefit-rules prints a stack.
 */
import { readFileSync } from 'node:fs';
import { BenefitRulesError, isBenefitRulesError } from '../errors.js';

export const EXIT_USER_ERROR = 2;
export const EXIT_INTERNAL = 70;

export function readText(file: string | undefined): string {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new BenefitRulesError('invalid-input', 'No household given: pass a file or pipe JSON on standard input', [{ path: '$', expected: 'a household JSON file or stdin', found: 'a terminal' }]);
    return readFileSync(0, 'utf8');
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new BenefitRulesError('invalid-input', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, [{ path: file, expected: 'a readable file', found: (error as NodeJS.ErrnoException).code ?? 'an error' }]);
  }
}

export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BenefitRulesError('invalid-input', `${name} is not valid JSON: ${(error as Error).message}`, [{ path: '$', expected: 'valid JSON', found: (error as Error).message }]);
  }
}

/** Writes everything at once, so an error can never leave half a result on stdout. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Runs a command body; maps errors to stderr messages and exit codes. */
export function run(body: () => void): void {
  try {
    body();
  } catch (error) {
    report(error);
  }
}

/** The same for an asynchronous command that returns its exit code. */
export async function runAsync(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    report(error);
  }
}

function report(error: unknown): void {
  if (isBenefitRulesError(error)) {
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    process.exitCode = EXIT_USER_ERROR;
    return;
  }
  process.stderr.write(`internal error in benefit-rules (please report it): ${(error as Error).message}\n`);
  if (process.env.BENEFIT_RULES_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = EXIT_INTERNAL;
}
