/**
 * The forms that pick one amount: cases on a fact or parameter, and bands on a number fact. A
 * case form must name a case for every value its fact or parameter can take (or say "otherwise"),
 * checked at load: a value the rule file forgot would otherwise surface only when a household has
 * it. A band says whether its limit belongs to it ("77–200(含)"); by default it does not, as before.
 */
import type { AmountExpression, Band } from '../../schemas/amount.js';
import type { Rulebook } from '../../rulebook/index.js';
import { UNKNOWN } from '../context.js';
import { AmountCaseMissing, AmountCompileError, type AnyContext, type Compile, type CompiledAmount, type Facts, type FactKinds, type Kind } from './compiled.js';

type Cases = { on: { fact: string } | { parameter: string }; when: Record<string, AmountExpression>; otherwise?: AmountExpression };

/** Every value the selector can take as a case key, or undefined when the set is open. */
function selectorValues(on: Cases['on'], rulebook: Rulebook, facts: FactKinds): readonly string[] | undefined {
  if ('fact' in on) return facts.values?.(on.fact);
  const type = rulebook.declarations.get(on.parameter)?.type;
  if (type?.kind === 'enum') return type.values;
  if (type?.kind === 'boolean') return ['true', 'false'];
  return undefined;
}

export function compileCases(cases: Cases, rulebook: Rulebook, facts: FactKinds, path: string, compile: Compile): CompiledAmount {
  const { on, when, otherwise } = cases;
  const name = 'parameter' in on ? on.parameter : on.fact;
  const values = selectorValues(on, rulebook, facts);
  if (values !== undefined) {
    const unknown = Object.keys(when).filter((key) => !values.includes(key));
    if (unknown.length > 0)
      throw new AmountCompileError(`${path}.cases.when`, `expected cases among the values of ${name} (${values.join(', ')}), found ${unknown.map((k) => `"${k}"`).join(', ')}`);
    const missing = values.filter((value) => !Object.hasOwn(when, value));
    if (missing.length > 0 && otherwise === undefined)
      throw new AmountCompileError(`${path}.cases.when`, `expected a case for every value of ${name} or an "otherwise", missing ${missing.map((k) => `"${k}"`).join(', ')}`);
  }
  const branches = new Map(Object.entries(when).map(([key, e]) => [key, compile(e, `${path}.cases.when["${key}"]`)]));
  const fallback = otherwise === undefined ? undefined : compile(otherwise, `${path}.cases.otherwise`);
  const kinds = new Set([...branches.values(), ...(fallback ? [fallback] : [])].map((b) => b.kind));
  if (kinds.size !== 1) throw new AmountCompileError(path, 'expected every case to be of one kind (all amounts, all shares or all counts)');
  const key = (ctx: AnyContext, f: Facts) => {
    const value = 'parameter' in on ? ctx.required(on.parameter) : f[on.fact];
    if (value === UNKNOWN) ctx.unknown(name);
    return String(value);
  };
  const pick = (ctx: AnyContext, f: Facts): CompiledAmount => {
    const branch = branches.get(key(ctx, f)) ?? fallback;
    // Reached only by a value outside the declared set: an absent fact (null) is a missing input,
    // not a case the pack omits; an open set's value is a case the pack omits.
    if (branch === undefined) throw new AmountCaseMissing(`${name} = ${key(ctx, f)}`, 'fact' in on && f[on.fact] === null ? on.fact : undefined);
    return branch;
  };
  return {
    kind: [...kinds][0] as Kind,
    value: (ctx, f, m) => pick(ctx, f).value(ctx, f, m),
    text: (ctx, f, m) => pick(ctx, f).text(ctx, f, m),
  };
}

export function compileBands(bands: { on: { fact: string }; below: Band[]; otherwise: AmountExpression }, rulebook: Rulebook, path: string, compile: Compile): CompiledAmount {
  const { on, below, otherwise } = bands;
  const list = below.map((band, i) => ({ limit: band.limit.parameter, includes: band.includesLimit === true, then: compile(band.then, `${path}.bands.below[${i}].then`) }));
  const last = compile(otherwise, `${path}.bands.otherwise`);
  list.forEach((band, i) => {
    if (rulebook.declarations.get(band.limit)?.type.kind !== 'integer')
      throw new AmountCompileError(`${path}.bands.below[${i}].limit`, `expected an integer parameter as a band limit, found ${band.limit}`);
  });
  if ([...list.map((b) => b.then), last].some((b) => b.kind !== last.kind)) throw new AmountCompileError(path, 'expected every band to be of one kind');
  const pick = (ctx: AnyContext, f: Facts) => {
    const value = f[on.fact];
    if (value === UNKNOWN) ctx.unknown(on.fact);
    if (typeof value !== 'number') throw new AmountCaseMissing(`${on.fact} = ${String(value)}`, value === null ? on.fact : undefined);
    return (
      list.find((band) => {
        const limit = ctx.required<number>(band.limit);
        return band.includes ? value <= limit : value < limit;
      })?.then ?? last
    );
  };
  return {
    kind: last.kind,
    value: (ctx, f, m) => pick(ctx, f).value(ctx, f, m),
    text: (ctx, f, m) => pick(ctx, f).text(ctx, f, m),
  };
}
