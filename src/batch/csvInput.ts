/**
 * CSV input as numbered items: one household per group of consecutive rows with the same
 * household_id, numbered by its first row. Whatever goes wrong with a household (a row that cannot
 * be read, rows that disagree, too many rows, rows that come back after other households) becomes
 * that household's error record, and the rows around it go on.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { BenefitRulesError } from '../errors.js';
import { CSV_INPUT_COLUMNS, conflictIn, householdOf, type Row } from './csv.js';
import { SeenIds } from './seen.js';
import type { Item } from './worker.js';

export const MAX_ROWS_PER_HOUSEHOLD = 10_000;

/** What csv-parse attaches to a record (info: true) and to the errors it skips. */
interface ParseInfo {
  lines: number;
  empty_lines: number;
}
type SkipError = Error & ParseInfo & { code?: string; column?: string | number | null };

const errorItem = (line: number, message: string, where: string, expected: string, found: string): Item => [
  line,
  '',
  new BenefitRulesError('invalid-input', message, [{ path: where, expected, found }]).toJSON(),
];

export async function* csvItems(input: Readable, maxRows = MAX_ROWS_PER_HOUSEHOLD): AsyncGenerator<Item> {
  const skipped: SkipError[] = [];
  const parser = input.pipe(parse({ columns: checkHeader, skip_empty_lines: true, info: true, skip_records_with_error: true, bom: true }));
  parser.on('skip', (error: SkipError) => skipped.push(error));
  // Where the last record or skipped row ended: an unclosed quote opened in the row after it.
  let lastEnd: ParseInfo = { lines: 1, empty_lines: 0 };
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

  const seen = new SeenIds();
  let id: string | undefined;
  let group: Row[] = [];
  let groupLines: number[] = [];
  let firstLine = 0;
  let rows = 0;
  let earlier = 0; // the first line of the same household, when it came before other households

  const itemOf = (): Item => {
    if (earlier > 0) {
      return errorItem(
        firstLine,
        `household ${id} comes back at line ${firstLine} after other households (its rows start at line ${earlier}): the rows of a household must be consecutive, so these ${rows} row${rows > 1 ? 's were' : ' was'} not evaluated and the result of line ${earlier} is without them`,
        `line ${firstLine}`,
        `the rows of household ${id} next to those of line ${earlier}`,
        `household ${id} again after other households`,
      );
    }
    if (rows > maxRows) {
      return errorItem(
        firstLine,
        `household ${id} has ${rows.toLocaleString('en')} rows from line ${firstLine}, more than ${maxRows.toLocaleString('en')} rows: it was not evaluated`,
        `line ${firstLine}`,
        `at most ${maxRows.toLocaleString('en')} rows (people) a household`,
        `${rows} rows`,
      );
    }
    const conflict = conflictIn(group);
    if (!conflict) return [firstLine, JSON.stringify(householdOf(group)), null, groupLines];
    const line = groupLines[conflict.row] as number;
    const message = `household ${id}: line ${line} gives ${conflict.column} "${group[conflict.row]?.[conflict.column]}", its first row (line ${firstLine}) "${group[0]?.[conflict.column] ?? ''}"`;
    return errorItem(
      firstLine,
      message,
      `line ${line}`,
      `the household's ${conflict.column} of line ${firstLine}, or an empty cell`,
      JSON.stringify(group[conflict.row]?.[conflict.column]),
    );
  };

  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: ParseInfo }>) {
    if (rows > 0 && record.household_id !== id) {
      yield itemOf();
      group = [];
      groupLines = [];
      rows = 0;
    }
    // Unreadable rows come out in line order: after the household they interrupt, before the next.
    // (The parser may report a bad row before handing over the rows above it: hence the filter.)
    if (rows === 0) {
      while (skipped.length > 0 && (skipped[0] as SkipError).lines < info.lines) yield unreadable(skipped.shift() as SkipError);
      id = record.household_id;
      firstLine = info.lines;
      earlier = seen.add(id ?? '', firstLine);
    }
    rows += 1;
    lastEnd = info;
    // A household refused anyway keeps no rows: memory stays bounded however many follow.
    if (earlier === 0 && rows <= maxRows) {
      group.push(record);
      groupLines.push(info.lines);
    } else if (group.length > 0) {
      group = [];
      groupLines = [];
    }
  }
  if (rows > 0) yield itemOf();
  for (const error of skipped.splice(0)) yield unreadable(error);
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
