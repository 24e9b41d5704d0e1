/**
 * json-rules-engine's default operators and operator decorators, re-implemented synchronously with
 * the same semantics (validator first, then the comparison), plus one extension: when either side is
 * an exact Decimal the comparison is made exactly, as json-rules-engine would on the number the
 * Decimal stands for. The property test in tests/conditions proves the agreement on random facts.
 */
import { Decimal } from '../money.js';

export type Operator = (factValue: unknown, jsonValue: unknown) => boolean;

function asDecimal(value: unknown): Decimal | undefined {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  return undefined;
}

/** Both sides as Decimals when at least one is a Decimal; otherwise undefined (use JS semantics). */
function exactPair(a: unknown, b: unknown): [Decimal, Decimal] | undefined | null {
  if (!(a instanceof Decimal) && !(b instanceof Decimal)) return undefined;
  const x = asDecimal(a);
  const y = asDecimal(b);
  return x && y ? [x, y] : null;
}

function same(a: unknown, b: unknown): boolean {
  // The common cases first: plain values compare as json-rules-engine compares them.
  if ((typeof a !== 'object' || a === null) && (typeof b !== 'object' || b === null)) return a === b;
  const pair = exactPair(a, b);
  if (pair === undefined) return a === b;
  return pair !== null && pair[0].equals(pair[1]);
}

/**
 * Thrown where json-rules-engine would throw a TypeError (indexOf or some on a value that has none):
 * json-rules-engine gives no answer there either. The compiled leaf turns it into a
 * BenefitRulesError naming the condition; it never escapes as a raw TypeError.
 */
export class OperandError extends Error {
  constructor(
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`expected ${expected}`);
  }
}

/** A plain loop: this runs for every `in` comparison, and a closure per call showed in profiles. */
function holdsDecimal(container: readonly unknown[]): boolean {
  for (let i = 0; i < container.length; i += 1) if (container[i] instanceof Decimal) return true;
  return false;
}

function indexOf(container: unknown, item: unknown): number {
  if (Array.isArray(container)) {
    if (item instanceof Decimal || holdsDecimal(container)) return container.findIndex((entry) => same(item, entry));
    return container.indexOf(item);
  }
  // json-rules-engine calls indexOf on whatever it is given: a string searches for a substring,
  // anything else throws.
  if (typeof container === 'string') return container.indexOf(item as string);
  throw new OperandError('an array or a string to look in', container);
}

function elements(values: unknown): unknown[] {
  if (Array.isArray(values)) return values;
  throw new OperandError('an array of values', values);
}

function numberValidator(factValue: unknown): boolean {
  // parseFloat of null, undefined or a boolean is NaN: answered without making the string 'NaN'.
  if (factValue === null || factValue === undefined || typeof factValue === 'boolean') return false;
  if (factValue instanceof Decimal) return true;
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

function compare(test: (sign: number) => boolean, native: (a: never, b: never) => boolean): Operator {
  return (a, b) => {
    // Two numbers (the compiled path's fixed-point money): json-rules-engine's validator only
    // refuses NaN, then compares natively.
    if (typeof a === 'number' && typeof b === 'number') return a === a && native(a as never, b as never);
    if (!numberValidator(a)) return false;
    if (!(a instanceof Decimal) && (typeof b !== 'object' || b === null)) return native(a as never, b as never);
    const pair = exactPair(a, b);
    if (pair === undefined) return native(a as never, b as never);
    return pair !== null && test(pair[0].comparedTo(pair[1]));
  };
}

export const OPERATORS: Readonly<Record<string, Operator>> = {
  equal: (a, b) => same(a, b),
  notEqual: (a, b) => !same(a, b),
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && indexOf(a, b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && indexOf(a, b) === -1,
  lessThan: compare(
    (s) => s < 0,
    (a, b) => a < b,
  ),
  lessThanInclusive: compare(
    (s) => s <= 0,
    (a, b) => a <= b,
  ),
  greaterThan: compare(
    (s) => s > 0,
    (a, b) => a > b,
  ),
  greaterThanInclusive: compare(
    (s) => s >= 0,
    (a, b) => a >= b,
  ),
};

type Decorator = (next: Operator) => Operator;

const always = () => true;

function decorator(validator: (factValue: unknown) => boolean, body: (factValue: unknown, jsonValue: unknown, next: Operator) => boolean): Decorator {
  return (next) => (a, b) => validator(a) && body(a, b, next);
}

export const DECORATORS: Readonly<Record<string, Decorator>> = {
  someFact: decorator(Array.isArray, (a, b, next) => (a as unknown[]).some((item) => next(item, b))),
  someValue: decorator(always, (a, b, next) => elements(b).some((item) => next(a, item))),
  everyFact: decorator(Array.isArray, (a, b, next) => (a as unknown[]).every((item) => next(item, b))),
  everyValue: decorator(always, (a, b, next) => elements(b).every((item) => next(a, item))),
  swap: decorator(always, (a, b, next) => next(b, a)),
  not: decorator(always, (a, b, next) => !next(a, b)),
};

/**
 * Resolves "decorator:…:operator" the way json-rules-engine's OperatorMap does; undefined if unknown.
 * Own properties only: json-rules-engine keeps operators in a Map, so "constructor" or "valueOf"
 * are unknown operators there, not Object.prototype's methods.
 */
export function resolveOperator(name: string): Operator | undefined {
  const parts = name.split(':');
  const last = parts[parts.length - 1] as string;
  if (!Object.hasOwn(OPERATORS, last)) return undefined;
  let operator = OPERATORS[last] as Operator;
  for (let i = parts.length - 2; i >= 0; i -= 1) {
    const part = parts[i] as string;
    if (!Object.hasOwn(DECORATORS, part)) return undefined;
    operator = (DECORATORS[part] as Decorator)(operator);
  }
  return operator;
}

/**
 * Why a leaf with a constant value can never be answered by json-rules-engine, or undefined. Its
 * operators call indexOf on the container of in / notIn and some / every on the values of
 * someValue / everyValue, whatever they are given; when that operand is the rule's own constant and
 * has no such method, every evaluation of the leaf throws, so the rule is refused at load. Operands
 * that come from facts are checked when evaluated (OperandError).
 */
export function constantOperandProblem(name: string, value: unknown): { expected: string; found: unknown } | undefined {
  // Where the constant is as the decorators pass the operands on: the second operand (the value)
  // at first, the first after a swap, lost once a decorator replaces it with its elements.
  let at: 'fact' | 'value' | undefined = 'value';
  const parts = name.split(':');
  for (const part of parts.slice(0, -1)) {
    if (part === 'swap') at = at === 'value' ? 'fact' : at === 'fact' ? 'value' : undefined;
    else if (part === 'someFact' || part === 'everyFact') at = at === 'fact' ? undefined : at;
    else if (part === 'someValue' || part === 'everyValue') {
      if (at === 'value' && !Array.isArray(value)) return { expected: `an array as the value of ${part}`, found: value };
      at = at === 'value' ? undefined : at;
    }
  }
  const base = parts[parts.length - 1];
  if ((base === 'in' || base === 'notIn') && at === 'value' && !Array.isArray(value) && typeof value !== 'string') {
    return { expected: `an array (or a string) as the value of ${base}`, found: value };
  }
  return undefined;
}
