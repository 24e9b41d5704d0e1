/**
 * The published contract of the audit: a ledger line as a case system sends it (the CSV's columns,
 * or one JSON object to the service), and a finding as the report writes it. Mirrors
 * src/audit/auditor.ts and src/audit/ledger.ts; tests/contracts validates real findings against it.
 */
import { z } from 'zod';
import { PROGRAMME_IDS, moneyOut } from './result.js';

/** One payment, as in the ledger CSV (household_id, member_id, programme, month, amount, paid_on). */
export const ledgerLineSchema = z
  .object({
    household_id: z.string().min(1),
    member_id: z.string().describe('Empty for a household programme (dibao).'),
    // Any text: a programme benefit-rules does not know is the audit's finding (unknown-programme), not a malformed line.
    programme: z.string().describe(`The programme paid: ${PROGRAMME_IDS.join(', ')}.`),
    month: z.string().describe('YYYY-MM: the month paid for.'),
    amount: z.string().describe('Yuan, a decimal string with at most two decimals.'),
    paid_on: z.string().describe('YYYY-MM-DD: the day it was paid.'),
  })
  .strict()
  .meta({ id: 'LedgerLine' });

export const VERDICTS = ['correct', 'overpaid', 'underpaid', 'arrears', 'arrears-paid', 'underpaid-paid-later', 'cannot-check'] as const;

export const LEDGER_ERROR_CODES = [
  'unreadable-line',
  'line-too-long',
  'not-utf8',
  'month-out-of-range',
  'missing-value',
  'malformed-month',
  'malformed-amount',
  'malformed-date',
  'paid-before-month',
  'unknown-programme',
  'member-required',
  'member-not-expected',
  'unknown-household',
  'invalid-household',
  'unknown-member',
  'duplicate-line',
] as const;

/** Why, in one line, in both languages. */
const reasonOut = z.object({ en: z.string(), zh: z.string() }).strict();

const dueOut = moneyOut.nullable().describe('null when it cannot be computed (see reason).');

export const findingSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('line'),
        line: z.number().int(),
        household: z.string(),
        member: z.string().optional(),
        programme: z.string(),
        jurisdiction: z.string(),
        month: z.string(),
        paidOn: z.string(),
        paid: moneyOut,
        paidToDate: moneyOut.optional(),
        dueThen: dueOut,
        dueNow: dueOut,
        difference: dueOut.describe('dueNow − paid to date: still owed (positive) or paid too much (negative).'),
        verdict: z.enum(VERDICTS),
        status: z.object({ then: z.string().nullable(), now: z.string().nullable() }).strict(),
        paidBy: z.array(z.number().int()).optional().describe('The later lines that pay the rest of this month (a 补发).'),
        reason: reasonOut.optional().describe('Why, for every verdict but a plain correct.'),
        trace: z
          .object({ now: z.array(z.unknown()).optional(), then: z.array(z.unknown()).optional() })
          .strict()
          .optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('missing'),
        household: z.string(),
        member: z.string().optional(),
        programme: z.string(),
        jurisdiction: z.string(),
        month: z.string(),
        dueNow: moneyOut,
        difference: moneyOut,
        verdict: z.literal('missing'),
        reason: reasonOut,
      })
      .strict(),
    z
      .object({
        kind: z.literal('error'),
        line: z.number().int(),
        code: z.enum(LEDGER_ERROR_CODES),
        message: z.string(),
        column: z.string().optional(),
        household: z.string().optional(),
        programme: z.string().optional(),
        month: z.string().optional(),
      })
      .strict(),
  ])
  .meta({ id: 'Finding' });
