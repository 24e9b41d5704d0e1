/**
 * A parameter's values by date as one jurisdiction gets them: every day where a value on its chain
 * (or the parameter it is a multiple of) starts or ends is resolved exactly as evaluation resolves
 * it (resolveParameter), and runs of the same value from the same pack and sources are merged.
 */
import { addDays, format, parseISO } from 'date-fns';
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { resolveParameter, type ResolvedParameter } from '../rulebook/resolve.js';
import { isMultiple, toJson } from '../parameters/values.js';
import { dayBefore } from '../dates.js';

export interface Period {
  from: string;
  /** Last day, or null while no end is known. */
  until: string | null;
  /** Undefined: no pack on the chain sets it then (not in force). */
  resolved: ResolvedParameter | undefined;
}

const dayAfter = (date: string) => format(addDays(parseISO(date), 1), 'yyyy-MM-dd');

/** The days where the value for `packId` may change. */
function changeDays(rulebook: Rulebook, packId: string, id: string, days: Set<string>, seen: Set<string>): void {
  if (seen.has(id)) return;
  seen.add(id);
  for (const holder of rulebook.packs.get(packId)?.chain ?? []) {
    for (const entry of rulebook.packs.get(holder)?.parameters.get(id) ?? []) {
      days.add(entry.from);
      if (entry.until !== undefined) days.add(dayAfter(entry.until));
      if (isMultiple(entry.value)) changeDays(rulebook, packId, entry.value.multipleOf, days, seen);
    }
  }
}

function resolveOrNot(rulebook: Rulebook, packId: string, id: string, day: string): ResolvedParameter | undefined {
  try {
    return resolveParameter(rulebook, packId, id, day);
  } catch (error) {
    if (error instanceof BenefitRulesError && error.code === 'parameter-not-covered') return undefined;
    throw error;
  }
}

const key = (r: ResolvedParameter | undefined) =>
  r === undefined ? 'none' : JSON.stringify([toJson(r.value), r.jurisdiction, r.sources.map((s) => s.id), r.verified, r.note ?? null, r.multipleOf?.jurisdiction ?? null]);

export function history(rulebook: Rulebook, packId: string, id: string): Period[] {
  const days = new Set<string>();
  changeDays(rulebook, packId, id, days, new Set());
  const periods: Period[] = [];
  for (const day of [...days].sort()) {
    const resolved = resolveOrNot(rulebook, packId, id, day);
    const last = periods.at(-1);
    if (last && key(last.resolved) === key(resolved)) continue;
    if (last) last.until = dayBefore(day);
    if (!last && resolved === undefined) continue;
    periods.push({ from: day, until: resolved?.until ?? null, resolved });
  }
  const last = periods.at(-1);
  if (last?.resolved) last.until = last.resolved.until;
  return periods;
}
