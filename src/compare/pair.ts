/**
 * One household under the baseline and under the reform, as pairs of amounts: the household's
 * total and each programme's. An amount not known is never read as zero: the pair is then not
 * compared, and the side it is missing on says whether a rule was not configured or a decision not
 * made (decision 0011). Two totals that leave out the same unknown part are compared: their known
 * parts differ only by what the reform changed.
 */
import type { EvaluationResult } from '../evaluate.js';
import { SUSPENDED_STATUSES } from '../schemas/result.js';
import { fenOf, type Pair, type Unknown } from './sums.js';

const SUSPENDED = new Set<string>(SUSPENDED_STATUSES);

const unknownOf = (status: string): Unknown => (SUSPENDED.has(status) ? 'notConfigured' : 'undetermined');

interface ProgrammeView {
  status: string;
  monthlyAmount: string | null;
}

/** A programme's amounts on both sides (a programme only one side has counts as not configured there). */
export function programmePair(baseline: ProgrammeView | undefined, reform: ProgrammeView | undefined): Pair {
  const side = (view: ProgrammeView | undefined): [number | null, Unknown | undefined] => {
    if (!view) return [null, 'notConfigured'];
    return view.monthlyAmount === null ? [null, unknownOf(view.status)] : [fenOf(view.monthlyAmount), undefined];
  };
  const [b, bUnknown] = side(baseline);
  const [r, rUnknown] = side(reform);
  const pair: Pair = { baseline: b, reform: r };
  if (bUnknown) pair.baselineUnknown = bUnknown;
  if (rUnknown) pair.reformUnknown = rUnknown;
  return pair;
}

const partKey = (part: EvaluationResult['unknown'][number]) => `${part.programme}|${part.status}|${(part.members ?? []).join(',')}`;

/** The totals: compared when both leave out the same parts, otherwise the side with a part of its own says why. */
export function totalPair(baseline: EvaluationResult, reform: EvaluationResult): Pair {
  const b = new Map(baseline.unknown.map((part) => [partKey(part), part.status]));
  const r = new Map(reform.unknown.map((part) => [partKey(part), part.status]));
  const own = (mine: Map<string, string>, theirs: Map<string, string>): Unknown | undefined => {
    let found: Unknown | undefined;
    for (const [key, status] of mine) {
      if (theirs.has(key)) continue;
      // A rule not configured is the stronger reason: the decision could not even be attempted.
      if (unknownOf(status) === 'notConfigured') return 'notConfigured';
      found = 'undetermined';
    }
    return found;
  };
  const bUnknown = own(b, r);
  const rUnknown = own(r, b);
  if (bUnknown || rUnknown) {
    const pair: Pair = { baseline: null, reform: null };
    if (bUnknown) pair.baselineUnknown = bUnknown;
    if (rUnknown) pair.reformUnknown = rUnknown;
    return pair;
  }
  const pair: Pair = { baseline: fenOf(baseline.totalMonthlyAmount), reform: fenOf(reform.totalMonthlyAmount) };
  if (baseline.totalIsPartial) pair.partial = true;
  return pair;
}

/**
 * The baseline's per-capita income as dibao counts it (yuan): what households are ranked by. Only
 * ranked, never summed, so a binary number serves; the same text always gives the same number, so
 * ties stay ties.
 */
export function perCapitaIncome(baseline: EvaluationResult): number | undefined {
  const income = baseline.programmes.dibao.perCapitaIncome;
  return typeof income === 'string' ? Number(income) : undefined;
}
