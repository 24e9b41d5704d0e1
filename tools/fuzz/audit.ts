/**
 * The audit's fuzzer: seeded byte-level mutations of a small valid ledger and households file
 * (stray quotes, CR, LF, commas, bytes that are not UTF-8, byte-order marks, typo'd years, long
 * fields, deep JSON, lines dropped, repeated or swapped), fed in random chunk sizes. Invariants:
 * ledger lines = audited + error lines, counted independently here from the bytes; no error other
 * than a clear one (BenefitRulesError: the CLI's exit 2) — never what the CLI would turn into
 * exit 70 or a stack; and each input audited within a bounded time.
 */
import { Readable } from 'node:stream';
import { isBenefitRulesError } from '../../src/errors.js';
import type { Rulebook } from '../../src/rulebook/index.js';
import { runAudit } from '../../src/audit/run.js';
import { Random } from './random.js';

/** An input that takes longer than this has a cost that grows with something it should not. */
export const AUDIT_INPUT_MS = 5000;

const HEADER = 'household_id,member_id,programme,month,amount,paid_on';
const HOUSEHOLDS = [
  {
    id: 'hn',
    jurisdiction: 'cn-420113',
    residence: 'rural',
    members: [
      { id: 'a', birthDate: '1960-01-01', relation: 'head', incomes: [{ type: 'wages', monthly: '580' }] },
      { id: 'b', birthDate: '1962-01-01', relation: 'spouse' },
    ],
  },
  { id: 'cq', jurisdiction: 'cn-500000', residence: 'urban', members: [{ id: 'z', birthDate: '1948-06-01', relation: 'head', disability: { category: 'physical', grade: 2 } }] },
  {
    snapshots: [
      { from: '2020-01', household: { id: 'tl', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'm', birthDate: '1970-01-01', relation: 'head' }] } },
      { from: '2020-06', changes: { residence: 'rural' } },
    ],
  },
];
const ROWS = [
  'hn,,dibao,2020-04,780.00,2020-04-20',
  'hn,,dibao,2020-05,780.00,2020-05-20',
  'hn,,dibao,2020-04,300.00,2020-07-15',
  'cq,,dibao,2020-03,620.00,2020-03-20',
  'cq,z,disability-care-subsidy,2020-03,80.00,2020-03-20',
  'tl,,dibao,2020-05,700.00,2020-05-20',
  'tl,,dibao,2020-07,700.00,2020-07-20',
  '王,,dibao,2020-01,1.00,2020-01-20',
  'hn,,dibao,2020-13,1,2020-01-01',
];

const INSERTS = ['"', '\r', '\n', ',', '\r\n', '\ufeff', ' ', '""', '\t', '{', '0001', '9999', '2118', '-', '.'];

function mutateText(random: Random, text: string, jsonish: boolean): Buffer {
  let bytes = Buffer.from(text, 'utf8');
  const rounds = random.int(1, 4);
  for (let r = 0; r < rounds; r += 1) {
    const at = random.int(0, bytes.length);
    const choice = random.int(0, 9);
    if (choice <= 3) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(INSERTS), 'utf8'), bytes.subarray(at)]);
    else if (choice === 4) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([random.pick([0xff, 0xfe, 0xc3, 0x80, 0xe4, 0x00])]), bytes.subarray(at)]);
    else if (choice === 5) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + random.int(1, 12)))]);
    else if (choice === 6) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from('x'.repeat(random.pick([10, 5000, 70_000]))), bytes.subarray(at)]);
    else if (choice === 7 && jsonish) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(`${'['.repeat(random.int(50, 5000))}`), bytes.subarray(at)]);
    else if (choice === 8) {
      const lines = bytes.toString('latin1').split('\n');
      const [i, j] = [random.int(0, lines.length - 1), random.int(0, lines.length - 1)];
      if (random.chance(0.5)) [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      else lines.splice(i, 0, lines[j] as string);
      bytes = Buffer.from(lines.join('\n'), 'latin1');
    } else
      bytes = Buffer.from(
        bytes.toString('latin1').replace(/\n/g, () => (random.chance(0.5) ? '\r\n' : '\n')),
        'latin1',
      );
  }
  return bytes;
}

export interface AuditInput {
  ledger: Buffer;
  households: Buffer;
  from?: string;
  to?: string;
}

export function auditInputAt(seed: number, index: number): AuditInput {
  const random = new Random(seed, index);
  const rows = Array.from({ length: random.int(0, 12) }, () => random.pick(ROWS));
  let ledger: Buffer = Buffer.from(`${HEADER}\n${rows.join('\n')}${random.chance(0.8) ? '\n' : ''}`, 'utf8');
  let households: Buffer = Buffer.from(`${HOUSEHOLDS.map((h) => JSON.stringify(h)).join('\n')}\n`, 'utf8');
  // Mostly after the header: a broken header is refused at once, and says little more each time.
  if (random.chance(0.8)) {
    const body = mutateText(random, ledger.toString('utf8').slice(HEADER.length), false);
    ledger = random.chance(0.9) ? Buffer.concat([Buffer.from(HEADER), body]) : mutateText(random, ledger.toString('utf8'), false);
  }
  if (random.chance(0.4)) households = mutateText(random, households.toString('utf8'), true);
  return { ledger, households, ...(random.chance(0.2) ? { from: '2020-01', to: random.pick(['2020-03', '2020-12']) } : {}) };
}

/** The ledger lines the audit must account for, counted here from the bytes alone (README: a ledger line is a physical line that is not empty, after the header). */
export function expectedLines(ledger: Buffer): number | 'no-header' {
  const lines = ledger
    .toString('latin1')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let header = lines.findIndex((l) => l !== '' && l !== '\xef\xbb\xbf');
  if (header === -1) return 'no-header';
  let count = 0;
  for (header += 1; header < lines.length; header += 1) if (lines[header] !== '') count += 1;
  return count;
}

function chunked(bytes: Buffer, random: Random): () => Readable {
  const size = random.pick([1, 7, 64, 4096, 1 << 20]);
  return () => {
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
    return Readable.from(pieces);
  };
}

export type AuditOutcome = { ok: true; refused: boolean; ms: number } | { ok: false; failure: string };

/** Audits one input and checks the invariants. */
export async function checkAuditInput(rulebook: Rulebook, seed: number, index: number): Promise<AuditOutcome> {
  const input = auditInputAt(seed, index);
  const random = new Random(seed ^ 0x5bd1e995, index);
  const started = Date.now();
  try {
    const run = await runAudit({
      rulebook,
      ledger: chunked(input.ledger, random),
      households: chunked(input.households, random),
      from: input.from,
      to: input.to,
      emit: () => undefined,
    });
    const ms = Date.now() - started;
    const expected = expectedLines(input.ledger);
    const c = run.totals.counts;
    if (c.linesIn !== c.audited + c.errors) return { ok: false, failure: `lines in ${c.linesIn} ≠ audited ${c.audited} + errors ${c.errors}` };
    if (expected !== c.linesIn) return { ok: false, failure: `the ledger has ${String(expected)} lines after its header, the audit accounted for ${c.linesIn}` };
    if (ms > AUDIT_INPUT_MS) return { ok: false, failure: `took ${ms} ms` };
    return { ok: true, refused: false, ms };
  } catch (error) {
    if (isBenefitRulesError(error)) return { ok: true, refused: true, ms: Date.now() - started };
    return { ok: false, failure: `${(error as Error).name}: ${(error as Error).message} (the CLI would exit 70)` };
  }
}
