/**
 * An audit from its inputs to its report: the households file is read first (every household
 * checked, its text kept), the ledger twice — once to count each household's lines and find the
 * months, once to audit — so memory holds households, never the ledger. The report is written as
 * it goes, one finding a line, and ends with the totals.
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { VERSION } from '../version.js';
import { Auditor, type Finding, type HouseholdSource } from './auditor.js';
import { readLedgerRow } from './ledger.js';
import { LedgerReader, type Source } from './csv.js';
import { parseTimeline } from './timeline.js';
import type { TotalsJson } from './totals.js';

export type { Source };

export interface Receipt {
  engine: string;
  rules: { programme: string; hash: string }[];
  packs: { id: string; hash: string }[];
  ledger: { sha256: string };
  households: { sha256: string };
  options: { from?: string; to?: string };
}

export interface AuditRunOptions {
  rulebook: Rulebook;
  ledger: Source;
  households: Source;
  from?: string | undefined;
  to?: string | undefined;
  /** Called before the first finding, with what the report starts with. */
  begin?: (start: ReportStart) => void;
  /** Each finding, in report order. */
  emit: (finding: Finding) => void;
  /** Called after every ledger line: a promise to wait for while the output drains. */
  flush?: () => Promise<unknown> | undefined;
  /** Called once the ledger has been counted, then after every line audited. */
  progress?: { start(total: number): void; tick(): void };
  /** False: no evaluation shared between timeline runs (the reference the tests compare with). */
  share?: boolean;
}

export interface ReportStart {
  receipt: Receipt;
  period: { from: string; to: string } | null;
  householdErrors: { line: number; message: string }[];
}

export interface AuditRun extends ReportStart {
  totals: TotalsJson;
}

export async function sha256Of(source: Source): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface LoadedHouseholds {
  sources: Map<string, HouseholdSource>;
  jurisdictions: Set<string>;
  errors: { line: number; message: string }[];
}

/** Every household of the NDJSON file, checked now so that its mistakes are said once, up front. */
async function loadHouseholds(source: Source, rulebook: Rulebook): Promise<LoadedHouseholds> {
  const loaded: LoadedHouseholds = { sources: new Map(), jurisdictions: new Set(), errors: [] };
  let line = 0;
  for await (const text of createInterface({ input: source(), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    let timeline;
    try {
      timeline = parseTimeline(JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
      if (!rulebook.packs.has(timeline.jurisdiction)) throw new BenefitRulesError('unknown-jurisdiction', `unknown jurisdiction ${JSON.stringify(timeline.jurisdiction)}`);
    } catch (error) {
      if (!(error instanceof BenefitRulesError) && !(error instanceof SyntaxError)) throw error;
      loaded.errors.push({ line, message: error instanceof SyntaxError ? `not JSON: ${error.message}` : error.message });
      const id = idOf(text);
      if (id !== undefined && !loaded.sources.has(id)) loaded.sources.set(id, { fileLine: line, error: loaded.errors.at(-1)?.message as string });
      continue;
    }
    const earlier = loaded.sources.get(timeline.id);
    if (earlier) {
      loaded.errors.push({ line, message: `household ${timeline.id} again (first at line ${earlier.fileLine}): this line is not used` });
      continue;
    }
    loaded.sources.set(timeline.id, { fileLine: line, text });
    loaded.jurisdictions.add(timeline.jurisdiction);
  }
  return loaded;
}

/** The id of a household line that is not valid, so its ledger lines can say why they cannot be audited. */
function idOf(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown; snapshots?: { household?: { id?: unknown } }[] };
    const id = value.snapshots?.[0]?.household?.id ?? value.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export async function runAudit(options: AuditRunOptions): Promise<AuditRun> {
  const { rulebook } = options;
  const [ledgerHash, householdsHash] = [await sha256Of(options.ledger), await sha256Of(options.households)];
  const households = await loadHouseholds(options.households, rulebook);

  // First pass: each household's lines, and the months the ledger covers.
  const lineCounts = new Map<string, { lines: number; first: string }>();
  let first: string | undefined;
  let last: string | undefined;
  let total = 0;
  const reader = new LedgerReader(options.ledger);
  const restart = () => {
    lineCounts.clear();
    first = last = undefined;
    total = 0;
  };
  for await (const item of reader.rows(restart)) {
    total += 1;
    if (!('row' in item)) continue;
    const line = readLedgerRow(item.row, item.line, rulebook);
    if ('kind' in line) continue;
    const seen = lineCounts.get(line.household);
    if (seen) {
      seen.lines += 1;
      if (line.month < seen.first) seen.first = line.month;
    } else lineCounts.set(line.household, { lines: 1, first: line.month });
    if (first === undefined || line.month < first) first = line.month;
    if (last === undefined || line.month > last) last = line.month;
  }
  // Without --from/--to each household is checked from its first to its last month in the ledger.
  const from = options.from ?? first;
  const to = options.to ?? last;
  const period = (options.from !== undefined || options.to !== undefined) && from !== undefined && to !== undefined ? { from, to } : null;

  const packs = new Set<string>();
  for (const id of households.jurisdictions) for (const link of rulebook.packs.get(id)?.chain ?? []) packs.add(link);
  const receipt: Receipt = {
    engine: `benefit-rules@${VERSION}`,
    rules: [...rulebook.programmes.values()].map((r) => ({ programme: r.programme, hash: r.hash })),
    packs: [...packs].sort().map((id) => ({ id, hash: rulebook.packs.get(id)?.hash ?? '' })),
    ledger: { sha256: ledgerHash },
    households: { sha256: householdsHash },
    options: { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) },
  };

  options.begin?.({ receipt, period, householdErrors: households.errors });
  const auditor = new Auditor({
    rulebook,
    households: households.sources,
    lineCounts,
    period: period ?? undefined,
    emit: options.emit,
    ...(options.share !== undefined ? { share: options.share } : {}),
  });
  options.progress?.start(total);
  for await (const item of reader.rows()) {
    if ('row' in item) auditor.row(item.row, item.line);
    else auditor.unreadable(item.line, `cannot be read as CSV: ${item.error}`);
    options.progress?.tick();
    const wait = options.flush?.();
    if (wait) await wait;
  }
  auditor.finish();
  return { receipt, period, householdErrors: households.errors, totals: auditor.totals.toJSON() };
}

/** Text written to a stream, with the wait the audit honours when the stream is full. */
export function streamWriter(stream: NodeJS.WritableStream): { write(text: string): void; flush(): Promise<unknown> | undefined } {
  let full = false;
  return {
    write(text) {
      if (!stream.write(text)) full = true;
    },
    flush() {
      if (!full) return undefined;
      full = false;
      return new Promise((resolve) => stream.once('drain', resolve));
    },
  };
}
