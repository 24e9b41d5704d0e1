/** The CLI side of `compare`: options checked, files opened, the report written, the exit code. */
import { createReadStream, createWriteStream, writeFileSync, closeSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { BenefitRulesError } from '../errors.js';
import { BUNDLED_JURISDICTIONS, loadRulebook } from '../load.js';
import { checkReform, overlay } from '../reform/index.js';
import { runCompare } from '../compare/run.js';
import { compareDocument } from '../compare/report.js';
import { compareCsv, compareSummary } from '../compare/format.js';
import { fenOf } from '../compare/sums.js';
import { receiptFor } from '../engine/result.js';
import { receiptHash } from '../batch/receipts.js';
import { checkMonth, readReformFile } from './commands.js';
import { EXIT_INTERRUPTED, EXIT_SOME_ERRORS, openOutput, refuseSameFile, workerCount } from './batch.js';
import { EXIT_INTERNAL, print } from './io.js';

export interface CompareCommandOptions {
  reform: string;
  batch: string;
  month?: string;
  weight?: string;
  format: 'json' | 'csv' | 'summary';
  lang: 'zh' | 'en';
  out?: string;
  households?: string;
  threshold: string;
  workers?: string;
  inputFormat?: 'ndjson' | 'csv';
  packs?: string[];
}

const option = (flag: string, expected: string, found: string, message: string) => new BenefitRulesError('invalid-option', message, [{ path: flag, expected, found }]);

/** The smallest change counted as a gain or a loss: yuan and fen, more than zero. */
function thresholdFen(text: string): number {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text) || fenOf(text) === 0)
    throw option(
      '--threshold',
      'an amount in yuan above 0, at most two decimals',
      JSON.stringify(text),
      `--threshold expects an amount in yuan above 0 such as 0.01 or 10, got ${JSON.stringify(text)}`,
    );
  return fenOf(text);
}

export async function compareCommand(options: CompareCommandOptions): Promise<number> {
  if (options.month !== undefined) checkMonth(options.month);
  const threshold = thresholdFen(options.threshold);
  const workers = workerCount(options.workers);
  const inputFormat = options.inputFormat ?? (options.batch.endsWith('.csv') ? 'csv' : 'ndjson');
  if (options.weight !== undefined && inputFormat === 'csv')
    throw option('--weight', 'NDJSON input', 'CSV', '--weight reads a field of each NDJSON line (CSV columns are fixed): give the population as NDJSON');
  if (options.weight !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.weight))
    throw option('--weight', 'a field name such as weight', JSON.stringify(options.weight), `--weight expects a field name, got ${JSON.stringify(options.weight)}`);
  for (const path of [options.out, options.households]) if (path !== undefined && options.batch !== '-') refuseSameFile(path, options.batch);
  if (options.out !== undefined && options.out === options.households)
    throw option('--households', 'a file other than --out', options.households, `--households ${options.households} is also --out: the lines would overwrite the report`);
  const jurisdictions = [BUNDLED_JURISDICTIONS, ...(options.packs ?? [])];
  // The reform is checked whole here, before any worker starts or any line is read.
  const baseline = loadRulebook({ jurisdictions });
  const json = readReformFile(options.reform);
  const reform = checkReform(baseline, json, options.reform);
  const reformed = overlay(baseline, reform);
  const outFd = options.out !== undefined ? openOutput(options.out) : undefined;
  const households = options.households !== undefined ? createWriteStream('', { fd: openOutput(options.households, '--households') }) : undefined;
  const fromStdin = options.batch === '-';
  const input = fromStdin ? { input: process.stdin } : inputFormat === 'csv' ? { inputFile: options.batch } : { input: createReadStream(options.batch) };
  const interrupt = new AbortController();
  const onSigint = () => (interrupt.signal.aborted ? process.exit(EXIT_INTERRUPTED) : interrupt.abort());
  process.on('SIGINT', onSigint);
  const summary = await runCompare({
    ...input,
    inputFormat,
    jurisdictions,
    reform: { json, file: options.reform },
    baseline,
    reformed,
    thresholdFen: threshold,
    workers,
    signal: interrupt.signal,
    ...(options.month !== undefined ? { month: options.month } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
    ...(households ? { households } : {}),
  }).finally(() => process.off('SIGINT', onSigint));
  if (households) {
    households.end();
    await finished(households);
  }
  const receipts = (rulebook: typeof baseline) =>
    Object.fromEntries(Object.keys(summary.tally.jurisdictions).map((id) => [receiptHash(receiptFor(rulebook, id)), receiptFor(rulebook, id)]));
  const report = compareDocument(summary.tally, {
    receipts: { baseline: receipts(baseline), reform: receipts(reformed) },
    reform: { name: reform.name, sha256: reform.sha256, ...(reform.description !== undefined ? { description: reform.description } : {}) },
    threshold: options.threshold,
    seconds: summary.seconds,
    workers,
    interrupted: summary.interrupted,
    ...(options.month !== undefined ? { month: options.month } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  });
  const names = (id: string) => baseline.programmes.get(id)?.name[options.lang] ?? id;
  const text =
    options.format === 'csv' ? compareCsv(report) : options.format === 'summary' ? `${compareSummary(report, options.lang, names)}\n` : `${JSON.stringify(report, null, 2)}\n`;
  if (outFd !== undefined) {
    writeFileSync(outFd, text);
    closeSync(outFd);
  } else print(text);
  process.stderr.write(
    `benefit-rules compare: ${report.records.toLocaleString('en')} records in ${summary.seconds.toFixed(1)} s (${Math.round(report.records / Math.max(summary.seconds, 1e-3)).toLocaleString('en')} households/s, ` +
      `${report.evaluations.reform.toLocaleString('en')} evaluated again under the reform, ${report.evaluations.shared.toLocaleString('en')} in months it does not touch), ${report.errors.records.toLocaleString('en')} errors, ` +
      `${workers === 0 ? 'in-process' : `${workers} worker${workers > 1 ? 's' : ''}`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
  if (summary.interrupted) return EXIT_INTERRUPTED;
  if (summary.tally.errors.baseline['internal-error'] || summary.tally.errors.reform['internal-error']) return EXIT_INTERNAL;
  return report.errors.records > 0 ? EXIT_SOME_ERRORS : 0;
}
