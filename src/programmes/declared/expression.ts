/**
 * Compiles a declared amount form (src/schemas/amount.ts) once into a closure that runs on either
 * arithmetic through the Context, and a second one that writes the formula with its values for the
 * trace ("690 (dibao standard) × 0.3 (share) = 207"). Typing is checked here, at load: a share
 * multiplies an amount, a count (or an integer parameter) multiplies an amount, only amounts are
 * added or paid, and amounts or shares are compared only with their own kind. The selecting forms
 * (cases, bands) are in select.ts, the forms that read the household's members in household.ts.
 */
import type { AmountExpression } from '../../schemas/amount.js';
import type { Rulebook } from '../../rulebook/index.js';
import { UNKNOWN } from '../context.js';
import { AmountCaseMissing, AmountCompileError, type AnyContext, type Compile, type CompiledAmount, type Facts, type FactKinds, type MembersView } from './compiled.js';
import { compileBands, compileCases } from './select.js';
import { compileCount, compileMemberSum, compileWhen } from './household.js';

export { AmountCaseMissing, AmountCompileError, type CompiledAmount, type FactKinds, type Kind, type MembersView } from './compiled.js';

export function compileAmount(expression: AmountExpression, rulebook: Rulebook, facts: FactKinds, path: string): CompiledAmount {
  const fail = (message: string): never => {
    throw new AmountCompileError(path, message);
  };
  const compile: Compile = (e, p) => compileAmount(e, rulebook, facts, p);
  if ('parameter' in expression) {
    const id = expression.parameter;
    const kind = rulebook.declarations.get(id)?.type.kind;
    if (kind === 'integer') return { kind: 'count', value: (ctx) => ctx.required(id), text: (ctx) => `${String(ctx.required(id))} (${id})` };
    if (kind !== 'money' && kind !== 'decimal') fail(`expected a money, decimal or integer parameter, found ${id} of kind ${kind ?? 'undeclared'}`);
    return {
      kind: kind === 'money' ? 'money' : 'rate',
      value: (ctx) => ctx.required(id),
      text: (ctx) => `${kind === 'money' ? ctx.a.plain(ctx.required(id)) : ctx.a.rateText(ctx.required(id))} (${id})`,
    };
  }
  if ('none' in expression) return { kind: 'money', value: (ctx) => ctx.a.zero, text: (ctx) => ctx.a.exact(ctx.a.zero) };
  if ('fact' in expression) {
    const name = expression.fact;
    if (facts.isInteger?.(name) === true) return countFact(name);
    if (!facts.isMoney(name)) fail(`expected a money or integer fact, found "${name}"`);
    const read = (ctx: AnyContext, f: Facts) => {
      const value = f[name];
      if (value === UNKNOWN) ctx.unknown(name);
      return value ?? ctx.a.zero;
    };
    return { kind: 'money', value: read, text: (ctx, f) => `${ctx.a.exact(read(ctx, f))} (${name})` };
  }
  const sub = (list: AmountExpression[], key: string) => list.map((e, i) => compile(e, `${path}.${key}[${i}]`));
  if ('times' in expression) {
    const [x, y] = sub(expression.times, 'times') as [CompiledAmount, CompiledAmount];
    if (x.kind !== 'money' || y.kind === 'money') fail('expected [an amount, a share, multiple, count or integer parameter]');
    const product =
      y.kind === 'count'
        ? (ctx: AnyContext, f: Facts, m?: MembersView) => ctx.a.timesCount(x.value(ctx, f, m), y.value(ctx, f, m) as number)
        : (ctx: AnyContext, f: Facts, m?: MembersView) => ctx.a.times(x.value(ctx, f, m), y.value(ctx, f, m));
    return { kind: 'money', value: product, text: (ctx, f, m) => `${operand(x, ctx, f, m)} × ${operand(y, ctx, f, m)}` };
  }
  if ('dividedBy' in expression) {
    const [first, by] = expression.dividedBy;
    const x = compile(first, `${path}.dividedBy[0]`);
    const y: CompiledAmount = typeof by === 'number' ? { kind: 'count', value: () => by, text: () => String(by) } : compile(by, `${path}.dividedBy[1]`);
    if (x.kind !== 'money' || y.kind !== 'count') fail('expected [an amount, a count: an integer parameter, a count of members or a whole number]');
    // Exact on both paths (a rational on the units path); the programme's rounding comes after. A
    // count of no members shares nothing out, so it is zero rather than a division error.
    const quotient = (ctx: AnyContext, f: Facts, m?: MembersView) => {
      const n = y.value(ctx, f, m) as number;
      return n > 0 ? ctx.a.perCount(x.value(ctx, f, m), n) : ctx.a.zero;
    };
    return { kind: 'money', value: quotient, text: (ctx, f, m) => `${operand(x, ctx, f, m)} ÷ ${operand(y, ctx, f, m)}` };
  }
  if ('sum' in expression || 'higher' in expression || 'lower' in expression) {
    const [key, list] =
      'sum' in expression ? (['sum', expression.sum] as const) : 'higher' in expression ? (['higher', expression.higher] as const) : (['lower', expression.lower] as const);
    const parts = sub(list, key);
    const kind = (parts[0] as CompiledAmount).kind;
    if (key === 'sum' && parts.some((e) => e.kind !== 'money')) fail('expected amounts to sum, found a share or a count');
    if (parts.some((e) => e.kind !== kind) || kind === 'count') fail(`expected ${key} of amounts only or of shares only`);
    return kind === 'rate' ? rateFold(parts, key === 'higher') : moneyFold(parts, key);
  }
  if ('difference' in expression) {
    const [x, y] = sub(expression.difference, 'difference') as [CompiledAmount, CompiledAmount];
    if (x.kind !== 'money' || y.kind !== 'money') fail('expected amounts to subtract, found a share or a count');
    return {
      kind: 'money',
      value: (ctx, f, m) => ctx.a.max(ctx.a.sub(x.value(ctx, f, m), y.value(ctx, f, m)), ctx.a.zero),
      text: (ctx, f, m) => `max(${x.text(ctx, f, m)} − ${y.text(ctx, f, m)}, 0)`,
    };
  }
  if ('cases' in expression) return compileCases(expression.cases, rulebook, facts, path, compile);
  if ('bands' in expression) return compileBands(expression.bands, rulebook, path, compile);
  if ('count' in expression) return compileCount(expression.count, facts, path);
  if ('when' in expression) return compileWhen(expression.when, facts, path, compile);
  return compileMemberSum(expression.sumOverMembers, facts, path, compile);
}

/** A whole-number fact as a count. One the household does not give cannot be counted as zero
 * people: the line asks for it (a missing fact, with its path). */
function countFact(name: string): CompiledAmount {
  const read = (ctx: AnyContext, f: Facts): number => {
    const value = f[name];
    if (value === UNKNOWN) ctx.unknown(name);
    if (typeof value !== 'number') throw new AmountCaseMissing(`${name} not given`, name);
    return value;
  };
  return { kind: 'count', value: read, text: (ctx, f) => `${read(ctx, f)} (${name})` };
}

/** A factor's or a divisor's text, bracketed when it is a sum. */
function operand(amount: CompiledAmount, ctx: AnyContext, f: Facts, m?: MembersView): string {
  return amount.infix ? `(${amount.text(ctx, f, m)})` : amount.text(ctx, f, m);
}

function moneyFold(parts: CompiledAmount[], key: 'sum' | 'higher' | 'lower'): CompiledAmount {
  const fold = key === 'sum' ? 'add' : key === 'higher' ? 'max' : 'min';
  return {
    ...(key === 'sum' && parts.length > 1 ? { infix: true as const } : {}),
    kind: 'money',
    value: (ctx, f, m) => {
      const { a } = ctx;
      let total = parts[0]?.value(ctx, f, m);
      for (let i = 1; i < parts.length; i += 1) total = a[fold](total as never, (parts[i] as CompiledAmount).value(ctx, f, m) as never);
      return total;
    },
    text: (ctx, f, m) => (key === 'sum' ? parts.map((p) => p.text(ctx, f, m)).join(' + ') : `${key}(${parts.map((p) => p.text(ctx, f, m)).join(', ')})`),
  };
}

/** The higher or lower of shares, compared exactly in either arithmetic; the first wins a tie. */
function rateFold(parts: CompiledAmount[], higher: boolean): CompiledAmount {
  return {
    kind: 'rate',
    value: (ctx, f, m) => {
      let best = parts[0]?.value(ctx, f, m);
      for (let i = 1; i < parts.length; i += 1) {
        const next = (parts[i] as CompiledAmount).value(ctx, f, m);
        const sign = ctx.a.compareRates(next, best);
        if (higher ? sign > 0 : sign < 0) best = next;
      }
      return best;
    },
    text: (ctx, f, m) => `${higher ? 'higher' : 'lower'}(${parts.map((p) => p.text(ctx, f, m)).join(', ')})`,
  };
}
