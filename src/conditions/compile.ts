/**
 * Compiles json-rules-engine conditions into synchronous closures. json-rules-engine stays the
 * reference semantics (see reference.ts and the property test); this compiler exists because the
 * engine is asynchronous and costs ~45 promises per run, while an evaluation here must be
 * synchronous, allocation-light and traceable.
 */
import type { Condition, LeafCondition } from '../schemas/condition.js';
import { isFactReference } from '../schemas/condition.js';
import { BenefitRulesError, describeValue } from '../errors.js';
import { parsePath, readPath, type PathSegment } from './path.js';
import { constantOperandProblem, OperandError, resolveOperator, type Operator } from './operators.js';
import { Emitter } from './emit.js';

export type Facts = Readonly<Record<string, unknown>>;

/** A fact whose value cannot be known (it comes from a programme not configured this month).
 * Reading it stops the condition: a rule must not decide on an unknown, and json-rules-engine's
 * short-circuit order decides whether it is read at all. */
export const UNKNOWN = Object.freeze({ unknown: true });

/** Thrown by a compiled condition called as a function when it reaches an UNKNOWN fact. The
 * engine asks `decide` instead, which answers with the fact's name: a household whose price
 * subsidy is not configured reaches an unknown for nearly every member, and an exception per
 * member was a tenth of the run. */
export class UnknownFact extends Error {
  override readonly name = 'UnknownFact';
  constructor(readonly fact: string) {
    super(`the condition reads ${fact}, which is not known this month`);
  }
}

/** A condition's answer: met, not met, or the name of the first unknown fact it reached. */
export type Decision = boolean | string;

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
  /** Met or not; throws UnknownFact when the answer turns on a fact that is not known. */
  (facts: Facts, record?: LeafOutcome[]): boolean;
  /** The same answer without throwing: the unknown fact's name where the condition stops on one. */
  readonly decide: (facts: Facts, record?: LeafOutcome[]) => Decision;
  /** Every fact name the condition reads, for checking against the facts a programme provides. */
  readonly facts: ReadonlySet<string>;
}

/** A condition refused at load: where in the rule file, what was expected there, what was found. */
export class ConditionCompileError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly found?: string,
  ) {
    super(found === undefined ? `${path}: expected ${expected}` : `${path}: expected ${expected}, found ${found}`);
  }
}

interface CompileContext {
  /** Named conditions that `{ "condition": name }` may refer to. */
  lookup(name: string): Condition | undefined;
  facts: Set<string>;
  /** Names on the current reference chain, to refuse a condition that refers to itself. */
  stack: string[];
  memo: Memo | undefined;
  /** The rule file, for errors raised while evaluating. */
  file: string | undefined;
  /** Writes the same tree as code, for the path that records nothing (emit.ts). */
  emit: Emitter;
}

/**
 * Results of named conditions for the facts object they were last run on. When nothing is being
 * recorded, a condition that several others refer to (assets within limits, say) is then run once
 * per facts object instead of once per reference. Only for facts objects that are never changed
 * after they are made: the caller decides, by passing a memo or not.
 */
export type Memo = Map<string, { facts: unknown; value: Decision }>;

function remembered(name: string, inner: Part, memo: Memo | undefined, emit: Emitter): Part {
  if (!memo) return inner;
  let slot = memo.get(name);
  if (!slot) memo.set(name, (slot = { facts: undefined, value: false }));
  const cell = slot;
  const run: Node = (facts, record) => {
    if (record) return inner.run(facts, record);
    if (cell.facts === facts) return cell.value;
    const value = inner.run(facts, undefined);
    cell.facts = facts;
    cell.value = value;
    return value;
  };
  return { run, code: emit.remembered(emit.constant(cell), inner.code) };
}

type Node = (facts: Facts, record: LeafOutcome[] | undefined) => Decision;

/** A node compiled twice from one walk: as a closure (which can record), and as code (emit.ts). */
interface Part {
  run: Node;
  code: string;
}

/** How a leaf reads one operand: as a function, and as code. */
interface Read {
  get: (facts: Facts) => unknown;
  code: string;
}

const PATH_EXPECTED = "a supported JSONPath: $.name, $.name[0] or $['name'] (letters, digits, _ - . $ and spaces)";

function reader(fact: unknown, path: unknown, where: string, ctx: CompileContext): Read {
  if (typeof fact !== 'string' || fact === '') throw new ConditionCompileError(`${where}.fact`, 'a fact name (a non-empty string)', describeValue(fact));
  ctx.facts.add(fact);
  // Facts are plain objects: only a name Object.prototype also holds ("toString", "constructor")
  // could read something that is not a fact, so only those pay for the own-property check.
  // json-rules-engine keeps facts in a Map.
  // An UNKNOWN fact is passed through as it is (a path is not read into it): the leaf stops on it.
  const inherited = fact in Object.prototype;
  const get = inherited ? (facts: Facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined) : (facts: Facts) => facts[fact];
  const code = ctx.emit.read(fact, inherited);
  if (path === undefined) return { get, code };
  const segments: PathSegment[] | undefined = typeof path === 'string' ? parsePath(path) : undefined;
  if (!segments) throw new ConditionCompileError(`${where}.path`, PATH_EXPECTED, typeof path === 'string' ? JSON.stringify(path) : describeValue(path));
  const into = (value: unknown) => (value === UNKNOWN ? UNKNOWN : readPath(value, segments));
  return { get: (facts) => into(get(facts)), code: `${ctx.emit.constant(into)}(${code})` };
}

/** A fact reference as a value: `{ "fact": name }` or `{ "fact": name, "path": "$…" }`, nothing else. */
function referenceReader(reference: Record<string, unknown>, where: string, ctx: CompileContext): Read {
  for (const key of Object.keys(reference)) {
    if (key !== 'fact' && key !== 'path') throw new ConditionCompileError(`${where}.${key}`, 'only "fact" and "path" in a fact reference', JSON.stringify(key));
  }
  return reader(reference.fact, reference.path, where, ctx);
}

/**
 * An operator that could not compare its operands becomes a rule error naming the condition. The
 * operators do what json-rules-engine's do, so where they fail json-rules-engine throws as well;
 * a TypeError besides OperandError comes from a value without a text or number form (an object
 * with no prototype) and is reported the same way.
 */
function operandError(error: unknown, leaf: LeafCondition, where: string, ctx: CompileContext): unknown {
  if (!(error instanceof OperandError) && !(error instanceof TypeError)) return error;
  const expected = error instanceof OperandError ? error.expected : 'values json-rules-engine can compare';
  const found = error instanceof OperandError ? describeValue(error.found) : error.message;
  return new BenefitRulesError(
    'invalid-rules',
    `The condition ${where}${ctx.file ? ` in ${ctx.file}` : ''} cannot be evaluated: operator ${JSON.stringify(leaf.operator)} expected ${expected}, found ${found}`,
    [{ ...(ctx.file ? { file: ctx.file } : {}), path: where, expected: `${expected} for ${leaf.operator}`, found }],
  );
}

function compileLeaf(leaf: LeafCondition, where: string, ctx: CompileContext): Part {
  const operator: Operator | undefined = resolveOperator(leaf.operator);
  if (!operator)
    throw new ConditionCompileError(`${where}.operator`, "one of json-rules-engine's operators, optionally decorated (not:, someFact:, swap: …)", JSON.stringify(leaf.operator));
  const { get: left, code: leftCode } = reader(leaf.fact, leaf.path, where, ctx);
  const reference = isFactReference(leaf.value) ? leaf.value : undefined;
  if (!reference) {
    const problem = constantOperandProblem(leaf.operator, leaf.value);
    if (problem) throw new ConditionCompileError(`${where}.value`, problem.expected, describeValue(problem.found));
  }
  const constant = leaf.value;
  const { get: right, code: rightCode } = reference
    ? referenceReader(reference as unknown as Record<string, unknown>, `${where}.value`, ctx)
    : { get: () => constant, code: ctx.emit.constant(constant) };
  const rightFact = reference?.fact;
  const wrap = (error: unknown) => operandError(error, leaf, where, ctx);
  // A constant list of plain values only: an `in` on it is a plain indexOf for a plain value.
  const plainList = !reference && Array.isArray(constant) && constant.every((x) => typeof x !== 'object' || x === null);
  const comparison = ctx.emit.comparison(leaf.operator, ctx.emit.constant(operator), plainList);
  const code = ctx.emit.leaf(leftCode, leaf.fact, rightCode, rightFact, comparison, ctx.emit.constant(wrap));
  const run: Node = (facts, record) => {
    const factValue = left(facts);
    if (factValue === UNKNOWN) return leaf.fact;
    const value = right(facts);
    if (value === UNKNOWN) return rightFact as string;
    let result: boolean;
    try {
      result = operator(factValue, value);
    } catch (error) {
      throw wrap(error);
    }
    if (record) {
      const outcome: LeafOutcome = { fact: leaf.fact, operator: leaf.operator, factValue, value, result };
      if (leaf.path !== undefined) outcome.path = leaf.path;
      if (reference) outcome.valueFact = reference.fact;
      record.push(outcome);
    }
    return result;
  };
  return { run, code };
}

/**
 * json-rules-engine's order inside "all" and "any": children run in sets of equal priority, highest
 * first, and the next set is only run while the answer is still open. A condition's priority is its
 * own `priority`, else 1 (json-rules-engine would use a fact's priority, but facts given at run time
 * have none). Within a set json-rules-engine evaluates everything and we stop at the first decisive
 * child: the answers agree wherever json-rules-engine gives one.
 */
function byPriority(children: readonly Condition[]): number[] {
  const order = children.map((_, i) => i);
  const priority = (c: Condition) => c.priority ?? 1;
  return order.sort((a, b) => priority(children[b] as Condition) - priority(children[a] as Condition) || a - b);
}

function compileNode(condition: Condition, where: string, ctx: CompileContext): Part {
  if ('all' in condition) {
    const compiled = byPriority(condition.all).map((i) => compileNode(condition.all[i] as Condition, `${where}.all[${i}]`, ctx));
    const parts = compiled.map((part) => part.run);
    // json-rules-engine: an empty "all" or "any" is true.
    const run: Node = (facts, record) => {
      for (const part of parts) {
        const decision = part(facts, record);
        if (decision !== true) return decision;
      }
      return true;
    };
    return { run, code: ctx.emit.all(compiled.map((part) => part.code)) };
  }
  if ('any' in condition) {
    const compiled = byPriority(condition.any).map((i) => compileNode(condition.any[i] as Condition, `${where}.any[${i}]`, ctx));
    const parts = compiled.map((part) => part.run);
    const code = ctx.emit.any(compiled.map((part) => part.code));
    if (parts.length === 0) return { run: () => true, code };
    const run: Node = (facts, record) => {
      for (const part of parts) {
        const decision = part(facts, record);
        if (decision !== false) return decision;
      }
      return false;
    };
    return { run, code };
  }
  if ('not' in condition) {
    const inner = compileNode(condition.not, `${where}.not`, ctx);
    const run: Node = (facts, record) => {
      const decision = inner.run(facts, record);
      return typeof decision === 'string' ? decision : !decision;
    };
    return { run, code: ctx.emit.not(inner.code) };
  }
  if ('condition' in condition) {
    const name = condition.condition;
    const target = ctx.lookup(name);
    if (!target) throw new ConditionCompileError(`${where}.condition`, 'the name of a condition of the rule file', `no condition named ${JSON.stringify(name)}`);
    if (ctx.stack.includes(name))
      throw new ConditionCompileError(`${where}.condition`, 'a condition that does not refer to itself', `condition ${JSON.stringify(name)} refers to itself`);
    ctx.stack.push(name);
    const inner = compileNode(target, `${where}→${name}`, ctx);
    ctx.stack.pop();
    return remembered(name, inner, ctx.memo, ctx.emit);
  }
  return compileLeaf(condition, where, ctx);
}

/**
 * Compiles one condition. `lookup` resolves shared conditions referred to by name, like
 * json-rules-engine's `engine.setCondition`; it must only find names that were defined (a Map, not
 * an object's inherited "toString"). `file` names the rule file in errors raised while evaluating.
 */
export function compileCondition(
  condition: Condition,
  lookup: (name: string) => Condition | undefined = () => undefined,
  where = '$',
  memo?: { memo: Memo; name: string },
  file?: string,
): CompiledCondition {
  const emit = new Emitter();
  const ctx: CompileContext = { lookup, facts: new Set(), stack: [], memo: memo?.memo, file, emit };
  const root = memo ? remembered(memo.name, compileNode(condition, where, ctx), memo.memo, emit) : compileNode(condition, where, ctx);
  const run = root.run;
  const fast = emit.finish(root.code, UNKNOWN);
  const decide = (facts: Facts, record?: LeafOutcome[]): Decision => (record ? run(facts, record) : fast(facts));
  const compiled = ((facts: Facts, record?: LeafOutcome[]) => {
    const decision = decide(facts, record);
    if (typeof decision === 'string') throw new UnknownFact(decision);
    return decision;
  }) as CompiledCondition;
  Object.defineProperty(compiled, 'decide', { value: decide });
  Object.defineProperty(compiled, 'facts', { value: ctx.facts });
  return compiled;
}
