/**
 * The audit itself: each ledger line against what was due for its month, as known on the day it was
 * paid and as known now, with a verdict; the months the timelines say were due and the ledger
 * never paid; totals. Fed one line at a time, it keeps state per household only, and lets a
 * household go as soon as its last line (counted beforehand) has been read.
 */
import type { Rulebook } from '../rulebook/index.js';
import type { CompiledEvaluator } from '../fast/evaluator.js';
import type { TraceEntry } from '../programmes/trace.js';
import type { Knowledge } from './knowledge.js';
import { compiled, knowledgeOf, valuesOf } from './cached.js';
import { HouseholdCase, dueOf, type Due, type MonthDue, type RunMakers } from './case.js';
import type { Household } from '../schemas/household.js';
import { readLedgerRow, type LedgerError, type LedgerLine, type LedgerRow } from './ledger.js';
import { parseTimeline, nextMonth, type Timeline } from './timeline.js';
import { Totals } from './totals.js';
import { yuan } from './fen.js';
import type { HouseholdLines } from './months.js';
import { missingReason, reasonOf, settle, type Reason, type Settling, type Verdict } from './settle.js';

export type { Verdict, Reason };

/** Traced evaluators kept at once (one per payment date would grow with the ledger). */
const TRACED_KEPT = 8;

export interface AuditedLine {
  kind: 'line';
  line: number;
  household: string;
  member?: string;
  programme: string;
  jurisdiction: string;
  month: string;
  paidOn: string;
  paid: string;
  /** Everything paid for this programme, member and month up to and including this line. */
  paidToDate?: string;
  dueThen: string | null;
  dueNow: string | null;
  /** dueNow − everything the ledger pays for this programme, member and month (all its lines):
   * what is still owed (positive) or was paid too much (negative). */
  difference: string | null;
  verdict: Verdict;
  status: { then: string | null; now: string | null };
  /** The later lines that pay the rest of this month (a 补发). */
  paidBy?: number[];
  /** Why, in one line, for every verdict but a plain `correct`. */
  reason?: Reason;
  trace?: { now?: TraceEntry[]; then?: TraceEntry[] };
}

export interface MissingLine {
  kind: 'missing';
  household: string;
  member?: string;
  programme: string;
  jurisdiction: string;
  month: string;
  dueNow: string;
  difference: string;
  verdict: 'missing';
  reason: Reason;
}

export type Finding = AuditedLine | MissingLine | LedgerError;

/** A household line of the households file: its text (parsed when its ledger lines come), or why it cannot be used. */
export interface HouseholdSource {
  fileLine: number;
  text?: string;
  error?: string;
}

/** Called between units of work (a household closed, a ledger line, a month): it may throw to stop
 * the work, and what it throws is what the call throws. The library keeps no clock of its own; a
 * caller with a time limit (the HTTP service) checks it here. */
export type Checkpoint = () => void;

export interface AuditSettings {
  rulebook: Rulebook;
  households: ReadonlyMap<string, HouseholdSource>;
  /** Valid ledger lines per household and its first month (the first pass): a household is let go
   * after its last line; a plain household (no snapshots) starts its case state in its first month. */
  lineCounts: ReadonlyMap<string, HouseholdLines>;
  /** The months in which missing payments are looked for; undefined: each household's first to last month in the ledger. */
  period: { from: string; to: string } | undefined;
  emit: (finding: Finding) => void;
  /** False: no evaluation shared between runs (the slow reference); default true. */
  share?: boolean;
  checkpoint?: Checkpoint;
}

type Pending = { out: AuditedLine; settling: Settling; line: LedgerLine; nowMonth: MonthDue; thenMonth?: MonthDue; unavailable?: string };

export class Auditor {
  readonly totals = new Totals();
  private readonly knowledge: Knowledge;
  private readonly makers: RunMakers;
  /** Untraced evaluators by knowledge class ('' : now). */
  private readonly evaluators = new Map<string, CompiledEvaluator>();
  /** Traced evaluators by jurisdiction and knowledge class (a class's dates give the same traces), the
   * most recently used last: a few are kept. */
  private readonly traced = new Map<string, CompiledEvaluator>();
  private readonly cases = new Map<string, HouseholdCase>();
  private readonly done = new Set<string>();
  /** Each open household's findings, in ledger order, until its last line settles them. */
  private readonly pending = new Map<string, Pending[]>();

  constructor(private readonly settings: AuditSettings) {
    this.knowledge = knowledgeOf(settings.rulebook);
    this.makers = {
      knowledge: this.knowledge,
      values: valuesOf(settings.rulebook),
      evaluator: (knowledge, date) => this.evaluatorOf(knowledge, date),
      share: settings.share ?? true,
    };
  }

  /** Dates of one knowledge class resolve alike (Knowledge.classOf), so the first date's evaluator serves them all. */
  private evaluatorOf(knowledge: string, date: string | undefined): CompiledEvaluator {
    let evaluator = this.evaluators.get(knowledge);
    if (!evaluator) {
      evaluator = compiled(this.settings.rulebook, false, knowledge !== '' && date ? date : undefined);
      this.evaluators.set(knowledge, evaluator);
    }
    return evaluator;
  }

  private tracedAt(jurisdiction: string, knownAt: string | undefined): CompiledEvaluator {
    const key = knownAt === undefined ? '' : this.makers.share ? `${jurisdiction}\0${this.knowledge.classOf(jurisdiction, knownAt)}` : knownAt;
    let evaluator = this.traced.get(key);
    if (evaluator) this.traced.delete(key);
    else evaluator = compiled(this.settings.rulebook, true, knownAt);
    this.traced.set(key, evaluator);
    if (this.traced.size > TRACED_KEPT) this.traced.delete(this.traced.keys().next().value as string);
    return evaluator;
  }

  private error(error: LedgerError): void {
    // Said at once: an error line needs no other line, while a household's audited lines wait for its last one.
    this.totals.error(error.code);
    this.settings.emit(error);
  }

  /** A row the CSV reader could not read at all. */
  unreadable(line: number, code: LedgerError['code'], message: string): void {
    this.error({ kind: 'error', line, code, message: `line ${line}: ${message}` });
  }

  row(row: LedgerRow, line: number): void {
    const read = readLedgerRow(row, line, this.settings.rulebook);
    if ('kind' in read) return this.error(read);
    const window = this.settings.lineCounts.get(read.household);
    const year = Number(read.month.slice(0, 4));
    if (window && (year < window.fromYear || year > window.toYear))
      return this.error({
        kind: 'error',
        line,
        code: 'month-out-of-range',
        message: `line ${line}, column month: ${read.month} is far from this household's other lines (${window.first} – ${window.last}): a household's lines span at most ${window.toYear - window.fromYear + 1} years`,
        column: 'month',
        household: read.household,
        programme: read.programme,
        month: read.month,
      });
    const found = this.caseOf(read);
    if ('kind' in found) return this.error(found);
    if (found.first === undefined || read.month < found.first) found.first = read.month;
    if (found.last === undefined || read.month > found.last) found.last = read.month;
    try {
      this.audit(read, found);
    } finally {
      found.remaining -= 1;
      if (found.remaining <= 0) this.close(read.household, found);
    }
  }

  private caseOf(line: LedgerLine): HouseholdCase | LedgerError {
    const open = this.cases.get(line.household);
    if (open) return open;
    const error = (code: LedgerError['code'], message: string): LedgerError => ({
      kind: 'error',
      line: line.line,
      code,
      message: `line ${line.line}, column household_id: ${message}`,
      column: 'household_id',
      household: line.household,
      programme: line.programme,
      month: line.month,
    });
    const source = this.settings.households.get(line.household);
    if (!source) return error('unknown-household', `no household ${JSON.stringify(line.household)} in the households file`);
    if (source.error !== undefined) return error('invalid-household', `household ${line.household} (households file line ${source.fileLine}) cannot be used: ${source.error}`);
    const timeline = parseTimeline(JSON.parse(source.text as string));
    const counted = this.settings.lineCounts.get(line.household) ?? { lines: 1, first: line.month };
    const start = this.settings.period && this.settings.period.from < counted.first ? this.settings.period.from : counted.first;
    const opened = new HouseholdCase(timeline, this.makers, start, counted.lines);
    this.cases.set(line.household, opened);
    this.pending.set(line.household, []);
    return opened;
  }

  private audit(line: LedgerLine, household: HouseholdCase): void {
    const { timeline } = household;
    const fail = (code: LedgerError['code'], column: string, message: string) =>
      this.error({
        kind: 'error',
        line: line.line,
        code,
        message: `line ${line.line}, column ${column}: ${message}`,
        column,
        household: line.household,
        programme: line.programme,
        month: line.month,
      });
    if (line.member && !household.hasMember(line.month, line.member))
      return fail('unknown-member', 'member_id', `household ${line.household} has no member ${JSON.stringify(line.member)} in ${line.month}`);
    const key = `${line.programme}\0${line.member}\0${line.month}`;
    const signature = `${key}\0${line.fen}\0${line.paidOn}`;
    const first = household.lines.get(signature);
    if (first !== undefined) return fail('duplicate-line', 'household_id', `the same payment as line ${first} (household, member, programme, month, amount and date)`);
    household.lines.set(signature, line.line);
    const toDate = (household.paid.get(key) ?? 0) + line.fen;
    household.paid.set(key, toDate);

    const nowMonth = household.now.at(line.month);
    const now = dueOf(nowMonth, line.programme, line.member);
    const differs = this.knowledge.differs(timeline.jurisdiction, line.paidOn, `${line.month}-01`);
    const thenMonth = differs ? household.knownOn(line.paidOn).at(line.month) : nowMonth;
    const then = differs ? dueOf(thenMonth, line.programme, line.member) : now;
    const fen = (due: Due) => ('fen' in due ? due.fen : undefined);
    const settling: Settling = { key, line: line.line, month: line.month, paidOn: line.paidOn, fen: line.fen, toDate, nowFen: fen(now), thenFen: fen(then) };
    const out: AuditedLine = {
      kind: 'line',
      line: line.line,
      household: line.household,
      ...(line.member ? { member: line.member } : {}),
      programme: line.programme,
      jurisdiction: timeline.jurisdiction,
      month: line.month,
      paidOn: line.paidOn,
      paid: yuan(line.fen),
      ...(toDate !== line.fen ? { paidToDate: yuan(toDate) } : {}),
      dueThen: settling.thenFen === undefined ? null : yuan(settling.thenFen),
      dueNow: settling.nowFen === undefined ? null : yuan(settling.nowFen),
      difference: null,
      verdict: 'cannot-check',
      status: { then: 'status' in then ? then.status : null, now: 'status' in now ? now.status : null },
    };
    (this.pending.get(line.household) as Pending[]).push({
      out,
      settling,
      line,
      nowMonth,
      ...(differs ? { thenMonth } : {}),
      ...('unavailable' in now ? { unavailable: `${now.unavailable}: ${now.message}` } : {}),
    });
  }

  /** A household's lines settled together (settle.ts), explained and written, in ledger order. */
  private settleHousehold(id: string, household: HouseholdCase): void {
    const held = this.pending.get(id) ?? [];
    this.pending.delete(id);
    settle(held.map((p) => p.settling));
    for (const p of held) {
      const { out, settling } = p;
      out.verdict = settling.verdict as Verdict;
      out.difference = settling.difference === null || settling.difference === undefined ? null : yuan(settling.difference);
      if (settling.paidBy && settling.paidBy.length > 0) out.paidBy = settling.paidBy;
      if (out.verdict !== 'correct' && out.verdict !== 'cannot-check') out.trace = this.explain(p.line, household, p.nowMonth, p.thenMonth);
      const reason = reasonOf({
        verdict: out.verdict,
        month: out.month,
        paidOn: out.paidOn,
        toDate: settling.toDate,
        nowFen: settling.nowFen,
        thenFen: settling.thenFen,
        difference: settling.difference ?? null,
        ...(settling.paidBy ? { paidBy: settling.paidBy } : {}),
        ...(p.unavailable ? { unavailable: p.unavailable } : {}),
        ...(out.trace ? { trace: out.trace } : {}),
      });
      if (reason) out.reason = reason;
      this.totals.add(out.programme, out.month, out.jurisdiction, out.verdict, settling.fen, settling.owed ?? 0, reason && { line: out.line, household: out.household, reason });
      this.settings.emit(out);
    }
  }

  /** The trace of the programme's month as known now (and as known when paid, if that differs). */
  private explain(line: LedgerLine, household: HouseholdCase, now: MonthDue, then: MonthDue | undefined): AuditedLine['trace'] {
    const traceOf = (month: MonthDue, knownAt: string | undefined) =>
      month.household
        ? (
            household.traced(month, knownAt, () => this.tracedAt(household.timeline.jurisdiction, knownAt).evaluateHousehold(month.household as Household, line.month)) as Record<
              string,
              { trace?: TraceEntry[] } | undefined
            >
          )[line.programme]?.trace
        : undefined;
    const out: NonNullable<AuditedLine['trace']> = {};
    const nowTrace = now.error ? undefined : traceOf(now, undefined);
    if (nowTrace) out.now = nowTrace;
    const thenTrace = then && !then.error ? traceOf(then, line.paidOn) : undefined;
    if (thenTrace) out.then = thenTrace;
    return out;
  }

  /** The household's months due and never paid, then its state let go. */
  private close(id: string, household: HouseholdCase, interrupted = false): void {
    this.cases.delete(id);
    this.done.add(id);
    this.settleHousehold(id, household);
    // Stopped early, a household's later lines were never read: no month is called missing.
    if (interrupted) return;
    const period = this.settings.period ?? (household.first && household.last ? { from: household.first, to: household.last } : undefined);
    if (!period) return;
    for (let month = period.from < household.now.start ? household.now.start : period.from; month <= period.to; month = nextMonth(month)) {
      const due = household.now.at(month);
      for (const [programme, entry] of due.programmes ?? []) {
        if (entry.unavailable) continue;
        const owed: [string, number][] = entry.members ? [...entry.members] : [['', entry.fen]];
        for (const [member, fen] of owed) {
          if (fen <= 0 || household.paid.has(`${programme}\0${member}\0${month}`)) continue;
          const missing: MissingLine = {
            kind: 'missing',
            household: id,
            ...(member ? { member } : {}),
            programme,
            jurisdiction: household.timeline.jurisdiction,
            month,
            dueNow: yuan(fen),
            difference: yuan(fen),
            verdict: 'missing',
            reason: missingReason(fen, month),
          };
          this.totals.add(programme, month, missing.jurisdiction, 'missing', 0, fen, { household: id, reason: missing.reason });
          this.settings.emit(missing);
        }
      }
    }
  }

  /** Households still open (lines that could not be audited) and those the ledger never names. */
  finish(interrupted = false): void {
    for (const [id, household] of [...this.cases]) {
      this.settings.checkpoint?.();
      this.close(id, household, interrupted);
    }
    if (!this.settings.period || interrupted) return;
    for (const [id, source] of this.settings.households) {
      if (this.done.has(id) || source.error !== undefined) continue;
      this.settings.checkpoint?.();
      const timeline: Timeline = parseTimeline(JSON.parse(source.text as string));
      this.close(id, new HouseholdCase(timeline, this.makers, this.settings.period.from, 0));
    }
  }
}
