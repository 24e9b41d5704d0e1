/**
 * Whether a reform changes anything a household of a jurisdiction-month can be paid by. A result
 * depends on the household and on its month's plan alone (the parameters of its jurisdiction on the
 * month's first day, src/programmes/plan.ts), so where the two plans hold the same values the
 * baseline's result is the reform's too and the household need not be evaluated again. This is
 * what makes a reform of one city cost a population little more than a batch.
 */
import { firstDayOf } from '../dates.js';
import { toJson } from '../parameters/values.js';
import { Plan, type PlannedParameter } from '../programmes/plan.js';
import type { Rulebook } from '../rulebook/index.js';

const same = (a: PlannedParameter, b: PlannedParameter) =>
  a.notice === b.notice && a.suspends === b.suspends && a.error?.message === b.error?.message && JSON.stringify(toJson(a.decimal)) === JSON.stringify(toJson(b.decimal));

/** A memo of "does the reform touch this jurisdiction-month", filled as months are met. */
export function touchedBy(baseline: Rulebook, reformed: Rulebook): (jurisdiction: string, month: string) => boolean {
  const memo = new Map<string, boolean>();
  return (jurisdiction, month) => {
    const key = `${jurisdiction}|${month}`;
    let touched = memo.get(key);
    if (touched === undefined) {
      const settings = { jurisdiction, month, day: firstDayOf(month) };
      const before = new Plan({ rulebook: baseline, ...settings });
      const after = new Plan({ rulebook: reformed, ...settings });
      touched = [...baseline.declarations.keys()].some((id) => !same(before.get(id), after.get(id)));
      memo.set(key, touched);
    }
    return touched;
  };
}
