/**
 * One line of a batch's NDJSON output (`evaluate --batch`, POST /v1/evaluate/batch), as the
 * published batch-record schema: a record of one input line, or — with `--receipt once`, the
 * CLI's default — a receipt line that the records after it name by hash (src/batch/receipts.ts).
 */
import { z } from 'zod';
import { errorObjectSchema, evaluationResultSchema, receiptSchema } from './result.js';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A batch's result: with `--receipt once` (the default) its receipt is named by the sha256 of a
 * receipt line written before it; with `--receipt each` (and the library) it is the whole object. */
const batchResultSchema = evaluationResultSchema.extend({
  receipt: z.union([receiptSchema, sha256Hex.describe('The sha256 of the receipt line that names it (--receipt once).')]),
});

/** `--receipt once`: a receipt written once, before the first record that names it by hash. */
export const receiptLineSchema = z
  .object({ sha256: sha256Hex.describe("The SHA-256 of the receipt's JSON, as the records name it."), receipt: receiptSchema })
  .strict()
  .meta({ id: 'ReceiptLine' });

/** One NDJSON line of a batch's output: a record of one input line, or a receipt line. */
export const batchRecordSchema = z
  .union([
    z.discriminatedUnion('ok', [
      z.object({ line: z.number().int().min(1), ok: z.literal(true), result: batchResultSchema }).strict(),
      z.object({ line: z.number().int().min(1), ok: z.literal(false), error: errorObjectSchema }).strict(),
    ]),
    receiptLineSchema,
  ])
  .meta({ id: 'BatchRecord' });
