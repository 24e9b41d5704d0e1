/**
 * A payment ledger line, read and checked on its own (what needs no household): its columns, its
 * month, amount and dates, its programme. What a line needs the households for (is there such a
 * household, such a member, has it been paid already) is checked by the auditor.
 */
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import { parseFen } from './fen.js';

export const LEDGER_COLUMNS = ['household_id', 'member_id', 'programme', 'month', 'amount', 'paid_on'] as const;
export type LedgerRow = Record<(typeof LEDGER_COLUMNS)[number], string>;

export interface LedgerLine {
  line: number;
  household: string;
  /** Empty for a household programme. */
  member: string;
  programme: string;
  month: string;
  fen: number;
  paidOn: string;
}

export type LedgerErrorCode =
  | 'unreadable-line'
  | 'line-too-long'
  | 'not-utf8'
  | 'month-out-of-range'
  | 'missing-value'
  | 'malformed-month'
  | 'malformed-amount'
  | 'malformed-date'
  | 'paid-before-month'
  | 'unknown-programme'
  | 'member-required'
  | 'member-not-expected'
  | 'unknown-household'
  | 'invalid-household'
  | 'unknown-member'
  | 'duplicate-line';

export interface LedgerError {
  kind: 'error';
  line: number;
  code: LedgerErrorCode;
  message: string;
  /** The column at fault, when one is. */
  column?: string;
  household?: string;
  programme?: string;
  month?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months a ledger may pay: dibao began in 1993, and a year past 2099 is a typo, not a plan.
 * (Within a household, a month far from its other lines is refused too: see months.ts.) */
export const FIRST_LEDGER_MONTH = '1990-01';
export const LAST_LEDGER_MONTH = '2099-12';
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Days already checked: a ledger repeats a few payment dates over and over. */
const days = new Map<string, boolean>();

function existingDay(date: string): boolean {
  let exists = days.get(date);
  if (exists === undefined) {
    const day = new Date(`${date}T00:00:00Z`);
    exists = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
    if (days.size >= 10_000) days.clear();
    days.set(date, exists);
  }
  return exists;
}

/** The header must be the ledger's columns, each once (any order): a misspelt column would
 * otherwise read as empty and every line would be an error for the wrong reason. */
export function checkLedgerHeader(header: string[], line = 1): string[] {
  const known = new Set<string>(LEDGER_COLUMNS);
  const unknown = header.filter((c) => !known.has(c));
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  const missing = LEDGER_COLUMNS.filter((c) => !header.includes(c));
  if (unknown.length + repeated.length + missing.length > 0) {
    const found = [
      unknown.length
        ? `unknown ${unknown
            .slice(0, 6)
            .map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c))
            .join(', ')}${unknown.length > 6 ? ', …' : ''}`
        : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
      missing.length ? `missing ${missing.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    throw new BenefitRulesError('invalid-input', `The ledger header (line ${line}) is not the ledger's columns (${found}). Columns: ${LEDGER_COLUMNS.join(', ')}`, [
      { path: `line ${line}`, expected: LEDGER_COLUMNS.join(', '), found },
    ]);
  }
  return header;
}

/** A ledger row as a line to audit, or the error line that says what is wrong with it. */
export function readLedgerRow(row: LedgerRow, line: number, rulebook: Rulebook): LedgerLine | LedgerError {
  const known = { household: row.household_id || undefined, programme: row.programme || undefined, month: MONTH.test(row.month) ? row.month : undefined };
  const error = (code: LedgerErrorCode, column: string | undefined, message: string): LedgerError => {
    const out: LedgerError = { kind: 'error', line, code, message: `line ${line}${column ? `, column ${column}` : ''}: ${message}` };
    if (column) out.column = column;
    if (known.household) out.household = known.household;
    if (known.programme) out.programme = known.programme;
    if (known.month) out.month = known.month;
    return out;
  };
  for (const column of ['household_id', 'programme', 'month', 'amount', 'paid_on'] as const) {
    if (row[column] === '') return error('missing-value', column, `expected a value, found an empty cell`);
  }
  if (!known.month) return error('malformed-month', 'month', `expected a month written YYYY-MM, found ${JSON.stringify(row.month)}`);
  if (row.month < FIRST_LEDGER_MONTH || row.month > LAST_LEDGER_MONTH)
    return error('month-out-of-range', 'month', `expected a month from ${FIRST_LEDGER_MONTH} to ${LAST_LEDGER_MONTH}, found ${row.month}`);
  const fen = parseFen(row.amount);
  if (fen === undefined)
    return error('malformed-amount', 'amount', `expected yuan with at most two decimals, below one billion (e.g. 830 or 830.00), found ${JSON.stringify(row.amount)}`);
  if (!DATE.test(row.paid_on) || !existingDay(row.paid_on))
    return error('malformed-date', 'paid_on', `expected a calendar date written YYYY-MM-DD, found ${JSON.stringify(row.paid_on)}`);
  if (row.paid_on < `${row.month}-01`) return error('paid-before-month', 'paid_on', `paid on ${row.paid_on}, before the month it pays (${row.month}) began`);
  const rules = rulebook.programmes.get(row.programme);
  if (!rules) return error('unknown-programme', 'programme', `expected one of ${[...rulebook.programmes.keys()].join(', ')}, found ${JSON.stringify(row.programme)}`);
  if (rules.scope === 'member' && row.member_id === '')
    return error('member-required', 'member_id', `${row.programme} is paid to members: expected the member paid, found an empty cell`);
  if (rules.scope !== 'member' && row.member_id !== '')
    return error('member-not-expected', 'member_id', `${row.programme} is paid to the household: expected an empty cell, found ${JSON.stringify(row.member_id)}`);
  return { line, household: row.household_id, member: row.member_id, programme: row.programme, month: row.month, fen, paidOn: row.paid_on };
}
