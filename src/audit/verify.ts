/**
 * Verifying a report: its receipt against the rules, packs and inputs at hand (naming each that
 * changed), then the audit run again from the receipt and compared byte for byte, the first
 * differing line named.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Rulebook } from '../rulebook/index.js';
import { isBenefitRulesError } from '../errors.js';
import { VERSION } from '../version.js';
import { JsonReport, readReportStart } from './report.js';
import { runAudit, sha256Of, streamWriter, type Receipt, type Source } from './run.js';

export interface Verification {
  ok: boolean;
  /** What differs, one sentence each; empty when the report is confirmed. */
  differences: string[];
}

async function firstLine(source: Source): Promise<string> {
  for await (const line of createInterface({ input: source(), crlfDelay: Infinity })) return line;
  return '';
}

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM');
/** What a receipt is: a field edited by hand into something else is named, never a crash. */
const receiptSchema = z
  .object({
    engine: z.string(),
    rules: z.array(z.object({ programme: z.string(), hash: z.string() }).strict()),
    packs: z.array(z.object({ id: z.string(), hash: z.string() }).strict()),
    ledger: z.object({ sha256: hash }).strict(),
    households: z.object({ sha256: hash }).strict(),
    options: z.object({ from: month.optional(), to: month.optional() }).strict(),
  })
  .strict();

/** The fields of a receipt that are not what a receipt holds, one sentence each. */
function malformed(receipt: unknown): string[] {
  const checked = receiptSchema.safeParse(receipt);
  if (checked.success) return [];
  return checked.error.issues.map((issue) => `the receipt's field receipt.${issue.path.join('.') || '(itself)'} was edited: ${issue.message}`);
}

/** Packs on the households' chains now that the report's receipt does not list: added since. */
function packsAdded(then: Receipt, now: Receipt): string[] {
  const listed = new Set(then.packs.map((p) => p.id));
  return now.packs.filter((p) => !listed.has(p.id)).map((p) => `pack ${p.id}: on the households' chains now, not in the report's receipt (added since the report was made)`);
}

/** What in the receipt no longer matches the rulebook and the inputs. */
export function receiptDifferences(receipt: Receipt, rulebook: Rulebook, ledgerHash: string, householdsHash: string): string[] {
  const out: string[] = [];
  if (receipt.engine !== `benefit-rules@${VERSION}`) out.push(`engine: the report was made by ${receipt.engine}, this is benefit-rules@${VERSION}`);
  const rules = new Map(receipt.rules.map((r) => [r.programme, r.hash]));
  for (const current of rulebook.programmes.values()) {
    const hash = rules.get(current.programme);
    if (hash === undefined) out.push(`rule file ${current.programme}: not in the report's receipt (added since)`);
    else if (hash !== current.hash) out.push(`rule file ${current.programme} (${current.file}) changed: ${hash.slice(0, 12)}… then, ${current.hash.slice(0, 12)}… now`);
    rules.delete(current.programme);
  }
  for (const programme of rules.keys()) out.push(`rule file ${programme}: in the receipt, not in the rulebook now`);
  for (const pack of receipt.packs) {
    const current = rulebook.packs.get(pack.id);
    if (!current) out.push(`pack ${pack.id}: in the receipt, not in the rulebook now`);
    else if (current.hash !== pack.hash) out.push(`pack ${pack.id} (${current.dir}) changed: ${pack.hash.slice(0, 12)}… then, ${current.hash.slice(0, 12)}… now`);
  }
  if (receipt.ledger.sha256 !== ledgerHash) out.push(`ledger file changed: sha256 ${receipt.ledger.sha256.slice(0, 12)}… in the receipt, ${ledgerHash.slice(0, 12)}… given`);
  if (receipt.households.sha256 !== householdsHash)
    out.push(`households file changed: sha256 ${receipt.households.sha256.slice(0, 12)}… in the receipt, ${householdsHash.slice(0, 12)}… given`);
  return out;
}

/** The report's first line holds its receipt and period: name each field that is not what the
 * audit run again from it writes (an edited `receipt.options.from` moves the period), not just
 * "line 1". */
async function headDifferences(again: string, given: string): Promise<string[]> {
  const [a, b] = [readReportStart(await firstLine(() => createReadStream(again))), readReportStart(await firstLine(() => createReadStream(given)))];
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${path}.${key}`);
      return;
    }
    out.push(`${path.slice(1)} is ${JSON.stringify(y)} in the report; the audit run again from its receipt writes ${JSON.stringify(x)} (the report was edited)`);
  };
  walk(a, b, '');
  return out;
}

async function firstDifference(a: string, b: string): Promise<number | undefined> {
  const left = createInterface({ input: createReadStream(a), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const right = createInterface({ input: createReadStream(b), crlfDelay: Infinity })[Symbol.asyncIterator]();
  for (let line = 1; ; line += 1) {
    const [x, y] = await Promise.all([left.next(), right.next()]);
    if (x.done && y.done) return undefined;
    if (x.done !== y.done || x.value !== y.value) return line;
  }
}

export async function verifyReport(options: { report: Source; ledger: Source; households: Source; rulebook: Rulebook }): Promise<Verification> {
  let start;
  try {
    start = readReportStart(await firstLine(options.report));
  } catch {
    return { ok: false, differences: ['the report is not a benefit-rules audit report (its first line has no receipt)'] };
  }
  const edited = malformed((start as { receipt?: unknown }).receipt);
  if (edited.length > 0) return { ok: false, differences: edited };
  const { receipt } = start;
  if (receipt.options.from !== undefined && receipt.options.to !== undefined && receipt.options.from > receipt.options.to)
    return { ok: false, differences: ["the receipt's field receipt.options was edited: from is after to"] };
  const differences = receiptDifferences(receipt, options.rulebook, await sha256Of(options.ledger), await sha256Of(options.households));
  if (differences.length > 0) return { ok: false, differences };
  const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-verify-'));
  try {
    const again = join(dir, 'report.json');
    const out = createWriteStream(again);
    const writer = streamWriter(out);
    const report = new JsonReport((text) => writer.write(text));
    let rerun: Receipt | undefined;
    let run;
    try {
      run = await runAudit({
        rulebook: options.rulebook,
        ledger: options.ledger,
        households: options.households,
        ...receipt.options,
        begin: (s) => {
          rerun = s.receipt;
          report.begin(s);
        },
        emit: (f) => report.finding(f),
        flush: () => writer.flush(),
      });
    } catch (error) {
      if (!isBenefitRulesError(error)) throw error;
      return { ok: false, differences: [`the audit cannot be run again from this receipt and inputs: ${error.message}`] };
    }
    report.end(run.totals);
    out.end();
    await once(out, 'finish');
    const [then, now] = [await sha256Of(options.report), await sha256Of(() => createReadStream(again))];
    if (then === now) return { ok: true, differences: [] };
    const added = rerun ? packsAdded(receipt, rerun) : [];
    if (added.length > 0) return { ok: false, differences: added };
    const given = await materialise(options.report, dir);
    const line = await firstDifference(again, given);
    const head = line === 1 ? await headDifferences(again, given) : [];
    if (head.length > 0) return { ok: false, differences: head };
    return {
      ok: false,
      differences: [`the report differs from the audit run again from its receipt, first at line ${line ?? '?'} (same rules, packs and inputs: the report itself was changed)`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report as a file, to compare line by line. */
async function materialise(source: Source, dir: string): Promise<string> {
  const path = join(dir, 'given.json');
  const out = createWriteStream(path);
  for await (const chunk of source()) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return path;
}
