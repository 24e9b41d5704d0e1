/**
 * Which months of a household's ledger lines are believable. A household is evaluated month after
 * month from its first ledger month to its last, so one line typed 2118 for 2018 would cost a
 * century of evaluations: the lines of a household must fall within a window of years, and the
 * window is the one that holds most of its lines (the earliest, on a tie). Lines outside it are
 * error lines. Counted per year in the first pass, so both passes agree on every line.
 */

/** Years one household's ledger lines may span; longer than any case a ledger follows. */
export const HOUSEHOLD_SPAN_YEARS = 30;

export interface HouseholdLines {
  /** Lines inside the window: the household is let go after the last of them. */
  lines: number;
  /** The first month inside the window (where a plain household's case state starts). */
  first: string;
  /** The last month inside the window. */
  last: string;
  fromYear: number;
  toYear: number;
}

export class MonthCounter {
  private readonly years = new Map<string, Map<number, { count: number; first: string; last: string }>>();

  add(household: string, month: string): void {
    let years = this.years.get(household);
    if (!years) this.years.set(household, (years = new Map()));
    const year = Number(month.slice(0, 4));
    const seen = years.get(year);
    if (!seen) years.set(year, { count: 1, first: month, last: month });
    else {
      seen.count += 1;
      if (month < seen.first) seen.first = month;
      if (month > seen.last) seen.last = month;
    }
  }

  /** Each household's window, its lines inside it and its first month there. */
  windows(): Map<string, HouseholdLines> {
    const out = new Map<string, HouseholdLines>();
    for (const [household, years] of this.years) {
      const sorted = [...years.keys()].sort((a, b) => a - b);
      let best = { from: sorted[0] as number, lines: -1 };
      for (const from of sorted) {
        let lines = 0;
        for (const year of sorted) if (year >= from && year < from + HOUSEHOLD_SPAN_YEARS) lines += (years.get(year) as { count: number }).count;
        if (lines > best.lines) best = { from, lines };
      }
      const first = (years.get(best.from) as { first: string }).first;
      const lastYear = sorted.filter((y) => y < best.from + HOUSEHOLD_SPAN_YEARS).at(-1) as number;
      const last = (years.get(lastYear) as { last: string }).last;
      out.set(household, { lines: best.lines, first, last, fromYear: best.from, toYear: best.from + HOUSEHOLD_SPAN_YEARS - 1 });
    }
    this.years.clear();
    return out;
  }
}
