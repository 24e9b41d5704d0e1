/**
 * Which rule made a programme's amount jump between two incomes: the conditions of its trace whose
 * result flipped, in the order the programme decided them, so the first is the one the others
 * follow from (the household's means test before the single-person enrolment it opens). When no
 * condition flipped (an amount that only tapered), the reason codes that changed say why.
 */
import type { ProgrammeResult } from '../engine/result.js';
import type { Rulebook } from '../rulebook/index.js';

export interface Flip {
  /** A condition id of the rule file, or a reason code when no condition flipped. */
  id: string;
  member?: string;
  /** The condition's result (or the reason's presence) at the lower and the higher income. */
  before: boolean;
  after: boolean;
}

export interface Cause {
  /** The first flip: the rule the curve names. Null when nothing in the trace changed. */
  rule: string | null;
  member?: string;
  /** What the rule file says the rule is, in both languages. */
  description?: { zh: string; en: string };
  flips: Flip[];
  reasons: { before: string[]; after: string[] };
}

const key = (id: string, member: string | undefined) => `${id}\u0000${member ?? ''}`;

function conditions(result: ProgrammeResult): Map<string, Flip> {
  const seen = new Map<string, Flip>();
  for (const entry of result.trace ?? []) {
    if (entry.kind !== 'condition') continue;
    const flip: Flip = { id: entry.id, before: entry.result, after: entry.result, ...(entry.member !== undefined ? { member: entry.member } : {}) };
    seen.set(key(entry.id, entry.member), flip);
  }
  return seen;
}

function reasonFlips(before: readonly string[], after: readonly string[]): Flip[] {
  const lost = before.filter((r) => !after.includes(r)).map((id) => ({ id, before: true, after: false }));
  const gained = after.filter((r) => !before.includes(r)).map((id) => ({ id, before: false, after: true }));
  return [...lost, ...gained];
}

function describe(rulebook: Rulebook, programme: string, id: string): Cause['description'] {
  const rules = rulebook.programmes.get(programme);
  const text = rules?.conditions.get(id)?.description ?? rules?.messages?.reasons?.[id];
  return text ? { zh: text.zh, en: text.en } : undefined;
}

/** Why `programme` changed from `before` to `after` (both evaluated with their trace). */
export function causeOf(rulebook: Rulebook, programme: string, before: ProgrammeResult, after: ProgrammeResult): Cause {
  const lower = conditions(before);
  const higher = conditions(after);
  const flips: Flip[] = [];
  for (const [k, flip] of lower) {
    const later = higher.get(k);
    if (later && later.after !== flip.before) flips.push({ ...flip, after: later.after });
  }
  const all = flips.length > 0 ? flips : reasonFlips(before.reasons, after.reasons);
  const first = all[0];
  const description = first ? describe(rulebook, programme, first.id) : undefined;
  return {
    rule: first?.id ?? null,
    ...(first?.member !== undefined ? { member: first.member } : {}),
    ...(description ? { description } : {}),
    flips: all,
    reasons: { before: [...before.reasons], after: [...after.reasons] },
  };
}
