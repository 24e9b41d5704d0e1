/**
 * The index of a CSV file's first pass: where every row is (byte offset, length, line) and which
 * household it belongs to, so that the second pass can put each household together whole however
 * its rows are spread. Numbers only, never rows: 20 bytes a row, 12 a household, plus the ids
 * (SeenIds, ~41 bytes a household with ids of 10 characters).
 */
import { SeenIds } from './seen.js';

/** A typed array that grows by half again, as SeenIds' arena does: the slack is what is lost. */
class Growing<T extends Uint32Array | Float64Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  set(at: number, value: number): void {
    if (at >= this.data.length) {
      const bigger = this.make(Math.max(at + 1, Math.ceil(this.data.length * 1.5)));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[at] = value;
  }

  get(at: number): number {
    return this.data[at] as number;
  }
}

const u32 = () => new Growing(new Uint32Array(1 << 12), (n) => new Uint32Array(n));

export class CsvIndex {
  private readonly ids = new SeenIds();
  /** Byte offsets need more than 32 bits for files over 4 GB; a float64 holds them exactly. */
  private readonly start = new Growing(new Float64Array(1 << 12), (n) => new Float64Array(n));
  private readonly length = u32();
  private readonly line = u32();
  /** The household's next row, + 1 (0: none). */
  private readonly next = u32();
  private readonly first = u32();
  private readonly last = u32();
  private readonly count = u32();
  rows = 0;
  households = 0;

  /** Adds row number `rows` (from 0, in file order) of household `id`. */
  add(id: string, start: number, end: number, line: number): void {
    const row = this.rows++;
    this.start.set(row, start);
    this.length.set(row, end - start);
    this.line.set(row, line);
    this.next.set(row, 0);
    const known = this.ids.add(id, this.households + 1);
    if (known === 0) {
      const household = this.households++;
      this.first.set(household, row);
      this.last.set(household, row);
      this.count.set(household, 1);
      return;
    }
    const household = known - 1;
    this.next.set(this.last.get(household), row + 1);
    this.last.set(household, row);
    this.count.set(household, this.count.get(household) + 1);
  }

  /** The household of an id added before, or -1. */
  householdOf(id: string): number {
    // add() of a known id changes nothing and returns it; of an unknown one (the file changed
    // between the passes) it adds an entry that is never read, and the caller stops the run.
    const known = this.ids.add(id, 0);
    return known - 1;
  }

  firstRow(household: number): number {
    return this.first.get(household);
  }

  lastRow(household: number): number {
    return this.last.get(household);
  }

  rowCount(household: number): number {
    return this.count.get(household);
  }

  /** Whether the household's rows follow one another (other households' rows not between them). */
  consecutive(household: number): boolean {
    return this.last.get(household) - this.first.get(household) + 1 === this.count.get(household);
  }

  lineOf(row: number): number {
    return this.line.get(row);
  }

  /** The household's rows in file order, each as its line and byte range. */
  *rowsOf(household: number): Generator<{ line: number; start: number; end: number }> {
    for (let row = this.first.get(household) + 1; row !== 0; row = this.next.get(row - 1)) {
      const start = this.start.get(row - 1);
      yield { line: this.line.get(row - 1), start, end: start + this.length.get(row - 1) };
    }
  }
}
