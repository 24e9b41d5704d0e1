/**
 * Finds the value of a parameter for a jurisdiction on a day: the pack's own value if one of its
 * periods covers the day, otherwise its parent's, up to the national pack. With `knownAt`, values
 * whose sources were not yet issued or published on that day are ignored, which is how an auditor
 * sees the rules as they were known at the time.
 */
import { BenefitRulesError } from '../errors.js';
import { dayBefore } from '../dates.js';
import { findSource, type Entry, type Pack, type Rulebook } from './index.js';
import type { DeclaredParameter } from './rules.js';
import { isMultiple } from '../parameters/values.js';
import type { Source } from '../schemas/pack.js';
import { combineMultiple } from './multiples.js';
import type { ResolvedParameter } from './resolved.js';

export type { CitedSource, ResolvedParameter } from './resolved.js';

/**
 * The day a value became known: the day the pack declares (`known`), otherwise the earliest day a
 * source stating it was published (or issued, when only that is given). A source with neither date
 * counts as known from the value's own `from`, as a value with no dated source always has: a later
 * notice re-stating a value does not make it unknown before that notice.
 */
export function knownSince(rulebook: Rulebook, pack: Pack, entry: Entry): string {
  if (entry.known !== undefined) return entry.known;
  let earliest: string | undefined;
  for (const id of entry.sources) {
    const source = findSource(rulebook, pack, id);
    const date = source?.published ?? source?.issued ?? entry.from;
    if (earliest === undefined || date < earliest) earliest = date;
  }
  return earliest ?? entry.from;
}

function covering(entries: readonly Entry[], day: string): { entry: Entry; until: string | null } | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as Entry;
    if (entry.from > day) continue;
    const next = entries[i + 1];
    const until = entry.until ?? (next ? dayBefore(next.from) : null);
    return until === null || until >= day ? { entry, until } : undefined;
  }
  return undefined;
}

export function resolveParameter(rulebook: Rulebook, packId: string, id: string, day: string, knownAt?: string): ResolvedParameter {
  const pack = rulebook.packs.get(packId);
  if (!pack) throw new BenefitRulesError('unknown-jurisdiction', `No pack "${packId}"`, [{ path: '$.jurisdiction', expected: 'a known pack id', found: JSON.stringify(packId) }]);
  const coverage: string[] = [];
  for (const holderId of pack.chain) {
    const holder = rulebook.packs.get(holderId) as Pack;
    let entries = holder.parameters.get(id);
    if (!entries) continue;
    if (knownAt !== undefined) entries = entries.filter((entry) => knownSince(rulebook, holder, entry) <= knownAt);
    const hit = covering(entries, day);
    if (hit) {
      const { entry, until } = hit;
      const resolved: ResolvedParameter = {
        id,
        value: entry.value,
        from: entry.from,
        until,
        jurisdiction: holderId,
        sources: entry.sources.map((sourceId) => ({ id: sourceId, ...(findSource(rulebook, holder, sourceId) as Source) })),
        verified: entry.verified,
      };
      if (entry.note !== undefined) resolved.note = entry.note;
      if (entry.reform !== undefined) resolved.reform = entry.reform;
      return isMultiple(entry.value) ? combineMultiple(resolved, entry.value, resolveParameter(rulebook, packId, entry.value.multipleOf, day, knownAt)) : resolved;
    }
    if (entries.length > 0) coverage.push(`${holderId}: ${entries[0]?.from} onwards${entries.length > 1 ? ' with gaps' : ''}`);
  }
  const known = knownAt !== undefined ? ` as known on ${knownAt}` : '';
  throw new BenefitRulesError(
    'parameter-not-covered',
    `No value of ${id} covers ${day} for ${packId}${known}${coverage.length ? ` (values: ${coverage.join('; ')})` : ' (no pack on its chain sets it)'}`,
    [{ path: id, expected: `a value in force on ${day}`, found: coverage.length ? coverage.join('; ') : 'none' }],
  );
}

/** Every declared parameter for a pack and day: its value in force, or undefined where no pack on
 * the chain sets it (`params` and GET /v1/parameters show both). */
export function parametersInForce(
  rulebook: Rulebook,
  packId: string,
  day: string,
  knownAt?: string,
): { declaration: DeclaredParameter; resolved: ResolvedParameter | undefined }[] {
  const rows = [];
  for (const declaration of rulebook.declarations.values()) {
    try {
      rows.push({ declaration, resolved: resolveParameter(rulebook, packId, declaration.id, day, knownAt) });
    } catch (error) {
      if (error instanceof BenefitRulesError && error.code === 'parameter-not-covered') rows.push({ declaration, resolved: undefined });
      else throw error;
    }
  }
  return rows;
}
