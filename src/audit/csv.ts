/**
 * The ledger's rows, one physical line each. Ledger fields (ids, months, amounts, dates) never
 * hold a line break, so a record is a line: a stray or unclosed quote, a byte that is not UTF-8, a
 * line too long or of another width is an error for that line alone, and the next line is read
 * as if nothing happened. Plain lines (printable ASCII, no quotes or spaces) are split here, several
 * times faster; any other line is parsed alone by csv-parse, so quoting and trimming follow it.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { BenefitRulesError } from '../errors.js';
import { checkLedgerHeader, type LedgerErrorCode, type LedgerRow } from './ledger.js';
import { physicalLines, utf8 } from './lines.js';

/** Something that can be read from the start as often as needed (a spooled file, a string). */
export type Source = () => Readable;

export type LedgerItem = { row: LedgerRow; line: number } | { error: string; code: LedgerErrorCode; line: number };

/** A ledger line is six short fields: 4 KiB is far more than any real one, and bounds the work a line costs. */
export const MAX_LEDGER_LINE_BYTES = 4096;

/** A plain line: fields of printable ASCII other than space, quote and comma, between commas. */
const PLAIN = /^[\x21\x23-\x2b\x2d-\x7e]*(?:,[\x21\x23-\x2b\x2d-\x7e]*)*$/;

function fieldsOf(bytes: Buffer): string[] | { error: string; code: LedgerErrorCode } {
  const latin = bytes.toString('latin1');
  if (PLAIN.test(latin)) return latin.split(',');
  const text = utf8(bytes);
  if (text === undefined) return { code: 'not-utf8', error: 'its bytes are not UTF-8 text (ids are compared as written, never guessed)' };
  try {
    const records = parse(text, { trim: true, relax_column_count: true, record_delimiter: '\n', bom: false }) as string[][];
    return records[0] ?? [''];
  } catch (error) {
    // The line is parsed alone, so csv-parse's own "at line 1" would contradict the line number
    // the error is reported at.
    const message = (error as Error).message.replace(/ at line \d+/g, '');
    const what = /quote/i.test(message) ? `a quote opened on this line is not closed where CSV allows (${message})` : message;
    return { code: 'unreadable-line', error: `cannot be read as CSV: ${what}` };
  }
}

/** The rows of a ledger with their line numbers; `seen` is given every chunk read (to hash it). */
export async function* ledgerRows(source: Source, seen?: (chunk: Buffer) => void): AsyncGenerator<LedgerItem> {
  let columns: string[] | undefined;
  for await (const physical of physicalLines(source(), MAX_LEDGER_LINE_BYTES, seen)) {
    const { line } = physical;
    if (!('bytes' in physical)) {
      if (columns === undefined) throw headerError(line, `a first line longer than ${MAX_LEDGER_LINE_BYTES} bytes`);
      yield { line, code: 'line-too-long', error: `longer than ${MAX_LEDGER_LINE_BYTES} bytes: a ledger line is six short fields` };
      continue;
    }
    let bytes = physical.bytes;
    if (columns === undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.length === 0) continue;
    const fields = fieldsOf(bytes);
    if (columns === undefined) {
      if (bytes[0] === 0x7b || bytes[0] === 0x5b) throw headerError(line, 'a line of JSON, not the CSV header (is this the households file?)');
      if (!Array.isArray(fields)) throw headerError(line, fields.error);
      columns = checkLedgerHeader(fields, line);
      continue;
    }
    if (!Array.isArray(fields)) {
      yield { line, ...fields };
      continue;
    }
    if (fields.length !== columns.length) {
      yield { line, code: 'unreadable-line', error: `expected ${columns.length} fields, found ${fields.length}` };
      continue;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < columns.length; i += 1) row[columns[i] as string] = fields[i] as string;
    yield { row: row as LedgerRow, line };
  }
  if (columns === undefined) {
    throw new BenefitRulesError('invalid-input', 'The ledger is empty: expected its header line, then one payment a line', [
      { path: 'line 1', expected: 'the ledger header', found: 'no line' },
    ]);
  }
}

function headerError(line: number, found: string): BenefitRulesError {
  return new BenefitRulesError('invalid-input', `The ledger's header (line ${line}) cannot be read: ${found}`, [{ path: `line ${line}`, expected: 'the ledger header', found }]);
}
