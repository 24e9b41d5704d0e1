/**
 * The condition language of the rule files: json-rules-engine's own condition format, so anyone who
 * knows that format can read the rules (all / any / not, fact, operator, value, path, condition
 * references). See docs/decisions/0003-conditions.md.
 */
import { z } from 'zod';

export interface FactReference {
  fact: string;
  path?: string;
}

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  name?: string;
  priority?: number;
  /** Free text for the reader of the rule file; ignored by both engines. */
  comment?: string;
}

export type Condition =
  | { all: Condition[]; name?: string; priority?: number; comment?: string }
  | { any: Condition[]; name?: string; priority?: number; comment?: string }
  | { not: Condition; name?: string; priority?: number; comment?: string }
  | { condition: string; name?: string; priority?: number; comment?: string }
  | LeafCondition;

const common = {
  name: z.string().optional(),
  priority: z.number().int().min(1).optional(),
  comment: z.string().optional(),
};

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema), ...common }).strict(),
    z.object({ any: z.array(conditionSchema), ...common }).strict(),
    z.object({ not: conditionSchema, ...common }).strict(),
    z.object({ condition: z.string().min(1), ...common }).strict(),
    z
      .object({
        fact: z.string().min(1),
        operator: z.string().min(1),
        value: z.unknown(),
        path: z.string().regex(/^\$/, 'expected a JSONPath starting with $').optional(),
        ...common,
      })
      .strict()
      .refine((leaf) => Object.prototype.hasOwnProperty.call(leaf, 'value'), { message: 'expected a "value"' }),
  ]),
) as z.ZodType<Condition>;

export function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact');
}
