/** The CLI side of `evaluate --batch`: files and streams, the summary line, the exit code. */
import { createReadStream, createWriteStream, openSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { finished } from 'node:stream/promises';
import { BenefitRulesError } from '../errors.js';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../load.js';
import { runBatch, type BatchSummary } from '../batch/run.js';
import { checkDates } from './commands.js';
import { EXIT_INTERNAL } from './io.js';

export interface BatchCommandOptions {
  batch: string;
  month: string;
  inputFormat?: 'ndjson' | 'csv';
  outputFormat: 'ndjson' | 'csv';
  out?: string;
  workers?: string;
  trace?: boolean;
  knownAt?: string;
  packs?: string[];
  progress: boolean;
}

export const EXIT_SOME_ERRORS = 3;

export async function batchCommand(options: BatchCommandOptions): Promise<number> {
  checkDates(options);
  const workers = options.workers === undefined ? availableParallelism() : Number(options.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new BenefitRulesError('invalid-option', `--workers expects a whole number ≥ 0, got ${options.workers}`, [{ path: '--workers', expected: 'a whole number ≥ 0', found: String(options.workers) }]);
  const fromStdin = options.batch === '-';
  const totalBytes = fromStdin ? undefined : fileSize(options.batch);
  const jurisdictions = [BUNDLED_JURISDICTIONS, ...(options.packs ?? [])];
  // Loaded here first, so a bad pack is reported once and clearly, before any worker starts.
  const rulebook = loadRulebook({ jurisdictions });
  const input = fromStdin ? process.stdin : createReadStream(options.batch);
  const output = options.out ? createWriteStream('', { fd: openOutput(options.out) }) : process.stdout;
  const summary = await runBatch({
    rulebook,
    input,
    inputFormat: options.inputFormat ?? (options.batch.endsWith('.csv') ? 'csv' : 'ndjson'),
    output,
    outputFormat: options.outputFormat,
    month: options.month,
    jurisdictions,
    trace: options.trace ?? false,
    workers,
    ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}),
    ...(options.progress && process.stderr.isTTY ? { progress: { stream: process.stderr, ...(totalBytes !== undefined ? { totalBytes } : {}) } } : {}),
  });
  if (options.out) {
    output.end();
    await finished(output);
  }
  process.stderr.write(`${describe(summary)}\n`);
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

/** Opens the output before any work, so a wrong path is an error message, not a crash mid-way. */
function openOutput(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new BenefitRulesError('invalid-option', `Cannot write ${path}: ${code}`, [{ path: '--out', expected: 'a file that can be written', found: code }]);
  }
}

export function describe(s: BatchSummary): string {
  const n = (x: number) => x.toLocaleString('en');
  const codes = Object.entries(s.errorCodes).map(([code, k]) => `${code} ${n(k)}`).join(', ');
  const fen = String(s.totalFen).padStart(3, '0');
  const total = `${n(Number(fen.slice(0, -2)))}.${fen.slice(-2)}`;
  return (
    `benefit-rules batch: ${n(s.records)} records = ${n(s.results)} results + ${n(s.errors)} errors${codes ? ` (${codes})` : ''}; ` +
    `${n(s.paid)} paid, ${total} yuan a month in all; ${s.seconds.toFixed(1)} s, ${n(Math.round(s.records / Math.max(s.seconds, 1e-3)))} records/s, ` +
    `${s.workers === 0 ? 'in-process' : `${s.workers} worker${s.workers > 1 ? 's' : ''}`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`
  );
}
