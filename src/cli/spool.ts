/**
 * The audit's inputs, each read once: copied to a private temporary file as it is read (a pipe,
 * /dev/stdin or a file that changes during the audit are all read once), so every pass of the
 * audit and its hash read the same bytes. The copies are removed when the command ends.
 */
import { createReadStream, createWriteStream, fstatSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenefitRulesError } from '../errors.js';
import { ioFailure } from './io.js';

export class Spool {
  readonly dir = mkdtempSync(join(tmpdir(), 'benefit-rules-input-'));
  private count = 0;

  /** Copies `path` (the option `flag` names it) and returns the copy's path. */
  async copy(path: string, flag: string): Promise<string> {
    // /dev/stdin cannot be opened again when standard input is a socket (ENXIO): it is fd 0 anyway.
    const fromStdin = path === '-' || path === '/dev/stdin';
    let fd: number;
    try {
      fd = fromStdin ? 0 : openSync(path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      throw new BenefitRulesError('invalid-option', `${flag} ${path}: cannot be read (${code})`, [{ path: flag, expected: 'a readable file', found: code }]);
    }
    if (fstatSync(fd).isDirectory()) {
      if (!fromStdin) closeSync(fd);
      throw new BenefitRulesError('invalid-option', `${flag} ${path} is a folder: name a file`, [{ path: flag, expected: 'a file', found: 'a folder' }]);
    }
    this.count += 1;
    const copy = join(this.dir, `input-${this.count}`);
    const input = fromStdin ? process.stdin : createReadStream('', { fd });
    const output = createWriteStream(copy);
    try {
      await pipeline(input, output);
    } catch (error) {
      if (output.errored || (error as NodeJS.ErrnoException).syscall === 'write') throw ioFailure(`Cannot keep a copy of ${path} in ${tmpdir()}`, error);
      throw ioFailure(`Cannot read ${path}`, error);
    }
    return copy;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
