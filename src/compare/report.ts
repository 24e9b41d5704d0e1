/**
 * The comparison as one JSON document, from the summed tallies: the totals and the households
 * gaining, losing and unchanged, overall, by programme, by jurisdiction and by decile of the
 * baseline's per-capita income. CSV and the summary table are written from this same document.
 */
import { emptySums, mergeSums, scaled, yuan, type Sums } from './sums.js';
import type { Tally } from './tally.js';
import type { Receipt } from '../engine/result.js';

export interface GroupJson {
  totals: { baseline: string; reform: string; difference: string };
  households: { compared: number; gaining: number; losing: number; unchanged: number; notCompared: number };
  notCompared: { notConfigured: { baseline: number; reform: number }; undetermined: { baseline: number; reform: number } };
  /** Compared, with totals that leave out (alike on both sides) an amount not known: read them as "at least". */
  partial: number;
  weighted?: { weight: string; totals: { baseline: string; reform: string; difference: string }; households: { gaining: string; losing: string; unchanged: string } };
}

export interface DecileJson extends GroupJson {
  decile: number;
  /** The lowest and highest per-capita income (yuan a month) of its households. */
  perCapitaIncome: { from: number; to: number };
  /** Households ranked into it, compared or not. */
  ranked: number;
}

export function groupJson(s: Sums): GroupJson {
  const out: GroupJson = {
    totals: { baseline: yuan(s.baseline), reform: yuan(s.reform), difference: yuan(s.reform - s.baseline) },
    households: { compared: s.compared, gaining: s.gaining, losing: s.losing, unchanged: s.unchanged, notCompared: s.notCompared },
    notCompared: {
      notConfigured: { baseline: s.notConfiguredBaseline, reform: s.notConfiguredReform },
      undetermined: { baseline: s.undeterminedBaseline, reform: s.undeterminedReform },
    },
    partial: s.partial,
  };
  const w = s.weighted;
  if (w) {
    // Micro-weights × fen: eight decimal places of yuan, exact.
    out.weighted = {
      weight: scaled(w.weight, 6, 0),
      totals: { baseline: scaled(w.baseline, 8), reform: scaled(w.reform, 8), difference: scaled(w.reform - w.baseline, 8) },
      households: { gaining: scaled(w.gaining, 6, 0), losing: scaled(w.losing, 6, 0), unchanged: scaled(w.unchanged, 6, 0) },
    };
  }
  return out;
}

/**
 * Ten groups by the baseline's per-capita income, by household count (or by weight): households of
 * one income are never split, so a decile may be empty (null): a tie fills more than a tenth, or
 * there are fewer households (or weights) than deciles.
 * A group of equal incomes goes to the decile its first unit of weight falls in.
 */
export function deciles(incomes: ReadonlyMap<number, Sums>, weighted: boolean): (DecileJson | null)[] {
  const ordered = [...incomes.entries()].sort((a, b) => a[0] - b[0]);
  const mass = (s: Sums) => (weighted ? (s.weighted?.weight ?? 0n) : BigInt(s.compared + s.notCompared));
  const total = ordered.reduce((sum, [, s]) => sum + mass(s), 0n);
  const groups: ({ sums: Sums; from: number; to: number } | undefined)[] = Array.from({ length: 10 }, () => undefined);
  let before = 0n;
  for (const [income, sums] of ordered) {
    const m = mass(sums);
    if (total > 0n && m > 0n) {
      const k = Math.min(9, Number((10n * before) / total));
      const group = (groups[k] ??= { sums: emptySums(weighted), from: income, to: income });
      mergeSums(group.sums, sums);
      group.to = income;
    }
    before += m;
  }
  return groups.map((group, k) =>
    group ? { decile: k + 1, perCapitaIncome: { from: group.from, to: group.to }, ranked: group.sums.compared + group.sums.notCompared, ...groupJson(group.sums) } : null,
  );
}

export interface CompareMeta {
  reform: { name: string; sha256: string; description?: string };
  /** The receipts of the jurisdictions met, by sha256, on each side (as a batch names them). */
  receipts?: { baseline: Record<string, Receipt>; reform: Record<string, Receipt> };
  month?: string;
  threshold: string;
  weight?: string;
  seconds: number;
  workers: number;
  interrupted: boolean;
}

const byKey = (groups: Record<string, Sums>) =>
  Object.fromEntries(
    Object.keys(groups)
      .sort()
      .map((key) => [key, groupJson(groups[key] as Sums)]),
  );

export function compareDocument(tally: Tally, meta: CompareMeta) {
  const { name, sha256, description } = meta.reform;
  return {
    reform: { name, sha256, ...(description !== undefined ? { description } : {}) },
    ...(meta.month !== undefined ? { month: meta.month } : {}),
    threshold: meta.threshold,
    ...(meta.weight !== undefined ? { weight: meta.weight } : {}),
    records: tally.records,
    results: tally.results,
    errors: tally.errors,
    ...groupJson(tally.all),
    programmes: byKey(tally.programmes),
    jurisdictions: byKey(tally.jurisdictions),
    deciles: deciles(tally.incomes, meta.weight !== undefined),
    unranked: tally.unranked,
    ...(meta.receipts ? { receipts: meta.receipts } : {}),
    evaluations: {
      baseline: tally.results + tally.errors.records,
      reform: tally.results + (tally.errors.records - sumOf(tally.errors.baseline)) - tally.shared,
      shared: tally.shared,
    },
    seconds: Number(meta.seconds.toFixed(3)),
    workers: meta.workers,
    interrupted: meta.interrupted,
  };
}

const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export type CompareReport = ReturnType<typeof compareDocument>;
