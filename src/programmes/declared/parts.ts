/**
 * Named parts of a declared programme's amount (rule file "parts"): extreme poverty's basic part
 * and care part, Hubei's "2 × dibao, of which 1.3 × the basic part, rounded, and the care part the
 * rest". Each part but one is a form of its own, rounded as the amount is; the remainder part is
 * the rounded amount less the others, so the parts always add up to what the member is entitled
 * to. Other programmes read them as "<programme>.<part>" (member facts). Parts are of the
 * entitlement: an interaction that changes what is paid leaves them as they were. See
 * docs/decisions/0029-runner-sub-amounts-and-household-scope.md.
 */
import type { ProgrammeRules, Rulebook } from '../../rulebook/index.js';
import { UNKNOWN, type Context } from '../context.js';
import type { MemberLine } from '../types.js';
import { AmountCaseMissing, AmountCompileError, compileAmount, type CompiledAmount, type FactKinds, type MembersView } from './expression.js';

export interface PreparedParts {
  /** Every part's name, in the rule file's order. */
  names: readonly string[];
  /** The parts with a form of their own, in order. */
  forms: readonly { name: string; form: CompiledAmount }[];
  /** The part that takes the rest of the amount. */
  remainder: string;
}

/** Names a part cannot take: the facts every member programme already gives. */
const RESERVED = new Set(['entitled', 'paid', 'qualifies']);

/** The parts of a rule file compiled, or undefined when it names none. */
export function prepareParts(rulebook: Rulebook, rules: ProgrammeRules, kinds: FactKinds): PreparedParts | undefined {
  if (rules.parts === undefined) return undefined;
  if (rules.amount === undefined || rules.bounds !== undefined || rules.scope !== 'member')
    throw new AmountCompileError('$.parts', 'expected parts only beside the "amount" of a member programme without "bounds"');
  const forms: { name: string; form: CompiledAmount }[] = [];
  let remainder = '';
  for (const [name, part] of Object.entries(rules.parts)) {
    if (RESERVED.has(name) || Object.hasOwn(rules.provides?.member ?? {}, name))
      throw new AmountCompileError(`$.parts.${name}`, `expected a part name other than entitled, paid, qualifies and the facts the file provides, found "${name}"`);
    if (part.amount === undefined) {
      remainder = name;
      continue;
    }
    const form = compileAmount(part.amount, rulebook, kinds, `$.parts.${name}.amount`);
    if (form.kind !== 'money') throw new AmountCompileError(`$.parts.${name}.amount`, 'expected an amount as a part, found a share or a count');
    forms.push({ name, form });
  }
  return { names: Object.keys(rules.parts), forms, remainder };
}

/** One member's parts of `amount` (already rounded), each traced with its formula. Parts that add
 * to more than the amount are a case the pack's values do not fit: the amount cannot be split. */
export function memberParts<N, R, G>(
  ctx: Context<N, R, G>,
  parts: PreparedParts,
  amount: N,
  rounding: string | undefined,
  facts: Record<string, unknown>,
  member: string,
  members: MembersView | undefined,
): Record<string, N> {
  const { a } = ctx;
  const out: Record<string, N> = {};
  let rest = amount;
  for (const { name, form } of parts.forms) {
    const raw = form.value(ctx, facts, members) as N;
    const value = rounding === undefined ? raw : a.round(raw, ctx.required<G>(rounding));
    if (ctx.trace) {
      ctx.record({ kind: 'calculation', id: 'part', member, values: { part: name, formula: form.text(ctx, facts, members) }, result: a.exact(raw) });
      if (rounding !== undefined && a.compare(value, raw) !== 0) {
        const { mode, step } = a.roundingText(ctx.required<G>(rounding));
        ctx.record({ kind: 'rounding', id: `part.${name}`, parameter: rounding, mode, step, before: a.plain(raw), after: a.plain(value) });
      }
    }
    out[name] = value;
    rest = a.sub(rest, value);
  }
  if (a.compare(rest, a.zero) < 0) throw new AmountCaseMissing(`parts ${parts.forms.map((p) => p.name).join(', ')} exceed the amount ${a.money(amount)}`);
  if (ctx.trace) {
    const taken = parts.forms.map(({ name }) => `${a.exact(out[name] as N)} (${name})`).join(' − ');
    ctx.record({ kind: 'calculation', id: 'part', member, values: { part: parts.remainder, formula: `${a.exact(amount)} − ${taken}` }, result: a.exact(rest) });
  }
  // In the rule file's order, whichever part is the remainder.
  const ordered: Record<string, N> = {};
  for (const name of parts.names) ordered[name] = name === parts.remainder ? rest : (out[name] as N);
  return ordered;
}

/** What a member's line gives other programmes of its parts: unknown where the line is. */
export function partFacts(parts: PreparedParts, line: MemberLine<unknown>, into: Record<string, unknown>): void {
  for (const name of parts.names) into[name] = line.unknown !== undefined ? UNKNOWN : line.parts?.[name];
}
