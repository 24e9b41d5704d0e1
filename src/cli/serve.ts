/** `benefit-rules serve`: its options checked like every other command's, then the service. */
import { BenefitRulesError } from '../errors.js';
import { startService } from '../service/server.js';
import { rulebookFrom, type RulebookOptions } from './commands.js';

export interface ServeCommandOptions extends RulebookOptions {
  host: string;
  port: string;
  maxBody: string;
  timeout: string;
  maxConcurrent: string;
}

function whole(flag: string, text: string, min: number, max: number): number {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new BenefitRulesError('invalid-option', `${flag} takes a whole number from ${min} to ${max}, found ${JSON.stringify(text)}`, [
      { path: flag, expected: `a whole number from ${min} to ${max}`, found: JSON.stringify(text) },
    ]);
  }
  return value;
}

/** Starts the service; never resolves: SIGTERM or Ctrl-C ends the process once requests are done. */
export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const limits = {
    maxBodyBytes: whole('--max-body', options.maxBody, 1024, 2 ** 30),
    timeoutMs: whole('--timeout', options.timeout, 100, 3_600_000),
    maxConcurrent: whole('--max-concurrent', options.maxConcurrent, 1, 100_000),
  };
  await startService({ host: options.host, port: whole('--port', options.port, 0, 65_535), rulebook: rulebookFrom(options), limits });
  return new Promise<number>(() => {});
}
