/** The CLI's timeline and audit commands. */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import Table from 'cli-table3';
import { SingleBar } from 'cli-progress';
import { BenefitRulesError } from '../errors.js';
import type { Language } from '../explain/render.js';
import { evaluateTimeline } from '../audit/api.js';
import { JsonReport, csvHeader, csvRow, summary } from '../audit/report.js';
import { runAudit, streamWriter, type Source } from '../audit/run.js';
import { verifyReport } from '../audit/verify.js';
import { FIRST_LEDGER_MONTH, LAST_LEDGER_MONTH } from '../audit/ledger.js';
import { ioFailure, parseJson, readText } from './io.js';
import { EXIT_INTERRUPTED, EXIT_SOME_ERRORS, openOutput, refuseSameFile } from './batch.js';
import { Spool } from './spool.js';
import { rulebookFrom, type RulebookOptions } from './commands.js';
import { programmeOf } from '../programmes/result.js';

export interface TimelineCommandOptions extends RulebookOptions {
  from: string;
  to: string;
  knownAt?: string;
  json?: boolean;
  lang: Language;
}

export function timelineCommand(file: string | undefined, options: TimelineCommandOptions): string {
  const input = parseJson(readText(file), file ?? 'standard input');
  const rulebook = rulebookFrom(options);
  const result = evaluateTimeline(input, { from: options.from, to: options.to, rulebook, trace: false, ...(options.knownAt ? { knownAt: options.knownAt } : {}) });
  if (options.json) return JSON.stringify(result, null, 2);
  const programmes = [...rulebook.programmes.values()];
  const zh = options.lang === 'zh';
  const table = new Table({
    style: { head: [], border: [] },
    head: [zh ? '月份' : 'month', ...programmes.map((p) => p.name[options.lang]), zh ? '合计' : 'total', zh ? '延续状态' : 'case state'],
  });
  for (const entry of result.months) {
    if ('error' in entry) {
      table.push([entry.month, { colSpan: programmes.length + 2, content: `${entry.error.code}: ${entry.error.message.split('\n')[0]?.slice(0, 100)}` }]);
      continue;
    }
    const dibao = entry.result.programmes.dibao;
    const exit = dibao['gradualExit'] as { month: number; of: number } | null;
    const state = [dibao['enrolment'] ?? '', exit ? `${exit.month}/${exit.of}` : ''].filter(Boolean).join(' ');
    table.push([
      entry.month,
      ...programmes.map((p) => `${programmeOf(entry.result, p.programme)?.status ?? ''} ${programmeOf(entry.result, p.programme)?.monthlyAmount ?? ''}`),
      entry.result.totalMonthlyAmount,
      state,
    ]);
  }
  return `${result.household} ${result.jurisdiction} ${result.from} – ${result.to}${result.knownAt ? ` as known on ${result.knownAt}` : ''}\n${table.toString()}`;
}

export interface AuditCommandOptions extends RulebookOptions {
  ledger?: string;
  households?: string;
  from?: string;
  to?: string;
  out?: string;
  format: 'json' | 'csv' | 'summary';
  lang: Language;
  verify?: string;
  progress: boolean;
  /** The options given on the command line (not defaults): --verify refuses those it would ignore. */
  given?: string[];
}

const fileSource =
  (path: string): Source =>
  () =>
    createReadStream(path);

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new BenefitRulesError('invalid-option', `${flag} is required`, [{ path: flag, expected: 'a file', found: 'nothing' }]);
  return value;
}

/** What --verify takes from the report's receipt, not from the command line. */
const VERIFY_IGNORES = ['from', 'to', 'out', 'format'];

function checkOptions(options: AuditCommandOptions): void {
  for (const flag of ['from', 'to'] as const) {
    const month = options[flag];
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new BenefitRulesError('invalid-option', `--${flag} expects a month written YYYY-MM, got ${JSON.stringify(month)}`, [
        { path: `--${flag}`, expected: 'a month written YYYY-MM', found: JSON.stringify(month) },
      ]);
    if (month !== undefined && (month < FIRST_LEDGER_MONTH || month > LAST_LEDGER_MONTH))
      throw new BenefitRulesError('invalid-option', `--${flag} expects a month from ${FIRST_LEDGER_MONTH} to ${LAST_LEDGER_MONTH}, got ${month}`, [
        { path: `--${flag}`, expected: `${FIRST_LEDGER_MONTH} to ${LAST_LEDGER_MONTH}`, found: month },
      ]);
  }
  if (options.from !== undefined && options.to !== undefined && options.from > options.to)
    throw new BenefitRulesError('invalid-option', `--from ${options.from} is after --to ${options.to}`, [
      { path: '--from', expected: `a month up to ${options.to}`, found: options.from },
    ]);
  if (options.verify !== undefined) {
    const ignored = VERIFY_IGNORES.filter((o) => options.given?.includes(o));
    if (ignored.length > 0)
      throw new BenefitRulesError(
        'invalid-option',
        `--verify takes ${ignored.map((o) => `--${o}`).join(', ')} from the report's receipt: leave ${ignored.length > 1 ? 'them' : 'it'} out`,
        ignored.map((o) => ({ path: `--${o}`, expected: 'nothing, with --verify', found: 'given' })),
      );
  }
}

/** The report's stream, and the first error it met (a full device): the run stops and says so. */
function outputOf(out: string | undefined, inputs: string[], stop: AbortController): { stream: WriteStream; failure: () => Error | undefined } {
  if (out !== undefined) for (const input of inputs) refuseSameFile(out, input);
  const stream = out !== undefined ? createWriteStream('', { fd: openOutput(out) }) : createWriteStream('', { fd: 1, autoClose: false });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= ioFailure(`Cannot write ${out ?? 'standard output'}`, error);
    stop.abort();
  });
  return { stream, failure: () => failure };
}

/** Runs an audit or verifies a report; returns the exit code (README, "Auditing payments"). */
export async function auditCommand(options: AuditCommandOptions): Promise<number> {
  checkOptions(options);
  const rulebook = rulebookFrom(options);
  const ledgerPath = required(options.ledger, '--ledger');
  const householdsPath = required(options.households, '--households');
  const spool = new Spool();
  // Ctrl-C stops reading the ledger; the lines read are reported whole, with totals. A second one stops at once.
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(EXIT_INTERRUPTED);
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const ledger = await spool.copy(ledgerPath, '--ledger');
    const households = await spool.copy(householdsPath, '--households');
    if (options.verify) return await verify(options.verify, await spool.copy(options.verify, '--verify'), ledger, households, rulebook);
    return await audit(options, { ledger, households, inputs: [ledgerPath, householdsPath] }, rulebook, stop);
  } finally {
    process.off('SIGINT', onSigint);
    spool.remove();
  }
}

async function verify(name: string, report: string, ledger: string, households: string, rulebook: ReturnType<typeof rulebookFrom>): Promise<number> {
  const verdict = await verifyReport({ report: fileSource(report), ledger: fileSource(ledger), households: fileSource(households), rulebook });
  process.stdout.write(
    verdict.ok ? `verified: ${name} is what this audit produces, byte for byte\n` : `NOT verified: ${name}\n${verdict.differences.map((d) => `  ${d}`).join('\n')}\n`,
  );
  return verdict.ok ? 0 : 1;
}

async function audit(
  options: AuditCommandOptions,
  files: { ledger: string; households: string; inputs: string[] },
  rulebook: ReturnType<typeof rulebookFrom>,
  stop: AbortController,
): Promise<number> {
  const output = outputOf(options.out, files.inputs, stop);
  const stream = output.stream;
  const writer = streamWriter(stream);
  const report = new JsonReport((text) => writer.write(text));
  const json = options.format === 'json';
  if (options.format === 'csv') writer.write(csvHeader());
  let bar: SingleBar | undefined;
  const started = Date.now();
  const run = await runAudit({
    rulebook,
    ledger: fileSource(files.ledger),
    households: fileSource(files.households),
    from: options.from,
    to: options.to,
    signal: stop.signal,
    begin: (start) => json && report.begin(start),
    emit: (finding) => (json ? report.finding(finding) : options.format === 'csv' ? writer.write(csvRow(finding, options.lang)) : undefined),
    flush: () => writer.flush(),
    progress: {
      start(total) {
        if (!options.progress || !process.stderr.isTTY) return;
        bar = new SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | {value}/{total} ledger lines', hideCursor: true, clearOnComplete: true });
        bar.start(total, 0);
      },
      tick: () => bar?.increment(),
    },
  });
  bar?.stop();
  if (json) report.end(run.totals, run.interrupted);
  if (options.format === 'summary') writer.write(`${summary(run, options.lang)}\n`);
  await new Promise<void>((resolve) => {
    if (output.failure()) return resolve();
    stream.once('error', () => resolve());
    stream.end(() => resolve());
  });
  const failed = output.failure();
  if (failed) throw failed;
  const seconds = (Date.now() - started) / 1000;
  const c = run.totals.counts;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  if (options.format !== 'summary') process.stderr.write(`${summary(run, options.lang)}\n`);
  process.stderr.write(`${c.linesIn} ledger lines in ${seconds.toFixed(1)} s (${Math.round(c.linesIn / Math.max(seconds, 0.001))} lines/s), peak RSS ${rss} MB\n`);
  if (run.interrupted) return EXIT_INTERRUPTED;
  return c.errors > 0 || run.householdErrors.length > 0 ? EXIT_SOME_ERRORS : 0;
}
