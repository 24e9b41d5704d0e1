/**
 * A reform file (issue 14): a named set of dated changes to pack parameters, data and never code.
 * Only its shape is checked here; whether each jurisdiction, parameter and value exists in a
 * rulebook is checked against that rulebook (src/reform/validate.ts), all problems at once.
 */
import { z } from 'zod';
import { isoDate } from './common.js';

export const reformChangeSchema = z
  .object({
    jurisdiction: z.string().min(1).describe('The pack whose value changes, e.g. cn-640181; packs extending it inherit the change unless they set the parameter.'),
    parameter: z.string().min(1).describe('A parameter id a rule file declares, e.g. dibao.standard.urban.'),
    from: isoDate.describe('First day the reformed value is in force.'),
    until: isoDate.optional().describe("Last day in force; the pack's own value applies again after it. Without it, the reform holds from then on."),
    value: z.unknown().describe('A value of the kind the rule file declares; null for "not configured".'),
    note: z.string().optional().describe('Why: shown with the value in every trace.'),
  })
  .strict()
  .refine((change) => Object.prototype.hasOwnProperty.call(change, 'value'), { message: 'expected a "value" (null for not configured)', path: ['value'] })
  .refine((change) => change.until === undefined || change.until >= change.from, { message: 'expected "until" on or after "from"', path: ['until'] });

const head = {
  $schema: z.string().optional(),
  name: z.string().min(1).describe('Named in every receipt and every trace entry the reform sets.'),
  description: z.string().optional(),
};

/** The file without its changes' shape: each change is then checked on its own, so that one
 * malformed change does not hide the problems of the others. */
export const reformHeadSchema = z.object({ ...head, changes: z.array(z.unknown()).min(1) }).strict();

export const reformFileSchema = z
  .object({ ...head, changes: z.array(reformChangeSchema).min(1) })
  .strict()
  .meta({ description: 'A reform: dated changes to pack parameters, applied as an overlay on the packs (benefit-rules evaluate --reform, compare --reform).' });

export type ReformChange = z.infer<typeof reformChangeSchema>;
export type ReformFile = z.infer<typeof reformFileSchema>;
