/**
 * Compiles json-rules-engine conditions into synchronous closures. json-rules-engine stays the
 * reference semantics (see reference.ts and the property test); this compiler exists because the
 * engine is asynchronous and costs ~45 promises per run, while an evaluation here must be
 * synchronous, allocation-light and traceable.
 */
import type { Condition, LeafCondition } from '../schemas/condition.js';
import { isFactReference } from '../schemas/condition.js';
import { parsePath, readPath, type PathSegment } from './path.js';
import { resolveOperator, type Operator } from './operators.js';

export type Facts = Readonly<Record<string, unknown>>;

/** One leaf comparison as it happened, for the explanation trace. */
export interface LeafOutcome {
  fact: string;
  path?: string;
  operator: string;
  /** The fact's value (after the path), as compared. */
  factValue: unknown;
  /** The right-hand side after resolving a fact reference. */
  value: unknown;
  valueFact?: string;
  result: boolean;
}

export interface CompiledCondition {
  (facts: Facts, record?: LeafOutcome[]): boolean;
  /** Every fact name the condition reads, for checking against the facts a programme provides. */
  readonly facts: ReadonlySet<string>;
}

export class ConditionCompileError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

interface CompileContext {
  /** Named conditions that `{ "condition": name }` may refer to. */
  lookup(name: string): Condition | undefined;
  facts: Set<string>;
  /** Names on the current reference chain, to refuse a condition that refers to itself. */
  stack: string[];
  memo: Memo | undefined;
}

/**
 * Results of named conditions for the facts object they were last run on. When nothing is being
 * recorded, a condition that several others refer to (assets within limits, say) is then run once
 * per facts object instead of once per reference. Only for facts objects that are never changed
 * after they are made: the caller decides, by passing a memo or not.
 */
export type Memo = Map<string, { facts: unknown; value: boolean }>;

function remembered(name: string, inner: Node, memo: Memo | undefined): Node {
  if (!memo) return inner;
  let slot = memo.get(name);
  if (!slot) memo.set(name, (slot = { facts: undefined, value: false }));
  const cell = slot;
  return (facts, record) => {
    if (record) return inner(facts, record);
    if (cell.facts === facts) return cell.value;
    const value = inner(facts, undefined);
    cell.facts = facts;
    cell.value = value;
    return value;
  };
}

type Node = (facts: Facts, record: LeafOutcome[] | undefined) => boolean;

function reader(fact: string, path: string | undefined, where: string, ctx: CompileContext): (facts: Facts) => unknown {
  ctx.facts.add(fact);
  if (path === undefined) return (facts) => facts[fact];
  const segments: PathSegment[] | undefined = parsePath(path);
  if (!segments) throw new ConditionCompileError(where, `unsupported path ${JSON.stringify(path)}: use $.name, $.name[0] or $['name']`);
  return (facts) => readPath(facts[fact], segments);
}

function compileLeaf(leaf: LeafCondition, where: string, ctx: CompileContext): Node {
  const operator: Operator | undefined = resolveOperator(leaf.operator);
  if (!operator) throw new ConditionCompileError(`${where}.operator`, `unknown operator ${JSON.stringify(leaf.operator)}`);
  const left = reader(leaf.fact, leaf.path, `${where}.path`, ctx);
  const reference = isFactReference(leaf.value) ? leaf.value : undefined;
  const right = reference
    ? reader(reference.fact, reference.path, `${where}.value.path`, ctx)
    : ((constant: unknown) => () => constant)(leaf.value);
  return (facts, record) => {
    const factValue = left(facts);
    const value = right(facts);
    const result = operator(factValue, value);
    if (record) {
      const outcome: LeafOutcome = { fact: leaf.fact, operator: leaf.operator, factValue, value, result };
      if (leaf.path !== undefined) outcome.path = leaf.path;
      if (reference) outcome.valueFact = reference.fact;
      record.push(outcome);
    }
    return result;
  };
}

function compileNode(condition: Condition, where: string, ctx: CompileContext): Node {
  if ('all' in condition) {
    const parts = condition.all.map((c, i) => compileNode(c, `${where}.all[${i}]`, ctx));
    // json-rules-engine: an empty "all" or "any" is true.
    return (facts, record) => {
      for (const part of parts) if (!part(facts, record)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c, i) => compileNode(c, `${where}.any[${i}]`, ctx));
    if (parts.length === 0) return () => true;
    return (facts, record) => {
      for (const part of parts) if (part(facts, record)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileNode(condition.not, `${where}.not`, ctx);
    return (facts, record) => !inner(facts, record);
  }
  if ('condition' in condition) {
    const name = condition.condition;
    const target = ctx.lookup(name);
    if (!target) throw new ConditionCompileError(`${where}.condition`, `no condition named ${JSON.stringify(name)}`);
    if (ctx.stack.includes(name)) throw new ConditionCompileError(`${where}.condition`, `condition ${JSON.stringify(name)} refers to itself`);
    ctx.stack.push(name);
    const inner = compileNode(target, `${where}→${name}`, ctx);
    ctx.stack.pop();
    return remembered(name, inner, ctx.memo);
  }
  return compileLeaf(condition, where, ctx);
}

/**
 * Compiles one condition. `lookup` resolves shared conditions referred to by name, like
 * json-rules-engine's `engine.setCondition`.
 */
export function compileCondition(
  condition: Condition,
  lookup: (name: string) => Condition | undefined = () => undefined,
  where = '$',
  memo?: { memo: Memo; name: string },
): CompiledCondition {
  const ctx: CompileContext = { lookup, facts: new Set(), stack: [], memo: memo?.memo };
  const root = memo ? remembered(memo.name, compileNode(condition, where, ctx), memo.memo) : compileNode(condition, where, ctx);
  const compiled = ((facts: Facts, record?: LeafOutcome[]) => root(facts, record)) as CompiledCondition;
  Object.defineProperty(compiled, 'facts', { value: ctx.facts });
  return compiled;
}
