/**
 * A fast first check of households for the compiled path and batches: Ajv, compiled from the JSON
 * Schema that zod generates from the household schema, accepts the common well-formed household in
 * a fraction of zod's time. It is deliberately stricter than zod (money as decimal strings only), so
 * that whatever it accepts zod accepts too (a property test holds it to that); anything else goes
 * through zod, which accepts it or explains what is wrong. What it accepts comes back as a copy in
 * the one shape parseHousehold gives (canonical.ts).
 */
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { exitBeforeEnrolment, householdSchema, type Household } from './household.js';
import { MONEY_PATTERN } from './common.js';
import { canonicalHousehold } from './canonical.js';

/** Money nodes (marked x-money by moneyInput) become plain decimal strings: the stricter subset. */
function restrictMoney(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(restrictMoney);
  if (node === null || typeof node !== 'object') return node;
  if ((node as Record<string, unknown>)['x-money'] === true) return { type: 'string', pattern: MONEY_PATTERN };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = restrictMoney(value);
  return out;
}

let validate: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = restrictMoney(z.toJSONSchema(householdSchema, { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020, f: string[]) => void;
  addFormats(ajv, ['date']);
  return ajv.compile(schema);
}

/** The household, if the fast check accepts it as it is; undefined means "ask zod". */
export function quickHousehold(input: unknown): Household | undefined {
  validate ??= compile();
  if (!validate(input)) return undefined;
  // The rules JSON Schema cannot say (the month-dependent ones are checked on both paths later).
  if (exitBeforeEnrolment((input as Household).history?.dibao)) return undefined;
  // An event's applicant and people affected are checked against the members by zod: events are rare.
  if ((input as Household).event !== undefined) return undefined;
  const members = (input as Household).members;
  for (let i = 1; i < members.length; i += 1) {
    const id = (members[i] as { id: string }).id;
    for (let j = 0; j < i; j += 1) if ((members[j] as { id: string }).id === id) return undefined;
  }
  return canonicalHousehold(input as Household);
}
