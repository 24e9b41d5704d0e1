/**
 * How a large rule file is split by concern into a folder `rules/<programme>/`, one part a file.
 * The loader merges a folder's parts in the order of their file names (`10-…`, `20-…`): top-level
 * keys in order of first appearance, a mapping key present in several parts (parameters,
 * conditions) merged, its entries in part order. The parts below follow the order of the JSON
 * file, so the merged rule file is the JSON file, key for key and in order.
 *
 * A parameter or condition goes to the part whose `parameters` or `conditions` pattern is its
 * longest match; one that no part claims goes with the entry before it, and so does one listed
 * after an entry of a later part: the merged file must be the JSON file in its own order (the
 * converter says what it placed so, and checks the merge).
 */
export interface Part {
  /** The file name, without extension: its number gives the merge order. */
  name: string;
  /** Top-level keys that go whole into this part. */
  keys?: readonly string[];
  /** Parameter ids (exact, or a prefix ending in ".") that go into this part. */
  parameters?: readonly string[];
  /** Condition ids that go into this part. */
  conditions?: readonly string[];
}

export const SPLITS: Readonly<Record<string, readonly Part[]>> = {
  dibao: [
    { name: '10-programme', keys: ['programme', 'name', 'basis', 'scope', 'provides', 'facts'], parameters: ['dibao.standard.'] },
    { name: '20-membership', parameters: ['dibao.membership.'], conditions: ['memberExcluded'] },
    { name: '30-income', parameters: ['dibao.income.', 'dibao.employmentDeduction.'], conditions: ['incomeBelowStandard'] },
    {
      name: '40-assets',
      parameters: ['dibao.assets.'],
      conditions: ['financialAssetsWithinLimit', 'vehiclesWithinLimit', 'dwellingsWithinLimit', 'noDisqualifyingBusiness', 'assetsWithinLimits'],
    },
    { name: '50-eligibility', parameters: ['dibao.marginal.', 'dibao.singlePerson.'], conditions: ['eligible', 'marginal', 'singlePerson', 'hardCase'] },
    { name: '60-amount', parameters: ['dibao.amount.', 'dibao.rounding.'] },
    { name: '70-exit', parameters: ['dibao.gradualExit.', 'dibao.exitMoratorium.'], conditions: ['exitMoratorium', 'gradualExit'] },
    { name: '80-messages', keys: ['messages', 'columns'] },
  ],
};

const matches = (id: string, pattern: string) => (pattern.endsWith('.') ? id.startsWith(pattern) : id === pattern);

function partFor(parts: readonly Part[], id: string, field: 'parameters' | 'conditions'): number {
  let best = -1;
  let length = -1;
  parts.forEach((part, i) => {
    for (const pattern of part[field] ?? [])
      if (matches(id, pattern) && pattern.length > length) {
        best = i;
        length = pattern.length;
      }
  });
  return best;
}

type Placed = { key: string; value: unknown; part: number | undefined; entries?: { id: string; value: unknown; part: number }[] };

/**
 * The parts of a rule file (its data), in merge order; the ids no part claimed; and the entries put
 * in a later part than split.ts says, because the file lists them after one of that later part
 * (the merged parts must give back the file in its own order: condition order is trace order).
 */
export function splitRuleFile(
  data: Record<string, unknown>,
  parts: readonly Part[],
): { parts: { name: string; data: Record<string, unknown> }[]; unclaimed: string[]; moved: string[] } {
  const unclaimed: string[] = [];
  const moved: string[] = [];
  const placed: Placed[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === '$schema') continue;
    const mapping = (key === 'parameters' || key === 'conditions') && value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!mapping || Object.keys(value).length === 0) {
      const part = parts.findIndex((p) => p.keys?.includes(key));
      if (part < 0 && !mapping) unclaimed.push(key);
      placed.push({ key, value, part: part < 0 ? undefined : part });
      continue;
    }
    // Entries in order: each in its part, or in the part of the entry before it when that is later.
    const entries: NonNullable<Placed['entries']> = [];
    for (const [id, entry] of Object.entries(value)) {
      const last = entries.at(-1)?.part ?? 0;
      let part = partFor(parts, id, key);
      if (part < 0) unclaimed.push(`${key}.${id}`);
      else if (part < last) moved.push(`${key}.${id} (to ${parts[last]!.name}: listed after ${key}.${entries.at(-1)!.id})`);
      part = Math.max(part, last);
      entries.push({ id, value: entry, part });
    }
    placed.push({ key, value, part: entries[0]!.part, entries });
  }
  // A top-level key no part claims goes with the next key that is placed (or into the last part);
  // then each key's first part is at least the one before it, so the keys merge back in order.
  placed.forEach((item, i) => (item.part ??= placed.slice(i + 1).find((next) => next.part !== undefined)?.part ?? parts.length - 1));
  let floor = 0;
  for (const item of placed) {
    if (item.part! < floor) {
      moved.push(`${item.key} (to ${parts[floor]!.name}: the file has it after a key of that part)`);
      item.part = floor;
      for (const entry of item.entries ?? []) entry.part = Math.max(entry.part, floor);
    }
    floor = item.part!;
  }
  const out = parts.map((part) => ({ name: part.name, data: {} as Record<string, unknown> }));
  for (const item of placed) {
    if (!item.entries) out[item.part!]!.data[item.key] = item.value;
    else for (const entry of item.entries) ((out[entry.part]!.data[item.key] ??= {}) as Record<string, unknown>)[entry.id] = entry.value;
  }
  return { parts: out.filter((part) => Object.keys(part.data).length > 0), unclaimed, moved };
}
