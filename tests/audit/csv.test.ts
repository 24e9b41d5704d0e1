/** The ledger reader: one record a physical line, whatever the bytes; plain lines read as csv-parse reads them. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ledgerRows, MAX_LEDGER_LINE_BYTES, type LedgerItem } from '../../src/audit/csv.js';

const source = (bytes: Buffer | string) => () => Readable.from([typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes]);

async function read(text: Buffer | string): Promise<LedgerItem[]> {
  const items: LedgerItem[] = [];
  for await (const item of ledgerRows(source(text))) items.push(item);
  return items;
}

const HEADER = 'household_id,member_id,programme,month,amount,paid_on';
const ROW = 'h1,,dibao,2020-01,830.00,2020-01-20';
const summary = (items: LedgerItem[]) => items.map((i) => ('row' in i ? [i.line, i.row.household_id] : [i.line, i.code]));

describe('the ledger reader', () => {
  it('reads plain lines, empty lines, no final newline and columns in any order', async () => {
    expect(summary(await read(`\n\n${HEADER}\n\n${ROW}\n\n\nh2,,dibao,2020-02,1.2.3,2020-13-40`))).toEqual([
      [5, 'h1'],
      [8, 'h2'],
    ]);
    const other = await read(`paid_on,amount,month,programme,member_id,household_id\n2020-01-20,830.00,2020-01,dibao,,h1\n`);
    expect(other).toEqual([{ line: 2, row: { paid_on: '2020-01-20', amount: '830.00', month: '2020-01', programme: 'dibao', member_id: '', household_id: 'h1' } }]);
  });

  it('reads quoted fields, spaces, a byte order mark and Chinese ids as csv-parse does', async () => {
    const items = await read(`\ufeff${HEADER}\n"h,2",,dibao,2020-01,"830.00",2020-01-20\n王 , ,dibao,2020-01,830.00,2020-01-20\n`);
    expect(items.map((i) => 'row' in i && [i.row.household_id, i.row.member_id, i.row.amount])).toEqual([
      ['h,2', '', '830.00'],
      ['王', '', '830.00'],
    ]);
  });

  it('confines an unclosed quote to its own line (before: every later line folded into one error at the end)', async () => {
    const items = await read(
      `${HEADER}\n${ROW}\n"h2,,dibao,2020-01,830.00,2020-01-20\n${ROW.replace('h1', 'h3')}\nh4,,dibao,2020-01,8"30,2020-01-20\n${ROW.replace('h1', 'h5')}\n`,
    );
    expect(summary(items)).toEqual([
      [2, 'h1'],
      [3, 'unreadable-line'],
      [4, 'h3'],
      [5, 'unreadable-line'],
      [6, 'h5'],
    ]);
    expect('error' in (items[1] as LedgerItem) && (items[1] as { error: string }).error).toMatch(/quote opened on this line/);
    // Each line is parsed alone: csv-parse's "at line 1" would contradict "line 3".
    for (const item of [items[1], items[3]]) expect((item as { error: string }).error).not.toMatch(/at line \d/);
  });

  it('takes CRLF and LF lines mixed in one file (before: merged into one error)', async () => {
    expect(summary(await read(`${HEADER}\r\n${ROW}\r\n${ROW.replace('h1', 'h2')}\n${ROW.replace('h1', 'h3')}\r\n`))).toEqual([
      [2, 'h1'],
      [3, 'h2'],
      [4, 'h3'],
    ]);
  });

  it('gives one error for one physical line, whatever is wrong with it', async () => {
    const items = await read(`${HEADER}\nh1,,dibao,2020-02\nh1,,dibao,2020-03,830.00,2020-03-20,x\n"a""b,c\n`);
    expect(summary(items)).toEqual([
      [2, 'unreadable-line'],
      [3, 'unreadable-line'],
      [4, 'unreadable-line'],
    ]);
  });

  it('calls an id that is not UTF-8 an error line, never U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n`),
      Buffer.from([0x68, 0xff]),
      Buffer.from(',,dibao,2020-01,830.00,2020-01-20\n'),
      Buffer.from([0x68, 0xfe]),
      Buffer.from(',,dibao,2020-01,830.00,2020-01-20\n'),
    ]);
    expect(summary(await read(bytes))).toEqual([
      [2, 'not-utf8'],
      [3, 'not-utf8'],
    ]);
  });

  it('bounds a line, skipping a long one in linear time without holding it', async () => {
    const long = 'x'.repeat(50 * 2 ** 20);
    const started = Date.now();
    expect(summary(await read(`${HEADER}\n${long}\n${ROW}\n`))).toEqual([
      [2, 'line-too-long'],
      [3, 'h1'],
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(summary(await read(`${HEADER}\n${'y'.repeat(MAX_LEDGER_LINE_BYTES + 1)}`))).toEqual([[2, 'line-too-long']]);
  });

  it('refuses a wrong header, a households file and an empty file', async () => {
    await expect(read('household,member_id,programme,month,amount,paid_on\n')).rejects.toThrow(/household_id/);
    await expect(read('{"snapshots":[{"from":"2020-01","household":{"id":"h1"}}]}\n{"id":"h2"}\n')).rejects.toThrow(/line 1/);
    await expect(read('')).rejects.toThrow(/empty/);
    await expect(read('\n\r\n')).rejects.toThrow(/empty/);
  });
});
