/**
 * What a programme reads of the programmes it uses, in its own arithmetic. Apart from run.ts so
 * that the interactions, which weigh one programme's amounts against another's, need not import
 * the runner that calls them.
 */
import type { Arithmetic } from '../arithmetic/types.js';
import type { ProvidedFacts, RunScratch, UsedFacts } from '../programmes/types.js';
import type { ProgrammeRules } from '../rulebook/index.js';
import type { Run, RunsById } from './types.js';
import { UNKNOWN } from '../programmes/context.js';
import { NOTHING_PROVIDED } from '../programmes/types.js';

/** An amount of one arithmetic in another (INEXACT when units cannot hold it). */
export function move(value: unknown, from: Arithmetic, to: Arithmetic): unknown {
  return from.kind === to.kind ? value : to.fromDecimal(from.toDecimal(value));
}

/** What a programme not configured this month gives: nothing known. */
const UNKNOWN_PROVIDES: ProvidedFacts = Object.freeze({ household: Object.freeze({}), members: NOTHING_PROVIDED, unknown: true as const });

const NO_PRODUCERS: readonly ProvidedFacts[] = Object.freeze([]);

/** What `rules` reads of the programmes it uses, each in arithmetic `a`: the producers' own facts
 * when they ran on the same arithmetic (nearly always), a converted copy otherwise. */
export function usedFacts(rules: ProgrammeRules, byId: RunsById, a: Arithmetic, scratch?: RunScratch): UsedFacts {
  const uses = rules.uses;
  const producers = uses === undefined || uses.length === 0 ? NO_PRODUCERS : uses.map((id) => providedIn(byId.get(id) as Run, a));
  return scratch ? { producers, scratch } : { producers };
}

/** What one run gives, in arithmetic `a`. */
function providedIn(run: Run, a: Arithmetic): ProvidedFacts {
  const from = run.ctx.a;
  const provided = run.outcome.provides;
  if (run.suspended !== undefined) return UNKNOWN_PROVIDES;
  if (from.kind === a.kind) return provided;
  const money = run.info.providedMoney;
  const convert = (facts: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const name in facts) out[name] = money.has(name) && facts[name] !== UNKNOWN ? move(facts[name], from, a) : facts[name];
    return out;
  };
  return { household: convert(provided.household), members: provided.members.map((facts) => (facts === undefined ? undefined : convert(facts))) };
}
