/** Helpers of the audit tests: ledgers written line by line, months in order. */
import { nextMonth } from '../../src/audit/timeline.js';

export const HEADER = 'household_id,member_id,programme,month,amount,paid_on';

export function ledger(rows: (readonly string[])[]): string {
  return `${HEADER}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

export function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

export const ndjson = (...households: unknown[]) => households.map((h) => JSON.stringify(h)).join('\n') + '\n';
