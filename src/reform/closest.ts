/** The known ids nearest a mistyped one, for "did you mean" in a reform's problems. */

/** Edit distance (insert, delete, substitute), in O(a × b) time and O(b) memory. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Up to `limit` ids, nearest first (ties in id order). An id the wanted one ends (or that ends it)
 * comes first: "standard.urban" for "dibao.standard.urban" is a missing prefix, not a far id.
 */
export function closest(wanted: string, ids: Iterable<string>, limit = 3): string[] {
  const scored = [...ids].map((id) => {
    const contains = id.endsWith(`.${wanted}`) || wanted.endsWith(`.${id}`) || id.endsWith(`-${wanted}`);
    return { id, score: distance(wanted, id) - (contains ? 1000 : 0) };
  });
  scored.sort((x, y) => x.score - y.score || (x.id < y.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.id);
}
