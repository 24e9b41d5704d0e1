/**
 * The files of a rule pack (jurisdictions/<id>/): pack.yaml, sources.yaml and parameters/**.yaml (or .json: a
 * user's own pack may be either; decision 0026).
 * See docs/decisions/0001-pack-format.md.
 */
import { z } from 'zod';
import { bilingual, isoDate } from './common.js';

export const packIdSchema = z.string().regex(/^(cn(-\d{6})?|test-[a-z0-9-]+)$/, 'expected "cn", "cn-" and a six-digit GB/T 2260 code, or "test-…"');

export const packManifestSchema = z
  .object({
    $schema: z.string().optional(),
    id: packIdSchema,
    name: bilingual,
    level: z.enum(['national', 'province', 'city', 'district', 'test']),
    extends: packIdSchema.nullable().describe('The parent pack whose values apply where this one sets none.'),
    notes: z.array(z.string()).optional().describe('What the sources say that the pack could not turn into values.'),
  })
  .strict();
export type PackManifest = z.infer<typeof packManifestSchema>;

export const sourceSchema = z
  .object({
    title: z.string().min(1),
    number: z.string().optional().describe('Document number, e.g. 民发〔2021〕57号.'),
    issuer: z.string().optional(),
    issued: isoDate.optional().describe('Date the document was signed or issued.'),
    published: isoDate.optional().describe('Date it was made public, when later than issued.'),
    url: z.string().url().optional(),
    seed: z.string().optional().describe('File name under shared/seeds when the source is a seed document.'),
    reference: z.string().optional().describe('Where the fact was recorded when no document or URL is at hand.'),
    tag: z.enum(['V', 'N', 'S', 'I', 'U']).describe('Evidence grade as in domain.md: verified, news, secondary, inferred, unverified.'),
    note: z.string().optional(),
  })
  .strict()
  .refine(
    (source) =>
      source.number !== undefined ||
      source.url !== undefined ||
      source.seed !== undefined ||
      source.reference !== undefined ||
      (source.issuer !== undefined && (source.issued ?? source.published) !== undefined),
    {
      message: 'expected a document number, a url, a seed file, a reference, or an issuer with a date',
    },
  );
export type Source = z.infer<typeof sourceSchema>;

/** sources.yaml: source id → source. Ids are lowercase with dashes, e.g. "mz-2021-57". */
export const sourcesFileSchema = z.object({ $schema: z.string().optional() }).catchall(sourceSchema);

export const datedValueSchema = z
  .object({
    from: isoDate.describe('First day the value is in force.'),
    until: isoDate.optional().describe('Last day in force; otherwise until the next value starts.'),
    value: z.unknown().describe('The value, of the kind the rule file declares; null means "not configured".'),
    source: z.union([z.string(), z.array(z.string()).min(1)]).describe('Source id(s) from the sources file (sources.yaml) of this pack or an ancestor.'),
    verified: z.boolean().describe('True only when read in the primary text or an official notice.'),
    known: isoDate
      .optional()
      .describe(
        'Day the value became known, when the dates of its sources do not say it; otherwise the earliest publication (or issue) date of its sources, an undated source counting from "from".',
      ),
    note: z.string().optional(),
  })
  .strict()
  .refine((dated) => Object.prototype.hasOwnProperty.call(dated, 'value'), { message: 'expected a "value" (null for not configured)' })
  .refine((dated) => dated.until === undefined || dated.until >= dated.from, { message: 'expected "until" on or after "from"' });
export type DatedValue = z.infer<typeof datedValueSchema>;

/** A parameter file: each key other than $schema is the last part of a parameter id, whose dated
 * values it lists in any order. */
export const parameterFileSchema = z.object({ $schema: z.string().optional() }).catchall(z.array(datedValueSchema).min(1));
