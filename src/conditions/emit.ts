/**
 * The source of a condition's fast path: the same tree the closures of compile.ts walk, written
 * out as one function of plain statements, so that V8 inlines its comparisons instead of calling a
 * closure per node through one shared, unspecialisable call site. Used when nothing is recorded
 * (the trace takes the closures); tests/conditions holds the two to the same answers. The code is
 * made only of fixed statements, JSON-quoted fact names and indices into `k`, the values and
 * functions compile.ts hands over: nothing from a rule file is executed.
 *
 * Each piece assigns the node's Decision to `r` (true, false, or the name of the first unknown
 * fact reached); a labelled block stops a combination at its first decisive part.
 */
export type Decide = (facts: Readonly<Record<string, unknown>>) => boolean | string;

export class Emitter {
  private readonly constants: unknown[] = [];
  private labels = 0;

  /** An expression for a value or function the generated code uses. */
  constant(value: unknown): string {
    return `k[${this.constants.push(value) - 1}]`;
  }

  /** Reads one fact of the facts object `f`; a name Object.prototype also holds must be an own one. */
  read(fact: string, inherited: boolean): string {
    const name = JSON.stringify(fact);
    return inherited ? `(H(f, ${name}) ? f[${name}] : undefined)` : `f[${name}]`;
  }

  /** A comparison: stops on an UNKNOWN operand (left first), else the operator's answer; an
   * operand it cannot compare becomes the rule error `wrap` makes. */
  leaf(left: string, leftFact: string, right: string, rightFact: string | undefined, comparison: string, wrap: string): string {
    const rightUnknown = rightFact === undefined ? '' : `if (w === U) r = ${JSON.stringify(rightFact)}; else `;
    return `{ const v = ${left}; if (v === U) r = ${JSON.stringify(leftFact)}; else { const w = ${right}; ${rightUnknown}try { r = ${comparison}; } catch (e) { throw ${wrap}(e); } } }`;
  }

  /**
   * The comparison of `v` with `w` by the operator named `name` (whose function is `operator`):
   * written inline for the operands its function compares natively, as operators.ts does (two
   * numbers; two values that are not objects; a plain value in a list of plain values), else a
   * call to the function. Most comparisons are of those, and a call through one function shared
   * by every condition cannot be specialised. `list`: the constant list of an in / notIn, when
   * every element is a plain value.
   */
  comparison(name: string, operator: string, list: boolean): string {
    const call = `${operator}(v, w)`;
    const plain = (x: string) => `(typeof ${x} !== 'object' || ${x} === null)`;
    const numbers = (test: string) => `typeof v === 'number' && typeof w === 'number' ? v === v && v ${test} w : ${call}`;
    switch (name) {
      case 'equal':
        return `${plain('v')} && ${plain('w')} ? v === w : ${call}`;
      case 'notEqual':
        return `${plain('v')} && ${plain('w')} ? v !== w : ${call}`;
      case 'lessThan':
        return numbers('<');
      case 'lessThanInclusive':
        return numbers('<=');
      case 'greaterThan':
        return numbers('>');
      case 'greaterThanInclusive':
        return numbers('>=');
      case 'in':
        return list ? `${plain('v')} ? w.indexOf(v) > -1 : ${call}` : call;
      case 'notIn':
        return list ? `${plain('v')} ? w.indexOf(v) === -1 : ${call}` : call;
      default:
        return call;
    }
  }

  /** Every part, in order, while each holds (an empty "all" holds). */
  all(parts: readonly string[]): string {
    const label = `L${(this.labels += 1)}`;
    return `${label}: { ${parts.map((part) => `${part} if (r !== true) break ${label};`).join(' ')} r = true; }`;
  }

  /** The parts in order until one holds (an empty "any" holds, as in json-rules-engine). */
  any(parts: readonly string[]): string {
    if (parts.length === 0) return 'r = true;';
    const label = `L${(this.labels += 1)}`;
    return `${label}: { ${parts.map((part) => `${part} if (r !== false) break ${label};`).join(' ')} r = false; }`;
  }

  not(inner: string): string {
    return `${inner} if (typeof r !== 'string') r = !r;`;
  }

  /** A named condition's answer, kept in `cell` for the facts object it was last worked out on. */
  remembered(cell: string, inner: string): string {
    return `{ const c = ${cell}; if (c.facts === f) r = c.value; else { ${inner} c.facts = f; c.value = r; } }`;
  }

  /** The function deciding the condition whose code is `body`. */
  finish(body: string, unknown: unknown): Decide {
    const make = new Function('k', 'U', 'H', `return function decide(f) { let r; ${body} return r; };`) as (k: unknown[], u: unknown, h: typeof Object.hasOwn) => Decide;
    return make(this.constants, unknown, Object.hasOwn);
  }
}
