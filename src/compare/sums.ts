/**
 * The sums of one group of a comparison (all households, a programme, a jurisdiction, an income):
 * plain numbers, so that a worker can hand them over and the main thread add them up. Amounts are
 * whole fen, exact as integers; weighted sums are BigInts of micro-weight × fen, exact too.
 */

/** Weights are read to the millionth: enough for survey weights, and exact as integers. */
export const WEIGHT_SCALE = 1_000_000n;

export interface WeightedSums {
  /** Of every household added, compared or not. */
  weight: bigint;
  baseline: bigint;
  reform: bigint;
  gaining: bigint;
  losing: bigint;
  unchanged: bigint;
}

export interface Sums {
  /** Fen, over the households compared. */
  baseline: number;
  reform: number;
  compared: number;
  gaining: number;
  losing: number;
  unchanged: number;
  /** Not compared: an amount not known on one side (or both) that the other does not share. */
  notCompared: number;
  /** Sides whose unknown amount is a rule not configured, or a decision not made (each side counted). */
  notConfiguredBaseline: number;
  notConfiguredReform: number;
  undeterminedBaseline: number;
  undeterminedReform: number;
  /** Compared households whose totals (on both sides alike) leave out an amount not known. */
  partial: number;
  weighted?: WeightedSums;
}

export function emptySums(weighted: boolean): Sums {
  const sums: Sums = {
    baseline: 0,
    reform: 0,
    compared: 0,
    gaining: 0,
    losing: 0,
    unchanged: 0,
    notCompared: 0,
    notConfiguredBaseline: 0,
    notConfiguredReform: 0,
    undeterminedBaseline: 0,
    undeterminedReform: 0,
    partial: 0,
  };
  if (weighted) sums.weighted = { weight: 0n, baseline: 0n, reform: 0n, gaining: 0n, losing: 0n, unchanged: 0n };
  return sums;
}

/** How one side's amount is not known, when it is not. */
export type Unknown = 'notConfigured' | 'undetermined';

/** One household's (or one programme's) pair of amounts, in fen; null where not known. */
export interface Pair {
  baseline: number | null;
  reform: number | null;
  /** Set when an amount is not known on that side (and so the pair is not compared). */
  baselineUnknown?: Unknown;
  reformUnknown?: Unknown;
  /** Compared, but both totals leave out the same amount not known. */
  partial?: boolean;
}

export type Change = 'gaining' | 'losing' | 'unchanged' | 'notCompared';

export function changeOf(pair: Pair, thresholdFen: number): Change {
  if (pair.baseline === null || pair.reform === null) return 'notCompared';
  const difference = pair.reform - pair.baseline;
  if (difference >= thresholdFen) return 'gaining';
  if (difference <= -thresholdFen) return 'losing';
  return 'unchanged';
}

export function addPair(sums: Sums, pair: Pair, change: Change, weight: bigint | undefined): void {
  if (pair.baselineUnknown === 'notConfigured') sums.notConfiguredBaseline += 1;
  else if (pair.baselineUnknown === 'undetermined') sums.undeterminedBaseline += 1;
  if (pair.reformUnknown === 'notConfigured') sums.notConfiguredReform += 1;
  else if (pair.reformUnknown === 'undetermined') sums.undeterminedReform += 1;
  const w = sums.weighted;
  // The weight of every household of the group, compared or not: deciles are cut on it.
  if (w && weight !== undefined) w.weight += weight;
  if (change === 'notCompared') {
    sums.notCompared += 1;
    return;
  }
  const baseline = pair.baseline as number;
  const reform = pair.reform as number;
  sums.compared += 1;
  sums.baseline += baseline;
  sums.reform += reform;
  sums[change] += 1;
  if (pair.partial) sums.partial += 1;
  if (w && weight !== undefined) {
    w.baseline += weight * BigInt(baseline);
    w.reform += weight * BigInt(reform);
    w[change] += weight;
  }
}

export function mergeSums(into: Sums, from: Sums): void {
  for (const key of Object.keys(from) as (keyof Sums)[]) {
    if (key === 'weighted') continue;
    (into[key] as number) += from[key] as number;
  }
  if (from.weighted) {
    into.weighted ??= { weight: 0n, baseline: 0n, reform: 0n, gaining: 0n, losing: 0n, unchanged: 0n };
    for (const key of Object.keys(from.weighted) as (keyof WeightedSums)[]) into.weighted[key] += from.weighted[key];
  }
}

/** Yuan text of whole fen: 123456 → "1234.56", -5 → "-0.05". */
export function yuan(fen: number): string {
  return scaled(BigInt(fen), 2);
}

/** An exact decimal text of value / 10^decimals, with at least `keep` decimals. */
export function scaled(value: bigint, decimals: number, keep = 2): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  let whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  if (whole === '') whole = '0';
  const text = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Fen of a result's amount text ("1170.00"); exact for any decimal with at most two places. */
export function fenOf(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`internal: amount ${amount} is not in yuan and fen`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** A weight as micro-units: a decimal number or text ≥ 0 with at most six decimals. */
export function microWeight(value: unknown): bigint | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : undefined;
  const match = text === undefined ? null : /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) return undefined;
  return BigInt(match[1] as string) * WEIGHT_SCALE + BigInt((match[2] ?? '').padEnd(6, '0'));
}
