/**
 * One household-month through every programme: entitlements in the rulebook's order (each after
 * the programmes it uses), then the interactions between programmes, then the result. Both
 * evaluation paths run this: the reference on Decimals only, the compiled path on fixed-point units
 * with any programme that cannot stay exact re-run on Decimals — that programme alone.
 */
import type { Household } from '../schemas/household.js';
import type { Arithmetic, ArithmeticKind } from '../arithmetic/types.js';
import { INEXACT } from '../arithmetic/types.js';
import { Decimal } from '../money.js';
import { NOT_CONFIGURED, type Context } from '../programmes/context.js';
import { evaluateProgramme } from '../programmes/index.js';
import type { Prepared } from '../programmes/declared/prepare.js';
import type { Outcome, RunScratch } from '../programmes/types.js';
import type { TraceEntry } from '../programmes/trace.js';
import type { ProgrammeRules } from '../rulebook/index.js';
import type { ContextPool } from './pool.js';
import type { ProgrammeResult } from './result.js';
import { applyInteractions } from './interactions.js';
import { usedFacts } from './used.js';

/** Shared by every result with no member lines: frozen, so no result can change another. */
const NO_LINES = Object.freeze([]) as unknown as ProgrammeResult['members'] & object;

export interface RunSettings {
  /** Try fixed-point units first (the compiled path). */
  fast: boolean;
  /** Record the trace (to return it, or to render it). */
  record: boolean;
  /** Put the trace in the result. */
  include: boolean;
}

export interface Run {
  rules: ProgrammeRules;
  info: Prepared;
  ctx: Context;
  outcome: Outcome<unknown>;
  /** Set when a parameter the programme needs is missing this month. */
  suspended: 'not-configured' | 'not-in-force' | undefined;
}

export interface HouseholdRun {
  programmes: Record<string, ProgrammeResult>;
  total: string;
  traces: [string, TraceEntry[]][];
}

export function runHousehold(household: Household, pool: ContextPool, settings: RunSettings): HouseholdRun {
  pool.units.reset();
  const scratch: RunScratch = { memberFacts: { units: [], decimal: [] } };
  const runs: Run[] = [];
  const byId = new Map<string, Run>();
  const first: ArithmeticKind = settings.fast ? 'units' : 'decimal';
  for (const rules of pool.plan.settings.rulebook.programmes.values()) {
    const run = entitle(rules, first, household, pool, byId, settings, scratch);
    runs.push(run);
    byId.set(rules.programme, run);
  }
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i] as Run;
    if (run.info.interactions.length === 0 || run.suspended !== undefined || !run.outcome.members?.length) continue;
    try {
      applyInteractions(run, i, runs, household, usedFacts(run.rules, byId, run.ctx.a, scratch));
    } catch (error) {
      if (error === INEXACT && run.ctx.a.kind === 'units') {
        pool.fallbacks += 1;
        const again = entitle(run.rules, 'decimal', household, pool, byId, settings, scratch);
        runs[i] = again;
        byId.set(run.rules.programme, again);
        if (again.suspended === undefined) suspendOn(again, () => applyInteractions(again, i, runs, household, usedFacts(again.rules, byId, again.ctx.a, scratch)));
      } else if (error === NOT_CONFIGURED) {
        run.suspended = suspension(run.ctx);
      } else throw error;
    }
  }
  return assemble(runs, settings);
}

function suspendOn(run: Run, body: () => void): void {
  try {
    body();
  } catch (error) {
    if (error !== NOT_CONFIGURED) throw error;
    run.suspended = suspension(run.ctx);
  }
}

function entitle(rules: ProgrammeRules, kind: ArithmeticKind, household: Household, pool: ContextPool, byId: Map<string, Run>, settings: RunSettings, scratch: RunScratch): Run {
  const a = pool.arithmetic(kind);
  const ctx = pool.context(rules, a).reset(settings.record ? [] : undefined);
  const info = ctx.info as Prepared;
  try {
    return { rules, info, ctx, outcome: evaluateProgramme(ctx, household, usedFacts(rules, byId, a, scratch)), suspended: undefined };
  } catch (error) {
    if (error === INEXACT && kind === 'units') {
      pool.fallbacks += 1;
      return entitle(rules, 'decimal', household, pool, byId, settings, scratch);
    }
    if (error !== NOT_CONFIGURED) throw error;
    const outcome: Outcome<unknown> = { status: 'not-configured', reasons: ['notConfigured'], amount: a.zero, fields: {}, provides: { household: {}, members: new Map() } };
    return { rules, info, ctx, outcome, suspended: suspension(ctx) };
  }
}

/** Not configured when the pack says so (a null value); not in force when no pack sets it at all. */
function suspension(ctx: Context): 'not-configured' | 'not-in-force' {
  // Decided by what stopped it: a programme it needs (not configured itself), a value the pack sets
  // to null (not configured), or a rule no pack sets for the month (not in force).
  const by = ctx.suspendedBy;
  return by === undefined || !ctx.plan.slots.has(by) || ctx.plan.get(by).entry?.kind === 'parameter' ? 'not-configured' : 'not-in-force';
}

function assemble(runs: readonly Run[], settings: RunSettings): HouseholdRun {
  const programmes: Record<string, ProgrammeResult> = {};
  const traces: [string, TraceEntry[]][] = [];
  let unitsTotal = 0;
  let decimalTotal: Decimal | undefined;
  let unitsMoney: ((units: number) => string) | undefined;
  for (const run of runs) {
    const { ctx, outcome } = run;
    const a = ctx.a as Arithmetic<unknown>;
    let paid = outcome.amount;
    if (outcome.members && run.suspended === undefined) {
      paid = a.zero;
      for (const line of outcome.members) paid = a.add(paid, line.paid);
    }
    if (run.suspended !== undefined) paid = a.zero;
    const oneOff = run.rules.period === 'event';
    const result: ProgrammeResult = {
      status: run.suspended ?? (outcome.members && a.isZero(paid) && !a.isZero(outcome.amount) ? 'not-paid' : outcome.status),
      reasons: run.suspended !== undefined ? ['notConfigured'] : outcome.reasons,
      monthlyAmount: a.money(oneOff ? a.zero : paid),
      ...(oneOff ? { period: 'event' as const, oneOffAmount: a.money(paid) } : {}),
      notConfigured: ctx.notices,
      ...outcome.fields,
    };
    // A one-off amount is reported beside the monthly ones, never added to them.
    if (oneOff) paid = a.zero;
    if (outcome.members) {
      result.entitledAmount = run.suspended === undefined ? a.money(outcome.amount) : a.money(a.zero);
      result.members =
        run.suspended === undefined && outcome.members.length > 0
          ? outcome.members.map((l) => ({ member: l.member, entitled: a.money(l.entitled), paid: a.money(l.paid), reasons: l.reasons }))
          : NO_LINES;
    }
    if (ctx.trace !== undefined) {
      if (settings.include) result.trace = ctx.trace;
      traces.push([run.rules.programme, ctx.trace]);
    }
    programmes[run.rules.programme] = result;
    if (a.kind === 'units') {
      unitsTotal += paid as number;
      unitsMoney ??= (units) => a.money(units);
    } else decimalTotal = (decimalTotal ?? new Decimal(0)).plus(a.toDecimal(paid));
  }
  // Every programme's amount is whole fen, so their sum is too: no rounding happens here.
  const total = decimalTotal === undefined && unitsMoney ? unitsMoney(unitsTotal) : (decimalTotal ?? new Decimal(0)).plus(new Decimal(unitsTotal).dividedBy(10_000)).toFixed(2);
  return { programmes, total, traces };
}
