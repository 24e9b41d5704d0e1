/** The CLI side of `evaluate --batch`: files and streams, the summary line, the exit code. */
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { finished } from 'node:stream/promises';
import { BenefitRulesError } from '../errors.js';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../load.js';
import { runBatch, type BatchSummary } from '../batch/run.js';
import { batchReceipts } from '../batch/receipts.js';
import type { Receipt } from '../engine/result.js';
import { checkKnownAt, checkMonth, readReformFile } from './commands.js';
import { applyReform } from '../reform/index.js';
import { EXIT_INTERNAL, ioFailure } from './io.js';

export interface BatchCommandOptions {
  batch: string;
  month?: string;
  inputFormat?: 'ndjson' | 'csv';
  outputFormat: 'ndjson' | 'csv';
  out?: string;
  workers?: string;
  trace?: boolean;
  knownAt?: string;
  packs?: string[];
  progress: boolean;
  /** once (the default): receipts written once, records name them by hash; each: in every record. */
  receipt?: 'once' | 'each';
  /** A JSON summary file: the counts (per programme and status too) and the receipts. */
  summary?: string;
  /** A reform file applied to the packs, here and in every worker. */
  reform?: string;
}

export const EXIT_SOME_ERRORS = 3;
/** 128 + SIGINT, as a shell reports a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;
/** Each worker holds its own rulebook (~25 MB): more than this only costs memory on any machine
 * this runs on, and 200 workers took 5.3 GB. */
export const MAX_WORKERS = 16;

export async function batchCommand(options: BatchCommandOptions): Promise<number> {
  if (options.month !== undefined) checkMonth(options.month);
  if (options.knownAt !== undefined) checkKnownAt(options.knownAt);
  const workers = workerCount(options.workers);
  const fromStdin = options.batch === '-';
  const totalBytes = fromStdin ? undefined : fileSize(options.batch);
  if (options.out !== undefined) refuseSameFile(options.out, options.batch);
  if (options.summary !== undefined) refuseSameFile(options.summary, options.batch);
  const jurisdictions = [BUNDLED_JURISDICTIONS, ...(options.packs ?? [])];
  // Loaded here first, so a bad pack is reported once and clearly, before any worker starts.
  const reform = options.reform === undefined ? undefined : { json: readReformFile(options.reform), file: options.reform };
  const baseline = loadRulebook({ jurisdictions });
  const rulebook = reform ? applyReform(baseline, reform.json, reform.file) : baseline;
  const inputFormat = options.inputFormat ?? (options.batch.endsWith('.csv') ? 'csv' : 'ndjson');
  // A CSV file is read twice (each household whole whatever the order of its rows): by its path.
  const input = fromStdin ? { input: process.stdin } : inputFormat === 'csv' ? { inputFile: options.batch } : { input: createReadStream(options.batch) };
  const output = options.out ? createWriteStream('', { fd: openOutput(options.out) }) : process.stdout;
  const summaryFd = options.summary !== undefined ? openOutput(options.summary, '--summary') : undefined;
  // Ctrl-C stops reading; what was evaluated is written whole and summed up. A second one stops at once.
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  const summary = await runBatch({
    signal: interrupt.signal,
    rulebook,
    ...input,
    inputFormat,
    // One line in, one line out: a caller may keep the process open and wait for each answer.
    lineByLine: fromStdin,
    receipts: options.receipt ?? 'once',
    output,
    outputFormat: options.outputFormat,
    ...(options.month ? { month: options.month } : {}),
    jurisdictions,
    ...(reform ? { reform } : {}),
    trace: options.trace ?? false,
    workers,
    ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}),
    ...(options.progress && process.stderr.isTTY ? { progress: { stream: process.stderr, ...(totalBytes !== undefined ? { totalBytes } : {}) } } : {}),
  })
    .catch((error: unknown) => {
      // Which file failed is what the user needs to know (a full disk under --out, say).
      if ((error as NodeJS.ErrnoException).syscall === 'write') throw ioFailure(`Cannot write ${options.out ?? 'standard output'}`, error);
      throw error;
    })
    .finally(() => process.off('SIGINT', onSigint));
  if (options.out) {
    output.end();
    await finished(output);
  }
  if (summaryFd !== undefined) {
    writeFileSync(summaryFd, `${JSON.stringify(summaryJson(summary, batchReceipts(rulebook)), null, 2)}\n`);
    closeSync(summaryFd);
  }
  process.stderr.write(`${describe(summary)}\n`);
  if (summary.interrupted) return EXIT_INTERRUPTED;
  if (summary.errorCodes['internal-error']) return EXIT_INTERNAL;
  return summary.errors > 0 ? EXIT_SOME_ERRORS : 0;
}

function fileSize(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new BenefitRulesError('invalid-input', `Cannot read ${path}: ${code}`, [{ path, expected: 'a readable file', found: code }]);
  }
  if (!stat.isFile()) throw new BenefitRulesError('invalid-input', `${path} is not a file`, [{ path, expected: 'a file of households', found: 'a folder or device' }]);
  return stat.size;
}

export function workerCount(given: string | undefined): number {
  if (given === undefined) return Math.min(availableParallelism(), MAX_WORKERS);
  // Digits only: Number() would also take 0x10, 1e1 and " 2".
  const workers = /^\d{1,3}$/.test(given) ? Number(given) : Number.NaN;
  if (!(workers <= MAX_WORKERS)) {
    throw new BenefitRulesError(
      'invalid-option',
      `--workers expects a whole number from 0 (this thread) to ${MAX_WORKERS}, written in decimal digits, got ${JSON.stringify(given)}`,
      [{ path: '--workers', expected: `0 to ${MAX_WORKERS}`, found: JSON.stringify(given) }],
    );
  }
  return workers;
}

/**
 * Opening --out empties it: if it is the input (by any path: ./x, a symlink, a hard link, or the
 * file on standard input) the input would be gone. Same device and inode, or where inodes are not
 * given (0, on some file systems), the same real path.
 */
export function refuseSameFile(out: string, input: string): void {
  let target: Stats;
  try {
    target = statSync(out);
  } catch {
    return; // not there yet: it cannot be the input
  }
  let source: Stats;
  try {
    source = input === '-' ? fstatSync(0) : statSync(input);
  } catch {
    return;
  }
  const same = target.ino !== 0 && source.ino !== 0 ? target.dev === source.dev && target.ino === source.ino : input !== '-' && realpathSync(out) === realpathSync(input);
  if (same) {
    throw new BenefitRulesError(
      'invalid-option',
      `--out ${out} is the input file${input === '-' ? ' (on standard input)' : ` ${input}`}: writing the results there would erase it. Name another file.`,
      [{ path: '--out', expected: 'a file other than the input', found: out }],
    );
  }
}

/** Opens the output before any work, so a wrong path is an error message, not a crash mid-way. */
export function openOutput(path: string, option = '--out'): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new BenefitRulesError('invalid-option', `Cannot write ${path}: ${code}`, [{ path: option, expected: 'a file that can be written', found: code }]);
  }
}

const yuan = (fen: number) => {
  const text = String(fen).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

/** The --summary file: what the stderr line says, for a program to read, with the receipts. */
export function summaryJson(s: BatchSummary, receipts: Record<string, Receipt>) {
  return {
    records: s.records,
    results: s.results,
    errors: s.errors,
    errorCodes: s.errorCodes,
    paid: s.paid,
    totalMonthlyAmount: yuan(s.totalFen),
    partialTotals: s.partialTotals,
    programmes: s.programmes,
    receipts,
    seconds: Number(s.seconds.toFixed(3)),
    workers: s.workers,
    interrupted: s.interrupted,
  };
}

export function describe(s: BatchSummary): string {
  const n = (x: number) => x.toLocaleString('en');
  const codes = Object.entries(s.errorCodes)
    .map(([code, k]) => `${code} ${n(k)}`)
    .join(', ');
  const fen = yuan(s.totalFen);
  const total = `${n(Number(fen.slice(0, -3)))}${fen.slice(-3)}`;
  // Every status of every programme, so that not-configured or undetermined results are seen.
  const programmes = Object.entries(s.programmes)
    .map(
      ([programme, statuses]) =>
        `${programme} ${Object.entries(statuses)
          .map(([status, k]) => `${status} ${n(k)}`)
          .join(', ')}`,
    )
    .join('; ');
  const without = s.partialTotals > 0 ? ` (at least: ${n(s.partialTotals)} results leave out an amount not known)` : '';
  return (
    `benefit-rules batch: ${n(s.records)} records = ${n(s.results)} results + ${n(s.errors)} errors${codes ? ` (${codes})` : ''}; ` +
    `${n(s.paid)} paid, ${total} yuan a month in all${without}; ${programmes ? `by programme and status: ${programmes}; ` : ''}${s.seconds.toFixed(1)} s, ${n(Math.round(s.records / Math.max(s.seconds, 1e-3)))} records/s, ` +
    `${s.workers === 0 ? 'in-process' : `${s.workers} worker${s.workers > 1 ? 's' : ''}`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB` +
    (s.interrupted ? '; interrupted: the output ends with the last whole record written' : '')
  );
}
