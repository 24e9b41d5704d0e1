/**
 * The audit's library entry points: a household's timeline over a range of months, and an audit of
 * a ledger held in memory (the CLI streams files through the same run).
 */
import { Readable } from 'node:stream';
import { BenefitRulesError } from '../errors.js';
import type { EvaluationResult } from '../engine/result.js';
import type { Rulebook } from '../rulebook/index.js';
import { bundledRulebook } from '../load.js';
import { compileEvaluator } from '../fast/evaluator.js';
import { checkOptions } from '../options.js';
import type { Language } from '../explain/render.js';
import { monthsFrom } from '../dates.js';
import { nextMonth, parseTimeline, timelineMonths, timelineStart } from './timeline.js';
import type { Checkpoint, Finding } from './auditor.js';
import { JsonReport, csvHeader, csvRow, summary } from './report.js';
import { runAudit, type AuditRun, type Source } from './run.js';
import { verifyReport, type Verification } from './verify.js';

export interface TimelineOptions {
  from: string;
  to: string;
  knownAt?: string;
  trace?: boolean;
  lang?: Language;
  rulebook?: Rulebook;
  /** Checked between months (see Checkpoint). */
  checkpoint?: Checkpoint;
}

export interface TimelineResult {
  household: string;
  jurisdiction: string;
  from: string;
  to: string;
  knownAt?: string;
  months: ({ month: string; result: EvaluationResult } | { month: string; error: { code: string; message: string } })[];
}

/** A timeline (or a plain household) evaluated month by month, case state carried along. */
export function evaluateTimeline(input: unknown, options: TimelineOptions): TimelineResult {
  checkOptions({ month: options.from }, 'month');
  checkOptions({ month: options.to }, 'month');
  if (options.to < options.from || monthsFrom(options.from, options.to) >= 1200) {
    throw new BenefitRulesError('invalid-option', `options.to (${options.to}) must be from options.from (${options.from}) to 100 years after it`, [
      { path: 'options.to', expected: `a month from ${options.from}`, found: JSON.stringify(options.to) },
    ]);
  }
  const timeline = parseTimeline(input);
  const rulebook = options.rulebook ?? bundledRulebook();
  const evaluator = compileEvaluator(rulebook, {
    trace: options.trace ?? false,
    ...(options.knownAt ? { knownAt: options.knownAt } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const out: TimelineResult = {
    household: timeline.id,
    jurisdiction: timeline.jurisdiction,
    from: options.from,
    to: options.to,
    ...(options.knownAt ? { knownAt: options.knownAt } : {}),
    months: [],
  };
  const start = timelineStart(timeline, options.from);
  for (let month = options.from; month < start && month <= options.to; month = nextMonth(month)) {
    out.months.push({ month, error: { code: 'no-facts', message: `the household's timeline starts in ${start}` } });
  }
  for (const entry of timelineMonths(timeline, evaluator, options.from)) {
    if (entry.month > options.to) break;
    options.checkpoint?.();
    if (entry.month < options.from) continue;
    out.months.push(
      entry.result ? { month: entry.month, result: entry.result } : { month: entry.month, error: { code: entry.error?.code ?? 'error', message: entry.error?.message ?? '' } },
    );
  }
  return out;
}

export interface AuditOptions {
  /** The ledger as CSV text. */
  ledger: string;
  /** The households as NDJSON text: one timeline or household a line. */
  households: string;
  from?: string;
  to?: string;
  rulebook?: Rulebook;
  /** Checked between ledger lines and households closed (see Checkpoint). */
  checkpoint?: Checkpoint;
}

export interface AuditReport extends AuditRun {
  findings: Finding[];
  /** The report as `benefit-rules audit` writes it (JSON, one finding a line). */
  json: string;
  csv: string;
  summary: { zh: string; en: string };
}

const textSource =
  (text: string): Source =>
  () =>
    Readable.from([Buffer.from(text, 'utf8')]);

/** Audits a ledger held in memory; for files of any size, use the CLI (`benefit-rules audit`). */
export async function auditLedger(options: AuditOptions): Promise<AuditReport> {
  if (options.from !== undefined) checkOptions({ month: options.from }, 'month');
  if (options.to !== undefined) checkOptions({ month: options.to }, 'month');
  const findings: Finding[] = [];
  const parts: string[] = [];
  const report = new JsonReport((text) => parts.push(text));
  const run = await runAudit({
    rulebook: options.rulebook ?? bundledRulebook(),
    ledger: textSource(options.ledger),
    households: textSource(options.households),
    from: options.from,
    to: options.to,
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
    begin: (start) => report.begin(start),
    emit: (finding) => {
      findings.push(finding);
      report.finding(finding);
    },
  });
  report.end(run.totals);
  return { ...run, findings, json: parts.join(''), csv: csvHeader() + findings.map((f) => csvRow(f)).join(''), summary: { zh: summary(run, 'zh'), en: summary(run, 'en') } };
}

/** Confirms a report (as JSON text) from its receipt and the same inputs, or says what differs. */
export function verifyAudit(options: { report: string; ledger: string; households: string; rulebook?: Rulebook }): Promise<Verification> {
  return verifyReport({
    report: textSource(options.report),
    ledger: textSource(options.ledger),
    households: textSource(options.households),
    rulebook: options.rulebook ?? bundledRulebook(),
  });
}
