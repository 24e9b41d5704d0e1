/**
 * The result of one household-month from the runs of its programmes. What is not known is said,
 * never written as a zero: a programme or a member line that cannot be decided has null amounts
 * and names why, and the household's total is the sum of what is known with what it leaves out.
 */
import type { Arithmetic } from '../arithmetic/types.js';
import { Decimal } from '../money.js';
import type { LineUnknown, MemberLine } from '../programmes/types.js';
import type { TraceEntry } from '../programmes/trace.js';
import type { MemberResult, ProgrammeResult, UnknownMember, UnknownPart } from './result.js';
import type { Run, RunSettings } from './types.js';

/** Shared by every result with no member lines: frozen, so no result can change another. */
const NO_LINES = Object.freeze([]) as unknown as ProgrammeResult['members'] & object;
const NO_IDS = Object.freeze([]) as unknown as string[];

export interface HouseholdRun {
  programmes: Record<string, ProgrammeResult>;
  total: string;
  unknown: UnknownPart[];
  traces: [string, TraceEntry[]][];
}

type Lines = MemberLine<unknown>[];

/** A programme's result: its status, reasons and amount, what it says of the rules not configured
 * (left out, changing the amount, or deciding), then the programme's own fields. One literal, not
 * spreads: this runs for every programme of every household. */
function programmeResult(run: Run, status: string, reasons: string[], monthlyAmount: string | null): ProgrammeResult {
  const { ctx } = run;
  // A programme with no amount known has no provisional amount either.
  const stopped = run.suspended !== undefined;
  const result: ProgrammeResult = {
    status,
    reasons,
    monthlyAmount,
    notConfigured: ctx.notices,
    provisional: !stopped && ctx.provisional.length > 0,
    provisionalBecause: stopped ? NO_IDS : ctx.provisional,
    undeterminedBecause: ctx.undetermined,
  } as ProgrammeResult;
  return Object.assign(result, run.outcome.fields);
}

/** The status of a member programme some of whose lines are not decided. */
function partialStatus(unknown: LineUnknown[], decided: number): string {
  const suspended = unknown.find((u) => u.status !== 'missing-facts');
  if (decided > 0) return suspended ? 'partly-configured' : 'missing-facts';
  if (unknown.some((u) => u.status === 'not-configured')) return 'not-configured';
  return suspended ? 'not-in-force' : 'missing-facts';
}

function unknownMember(line: MemberLine<unknown>): UnknownMember {
  const u = line.unknown as LineUnknown;
  return u.status === 'missing-facts'
    ? { member: line.member, status: u.status, missingFacts: u.missingFacts }
    : { member: line.member, status: u.status, notConfigured: u.notConfigured };
}

function memberResult(a: Arithmetic<unknown>, line: MemberLine<unknown>): MemberResult {
  if (line.bounds?.suggested === false) return { member: line.member, entitled: null, paid: null, reasons: line.reasons };
  if (line.unknown === undefined) {
    const result: MemberResult = { member: line.member, entitled: a.money(line.entitled), paid: a.money(line.paid), reasons: line.reasons };
    if (line.parts !== undefined) result.parts = moneyParts(a, line.parts);
    return result;
  }
  const { status, notConfigured, missingFacts } = unknownMember(line);
  const result: MemberResult = { member: line.member, entitled: line.unknown.entitledKnown ? a.money(line.entitled) : null, paid: null, reasons: line.reasons, status };
  if (notConfigured) result.notConfigured = notConfigured;
  if (missingFacts) result.missingFacts = missingFacts;
  return result;
}

/** A line's named parts as money, in the rule file's order. */
function moneyParts(a: Arithmetic<unknown>, parts: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in parts) out[name] = a.money(parts[name]);
  return out;
}

/** A member programme's result from its lines; null amounts when no line is decided. */
function memberProgramme(run: Run, lines: Lines, into: UnknownPart[]): { result: ProgrammeResult; paid: unknown } {
  const { ctx, outcome } = run;
  const a = ctx.a as Arithmetic<unknown>;
  let paid = a.zero;
  let entitled = a.zero;
  let entitledKnown = 0;
  const unknown: MemberLine<unknown>[] = [];
  // By index: `lines` may be a frozen list, which a for…of walks through an iterator.
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as MemberLine<unknown>;
    if (line.unknown === undefined) paid = a.add(paid, line.paid);
    else unknown.push(line);
    if (line.unknown === undefined || line.unknown.entitledKnown) {
      entitled = a.add(entitled, line.entitled);
      entitledKnown += 1;
    }
  }
  const decided = lines.length - unknown.length;
  if (unknown.length === 0) {
    const status = a.isZero(paid) && !a.isZero(outcome.amount) ? 'not-paid' : outcome.status;
    const result = programmeResult(run, status, outcome.reasons, a.money(paid));
    result.entitledAmount = lines.some((l) => l.bounds?.suggested === false) ? null : a.money(entitled);
    result.members = lines.length > 0 ? lines.map((l) => memberResult(a, l)) : NO_LINES;
    return { result, paid };
  }
  const status = partialStatus(
    unknown.map((l) => l.unknown as LineUnknown),
    decided,
  );
  const reasons = decided > 0 ? [...outcome.reasons, 'someMembersUnknown'] : [status === 'missing-facts' ? 'missingFact' : 'notConfigured'];
  const result = programmeResult(run, status, reasons, decided > 0 ? a.money(paid) : null);
  result.entitledAmount = entitledKnown > 0 ? a.money(entitled) : null;
  result.members = lines.map((l) => memberResult(a, l));
  result.unknownMembers = unknown.map(unknownMember);
  // Most unknown lines are not configured, not missing a fact: no list is made for them.
  let missing: NonNullable<ProgrammeResult['missingFacts']> | undefined;
  for (const l of unknown) if (l.unknown?.status === 'missing-facts') for (const f of l.unknown.missingFacts) (missing ??= []).push({ member: l.member, ...f });
  if (missing !== undefined) result.missingFacts = missing;
  into.push({ programme: run.rules.programme, status, members: unknown.map((l) => l.member) });
  return { result, paid };
}

export function assemble(runs: readonly Run[], settings: RunSettings): HouseholdRun {
  const programmes: Record<string, ProgrammeResult> = {};
  const traces: [string, TraceEntry[]][] = [];
  const unknown: UnknownPart[] = [];
  let unitsTotal = 0;
  let decimalTotal: Decimal | undefined;
  let unitsMoney: ((units: number) => string) | undefined;
  for (const run of runs) {
    const { ctx, outcome } = run;
    const a = ctx.a as Arithmetic<unknown>;
    let result: ProgrammeResult;
    let paid = a.zero;
    const unknownBefore = unknown.length;
    if (run.suspended !== undefined) {
      // Undetermined keeps the reasons of the decision it could not make; a suspension has none.
      const reasons = run.suspended === 'undetermined' ? outcome.reasons : run.suspended === 'missing-facts' ? ['missingFact'] : ['notConfigured'];
      result = programmeResult(run, run.suspended, reasons, null);
      // A fact of the household itself: no member is named.
      if (ctx.missingFact !== undefined) result.missingFacts = [ctx.missingFact];
      if (run.rules.scope === 'member') {
        result.entitledAmount = null;
        result.members = NO_LINES;
      }
      unknown.push({ programme: run.rules.programme, status: run.suspended });
    } else if (outcome.members) {
      ({ result, paid } = memberProgramme(run, outcome.members, unknown));
    } else if (run.paid === undefined) {
      paid = outcome.amount;
      result = programmeResult(run, outcome.status, outcome.reasons, a.money(paid));
    } else {
      // A household programme with interactions: what it pays after them, beside what it is entitled to.
      paid = run.paid;
      const status = a.isZero(paid) && !a.isZero(outcome.amount) ? 'not-paid' : outcome.status;
      result = programmeResult(run, status, outcome.reasons, a.money(paid));
      result.entitledAmount = a.money(outcome.amount);
    }
    if (run.rules.period === 'event') {
      // A one-off amount is reported beside the monthly ones, never added to them: nor does its
      // being unknown make the monthly total partial.
      unknown.length = unknownBefore;
      // Where the caseworker sets the amount and no rule suggests one, there is no amount to give.
      const unsuggested = outcome.members?.some((line) => line.bounds?.suggested === false) === true;
      // The result was made just above, for this run alone: changed in place, its keys in order.
      const oneOffAmount = unsuggested ? null : result.monthlyAmount;
      result.monthlyAmount = a.money(a.zero);
      result.period = 'event';
      result.oneOffAmount = oneOffAmount;
      paid = a.zero;
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
  return { programmes, total, unknown, traces };
}
