/**
 * A reform applied as an overlay: a new Rulebook that shares everything with the baseline but the
 * packs a reform changes, and in those only the entry lists of the changed parameters. No copy of
 * the rulebook per reform (PolicyEngine deep-copies its tax-benefit system, ~1.45 GB a reform).
 *
 * In the pack named, the reform's period replaces whatever covered it; a value that ran across the
 * period is cut in two, so that it holds again after `until`; without `until` the reform holds from
 * `from` on, later values of that pack included. Packs extending the one named inherit the change
 * wherever they do not set the parameter themselves, as they inherit any value.
 */
import { dayBefore } from '../dates.js';
import { knownSince } from '../rulebook/resolve.js';
import type { Entry, Pack, Rulebook } from '../rulebook/index.js';
import type { Source } from '../schemas/pack.js';
import { toJson } from '../parameters/values.js';
import { alreadyReformed, checkReform, type CheckedChange, type Reform } from './validate.js';

/** Before any source could be published: a reform is a hypothesis, "known" whatever --known-at says. */
const ALWAYS_KNOWN = '0001-01-01';

/** Applies a reform (a parsed reform file, checked here whole) to a rulebook. */
export function applyReform(rulebook: Rulebook, input: unknown, file?: string): Rulebook {
  const reform = checkReform(rulebook, input, file);
  if (rulebook.reform) throw alreadyReformed(rulebook.reform, reform.name);
  return overlay(rulebook, reform);
}

/** The overlay of a reform already checked against this rulebook. */
export function overlay(rulebook: Rulebook, reform: Reform): Rulebook {
  const packs = new Map(rulebook.packs);
  for (const [packId, changes] of byPack(reform.changes)) {
    const pack = rulebook.packs.get(packId) as Pack;
    const parameters = new Map(pack.parameters);
    const sources = new Map(pack.sources);
    for (const change of changes) {
      const sourceId = `reform-${reform.sha256.slice(0, 12)}-${change.index}`;
      sources.set(sourceId, reformSource(reform, change));
      parameters.set(change.parameter, replaced(rulebook, pack, parameters.get(change.parameter) ?? [], reformEntry(reform, change, sourceId)));
    }
    packs.set(packId, { ...pack, parameters, sources });
  }
  return { ...rulebook, packs, reform: { name: reform.name, sha256: reform.sha256 } };
}

function byPack(changes: readonly CheckedChange[]): Map<string, CheckedChange[]> {
  const out = new Map<string, CheckedChange[]>();
  for (const change of changes) out.set(change.jurisdiction, [...(out.get(change.jurisdiction) ?? []), change]);
  return out;
}

/** Cited in the trace like any source: the title says it is a reform, and why. */
function reformSource(reform: Reform, change: CheckedChange): Source {
  const why = change.note ?? reform.description;
  return {
    title: `Reform "${reform.name}"${why ? `: ${why}` : ''} (a hypothesis, not a rule in force)`,
    reference: `reform ${reform.name}, sha256 ${reform.sha256}, $.changes[${change.index}]`,
    tag: 'U',
  };
}

function reformEntry(reform: Reform, change: CheckedChange, sourceId: string): Entry {
  const entry: Entry = {
    from: change.from,
    value: change.typed,
    raw: toJson(change.value),
    sources: [sourceId],
    verified: false,
    known: ALWAYS_KNOWN,
    file: `reform ${reform.name}`,
    path: `$.changes[${change.index}]`,
    reform: reform.name,
  };
  if (change.until !== undefined) entry.until = change.until;
  if (change.note !== undefined) entry.note = change.note;
  return entry;
}

/**
 * The entries with the reform's period cut out of them and the reform's entry put in, in order of
 * `from`. Each old entry's last day is made explicit where it is cut, since an entry without
 * `until` runs to the day before the next one starts, and the next one may now be the reform's.
 */
export function replaced(rulebook: Rulebook, pack: Pack, entries: readonly Entry[], reform: Entry): Entry[] {
  const out: Entry[] = [];
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    const end = entry.until ?? (next ? dayBefore(next.from) : undefined);
    if (entry.from < reform.from) {
      const cut = dayBefore(reform.from);
      out.push(end !== undefined && end <= cut ? entry : { ...entry, until: cut });
    }
    if (reform.until !== undefined && (end === undefined || end > reform.until)) {
      const resumes = dayAfter(reform.until);
      if (entry.from >= resumes) out.push(entry);
      else {
        // The value resumes where it was cut, known when it was: its own dates, not the copy's.
        out.push({ ...entry, from: resumes, known: knownSince(rulebook, pack, entry) });
      }
    }
  });
  out.push(reform);
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
