/**
 * GET /v1/openapi.json: OpenAPI 3.1, generated from the same zod schemas that check the requests
 * and that the published JSON Schemas come from. Every body is a named component, typed down to
 * its statuses and amounts; none is a bare `object`.
 */
import { z } from 'zod';
import { householdSchema } from '../schemas/household.js';
import {
  dibaoResultSchema,
  errorDetailSchema,
  errorObjectSchema,
  evaluationResultSchema,
  memberLineSchema,
  memberProgrammeResultSchema,
  receiptSchema,
  traceEntrySchema,
} from '../schemas/result.js';
import { batchRecordSchema, receiptLineSchema } from '../schemas/batch-record.js';
import { findingSchema, ledgerLineSchema } from '../schemas/audit.js';
import { withoutCustomKeywords } from '../schemas/jsonSchema.js';
import { VERSION } from '../version.js';
import {
  auditReceipt,
  auditReport,
  auditRequestDoc,
  batchQuery,
  errorBody,
  evaluateRequestDoc,
  healthResponse,
  packsResponse,
  parametersQuery,
  parametersResponse,
  timelineRequestDoc,
  timelineResponse,
} from './contract.js';

const REQUESTS = {
  Household: householdSchema,
  EvaluateRequest: evaluateRequestDoc,
  TimelineRequest: timelineRequestDoc,
  AuditRequest: auditRequestDoc,
  LedgerLine: ledgerLineSchema,
};
const RESPONSES = {
  EvaluationResult: evaluationResultSchema,
  DibaoResult: dibaoResultSchema,
  MemberProgrammeResult: memberProgrammeResultSchema,
  MemberLine: memberLineSchema,
  TraceEntry: traceEntrySchema,
  Receipt: receiptSchema,
  BatchRecord: batchRecordSchema,
  ReceiptLine: receiptLineSchema,
  TimelineResponse: timelineResponse,
  AuditReport: auditReport,
  AuditReceipt: auditReceipt,
  Finding: findingSchema,
  Packs: packsResponse,
  Parameters: parametersResponse,
  Health: healthResponse,
  Error: errorBody,
  ErrorObject: errorObjectSchema,
  ErrorDetail: errorDetailSchema,
};

function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, unrepresentable: 'any', cycles: 'ref', uri: (id) => `#/components/schemas/${id}` });
  // Each is a part of this document: no $schema or $id of its own.
  return Object.fromEntries(
    Object.entries(out).map(([id, schema]) => [id, withoutCustomKeywords(Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && k !== '$id')))]),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const ERRORS = {
  400: json('Error', 'A malformed request: not JSON, nested too deep, a bad field (invalid-request, invalid-input, invalid-household, invalid-option, invalid-reform).'),
  405: json('Error', 'A known path asked with another method (method-not-allowed, with Allow).'),
  413: json('Error', 'The body is larger than the limit (payload-too-large).'),
  422: json('Error', 'Well formed, but the rules cannot answer: unknown-jurisdiction, parameter-not-covered, parameter-not-configured.'),
  500: json('Error', 'A bug in benefit-rules (internal-error): please report it.'),
  503: json('Error', 'Too many requests at once (busy, with Retry-After) or the request took longer than the time limit to receive or to compute (timeout).'),
};

function queryParameters(schema: z.ZodObject): object[] {
  const shape = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(shape.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: shape.required?.includes(name) ?? false,
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'benefit-rules',
      version: VERSION,
      description:
        "China's social-assistance rules as data: eligibility and monthly amounts for a household and a month, every yuan explained. Results are the library's, byte for byte; the versioning policy of the result format is in CHANGELOG.md.",
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    paths: {
      '/v1/evaluate': {
        post: {
          summary: 'Evaluate one household for one month',
          description: 'With `reform`, the result under that reform, as `benefit-rules evaluate --reform <file>` prints it.',
          requestBody: { required: true, content: { 'application/json': { schema: ref('EvaluateRequest') } } },
          responses: { 200: json('EvaluationResult', 'The result, as `benefit-rules evaluate` prints it.'), ...ERRORS },
        },
      },
      '/v1/evaluate/batch': {
        post: {
          summary: 'Evaluate NDJSON households, one record a line, streamed',
          description:
            'One household (or { "month", "household" }) a line in; one batch record a line out, in order, each written as soon as its line has arrived. Line errors are records (ok: false), not HTTP errors; so is the time limit: past it, the stream ends with a timeout record.',
          parameters: queryParameters(batchQuery),
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string', description: 'One JSON household a line.' } } } },
          responses: {
            200: { description: 'One BatchRecord a line.', content: { 'application/x-ndjson': { schema: ref('BatchRecord') } } },
            400: ERRORS[400],
            405: ERRORS[405],
            503: ERRORS[503],
          },
        },
      },
      '/v1/timeline': {
        post: {
          summary: 'Evaluate a household month by month from dated snapshots',
          requestBody: { required: true, content: { 'application/json': { schema: ref('TimelineRequest') } } },
          responses: { 200: json('TimelineResponse', 'Each month: its result or why there is none.'), ...ERRORS },
        },
      },
      '/v1/audit': {
        post: {
          summary: 'Audit a payment ledger against the households',
          description: 'For ledgers that fit in one request (the body limit); larger ones: `benefit-rules audit`, which streams files.',
          requestBody: { required: true, content: { 'application/json': { schema: ref('AuditRequest') } } },
          responses: { 200: json('AuditReport', 'The report, as `benefit-rules audit` writes it.'), ...ERRORS },
        },
      },
      '/v1/packs': { get: { summary: 'The jurisdictions (rule packs)', responses: { 200: json('Packs', 'Every pack loaded.') } } },
      '/v1/parameters/{jurisdiction}': {
        get: {
          summary: 'The parameters in force for a jurisdiction and month, with their sources',
          parameters: [{ name: 'jurisdiction', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(parametersQuery)],
          responses: { 200: json('Parameters', 'Every declared parameter.'), 400: ERRORS[400], 404: json('Error', 'No such pack (unknown-jurisdiction).') },
        },
      },
      '/v1/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { 200: json('Health', 'The service is up.') } } },
    },
    components: { schemas: { ...components(RESPONSES, 'output'), ...components(REQUESTS, 'input') } },
  };
}
