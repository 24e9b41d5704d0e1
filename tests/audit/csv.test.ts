/** The plain ledger reader gives the rows and line numbers csv-parse gives, or hands the file to it. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LedgerReader, type LedgerItem } from '../../src/audit/csv.js';

const source = (text: string) => () => Readable.from([Buffer.from(text, 'utf8')]);

async function read(text: string, plain: boolean): Promise<{ items: LedgerItem[]; plain: boolean }> {
  const reader = new LedgerReader(source(text));
  reader.plain = plain;
  const items: LedgerItem[] = [];
  for await (const item of reader.rows(() => items.splice(0))) items.push(item);
  return { items, plain: reader.plain };
}

const HEADER = 'household_id,member_id,programme,month,amount,paid_on';

describe('the plain ledger reader', () => {
  const plainFiles: [string, string][] = [
    ['ordinary lines', `${HEADER}\nh1,,dibao,2020-01,830.00,2020-01-20\nh1,a,disability-care-subsidy,2020-01,130.00,2020-01-20\n`],
    ['no newline at the end', `${HEADER}\nh1,,dibao,2020-01,830.00,2020-01-20`],
    ['empty lines, leading, inner and trailing', `\n\n${HEADER}\n\nh1,,dibao,2020-01,830.00,2020-01-20\n\n\nh2,,dibao,2020-02,1.2.3,2020-13-40\n\n`],
    ['empty fields', `${HEADER}\n,,,,,\nh1,,,,,\n`],
    ['columns in another order', `paid_on,amount,month,programme,member_id,household_id\n2020-01-20,830.00,2020-01,dibao,,h1\n`],
    ['only the header', `${HEADER}\n`],
    ['nothing', ''],
  ];
  for (const [name, text] of plainFiles) {
    it(`reads ${name} as csv-parse does`, async () => {
      const fast = await read(text, true);
      expect(fast.plain).toBe(true);
      expect(fast.items).toEqual((await read(text, false)).items);
    });
  }

  const otherFiles: [string, string][] = [
    ['quotes', `${HEADER}\nh1,,dibao,2020-01,830.00,2020-01-20\n"h,2",,dibao,2020-01,"830.00",2020-01-20\n`],
    ['CRLF', `${HEADER}\r\nh1,,dibao,2020-01,830.00,2020-01-20\r\n`],
    ['spaces to trim', `${HEADER}\nh1 , ,dibao,2020-01,830.00,2020-01-20\n`],
    ['a line of another width', `${HEADER}\nh1,,dibao,2020-01,830.00,2020-01-20\nh1,,dibao,2020-02\nh1,,dibao,2020-03,830.00,2020-03-20,x\nh1,,dibao,2020-04,830.00,2020-04-20\n`],
    ['a byte order mark and Chinese ids', `\ufeff${HEADER}\n王,,dibao,2020-01,830.00,2020-01-20\n`],
    ['tabs', `${HEADER}\nh1,\t,dibao,2020-01,830.00,2020-01-20\n`],
  ];
  for (const [name, text] of otherFiles) {
    it(`hands a file with ${name} to csv-parse, from the start`, async () => {
      const fast = await read(text, true);
      expect(fast.plain).toBe(false);
      expect(fast.items).toEqual((await read(text, false)).items);
    });
  }

  it('hands a wrong header to csv-parse, which refuses it', async () => {
    const text = 'household,member_id,programme,month,amount,paid_on\nh1,,dibao,2020-01,830.00,2020-01-20\n';
    await expect(read(text, true)).rejects.toThrow(/household_id/);
  });
});
