/**
 * JSON Schemas generated from the same zod schemas that validate at run time (zod 4's
 * toJSONSchema), so editors check households and pack files while they are typed. `npm run schema`
 * writes them to schema/; a test keeps the committed copies current.
 */
import { z } from 'zod';
import { householdSchema } from './household.js';
import { packManifestSchema, parameterFileSchema, sourcesFileSchema } from './pack.js';
import { ruleFileSchema } from './rules.js';

const TITLES = {
  household: ['benefit-rules household', householdSchema],
  rules: ['benefit-rules rule file (rules/<programme>.json)', ruleFileSchema],
  pack: ['benefit-rules pack manifest (jurisdictions/<id>/pack.json)', packManifestSchema],
  sources: ['benefit-rules sources (jurisdictions/<id>/sources.json)', sourcesFileSchema],
  parameters: ['benefit-rules parameter file (jurisdictions/<id>/parameters/**.json)', parameterFileSchema],
} as const;

export function jsonSchemas(): Record<keyof typeof TITLES, object> {
  const out = {} as Record<keyof typeof TITLES, object>;
  for (const [name, [title, schema]] of Object.entries(TITLES) as [keyof typeof TITLES, (typeof TITLES)[keyof typeof TITLES]][]) {
    out[name] = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) };
  }
  return out;
}
