/**
 * What a comparison counts, chunk by chunk: plain data a worker hands over (structured clone keeps
 * Maps and BigInts) and the main thread adds up. Incomes are kept by value, not by household, so
 * the deciles can be cut at the end with ties whole: memory grows with the number of distinct
 * per-capita incomes, never with the households' results.
 */
import { addPair, changeOf, emptySums, mergeSums, type Change, type Pair, type Sums } from './sums.js';

/** Error lines named in the report: the first ones, enough to find and fix them. */
export const ERROR_LINES_KEPT = 20;

export interface Tally {
  records: number;
  /** Records with a result on both sides. */
  results: number;
  /** Households whose jurisdiction-month the reform does not touch: the baseline result stood for both. */
  shared: number;
  errors: { records: number; baseline: Record<string, number>; reform: Record<string, number>; lines: number[] };
  all: Sums;
  programmes: Record<string, Sums>;
  jurisdictions: Record<string, Sums>;
  /** By the baseline's per-capita income (yuan): the deciles' raw material. */
  incomes: Map<number, Sums>;
  /** Results without a per-capita income (dibao not decided), so not ranked. */
  unranked: number;
}

export function emptyTally(weighted: boolean): Tally {
  return {
    records: 0,
    results: 0,
    shared: 0,
    errors: { records: 0, baseline: {}, reform: {}, lines: [] },
    all: emptySums(weighted),
    programmes: {},
    jurisdictions: {},
    incomes: new Map(),
    unranked: 0,
  };
}

export function countError(tally: Tally, line: number, side: 'baseline' | 'reform', code: string): void {
  tally.records += 1;
  tally.errors.records += 1;
  tally.errors[side][code] = (tally.errors[side][code] ?? 0) + 1;
  if (tally.errors.lines.length < ERROR_LINES_KEPT) tally.errors.lines.push(line);
}

export interface HouseholdPairs {
  jurisdiction: string;
  total: Pair;
  programmes: [string, Pair][];
  income: number | undefined;
  weight: bigint | undefined;
}

const into = (groups: Record<string, Sums>, key: string, weighted: boolean) => (groups[key] ??= emptySums(weighted));

/** Adds one household; returns its change, for its line. */
export function countHousehold(tally: Tally, pairs: HouseholdPairs, thresholdFen: number): Change {
  const weighted = tally.all.weighted !== undefined;
  tally.records += 1;
  tally.results += 1;
  const change = changeOf(pairs.total, thresholdFen);
  addPair(tally.all, pairs.total, change, pairs.weight);
  addPair(into(tally.jurisdictions, pairs.jurisdiction, weighted), pairs.total, change, pairs.weight);
  for (const [programme, pair] of pairs.programmes) addPair(into(tally.programmes, programme, weighted), pair, changeOf(pair, thresholdFen), pairs.weight);
  if (pairs.income === undefined) tally.unranked += 1;
  else {
    let sums = tally.incomes.get(pairs.income);
    if (!sums) tally.incomes.set(pairs.income, (sums = emptySums(weighted)));
    addPair(sums, pairs.total, change, pairs.weight);
  }
  return change;
}

export function mergeTally(into: Tally, from: Tally): void {
  into.records += from.records;
  into.results += from.results;
  into.shared += from.shared;
  into.errors.records += from.errors.records;
  for (const side of ['baseline', 'reform'] as const) for (const [code, n] of Object.entries(from.errors[side])) into.errors[side][code] = (into.errors[side][code] ?? 0) + n;
  for (const line of from.errors.lines) if (into.errors.lines.length < ERROR_LINES_KEPT) into.errors.lines.push(line);
  mergeSums(into.all, from.all);
  for (const group of ['programmes', 'jurisdictions'] as const) {
    for (const [key, sums] of Object.entries(from[group])) {
      const target = into[group][key];
      if (target) mergeSums(target, sums);
      else into[group][key] = sums;
    }
  }
  for (const [income, sums] of from.incomes) {
    const target = into.incomes.get(income);
    if (target) mergeSums(target, sums);
    else into.incomes.set(income, sums);
  }
  into.unranked += from.unranked;
}
