/**
 * What lets the audit's timeline runs share evaluations. A month gives the same result (trace
 * aside) as known on a date and as known now when every parameter resolves to the same entry
 * — only its `until`, which the trace shows and no programme reads, may differ — and the
 * household and its case state are the same: evaluation is pure. So each (jurisdiction, month,
 * knowledge) gets the id of its parameters' values, and runs with the same id, household and state
 * in a month take one evaluation. (A month that fails says the date in its message, which only the
 * run as known now reports: that run never takes another's evaluation.)
 */
import type { Rulebook } from '../rulebook/index.js';
import { Plan } from '../programmes/plan.js';
import { firstDayOf } from '../dates.js';

export class PlanValues {
  /** Fingerprints of resolved plans, and their ids. */
  private readonly fingerprints = new Map<string, number>();
  private readonly ids = new Map<string, number>();

  constructor(private readonly rulebook: Rulebook) {}

  /**
   * The id of the parameter values of a jurisdiction and month as known on `knownAt` (undefined:
   * now). `knowledge` names the class of `knownAt` (Knowledge.classOf): every date of a class
   * resolves alike, so the class is resolved once, on the first of its dates asked for.
   */
  of(jurisdiction: string, month: string, knowledge: string, knownAt: string | undefined): number {
    const key = `${jurisdiction}\0${month}\0${knowledge}`;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    const plan = new Plan({ rulebook: this.rulebook, jurisdiction, month, day: firstDayOf(month), ...(knownAt !== undefined ? { knownAt } : {}) }).resolveAll();
    const parts: unknown[] = [];
    for (const parameter of plan.slots.keys()) {
      const planned = plan.get(parameter);
      const entry = planned.entry === undefined ? null : { ...planned.entry, until: undefined };
      // A parameter that no value covers fails with a message naming the date: the same failure whatever the date.
      const message = planned.error === undefined ? null : knownAt === undefined ? planned.error.message : planned.error.message.replace(` as known on ${knownAt}`, '');
      parts.push([entry, planned.notice, planned.suspends, planned.unitsExact, planned.error?.code ?? null, message]);
    }
    const fingerprint = JSON.stringify(parts);
    id = this.fingerprints.get(fingerprint);
    if (id === undefined) this.fingerprints.set(fingerprint, (id = this.fingerprints.size));
    this.ids.set(key, id);
    return id;
  }
}
