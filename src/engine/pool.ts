/**
 * The contexts of one plan, one per programme and arithmetic, reused from household to household
 * on the compiled path (evaluation is synchronous, so a context is never used by two at once).
 */
import { decimalArithmetic } from '../arithmetic/decimal.js';
import { UnitsArithmetic } from '../arithmetic/units.js';
import type { Arithmetic } from '../arithmetic/types.js';
import { Context } from '../programmes/context.js';
import { prepared, type Prepared } from '../programmes/declared/prepare.js';
import { programmeRunner, type ProgrammeRunner } from '../programmes/index.js';
import type { Plan } from '../programmes/plan.js';
import type { ProgrammeRules } from '../rulebook/index.js';
import type { Receipt } from './result.js';
import type { RunScratch } from '../programmes/types.js';
import { receiptFor } from './result.js';
import { deepFreeze } from '../programmes/plan.js';

export class ContextPool {
  readonly units = new UnitsArithmetic();
  /** By programme position: one context per arithmetic, what prepare.ts derived, what runs it. */
  private readonly contexts: { units: (Context | undefined)[]; decimal: (Context | undefined)[] } = { units: [], decimal: [] };
  private readonly infos: (Prepared | undefined)[] = [];
  readonly runners: readonly ProgrammeRunner[];
  /** Programme runs handed to Decimals because fixed point could not hold them exactly. */
  fallbacks = 0;
  /** The scratch of the household being run (emptied for each: a run is synchronous). */
  readonly scratch: RunScratch = { memberFacts: { units: [], decimal: [] } };
  private receiptCache: Receipt | undefined;

  /** The rulebook's programmes in its order (each after those it uses), and each one's position in it. */
  readonly programmes: readonly ProgrammeRules[];
  readonly positions: ReadonlyMap<string, number>;
  /** The positions in the order they are entitled (see entitlementOrder). */
  readonly order: readonly number[];

  constructor(readonly plan: Plan) {
    this.programmes = [...plan.settings.rulebook.programmes.values()];
    this.positions = new Map(this.programmes.map((rules, i) => [rules.programme, i]));
    this.order = entitlementOrder(this.programmes, this.positions);
    this.runners = this.programmes.map(programmeRunner);
  }

  /** The context of the programme at position i in arithmetic a, made on first use. */
  context(i: number, a: Arithmetic): Context {
    const contexts = this.contexts[a.kind];
    let ctx = contexts[i];
    if (!ctx) contexts[i] = ctx = new Context(this.plan, a, this.programmes[i] as ProgrammeRules, this.prepared(i).moneyFacts);
    return ctx;
  }

  /** What the engine derived from the rule file of the programme at position i (kept here: one read per run). */
  prepared(i: number): Prepared {
    let info = this.infos[i];
    if (!info) this.infos[i] = info = prepared(this.plan.settings.rulebook, this.programmes[i] as ProgrammeRules);
    return info;
  }

  arithmetic(kind: 'decimal' | 'units'): Arithmetic {
    return (kind === 'units' ? this.units : decimalArithmetic) as Arithmetic;
  }

  /** Shared by every result of the plan, so frozen. */
  get receipt(): Receipt {
    const { rulebook, jurisdiction } = this.plan.settings;
    this.receiptCache ??= deepFreeze(receiptFor(rulebook, jurisdiction));
    return this.receiptCache;
  }
}

/**
 * The order programmes are entitled in: the rulebook's, except that a programme that supports
 * members apart (rule files' "leavesHousehold") comes as early as what it uses allows. The
 * programme it takes them from is then entitled again without them before any later one reads it,
 * and the later ones are entitled once, instead of each being entitled again (run.ts). Results
 * are written in the rulebook's order whatever this one is.
 */
export function entitlementOrder(programmes: readonly ProgrammeRules[], positions: ReadonlyMap<string, number>): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  const place = (i: number): void => {
    if (placed.has(i)) return;
    // What it uses first, in the rulebook's order (which already puts them before it).
    const uses = ((programmes[i] as ProgrammeRules).uses ?? []).map((id) => positions.get(id) as number).sort((x, y) => x - y);
    for (const used of uses) place(used);
    placed.add(i);
    order.push(i);
  };
  programmes.forEach((rules, i) => {
    if (rules.leavesHousehold !== undefined) place(i);
  });
  programmes.forEach((_, i) => place(i));
  return order;
}
