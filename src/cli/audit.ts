/** The CLI's timeline and audit commands. */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Table from 'cli-table3';
import { SingleBar } from 'cli-progress';
import { BenefitRulesError } from '../errors.js';
import type { Language } from '../explain/render.js';
import { evaluateTimeline } from '../audit/api.js';
import { JsonReport, csvHeader, csvRow, summary } from '../audit/report.js';
import { runAudit, streamWriter, type Source } from '../audit/run.js';
import { verifyReport } from '../audit/verify.js';
import { parseJson, readText } from './io.js';
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
}

const fileSource =
  (path: string): Source =>
  () =>
    createReadStream(path);

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new BenefitRulesError('invalid-option', `${flag} is required`, [{ path: flag, expected: 'a file', found: 'nothing' }]);
  return value;
}

/** Runs an audit or verifies a report; returns the exit code. */
export async function auditCommand(options: AuditCommandOptions): Promise<number> {
  const rulebook = rulebookFrom(options);
  const ledger = required(options.ledger, '--ledger');
  const households = required(options.households, '--households');
  for (const path of [ledger, households, ...(options.verify ? [options.verify] : [])]) {
    try {
      await once(createReadStream(path), 'open');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new BenefitRulesError('invalid-input', `Cannot read ${path}: ${code}`, [{ path, expected: 'a readable file', found: code }]);
    }
  }
  if (options.verify) {
    const verdict = await verifyReport({ report: fileSource(options.verify), ledger: fileSource(ledger), households: fileSource(households), rulebook });
    process.stdout.write(
      verdict.ok
        ? `verified: ${options.verify} is what this audit produces, byte for byte\n`
        : `NOT verified: ${options.verify}\n${verdict.differences.map((d) => `  ${d}`).join('\n')}\n`,
    );
    return verdict.ok ? 0 : 1;
  }
  const stream = options.out ? createWriteStream(options.out) : process.stdout;
  const writer = streamWriter(stream);
  const report = new JsonReport((text) => writer.write(text));
  const json = options.format === 'json';
  if (options.format === 'csv') writer.write(csvHeader());
  let bar: SingleBar | undefined;
  const started = Date.now();
  const run = await runAudit({
    rulebook,
    ledger: fileSource(ledger),
    households: fileSource(households),
    from: options.from,
    to: options.to,
    begin: (start) => json && report.begin(start),
    emit: (finding) => (json ? report.finding(finding) : options.format === 'csv' ? writer.write(csvRow(finding)) : undefined),
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
  if (json) report.end(run.totals);
  if (options.format === 'summary') writer.write(`${summary(run, options.lang)}\n`);
  if (stream !== process.stdout) {
    stream.end();
    await once(stream, 'finish');
  }
  const seconds = (Date.now() - started) / 1000;
  const c = run.totals.counts;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  if (options.format !== 'summary') process.stderr.write(`${summary(run, options.lang)}\n`);
  process.stderr.write(`${c.linesIn} ledger lines in ${seconds.toFixed(1)} s (${Math.round(c.linesIn / Math.max(seconds, 0.001))} lines/s), peak RSS ${rss} MB\n`);
  return c.errors > 0 ? 3 : 0;
}
