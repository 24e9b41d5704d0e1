/** Totals of an audit per programme, month, jurisdiction and verdict, in fen while counting. */
import { yuan } from './fen.js';
import type { Reason } from './settle.js';

/** Findings the summary explains, one line each: the first few (the report has them all). */
export const NOTES_KEPT = 20;

export interface Note {
  line?: number;
  household: string;
  programme: string;
  month: string;
  verdict: string;
  reason: Reason;
}

interface Sum {
  lines: number;
  paid: number;
  difference: number;
}

export interface TotalsJson {
  counts: { linesIn: number; audited: number; errors: number; missing: number };
  byVerdict: Record<string, { lines: number; paid: string; difference: string }>;
  byProgramme: Record<string, { lines: number; paid: string; difference: string }>;
  byMonth: Record<string, { lines: number; paid: string; difference: string }>;
  byJurisdiction: Record<string, { lines: number; paid: string; difference: string }>;
  errors: Record<string, number>;
  /** The first findings other than `correct`, with their reasons (the summary prints them). */
  notes: Note[];
  /** The findings other than `correct` that `notes` leaves out. */
  notesLeftOut: number;
}

const DIMENSIONS = ['verdict', 'programme', 'month', 'jurisdiction'] as const;

export class Totals {
  private readonly sums = new Map<string, Map<string, Sum>>(DIMENSIONS.map((d) => [d, new Map()]));
  private readonly errors = new Map<string, number>();
  private readonly notes: Note[] = [];
  private notesLeftOut = 0;
  audited = 0;
  missing = 0;

  add(programme: string, month: string, jurisdiction: string, verdict: string, paid: number, difference: number, note?: Omit<Note, 'programme' | 'month' | 'verdict'>): void {
    if (note && verdict !== 'correct') {
      if (this.notes.length < NOTES_KEPT)
        this.notes.push({ ...(note.line !== undefined ? { line: note.line } : {}), household: note.household, programme, month, verdict, reason: note.reason });
      else this.notesLeftOut += 1;
    }
    if (verdict === 'missing') this.missing += 1;
    else this.audited += 1;
    const keys = { verdict, programme, month, jurisdiction };
    for (const dimension of DIMENSIONS) {
      const table = this.sums.get(dimension) as Map<string, Sum>;
      let sum = table.get(keys[dimension]);
      if (!sum) table.set(keys[dimension], (sum = { lines: 0, paid: 0, difference: 0 }));
      sum.lines += 1;
      sum.paid += paid;
      sum.difference += difference;
    }
  }

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  get errorCount(): number {
    let total = 0;
    for (const count of this.errors.values()) total += count;
    return total;
  }

  toJSON(): TotalsJson {
    const table = (dimension: (typeof DIMENSIONS)[number]) =>
      Object.fromEntries(
        [...(this.sums.get(dimension) as Map<string, Sum>)]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, sum]) => [key, { lines: sum.lines, paid: yuan(sum.paid), difference: yuan(sum.difference) }]),
      );
    const errors = this.errorCount;
    return {
      counts: { linesIn: this.audited + errors, audited: this.audited, errors, missing: this.missing },
      byVerdict: table('verdict'),
      byProgramme: table('programme'),
      byMonth: table('month'),
      byJurisdiction: table('jurisdiction'),
      errors: Object.fromEntries([...this.errors].sort(([a], [b]) => (a < b ? -1 : 1))),
      notes: this.notes,
      notesLeftOut: this.notesLeftOut,
    };
  }
}
