/**
 * Standard input kept in a temporary file, for the CSV reading that needs two passes: a pipe can be
 * read only once. The file is removed when the batch is done with it, whatever happens.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Spooled {
  path: string;
  remove(): void;
}

export async function spool(input: Readable): Promise<Spooled> {
  const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-stdin-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const path = join(dir, 'input.csv');
  try {
    await pipeline(input, createWriteStream(path));
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}
