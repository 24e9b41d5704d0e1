/**
 * The ledger's rows. Most ledgers are plain: printable ASCII, no quotes, no spaces, every line the
 * header's width. Those are split here, line by line, several times faster than the general CSV
 * parser; the first line that is not plain sends the whole file to csv-parse, which then reads it
 * from the start (so a file gets one reader or the other, never both, and the same rows and errors).
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { checkLedgerHeader, type LedgerRow } from './ledger.js';

/** Something that can be read from the start as often as needed (a file, a string). */
export type Source = () => Readable;

export type LedgerItem = { row: LedgerRow; line: number } | { error: string; line: number };

/** A plain line: fields of printable ASCII other than space, quote and comma, between commas. */
const PLAIN = /^[\x21\x23-\x2b\x2d-\x7e]*(?:,[\x21\x23-\x2b\x2d-\x7e]*)*$/;

/** Thrown inside the plain reader: this file needs the general parser. */
const NOT_PLAIN = Symbol('not plain');

async function* plainRows(source: Source): AsyncGenerator<LedgerItem> {
  let columns: string[] | undefined;
  let line = 0;
  let rest = '';
  const stream = source();
  stream.setEncoding('latin1');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        line += 1;
        const row = text.slice(start, end);
        start = end + 1;
        if (row === '') continue;
        columns = yield* plainRow(row, line, columns);
      }
      rest = text.slice(start);
    }
    if (rest !== '') columns = yield* plainRow(rest, line + 1, columns);
  } finally {
    stream.destroy();
  }
}

function* plainRow(text: string, line: number, columns: string[] | undefined): Generator<LedgerItem, string[]> {
  if (!PLAIN.test(text)) throw NOT_PLAIN;
  const fields = text.split(',');
  if (columns === undefined) {
    try {
      return checkLedgerHeader(fields);
    } catch {
      throw NOT_PLAIN;
    }
  }
  if (fields.length !== columns.length) throw NOT_PLAIN;
  const row: Record<string, string> = {};
  for (let i = 0; i < columns.length; i += 1) row[columns[i] as string] = fields[i] as string;
  yield { row: row as LedgerRow, line };
  return columns;
}

interface ParseInfo {
  lines: number;
}
type SkipError = Error & ParseInfo;

/** The ledger's rows with their line numbers; unreadable rows as errors, in line order. */
async function* parsedRows(source: Source): AsyncGenerator<LedgerItem> {
  const skipped: SkipError[] = [];
  const parser = source().pipe(parse({ columns: checkLedgerHeader, skip_empty_lines: true, info: true, skip_records_with_error: true, bom: true, trim: true }));
  parser.on('skip', (error: SkipError) => skipped.push(error));
  for await (const { record, info } of parser as AsyncIterable<{ record: LedgerRow; info: ParseInfo }>) {
    while (skipped.length > 0 && (skipped[0] as SkipError).lines < info.lines) {
      const error = skipped.shift() as SkipError;
      yield { error: error.message, line: error.lines };
    }
    yield { row: record, line: info.lines };
  }
  for (const error of skipped.splice(0)) yield { error: error.message, line: error.lines };
}

/**
 * Reads a ledger: `plain` is whether the file may be read by the plain reader (a first pass finds
 * out by trying it: its rows are only counted, so starting again costs nothing but time).
 */
export class LedgerReader {
  plain = true;

  constructor(private readonly source: Source) {}

  /** The rows, for a pass that can start again: on the first line that is not plain, `restart` is called and csv-parse reads from the start. */
  async *rows(restart?: () => void): AsyncGenerator<LedgerItem> {
    if (this.plain) {
      try {
        yield* plainRows(this.source);
        return;
      } catch (error) {
        if (error !== NOT_PLAIN) throw error;
        this.plain = false;
        if (!restart) throw new Error('internal: a ledger pass that cannot start again met a line that is not plain');
        restart();
      }
    }
    yield* parsedRows(this.source);
  }
}
