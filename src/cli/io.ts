/**
 * The CLI's edges: reading input, writing output in one piece, and turning errors into messages and
 * exit codes. A user's mistake prints what to fix; only a bug in benefit-rules prints a stack.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { BenefitRulesError, isBenefitRulesError } from '../errors.js';

export const EXIT_USER_ERROR = 2;
export const EXIT_INTERNAL = 70;
/** sysexits' EX_IOERR: the machine failed (device full, I/O error), not the user and not benefit-rules. */
export const EXIT_IO = 74;

/** Error codes of the operating system that say the machine, not the program, failed a read or write. */
const IO_CODES = new Set(['ENOSPC', 'EIO', 'EDQUOT', 'EFBIG', 'EPIPE', 'EROFS', 'ENXIO', 'EBADF']);

/** A read or write the machine refused: a clear message and exit 74, never a stack. */
export class IoFailure extends Error {
  override readonly name = 'IoFailure';
}

export function ioFailure(what: string, error: unknown): IoFailure {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EPIPE' ? 'the reader went away' : code;
  return new IoFailure(`${what}: ${why} (${code})`);
}

/**
 * Standard output failing after the command has written to it: a reader that stops early (| head)
 * ends the output, which is not an error; a full device or an I/O error is the machine's failure,
 * said in one line with exit 74. Either way the command cannot go on, so the process ends here.
 */
export function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  report(typeof error.code === 'string' && IO_CODES.has(error.code) ? ioFailure('Cannot write standard output', error) : error);
  process.exit(process.exitCode);
}

/** A single household is a few kilobytes; a bigger input is a mistake (a population, /dev/zero),
 * refused after reading at most this much rather than read to the end. */
export const MAX_SINGLE_INPUT_BYTES = 16 * 2 ** 20;

export function readText(file: string | undefined): string {
  const fromStdin = file === undefined || file === '-';
  const name = fromStdin ? 'standard input' : file;
  if (fromStdin && process.stdin.isTTY)
    throw new BenefitRulesError('invalid-input', 'No household given: pass a file or pipe JSON on standard input', [
      { path: '$', expected: 'a household JSON file or stdin', found: 'a terminal' },
    ]);
  const cannot = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return new BenefitRulesError('invalid-input', `Cannot read ${name}: ${code}`, [{ path: name, expected: 'a readable file', found: code }]);
  };
  let fd: number;
  try {
    fd = fromStdin ? 0 : openSync(file, 'r');
  } catch (error) {
    throw cannot(error);
  }
  try {
    const text = readBounded(fd, name, cannot).toString('utf8');
    // Editors on Windows save JSON with a byte-order mark; it is not part of the household.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    if (!fromStdin) closeSync(fd);
  }
}

function readBounded(fd: number, name: string, cannot: (error: unknown) => BenefitRulesError): Buffer {
  const pieces: Buffer[] = [];
  let total = 0;
  for (;;) {
    const piece = Buffer.allocUnsafe(2 ** 20);
    let read: number;
    try {
      read = readSync(fd, piece, 0, piece.length, null);
    } catch (error) {
      // A non-blocking standard input with nothing yet: wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw cannot(error);
    }
    if (read === 0) return Buffer.concat(pieces, total);
    pieces.push(piece.subarray(0, read));
    total += read;
    if (total > MAX_SINGLE_INPUT_BYTES) {
      throw new BenefitRulesError('invalid-input', `${name} is larger than 16 MiB, too large for one household: for many households, one per line, use --batch`, [
        { path: name, expected: 'one household of at most 16 MiB', found: 'more than 16 MiB' },
      ]);
    }
  }
}

export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BenefitRulesError('invalid-input', `${name} is not valid JSON: ${(error as Error).message}`, [
      { path: '$', expected: 'valid JSON', found: (error as Error).message },
    ]);
  }
}

/** Writes everything at once, so an error can never leave half a result on stdout. */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Runs a command body; maps errors to stderr messages and exit codes. With `json` (a command's
 * --json), the message is the error JSON shape (schema/error.schema.json), one line, still on
 * standard error: standard output holds only answers, so a caller parsing it never reads an error
 * as one, and the exit code says which it got. */
export function run(body: () => void, json = false): void {
  try {
    body();
  } catch (error) {
    report(error, json);
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

function report(error: unknown, json = false): void {
  const write = (code: string, message: string, details: readonly object[], text: string) =>
    process.stderr.write(json ? `${JSON.stringify({ error: { code, message, details } })}\n` : `${text}\n`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof IoFailure || (typeof code === 'string' && IO_CODES.has(code))) {
    const message = error instanceof IoFailure ? error.message : ioFailure('input or output failed', error).message;
    write('io', message, [], `error [io]: ${message}`);
    process.exitCode = EXIT_IO;
    return;
  }
  if (isBenefitRulesError(error)) {
    write(error.code, error.message, error.details, `error [${error.code}]: ${error.message}`);
    process.exitCode = EXIT_USER_ERROR;
    return;
  }
  const message = `internal error in benefit-rules (please report it): ${(error as Error).message}`;
  write('internal-error', message, [], message);
  if (process.env.BENEFIT_RULES_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = EXIT_INTERNAL;
}
