/**
 * CSV input as numbered items, one household each, whole whatever the order of its rows: a first
 * pass indexes where every row is (csvIndex.ts), the second reads the households in the order of
 * their first rows — a household whose rows follow one another straight from the stream, one whose
 * rows are spread by reading them back at their offsets. Memory holds the index and one household,
 * never the file. Whatever goes wrong with a household (a row that cannot be read, rows that
 * disagree, too many rows) becomes that household's error record, and the others go on.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseText } from 'csv-parse/sync';
import { BenefitRulesError } from '../errors.js';
import { CSV_INPUT_COLUMNS, conflictIn, householdOf, type Row } from './csv.js';
import { CsvIndex } from './csvIndex.js';
import type { Item } from './worker.js';

export const MAX_ROWS_PER_HOUSEHOLD = 10_000;

/** What csv-parse attaches to a record (info: true) and to the errors it skips. */
interface ParseInfo {
  lines: number;
  empty_lines: number;
  bytes: number;
}
type SkipError = Error & ParseInfo & { code?: string; column?: string | number | null };

/** Both passes and the read-back parse the same way; the record delimiter is given, not guessed,
 * so that a row read back alone splits as it did in the file. */
const OPTIONS = { skip_empty_lines: true, bom: true, record_delimiter: ['\r\n', '\n'] };

const errorItem = (line: number, message: string, where: string, expected: string, found: string, household?: string): Item => {
  const error = new BenefitRulesError('invalid-input', message, [{ path: where, expected, found }]).toJSON();
  return household === undefined ? [line, '', error] : [line, '', error, household];
};

export interface CsvReading {
  maxRows?: number;
  /** Told the bytes of every read of the second pass (for a progress bar). */
  onBytes?: (bytes: number) => void;
}

function changed(path: string, line: number): BenefitRulesError {
  return new BenefitRulesError('invalid-input', `${path} changed while it was being read (at line ${line}): run again on a file that stays as it is`, [
    { path: `line ${line}`, expected: 'the rows of the first reading', found: 'other rows' },
  ]);
}

/** Pass 1: the header, and where every household's rows are. */
async function indexOf(path: string): Promise<{ index: CsvIndex; header: string[]; headerEnd: number }> {
  const index = new CsvIndex();
  const skipped: number[] = []; // where each skipped row ended
  let header: string[] = [];
  let headerEnd = 0;
  // Rows as arrays, not objects: this pass needs one cell of each, and objects cost twice the time.
  const parser = createReadStream(path).pipe(parse({ ...OPTIONS, info: true, skip_records_with_error: true }));
  parser.on('skip', (error: SkipError) => skipped.push(error.bytes));
  let end = -1;
  let idColumn = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: ParseInfo }>) {
    if (end < 0) {
      header = checkHeader(record);
      idColumn = header.indexOf('household_id');
      end = headerEnd = info.bytes;
      continue;
    }
    // A skipped row before this one: this row starts after it. (The parser may report a bad row
    // before handing over the rows above it: hence the comparison.)
    while (skipped.length > 0 && (skipped[0] as number) < info.bytes) end = Math.max(end, skipped.shift() as number);
    index.add(record[idColumn] ?? '', end, info.bytes, info.lines);
    end = info.bytes;
  }
  return { index, header, headerEnd };
}

/** A household's rows read back at their offsets: one read for each run of adjacent rows. */
function readBack(fd: number, path: string, index: CsvIndex, household: number, header: string[], id: string): { rows: Row[]; lines: number[] } {
  const pieces: Buffer[] = [];
  const lines: number[] = [];
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from < 0) return;
    const buffer = Buffer.alloc(to - from);
    if (readSync(fd, buffer, 0, buffer.length, from) !== buffer.length) throw changed(path, lines[0] ?? 0);
    pieces.push(buffer);
  };
  for (const { line, start, end } of index.rowsOf(household)) {
    lines.push(line);
    if (start !== to) {
      flush();
      from = start;
    }
    to = end;
  }
  flush();
  // A row read back on its own may lack its line break (the last row of the file): add one.
  const text = pieces.map((piece) => piece.toString('utf8').replace(/(?<!\n)$/, '\n')).join('');
  const rows = parseText(text, { ...OPTIONS, bom: false, columns: header }) as Row[];
  if (rows.length !== lines.length || rows.some((row) => (row.household_id ?? '') !== id)) throw changed(path, lines[0] ?? 0);
  return { rows, lines };
}

export async function* csvItems(path: string, reading: CsvReading = {}): AsyncGenerator<Item> {
  const maxRows = reading.maxRows ?? MAX_ROWS_PER_HOUSEHOLD;
  const { index, header } = await indexOf(path);
  const skipped: SkipError[] = [];
  const input = createReadStream(path);
  if (reading.onBytes) input.on('data', (data: Buffer | string) => reading.onBytes?.(data.length));
  const parser = input.pipe(parse({ ...OPTIONS, info: true, skip_records_with_error: true, columns: () => header }));
  parser.on('skip', (error: SkipError) => skipped.push(error));
  // Where the last record or skipped row ended: an unclosed quote opened in the row after it.
  let lastEnd: Pick<ParseInfo, 'lines' | 'empty_lines'> = { lines: 1, empty_lines: 0 };
  const unreadable = (error: SkipError): Item => {
    if (error.code !== 'CSV_QUOTE_NOT_CLOSED') {
      lastEnd = error;
      return errorItem(error.lines, `line ${error.lines} cannot be read as CSV: ${error.message}`, `line ${error.lines}`, "a CSV row with the header's columns", error.message);
    }
    const line = lastEnd.lines + 1 + (error.empty_lines - lastEnd.empty_lines);
    const column = typeof error.column === 'string' ? `column ${error.column}` : `field ${Number(error.column) + 1}`;
    return errorItem(
      line,
      `line ${line}, ${column}: a quote opens there and is never closed, so every line after it (to line ${error.lines}, the end) was read as part of that field`,
      `line ${line}, ${column}`,
      'a closing quote for every opening quote',
      `no closing quote before the end (line ${error.lines})`,
    );
  };

  const itemOf = (id: string, group: readonly Row[], lines: readonly number[]): Item => {
    const firstLine = lines[0] as number;
    const conflict = conflictIn(group);
    if (!conflict) return [firstLine, JSON.stringify(householdOf(group)), null, [...lines]];
    const line = lines[conflict.row] as number;
    const message = `household ${id}: line ${line} gives ${conflict.column} "${group[conflict.row]?.[conflict.column]}", its first row (line ${firstLine}) "${group[0]?.[conflict.column] ?? ''}"`;
    return errorItem(
      firstLine,
      message,
      `line ${line}`,
      `the household's ${conflict.column} of line ${firstLine}, or an empty cell`,
      JSON.stringify(group[conflict.row]?.[conflict.column]),
      id,
    );
  };
  const tooMany = (id: string, household: number): Item => {
    const line = index.lineOf(index.firstRow(household));
    const rows = index.rowCount(household);
    return errorItem(
      line,
      `household ${id} has ${rows.toLocaleString('en')} rows from line ${line}, more than ${maxRows.toLocaleString('en')} rows: it was not evaluated`,
      `line ${line}`,
      `at most ${maxRows.toLocaleString('en')} rows (people) a household`,
      `${rows} rows`,
      id,
    );
  };

  const fd = openSync(path, 'r');
  try {
    let row = -1;
    // The household being gathered from the stream (its rows follow one another), or -1.
    let open = -1;
    let group: Row[] = [];
    let groupLines: number[] = [];
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: ParseInfo }>) {
      row += 1;
      const id = record.household_id ?? '';
      const household = row < index.rows && index.lineOf(row) === info.lines ? index.householdOf(id) : -1;
      if (household < 0) throw changed(path, info.lines);
      lastEnd = info;
      if (household === open) {
        group.push(record);
        groupLines.push(info.lines);
      } else if (index.firstRow(household) === row) {
        // Unreadable rows come out in line order: before the household whose first row is after them.
        while (skipped.length > 0 && (skipped[0] as SkipError).lines < info.lines) yield unreadable(skipped.shift() as SkipError);
        if (index.rowCount(household) > maxRows) yield tooMany(id, household);
        else if (index.consecutive(household)) {
          open = household;
          group = [record];
          groupLines = [info.lines];
        } else {
          const { rows, lines } = readBack(fd, path, index, household, header, id);
          yield itemOf(id, rows, lines);
        }
      }
      // Otherwise a later row of a household already evaluated whole (read back), or refused.
      if (open >= 0 && index.lastRow(open) === row) {
        yield itemOf(id, group, groupLines);
        open = -1;
        group = [];
        groupLines = [];
      }
    }
    if (row + 1 !== index.rows) throw changed(path, lastEnd.lines);
    for (const error of skipped.splice(0)) yield unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/** The header must name known columns only, each once, household_id among them: a misspelt or
 * repeated column would otherwise be ignored or read last-wins, and the household paid wrongly. */
function checkHeader(header: string[]): string[] {
  const known = new Set<string>(CSV_INPUT_COLUMNS);
  const unknown = header.filter((column) => !known.has(column));
  const repeated = [...new Set(header.filter((column, i) => header.indexOf(column) !== i))];
  if (unknown.length > 0 || repeated.length > 0 || !header.includes('household_id')) {
    const found =
      unknown.length > 0
        ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`
        : repeated.length > 0
          ? `column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} more than once`
          : 'no household_id column';
    throw new BenefitRulesError('invalid-input', `The CSV header is not one benefit-rules reads: ${found}. Columns: ${CSV_INPUT_COLUMNS.join(', ')}`, [
      { path: 'line 1', expected: 'household_id and other known columns, each once', found },
    ]);
  }
  return header;
}
