/**
 * `benefit-rules curve`: one household over a range of one member's income, as JSON, CSV or an SVG
 * chart. The charting library is loaded only for --format svg, so that it costs JSON, CSV and the
 * other commands nothing at start-up.
 */
import { closeSync, writeFileSync } from 'node:fs';
import { benefitCurve, type CurveOptions } from '../analysis/curve.js';
import { curveCsv } from '../analysis/csv.js';
import type { Language } from '../explain/render.js';
import type { Rulebook } from '../rulebook/index.js';
import { cliNaming } from '../options.js';
import { checkDates, readReformFile, rulebookFrom, type RulebookOptions } from './commands.js';
import { applyReform } from '../reform/index.js';
import { ioFailure, parseJson, print, readText } from './io.js';
import { openOutput } from './batch.js';

export interface CurveCommandOptions extends RulebookOptions {
  month: string;
  vary: string;
  from: string;
  to: string;
  step: string;
  format: 'json' | 'csv' | 'svg';
  lang: Language;
  out?: string;
  knownAt?: string;
}

/**
 * The reformed rulebook, when the command is given one. `--reform FILE` is wired here: read the
 * reform, apply it to `rulebook` and return `{ rulebook: applied, name: reform.name }`.
 */
export type ReformLoader = (rulebook: Rulebook) => CurveOptions['reform'] | undefined;

/** --reform FILE: the baseline's rulebook with the reform applied, named by the reform's own name. */
const reformFromFile =
  (file: string | undefined): ReformLoader =>
  (rulebook) => {
    if (file === undefined) return undefined;
    const json = readReformFile(file);
    const name = json !== null && typeof json === 'object' && typeof (json as { name?: unknown }).name === 'string' ? (json as { name: string }).name : file;
    return { rulebook: applyReform(rulebook, json, file), name };
  };

export async function curveCommand(file: string | undefined, options: CurveCommandOptions, reform: ReformLoader = reformFromFile(options.reform)): Promise<void> {
  checkDates(options);
  const household = parseJson(readText(file), file ?? 'standard input');
  // The baseline is the packs as they are; the reform, if any, is applied to them beside it.
  const rulebook = rulebookFrom({ ...options, reform: undefined });
  const reformed = reform(rulebook);
  const curve = benefitCurve(household, {
    month: options.month,
    vary: options.vary,
    from: options.from,
    to: options.to,
    step: options.step,
    rulebook,
    naming: cliNaming,
    ...(options.knownAt !== undefined ? { knownAt: options.knownAt } : {}),
    ...(reformed ? { reform: reformed } : {}),
  });
  // The charting library is read only when a chart is asked for.
  const svg = options.format === 'svg' ? (await import('../analysis/chart.js')).curveSvg : undefined;
  const text = svg ? svg(curve, rulebook, { lang: options.lang }) : options.format === 'csv' ? curveCsv(curve) : `${JSON.stringify(curve, null, 2)}\n`;
  if (options.out === undefined) return print(text);
  // Opened before writing, as a batch opens its output: a path that cannot be opened is the user's to fix.
  const fd = openOutput(options.out);
  try {
    writeFileSync(fd, text);
  } catch (error) {
    throw ioFailure(`Cannot write ${options.out}`, error);
  } finally {
    closeSync(fd);
  }
}
