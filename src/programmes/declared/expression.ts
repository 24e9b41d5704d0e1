/**
 * Compiles a declared amount form (src/schemas/amount.ts) once into a closure that runs on either
 * arithmetic through the Context, and a second one that writes the formula with its values for the
 * trace ("690 (dibao standard) × 0.3 (share) = 207"). Typing is checked here, at load: a share
 * multiplies an amount, and only amounts are added, compared or paid.
 */
import type { AmountExpression } from '../../schemas/amount.js';
import type { Rulebook } from '../../rulebook/index.js';
import { UNKNOWN, type Context } from '../context.js';

type Facts = Readonly<Record<string, unknown>>;
export type Kind = 'money' | 'rate';

// Either arithmetic: the closures are written once and never look at the representation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = Context<any, any, any>;

export interface CompiledAmount {
  kind: Kind;
  value(ctx: AnyContext, facts: Facts): unknown;
  text(ctx: AnyContext, facts: Facts): string;
}

export class AmountCompileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the compiler needs to know about facts: their kind (money facts are amounts). */
export interface FactKinds {
  isMoney(fact: string): boolean;
}

export function compileAmount(expression: AmountExpression, rulebook: Rulebook, facts: FactKinds, path: string): CompiledAmount {
  const fail = (message: string): never => {
    throw new AmountCompileError(path, message);
  };
  if ('parameter' in expression) {
    const id = expression.parameter;
    const kind = rulebook.declarations.get(id)?.type.kind;
    if (kind !== 'money' && kind !== 'decimal') fail(`expected a money or decimal parameter, found ${id} of kind ${kind ?? 'undeclared'}`);
    return {
      kind: kind === 'money' ? 'money' : 'rate',
      value: (ctx) => ctx.required(id),
      text: (ctx) => `${kind === 'money' ? ctx.a.plain(ctx.required(id)) : ctx.a.rateText(ctx.required(id))} (${id})`,
    };
  }
  if ('none' in expression) return { kind: 'money', value: (ctx) => ctx.a.zero, text: (ctx) => ctx.a.exact(ctx.a.zero) };
  if ('fact' in expression) {
    const name = expression.fact;
    if (!facts.isMoney(name)) fail(`expected a money fact, found "${name}"`);
    const read = (ctx: AnyContext, f: Facts) => {
      const value = f[name];
      if (value === UNKNOWN) ctx.unknown(name);
      return value ?? ctx.a.zero;
    };
    return { kind: 'money', value: read, text: (ctx, f) => `${ctx.a.exact(read(ctx, f))} (${name})` };
  }
  const sub = (list: AmountExpression[], key: string) => list.map((e, i) => compileAmount(e, rulebook, facts, `${path}.${key}[${i}]`));
  if ('times' in expression) {
    const [x, y] = sub(expression.times, 'times') as [CompiledAmount, CompiledAmount];
    if (x.kind !== 'money' || y.kind !== 'rate') fail('expected [an amount, a share or multiple]');
    return {
      kind: 'money',
      value: (ctx, f) => ctx.a.times(x.value(ctx, f), y.value(ctx, f)),
      text: (ctx, f) => `${x.text(ctx, f)} × ${y.text(ctx, f)}`,
    };
  }
  const moneyList = (list: CompiledAmount[], what: string) => {
    if (list.some((e) => e.kind !== 'money')) fail(`expected amounts to ${what}, found a share`);
    return list;
  };
  if ('sum' in expression || 'higher' in expression || 'lower' in expression) {
    const [key, list] =
      'sum' in expression ? (['sum', expression.sum] as const) : 'higher' in expression ? (['higher', expression.higher] as const) : (['lower', expression.lower] as const);
    const parts = moneyList(sub(list, key), key);
    const fold = key === 'sum' ? 'add' : key === 'higher' ? 'max' : 'min';
    const word = key === 'sum' ? ' + ' : ', ';
    return {
      kind: 'money',
      value: (ctx, f) => {
        const { a } = ctx;
        let total = parts[0]?.value(ctx, f);
        for (let i = 1; i < parts.length; i += 1) total = a[fold](total as never, (parts[i] as CompiledAmount).value(ctx, f) as never);
        return total;
      },
      text: (ctx, f) => (key === 'sum' ? parts.map((p) => p.text(ctx, f)).join(word) : `${key}(${parts.map((p) => p.text(ctx, f)).join(word)})`),
    };
  }
  if ('difference' in expression) {
    const [x, y] = moneyList(sub(expression.difference, 'difference'), 'subtract') as [CompiledAmount, CompiledAmount];
    return {
      kind: 'money',
      value: (ctx, f) => ctx.a.max(ctx.a.sub(x.value(ctx, f), y.value(ctx, f)), ctx.a.zero),
      text: (ctx, f) => `max(${x.text(ctx, f)} − ${y.text(ctx, f)}, 0)`,
    };
  }
  if ('cases' in expression) {
    const { on, when, otherwise } = expression.cases;
    const branches = new Map(Object.entries(when).map(([key, e]) => [key, compileAmount(e, rulebook, facts, `${path}.cases.when["${key}"]`)]));
    const fallback = otherwise === undefined ? undefined : compileAmount(otherwise, rulebook, facts, `${path}.cases.otherwise`);
    const kinds = new Set([...branches.values(), ...(fallback ? [fallback] : [])].map((b) => b.kind));
    if (kinds.size !== 1) fail('expected every case to be of one kind (all amounts or all shares)');
    const key = (ctx: AnyContext, f: Facts) => {
      const value = 'parameter' in on ? ctx.required(on.parameter) : f[on.fact];
      if (value === UNKNOWN) ctx.unknown((on as { fact: string }).fact);
      return String(value);
    };
    const pick = (ctx: AnyContext, f: Facts): CompiledAmount => {
      const branch = branches.get(key(ctx, f)) ?? fallback;
      if (branch !== undefined) return branch;
      // A member fact the household leaves out (null) is a missing input, not a case the pack omits.
      const missing = 'fact' in on && f[on.fact] === null ? on.fact : undefined;
      throw new AmountCaseMissing(`${'parameter' in on ? on.parameter : on.fact} = ${key(ctx, f)}`, missing);
    };
    return {
      kind: [...kinds][0] as Kind,
      value: (ctx, f) => pick(ctx, f).value(ctx, f),
      text: (ctx, f) => pick(ctx, f).text(ctx, f),
    };
  }
  const { on, below, otherwise } = expression.bands;
  const bands = below.map((band, i) => ({ limit: band.limit.parameter, then: compileAmount(band.then, rulebook, facts, `${path}.bands.below[${i}].then`) }));
  const last = compileAmount(otherwise, rulebook, facts, `${path}.bands.otherwise`);
  for (const band of bands) if (rulebook.declarations.get(band.limit)?.type.kind !== 'integer') fail(`expected an integer parameter as a band limit, found ${band.limit}`);
  const pick = (ctx: AnyContext, f: Facts) => {
    const value = f[on.fact];
    if (value === UNKNOWN) ctx.unknown(on.fact);
    if (value === null) throw new AmountCaseMissing(`${on.fact} = null`, on.fact);
    return bands.find((band) => (value as number) < ctx.required<number>(band.limit))?.then ?? last;
  };
  return {
    kind: last.kind,
    value: (ctx, f) => pick(ctx, f).value(ctx, f),
    text: (ctx, f) => pick(ctx, f).text(ctx, f),
  };
}

/** A member whose case the amount form does not list: the amount cannot be said. `fact` is set
 * when the case is missing because the household does not give that member fact. */
export class AmountCaseMissing extends Error {
  constructor(
    message: string,
    readonly fact?: string,
  ) {
    super(message);
  }
}
