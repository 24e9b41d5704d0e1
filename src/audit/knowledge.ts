/**
 * When can "as known on a date" differ from "as known now"? Only where a value of the household's
 * pack chain became known after that date and was already in force in the months looked at. Most
 * payment dates fall after every such value; their months are then evaluated once, not twice.
 */
import type { Pack, Rulebook } from '../rulebook/index.js';
import { knownSince } from '../rulebook/resolve.js';

interface LateValue {
  /** First day in force. */
  from: string;
  /** First day known (issue or publication of its sources). */
  known: string;
}

export class Knowledge {
  private readonly late = new Map<string, LateValue[]>();
  private readonly knownDates = new Map<string, string[]>();

  constructor(private readonly rulebook: Rulebook) {}

  private lateValues(jurisdiction: string): LateValue[] {
    let values = this.late.get(jurisdiction);
    if (values) return values;
    values = [];
    const pack = this.rulebook.packs.get(jurisdiction);
    for (const id of pack?.chain ?? []) {
      const holder = this.rulebook.packs.get(id) as Pack;
      for (const entries of holder.parameters.values()) {
        for (const entry of entries) {
          const known = knownSince(this.rulebook, holder, entry);
          if (known > entry.from) values.push({ from: entry.from, known });
        }
      }
    }
    this.late.set(jurisdiction, values);
    return values;
  }

  /** Every day on which a value of the chain became known (its effective date when no source dates it), sorted. */
  private datesKnown(jurisdiction: string): string[] {
    let dates = this.knownDates.get(jurisdiction);
    if (dates) return dates;
    const all = new Set<string>();
    for (const id of this.rulebook.packs.get(jurisdiction)?.chain ?? []) {
      const holder = this.rulebook.packs.get(id) as Pack;
      for (const entries of holder.parameters.values()) for (const entry of entries) all.add(knownSince(this.rulebook, holder, entry));
    }
    this.knownDates.set(jurisdiction, (dates = [...all].sort()));
    return dates;
  }

  /**
   * Which values are not yet known on `date`: the first day after it on which one became known, or
   * '' when none is (the rules as known now). Resolution as known on a date only leaves out the values
   * not known by then, so two dates of the same class resolve every parameter of every month alike.
   */
  classOf(jurisdiction: string, date: string): string {
    for (const known of this.datesKnown(jurisdiction)) if (known > date) return known;
    return '';
  }

  /** True when the rules as known on `date` may differ from those known now on some day up to `day`. */
  differs(jurisdiction: string, date: string, day: string): boolean {
    for (const value of this.lateValues(jurisdiction)) if (value.known > date && value.from <= day) return true;
    return false;
  }
}
