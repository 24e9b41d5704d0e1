/**
 * Parameters defined as a multiple of another parameter ("scattered orphans = 2 × the urban dibao
 * standard"; "extreme poverty = 1.3 × the dibao standard, rounded up to the yuan"). The pack holds
 * the definition, not a copied figure, so the value follows the other parameter month by month. It
 * is resolved here, below every programme, for the jurisdiction evaluated: the product of the other
 * parameter's value there and the factor, rounded as the pack declares; in force while both are
 * (from the later start to the earlier end), known once both are, and cited with both sources.
 */
import { roundTo, type Decimal } from '../money.js';
import { isMultiple, type Multiple } from '../parameters/values.js';
import type { Problems } from './problems.js';
import type { Pack } from './packs.js';
import type { DeclaredParameter } from './rules.js';
import type { CitedSource, MultipleOf, ResolvedParameter } from './resolved.js';

/** What a resolved multiple says of its parts, for the trace. */
export type { MultipleOf } from './resolved.js';

/** The value of `own` (a multiple) once its base is resolved for the same jurisdiction and day. */
export function combineMultiple(own: ResolvedParameter, multiple: Multiple, base: ResolvedParameter): ResolvedParameter {
  const baseValue = base.value as Decimal | null;
  const product = baseValue === null ? null : baseValue.times(multiple.factor);
  const value = product === null || multiple.rounding === undefined ? product : roundTo(product, multiple.rounding);
  const from = own.from > base.from ? own.from : base.from;
  const until = own.until === null ? base.until : base.until === null || own.until < base.until ? own.until : base.until;
  const sources: CitedSource[] = [...own.sources, ...base.sources.filter((s) => !own.sources.some((o) => o.id === s.id))];
  const multipleOf: MultipleOf = { parameter: base.id, value: baseValue, factor: multiple.factor, jurisdiction: base.jurisdiction, from: base.from };
  if (multiple.rounding !== undefined) multipleOf.rounding = multiple.rounding;
  const combined: ResolvedParameter = { ...own, value, from, until, sources, verified: own.verified && base.verified, multipleOf };
  // A reformed base changes the multiple too: the trace says the reform is in it.
  if (own.reform === undefined && base.reform !== undefined) combined.reform = base.reform;
  return combined;
}

/** At load: every multiple names a declared money parameter, and no chain of multiples loops. */
export function checkMultiples(packs: ReadonlyMap<string, Pack>, declarations: ReadonlyMap<string, DeclaredParameter>, problems: Problems): void {
  const edges = new Map<string, Set<string>>();
  for (const pack of packs.values()) {
    for (const [id, entries] of pack.parameters) {
      for (const entry of entries) {
        if (!isMultiple(entry.value)) continue;
        const target = entry.value.multipleOf;
        const kind = declarations.get(target)?.type.kind;
        if (kind !== 'money')
          problems.add(entry.file, `${entry.path}.value.multipleOf`, 'a declared money parameter', `"${target}"${kind ? ` of kind ${kind}` : ' (not declared)'}`);
        else if (!edges.get(id)?.has(target)) edges.set(id, (edges.get(id) ?? new Set()).add(target));
      }
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.add('(packs)', id, 'parameters that are not multiples of each other in a loop', [...trail, id].join(' → '));
      return;
    }
    state.set(id, 'visiting');
    for (const next of edges.get(id) ?? []) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of edges.keys()) visit(id, []);
}
