/**
 * One household-month through every programme: entitlements in the rulebook's order (each after
 * the programmes it uses), then the interactions between programmes, then the result. Both
 * evaluation paths run this: the reference on Decimals only, the compiled path on fixed-point units
 * with any programme that cannot stay exact re-run on Decimals — that programme alone.
 */
import type { Household } from '../schemas/household.js';
import type { ArithmeticKind } from '../arithmetic/types.js';
import { INEXACT } from '../arithmetic/types.js';
import { NOT_CONFIGURED } from '../programmes/context.js';
import { NOTHING_PROVIDED, type MemberLine, type Outcome, type RunScratch } from '../programmes/types.js';
import { RunsById, type Run, type RunSettings } from './types.js';
import type { ProgrammeRules } from '../rulebook/index.js';
import type { ContextPool } from './pool.js';
import type { ProgrammeRunner } from '../programmes/index.js';
import { linePaid, settleLine, type PaidBy } from './interactions.js';
import { householdPaid, settleHousehold, type HouseholdPaidBy } from './household-interactions.js';
import { usedFacts } from './used.js';
import { assemble, type HouseholdRun } from './assemble.js';

export type { HouseholdRun } from './assemble.js';
export type { Run, RunSettings } from './types.js';

export function runHousehold(household: Household, pool: ContextPool, settings: RunSettings): HouseholdRun {
  pool.units.reset();
  const scratch = pool.scratch;
  // Emptied only when used: setting an array's length is a call into the runtime even when it is 0.
  if (scratch.memberFacts.units.length !== 0) scratch.memberFacts.units.length = 0;
  if (scratch.memberFacts.decimal.length !== 0) scratch.memberFacts.decimal.length = 0;
  // Always runs[i] for the i-th programme in the rulebook's order, whatever the order they are
  // entitled in: a run entitled again replaces it in place.
  const runs: Run[] = new Array<Run>(pool.programmes.length);
  const byId = new RunsById(runs, pool.positions);
  const first: ArithmeticKind = settings.fast ? 'units' : 'decimal';
  const order = pool.order;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] as number;
    const run = entitle(i, first, household, pool, byId, settings, scratch);
    runs[i] = run;
    if (run.rules.leavesHousehold !== undefined) supportApart(run, k, runs, byId, household, pool, settings, scratch);
  }
  // Most households have no line an interaction could change: no settler is made for them.
  if (runs.some(settles)) {
    const settler = new Settler(runs, byId, household, pool, settings, scratch);
    for (let i = 0; i < runs.length; i += 1) settler.settleProgramme(i);
  }
  return assemble(runs, settings);
}

/** A run the settler has work for: interactions, and an amount or member lines they act on. */
function settles(run: Run): boolean {
  return run.info.interactions.length > 0 && run.suspended === undefined && (run.rules.scope === 'household' || (run.outcome.members?.length ?? 0) > 0);
}

/**
 * Settles the member lines of every programme (its interactions applied), in the rulebook's order,
 * except that an exclusion by a later programme first settles that programme's line for the
 * member: it weighs what the other pays, not what it would. Each line is settled once; a line
 * whose settling needs itself (a cycle) is read as it stands.
 */
class Settler {
  private readonly settled = new Set<MemberLine<unknown>>();
  private readonly active = new Set<MemberLine<unknown>>();
  private readonly paidBy: PaidBy = (programme, member, a) => {
    const j = this.runs.findIndex((r) => r.rules.programme === programme);
    const index = this.household.members.findIndex((m) => m.id === member);
    for (let k = 0; k <= j; k += 1) this.settleMember(k, member);
    return linePaid(this.runs[j] as Run, this.household, index, a);
  };
  private readonly householdPaidBy: HouseholdPaidBy = (j, a) => {
    this.settleProgramme(j);
    return householdPaid(this.runs[j] as Run, this.household, a);
  };
  /** Household programmes settled, or being settled (a cycle reads the amount as it stands); made
   * only when one has interactions, as most households' runs have none. */
  private households: Set<number> | undefined;

  constructor(
    private readonly runs: Run[],
    private readonly byId: RunsById,
    private readonly household: Household,
    private readonly pool: ContextPool,
    private readonly settings: RunSettings,
    private readonly scratch: RunScratch,
  ) {}

  settleProgramme(i: number): void {
    if ((this.runs[i] as Run).rules.scope === 'household') return this.settleHousehold(i);
    // By position: a fallback to Decimals replaces the lines (same members, same order).
    for (let k = 0; k < this.lines(i).length; k += 1) this.settle(i, this.lines(i)[k] as MemberLine<unknown>);
  }

  /** A household programme's amount, as settle does a member line (household-interactions.ts). */
  private settleHousehold(i: number): void {
    const run = this.runs[i] as Run;
    if (run.info.interactions.length === 0 || run.suspended !== undefined) return;
    const settled = (this.households ??= new Set());
    if (settled.has(i)) return;
    settled.add(i);
    try {
      settleHousehold(run, i, this.runs, this.household, usedFacts(run.rules, this.byId, run.ctx.a, this.scratch), this.householdPaidBy);
    } catch (error) {
      if (error !== INEXACT || run.ctx.a.kind !== 'units') throw error;
      this.pool.fallbacks += 1;
      const again = entitle(i, 'decimal', this.household, this.pool, this.byId, this.settings, this.scratch, run.apart);
      this.runs[i] = again;
      if (again.suspended === undefined) settleHousehold(again, i, this.runs, this.household, usedFacts(again.rules, this.byId, again.ctx.a, this.scratch), this.householdPaidBy);
    }
  }

  private settleMember(i: number, member: string): void {
    const line = this.lines(i).find((l) => l.member === member);
    if (line !== undefined) this.settle(i, line);
  }

  private lines(i: number): MemberLine<unknown>[] {
    const run = this.runs[i] as Run;
    return run.info.interactions.length === 0 || run.suspended !== undefined ? [] : (run.outcome.members ?? []);
  }

  private settle(i: number, line: MemberLine<unknown>): void {
    if (this.settled.has(line) || this.active.has(line)) return;
    const run = this.runs[i] as Run;
    this.active.add(line);
    try {
      settleLine(run, line, i, this.runs, this.household, usedFacts(run.rules, this.byId, run.ctx.a, this.scratch), this.paidBy);
      this.settled.add(line);
    } catch (error) {
      if (error !== INEXACT || run.ctx.a.kind !== 'units') throw error;
      // This programme cannot stay exact on units: it alone is entitled again on Decimals, and the
      // lines it had settled are settled again (the values others read from it are the same).
      this.pool.fallbacks += 1;
      const again = entitle(i, 'decimal', this.household, this.pool, this.byId, this.settings, this.scratch, run.apart);
      this.runs[i] = again;
      const done = new Set(run.outcome.members?.filter((l) => this.settled.has(l) || l === line).map((l) => l.member));
      for (const l of this.lines(i)) if (done.has(l.member)) this.settle(i, l);
    } finally {
      this.active.delete(line);
    }
  }
}

/**
 * Members a programme supports apart (an extreme-poor member, whom dibao then no longer counts):
 * the programme they leave, and every programme entitled since that reads it (directly or through
 * another that does), except those that support apart, are entitled again without them; those
 * entitled later read it as it now is (the order, pool.ts, puts as few as it can in between). A
 * programme that reads none of them is given the same household and the same facts, so its
 * entitlement stands. Only a member the programme is known to take leaves; one whose line is
 * undecided stays, and the household's result says what it turns on.
 */
function supportApart(run: Run, at: number, runs: Run[], byId: RunsById, household: Household, pool: ContextPool, settings: RunSettings, scratch: RunScratch): void {
  const of = (run.rules.leavesHousehold as NonNullable<ProgrammeRules['leavesHousehold']>).of;
  const apart = new Set<string>();
  for (const line of run.suspended === undefined ? (run.outcome.members ?? []) : []) if (line.qualifies) apart.add(line.member);
  if (apart.size === 0) return;
  const changed = new Set<string>([of]);
  for (let k = pool.order.indexOf(pool.positions.get(of) as number); k < at; k += 1) {
    const i = pool.order[k] as number;
    const rules = (runs[i] as Run).rules;
    if (rules.leavesHousehold !== undefined) continue;
    if (rules.programme !== of && !(rules.uses ?? []).some((used) => changed.has(used))) continue;
    changed.add(rules.programme);
    runs[i] = entitle(i, (runs[i] as Run).ctx.a.kind, household, pool, byId, settings, scratch, rules.programme === of ? apart : undefined);
  }
}

function entitle(
  i: number,
  kind: ArithmeticKind,
  household: Household,
  pool: ContextPool,
  byId: RunsById,
  settings: RunSettings,
  scratch: RunScratch,
  apart?: ReadonlySet<string>,
): Run {
  const a = pool.arithmetic(kind);
  const rules = pool.programmes[i] as ProgrammeRules;
  const ctx = pool.context(i, a).reset(settings.record ? [] : undefined);
  const info = pool.prepared(i);
  try {
    const used = usedFacts(rules, byId, a, scratch);
    const outcome = (pool.runners[i] as ProgrammeRunner)(ctx, info, household, apart === undefined ? used : { ...used, apart });
    const run: Run = { rules, info, ctx, outcome, suspended: outcome.status === 'undetermined' ? 'undetermined' : undefined };
    if (apart !== undefined) run.apart = apart;
    return run;
  } catch (error) {
    if (error === INEXACT && kind === 'units') {
      pool.fallbacks += 1;
      return entitle(i, 'decimal', household, pool, byId, settings, scratch, apart);
    }
    if (error !== NOT_CONFIGURED) throw error;
    const outcome: Outcome<unknown> = { status: 'not-configured', reasons: ['notConfigured'], amount: a.zero, fields: {}, provides: { household: {}, members: NOTHING_PROVIDED } };
    const run: Run = { rules, info, ctx, outcome, suspended: ctx.stopped() };
    if (apart !== undefined) run.apart = apart;
    return run;
  }
}
