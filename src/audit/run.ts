/**
 * An audit from its inputs to its report: the households file is read first (every household
 * checked, its text kept), the ledger twice — once to count each household's lines and find the
 * months, once to audit — so memory holds households, never the ledger. The report is written as
 * it goes, one finding a line, and ends with the totals.
 */
import { createHash } from 'node:crypto';
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { VERSION } from '../version.js';
import { Auditor, type Checkpoint, type Finding, type HouseholdSource } from './auditor.js';
import { readLedgerRow } from './ledger.js';
import { ledgerRows, type LedgerItem, type Source } from './csv.js';
import { MonthCounter } from './months.js';
import { Buckets, BUCKET_HOUSEHOLDS } from './buckets.js';
import { MAX_JSON_DEPTH, jsonDepth, physicalLines, utf8 } from './lines.js';
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
  /** Aborted (Ctrl-C): no further line is read; the lines read are reported whole, with totals. */
  signal?: AbortSignal;
  /** Checked between ledger lines and households closed (see Checkpoint). */
  checkpoint?: Checkpoint;
}

export interface ReportStart {
  receipt: Receipt;
  period: { from: string; to: string } | null;
  householdErrors: { line: number; message: string }[];
}

export interface AuditRun extends ReportStart {
  totals: TotalsJson;
  /** True when the run was stopped before the ledger's end. */
  interrupted: boolean;
}

export async function sha256Of(source: Source): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A household line may be large (a long timeline), not unbounded. */
export const MAX_HOUSEHOLD_LINE_BYTES = 16 * 2 ** 20;

interface LoadedHouseholds {
  sources: Map<string, HouseholdSource>;
  jurisdictions: Set<string>;
  errors: { line: number; message: string }[];
  sha256: string;
}

/** Every household of the NDJSON file, checked now so that its mistakes are said once, up front. */
async function loadHouseholds(source: Source, rulebook: Rulebook): Promise<LoadedHouseholds> {
  const hash = createHash('sha256');
  const loaded: LoadedHouseholds = { sources: new Map(), jurisdictions: new Set(), errors: [], sha256: '' };
  for await (const physical of physicalLines(source(), MAX_HOUSEHOLD_LINE_BYTES, (chunk) => hash.update(chunk))) {
    const { line } = physical;
    if (!('bytes' in physical)) {
      loaded.errors.push({ line, message: `longer than ${MAX_HOUSEHOLD_LINE_BYTES / 2 ** 20} MiB: one household a line` });
      continue;
    }
    const decoded = utf8(physical.bytes);
    if (decoded === undefined) {
      loaded.errors.push({ line, message: 'its bytes are not UTF-8 text' });
      continue;
    }
    // Editors on Windows start a file with a byte-order mark: it is not part of the first household.
    const text = line === 1 && decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
    if (text.trim() === '') continue;
    let timeline;
    try {
      if (jsonDepth(text) > MAX_JSON_DEPTH) throw new BenefitRulesError('invalid-household', `nested more than ${MAX_JSON_DEPTH} levels deep: no household is`);
      timeline = parseTimeline(JSON.parse(text));
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
  loaded.sha256 = hash.digest('hex');
  return loaded;
}

/** The id of a household line that is not valid, so its ledger lines can say why they cannot be
 * audited: from the JSON if it parses, else the first "id" written in the text. */
function idOf(text: string): string | undefined {
  try {
    if (jsonDepth(text) <= MAX_JSON_DEPTH) {
      const value = JSON.parse(text) as { id?: unknown; snapshots?: { household?: { id?: unknown } }[] };
      const id = value.snapshots?.[0]?.household?.id ?? value.id;
      return typeof id === 'string' ? id : undefined;
    }
  } catch {
    // not JSON: the first "id" written in it, below
  }
  const match = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  try {
    return match ? (JSON.parse(`"${match[1] as string}"`) as string) : undefined;
  } catch {
    return undefined;
  }
}

export async function runAudit(options: AuditRunOptions): Promise<AuditRun> {
  const { rulebook } = options;
  const households = await loadHouseholds(options.households, rulebook);

  // First pass: the ledger hashed as it is read, each household's lines, and whether each
  // household's lines come together (if not, the audit reads them grouped, from buckets on disk).
  const hash = createHash('sha256');
  const counter = new MonthCounter();
  let first: string | undefined;
  let last: string | undefined;
  let total = 0;
  let previous: string | undefined;
  const seen = new Set<string>();
  let grouped = true;
  for await (const item of ledgerRows(options.ledger, (chunk) => hash.update(chunk))) {
    total += 1;
    if (!('row' in item)) continue;
    const line = readLedgerRow(item.row, item.line, rulebook);
    if ('kind' in line) continue;
    counter.add(line.household, line.month);
    if (line.household !== previous) {
      if (seen.has(line.household)) grouped = false;
      seen.add(line.household);
      previous = line.household;
    }
  }
  seen.clear();
  const lineCounts = counter.windows();
  for (const counted of lineCounts.values()) {
    if (first === undefined || counted.first < first) first = counted.first;
    if (last === undefined || counted.last > last) last = counted.last;
  }
  const ledgerHash = hash.digest('hex');
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
    households: { sha256: households.sha256 },
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
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
  });
  options.progress?.start(total);
  const buckets = !grouped && lineCounts.size > BUCKET_HOUSEHOLDS ? await Buckets.write(ledgerRows(options.ledger), lineCounts.size) : undefined;
  let interrupted = false;
  try {
    const items: AsyncIterable<LedgerItem> = buckets ? buckets.items() : ledgerRows(options.ledger);
    for await (const item of items) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      options.checkpoint?.();
      if ('row' in item) auditor.row(item.row, item.line);
      else auditor.unreadable(item.line, item.code, item.error);
      options.progress?.tick();
      const wait = options.flush?.();
      if (wait) await wait;
    }
  } finally {
    buckets?.remove();
  }
  auditor.finish(interrupted);
  return { receipt, period, householdErrors: households.errors, totals: auditor.totals.toJSON(), interrupted };
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
      // A stream that fails (a full device) never drains: its error ends the wait too.
      return new Promise((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve(undefined);
        };
        stream.once('drain', done);
        stream.once('error', done);
        stream.once('close', done);
      });
    },
  };
}
