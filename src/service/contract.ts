/**
 * What the HTTP service accepts and answers, as zod schemas: the requests are checked with them,
 * and the OpenAPI document (openapi.ts) is generated from them and from the library's published
 * result, error and audit schemas — one source for the check, the docs and the clients.
 */
import { z } from 'zod';
import { isoDate, isoMonth } from '../schemas/common.js';
import { householdSchema } from '../schemas/household.js';
import { evaluationResultSchema, errorObjectSchema, receiptSchema, decimalOut, multipleOfOut, reformNameOut } from '../schemas/result.js';
import { findingSchema, ledgerLineSchema } from '../schemas/audit.js';
import { reformFileSchema } from '../schemas/reform.js';

const lang = z.enum(['zh', 'en']).describe('Also render the trace as sentences (`explanation`) in this language.');
const trace = z.boolean().describe('Include the trace (default true; false for a smaller answer).');
const reformDoc = reformFileSchema
  .optional()
  .describe(
    'A reform, the same JSON as a reform file (`evaluate --reform`): dated changes to pack parameters, evaluated as a hypothesis; its name and sha256 are in the receipt. A bad one is 400 invalid-reform, with paths under $.reform.',
  );

/** The envelope as checked: the household itself is checked by the library, so its errors name the
 * same paths (under $.household) as the CLI's and the batch's. */
export const evaluateRequest = z
  .object({
    household: z.unknown(),
    month: isoMonth.describe('The month evaluated, YYYY-MM.'),
    knownAt: isoDate.optional().describe('Only the rules as known on this date.'),
    lang: lang.optional(),
    trace: trace.optional(),
    reform: z.unknown().optional(),
  })
  .strict();

/** The same, as documented: the household is the household schema. */
export const evaluateRequestDoc = evaluateRequest.extend({ household: householdSchema, reform: reformDoc }).meta({ id: 'EvaluateRequest' });

export const timelineRequest = z
  .object({
    timeline: z.unknown(),
    from: isoMonth.describe('First month.'),
    to: isoMonth.describe('Last month (at most 100 years after from).'),
    knownAt: isoDate.optional(),
    lang: lang.optional(),
    trace: trace.optional().describe('Include each month’s trace (default false).'),
    reform: z.unknown().optional(),
  })
  .strict();

const snapshotDoc = z
  .object({
    from: isoMonth.describe('First month these facts hold.'),
    household: householdSchema.optional().describe('The whole household from this month on.'),
    changes: z.record(z.string(), z.unknown()).optional().describe('A JSON merge patch (RFC 7386) on the previous snapshot.'),
  })
  .strict();

export const timelineRequestDoc = timelineRequest
  .extend({
    timeline: z.union([z.object({ snapshots: z.array(snapshotDoc).min(1) }).strict(), householdSchema]).describe('Dated snapshots, or one household for every month.'),
    reform: reformDoc,
  })
  .meta({ id: 'TimelineRequest' });

export const timelineResponse = z
  .object({
    household: z.string(),
    jurisdiction: z.string(),
    from: isoMonth,
    to: isoMonth,
    knownAt: isoDate.optional(),
    months: z.array(
      z.union([
        z.object({ month: isoMonth, result: evaluationResultSchema }).strict(),
        z.object({ month: isoMonth, error: z.object({ code: z.string(), message: z.string() }).strict() }).strict(),
      ]),
    ),
  })
  .strict()
  .meta({ id: 'TimelineResponse' });

export const auditRequest = z
  .object({
    ledger: z.union([z.array(z.unknown()), z.string()]),
    households: z.union([z.array(z.unknown()), z.string()]),
    from: isoMonth.optional(),
    to: isoMonth.optional(),
  })
  .strict();

export const auditRequestDoc = auditRequest
  .extend({
    ledger: z.union([z.array(ledgerLineSchema), z.string().describe('The ledger CSV, header included.')]),
    households: z.union([z.array(z.union([timelineRequestDoc.shape.timeline])), z.string().describe('The households NDJSON: one timeline or household a line.')]),
    from: isoMonth.optional().describe("First month checked for missing payments (default: each household's first in the ledger)."),
    to: isoMonth.optional().describe("Last month checked for missing payments (default: each household's last in the ledger)."),
  })
  .meta({ id: 'AuditRequest' });

export const auditReceipt = receiptSchema
  .extend({
    ledger: z.object({ sha256: z.string() }).strict(),
    households: z.object({ sha256: z.string() }).strict(),
    options: z.object({ from: isoMonth.optional(), to: isoMonth.optional() }).strict(),
  })
  .meta({ id: 'AuditReceipt' });

const sum = z.object({ lines: z.number().int(), paid: decimalOut, difference: decimalOut }).strict();
export const auditReport = z
  .object({
    report: z.literal('benefit-rules audit'),
    receipt: auditReceipt,
    period: z.object({ from: isoMonth, to: isoMonth }).strict().nullable(),
    householdErrors: z.array(z.object({ line: z.number().int(), message: z.string() }).strict()),
    findings: z.array(findingSchema),
    totals: z
      .object({
        counts: z.object({ linesIn: z.number().int(), audited: z.number().int(), errors: z.number().int(), missing: z.number().int() }).strict(),
        byVerdict: z.record(z.string(), sum),
        byProgramme: z.record(z.string(), sum),
        byMonth: z.record(z.string(), sum),
        byJurisdiction: z.record(z.string(), sum),
        errors: z.record(z.string(), z.number().int()),
        notes: z
          .array(
            z
              .object({
                line: z.number().int().optional(),
                household: z.string(),
                programme: z.string(),
                month: z.string(),
                verdict: z.string(),
                reason: z.object({ en: z.string(), zh: z.string() }).strict(),
              })
              .strict(),
          )
          .describe('The first findings other than correct, with their reasons (the summary prints them).'),
        notesLeftOut: z.number().int().min(0).describe('The findings other than correct that notes leaves out.'),
      })
      .strict(),
    interrupted: z.literal(true).optional().describe('Present when Ctrl-C stopped the audit: the findings and totals cover only the ledger lines read before it.'),
  })
  .strict()
  .meta({ id: 'AuditReport' });

export const batchQuery = z
  .object({
    month: isoMonth.optional().describe('The month of lines that do not carry their own ({ "month", "household" }).'),
    knownAt: isoDate.optional(),
    trace: z.enum(['true', 'false']).optional().describe('Include the trace in every result (default false).'),
    reform: z
      .string()
      .optional()
      .describe('A reform as JSON, URL-encoded: the same as a reform file (`evaluate --batch --reform`). A bad one is 400 invalid-reform, with paths under $query.reform.'),
  })
  .strict();

export const parametersQuery = z.object({ month: isoMonth.describe('The month, YYYY-MM.'), knownAt: isoDate.optional() }).strict();

const bilingualName = z.object({ zh: z.string(), en: z.string() }).strict();
export const packsResponse = z
  .array(
    z
      .object({
        id: z.string(),
        name: bilingualName,
        level: z.string(),
        extends: z.string().nullable(),
        parameters: z.number().int().describe('How many parameters the pack itself sets.'),
        hash: z.string(),
      })
      .strict(),
  )
  .meta({ id: 'Packs' });

const sourceDoc = z.record(z.string(), z.unknown()).describe('A source as the pack cites it: id, title, number, issued, published, url, tag.');
export const parametersResponse = z
  .array(
    z
      .object({
        id: z.string(),
        resolved: z
          .object({
            id: z.string(),
            value: z.unknown().describe('As written in the pack (decimal strings, tables); null when not configured.'),
            from: isoDate,
            until: isoDate.nullable(),
            jurisdiction: z.string(),
            verified: z.boolean(),
            sources: z.array(sourceDoc),
            note: z.string().optional(),
            multipleOf: multipleOfOut,
            reform: reformNameOut,
          })
          .strict()
          .nullable()
          .describe('null when no pack on the chain sets it for the month.'),
      })
      .strict(),
  )
  .meta({ id: 'Parameters' });

export const healthResponse = z
  .object({ status: z.literal('ok'), engine: z.string(), inFlight: z.number().int() })
  .strict()
  .meta({ id: 'Health' });

export const errorBody = z.object({ error: errorObjectSchema }).strict().meta({ id: 'Error' });
