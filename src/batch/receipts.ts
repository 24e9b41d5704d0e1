/**
 * One receipt per batch (issue 15): every result of a pack carries the same receipt (engine, rule
 * and pack hashes), ~750 bytes that were 40 % of an NDJSON record. A batch writes each receipt once,
 * as its own line `{"sha256", "receipt"}` just before the first record that names it, and each
 * record names its own by the SHA-256 of the receipt's JSON — the very bytes a single evaluation
 * writes, so `sha256(JSON.stringify(evaluate(...).receipt))` is the record's `receipt`. Before the
 * first record, not all at the start: a batch of one jurisdiction writes one receipt, not one per
 * pack the rulebook holds (11 bundled), and a reader always has the receipt before its records.
 */
import { createHash } from 'node:crypto';
import type { Receipt } from '../engine/result.js';
import { receiptFor } from '../engine/result.js';
import type { Rulebook } from '../rulebook/index.js';

/** `once`: records name the receipt by hash; `each`: every record carries it whole, as before. */
export type ReceiptMode = 'once' | 'each';

// Results of one plan share one frozen receipt object: its hash is computed once.
const hashes = new WeakMap<object, string>();

export function receiptHash(receipt: Receipt): string {
  let hash = hashes.get(receipt);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(receipt)).digest('hex');
    hashes.set(receipt, hash);
  }
  return hash;
}

/**
 * Every receipt a batch over this rulebook can name, by hash: one per pack, since a result's
 * receipt depends on its jurisdiction's chain of packs and nothing else. Known before any input
 * is read, so it can be the first line even when answers are written line by line.
 */
export function batchReceipts(rulebook: Rulebook): Record<string, Receipt> {
  const out: Record<string, Receipt> = {};
  for (const id of rulebook.packs.keys()) {
    const receipt = receiptFor(rulebook, id);
    out[receiptHash(receipt)] = receipt;
  }
  return out;
}

/** The first record of a chunk naming a receipt: its hash, the byte offset of that record in the
 * chunk's output, and the receipt's JSON. */
export type FirstUse = [hash: string, offset: number, json: string];

/** The main thread's side: writes a receipt line before the first record of the batch naming it. */
export class ReceiptLines {
  private readonly written = new Set<string>();

  /** The chunk's output cut into pieces, with the receipt lines not yet written put in. */
  pieces(bytes: Uint8Array, firsts: readonly FirstUse[]): (Uint8Array | string)[] {
    const out: (Uint8Array | string)[] = [];
    let from = 0;
    for (const [hash, offset, json] of firsts) {
      if (this.written.has(hash)) continue;
      this.written.add(hash);
      if (offset > from) out.push(bytes.subarray(from, offset));
      out.push(`{"sha256":"${hash}","receipt":${json}}\n`);
      from = offset;
    }
    out.push(from === 0 ? bytes : bytes.subarray(from));
    return out;
  }
}
