/**
 * JSON Schemas generated from the same zod schemas that validate at run time (zod 4's
 * toJSONSchema): the inputs (households, pack files) so editors check them while they are typed,
 * and the outputs (result, error, batch record, audit finding, ledger line) as the published
 * contract. `npm run schema` writes them to schema/; a test keeps the committed copies current, and
 * every one compiles in ajv's strict mode (no custom keyword is published).
 */
import { z } from 'zod';
import { householdSchema } from './household.js';
import { packManifestSchema, parameterFileSchema, sourcesFileSchema } from './pack.js';
import { ruleFilePartSchema, ruleFileSchema } from './rules.js';
import { errorSchema, evaluationResultSchema } from './result.js';
import { batchRecordSchema } from './batch-record.js';
import { reformFileSchema } from './reform.js';
import { findingSchema, ledgerLineSchema } from './audit.js';

type Io = 'input' | 'output';

const TITLES = {
  household: ['benefit-rules household', householdSchema, 'input'],
  rules: ['benefit-rules rule file (rules/<programme>.yaml or .json)', ruleFileSchema, 'input'],
  'rule-part': ['benefit-rules part of a rule folder (rules/<programme>/NN-<concern>.yaml), merged in name order into one rule file', ruleFilePartSchema, 'input'],
  pack: ['benefit-rules pack manifest (jurisdictions/<id>/pack.yaml or .json)', packManifestSchema, 'input'],
  sources: ['benefit-rules sources (jurisdictions/<id>/sources.yaml or .json)', sourcesFileSchema, 'input'],
  parameters: ['benefit-rules parameter file (jurisdictions/<id>/parameters/**.yaml or .json)', parameterFileSchema, 'input'],
  result: ['benefit-rules result of one household-month (evaluate, POST /v1/evaluate)', evaluationResultSchema, 'output'],
  error: ['benefit-rules error (the service, --json)', errorSchema, 'output'],
  'batch-record': ['benefit-rules batch record (one NDJSON line of evaluate --batch, POST /v1/evaluate/batch)', batchRecordSchema, 'output'],
  finding: ['benefit-rules audit finding (one line of the audit report)', findingSchema, 'output'],
  'ledger-line': ['benefit-rules ledger line (one payment: a row of the ledger CSV)', ledgerLineSchema, 'input'],
  reform: ['benefit-rules reform (evaluate --reform, compare --reform; examples/reforms)', reformFileSchema, 'input'],
} as const satisfies Record<string, readonly [string, z.ZodType, Io]>;

export type SchemaName = keyof typeof TITLES;
export const SCHEMA_NAMES = Object.keys(TITLES) as SchemaName[];

/** The JSON Schema of one zod schema, as published: `x-money` marks money for the quick check
 * (src/schemas/quick.ts) but is not a JSON Schema keyword, so strict validators would refuse it. */
export function publishedSchema(schema: z.ZodType, io: Io): Record<string, unknown> {
  return withoutCustomKeywords(z.toJSONSchema(schema, { io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' })) as Record<string, unknown>;
}

export function withoutCustomKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutCustomKeywords);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('x-')) out[key] = withoutCustomKeywords(value);
  return out;
}

export function jsonSchemas(): Record<SchemaName, object> {
  const out = {} as Record<SchemaName, object>;
  for (const name of SCHEMA_NAMES) {
    const [title, schema, io] = TITLES[name];
    out[name] = { title, ...publishedSchema(schema, io) };
  }
  return out;
}
