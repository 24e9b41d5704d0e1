/** Amounts in the audit are whole fen (integers): exact to compare, add and subtract. Yuan in the
 * ledger and the results are at most two decimals and below a billion, so a fen count stays far
 * inside the integers a double holds exactly. */

const MONEY = /^(0|[1-9]\d{0,8})(?:\.(\d{1,2}))?$/;

/** Fen from a yuan amount written as the ledger writes it; undefined if it is not one. */
export function parseFen(text: string): number | undefined {
  const match = MONEY.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen from a result's amount ("830.00", always two decimals, never negative). */
export function resultFen(text: string): number {
  const dot = text.indexOf('.');
  return Number(text.slice(0, dot)) * 100 + Number(text.slice(dot + 1));
}

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
