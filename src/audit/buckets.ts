/**
 * A ledger whose households' lines do not come together (sorted by month, or shuffled) would keep
 * every household open until its last line: memory growing with the households. Such a ledger is
 * grouped on disk instead: each line goes to one of several bucket files by its household id, and
 * the audit reads the buckets one after another, each in ledger order, so only one bucket's
 * households are open at a time. The report then lists findings bucket by bucket: the order
 * depends only on the ledger, so a re-run (--verify) writes the same bytes.
 */
import { appendFileSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerItem } from './csv.js';
import { physicalLines } from './lines.js';

/** Households open at once, about, when a ledger is read from buckets; fewer households need none. */
export const BUCKET_HOUSEHOLDS = 1000;
/** Bytes held in memory across all buckets before they are appended to their files. */
const HELD_BYTES = 8 * 2 ** 20;

/** FNV-1a: the same household always goes to the same bucket, on any machine. */
function bucketOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

export class Buckets {
  private constructor(
    private readonly dir: string,
    private readonly count: number,
  ) {}

  /** Writes the ledger's items into buckets (error lines with no household go to the first). */
  static async write(items: AsyncIterable<LedgerItem>, households: number): Promise<Buckets> {
    const count = Math.ceil(households / BUCKET_HOUSEHOLDS);
    const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-audit-'));
    const buckets = new Buckets(dir, count);
    try {
      const held: string[][] = Array.from({ length: count }, () => []);
      let bytes = 0;
      const spill = () => {
        held.forEach((lines, i) => {
          if (lines.length > 0) appendFileSync(buckets.file(i), lines.join(''));
          lines.length = 0;
        });
        bytes = 0;
      };
      for (let i = 0; i < count; i += 1) writeFileSync(buckets.file(i), '');
      for await (const item of items) {
        const text = `${JSON.stringify(item)}\n`;
        (held['row' in item ? bucketOf(item.row.household_id, count) : 0] as string[]).push(text);
        bytes += text.length;
        if (bytes > HELD_BYTES) spill();
      }
      spill();
    } catch (error) {
      buckets.remove();
      throw error;
    }
    return buckets;
  }

  private file(i: number): string {
    return join(this.dir, `bucket-${i}.ndjson`);
  }

  async *items(): AsyncGenerator<LedgerItem> {
    for (let i = 0; i < this.count; i += 1) {
      for await (const physical of physicalLines(createReadStream(this.file(i)), Number.MAX_SAFE_INTEGER)) {
        if ('bytes' in physical && physical.bytes.length > 0) yield JSON.parse(physical.bytes.toString('utf8')) as LedgerItem;
      }
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
