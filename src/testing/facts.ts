/**
 * What the generators read from a rulebook for one jurisdiction and month, so that "an income near
 * the standard" or "an age around a threshold" means the pack's own numbers: the urban and rural
 * dibao standards, the marginal line's multiple (1.5 × in most packs), the one-person-enrolment
 * traits, and every age a rule compares with (the literal 60, 70 or 80 of a rule file, or a
 * parameter such as orphanAllowance.ageLimit resolved for the month).
 */
import { BenefitRulesError } from '../errors.js';
import { firstDayOf } from '../dates.js';
import { Decimal } from '../money.js';
import type { Rulebook } from '../rulebook/index.js';
import { resolveParameter } from '../rulebook/resolve.js';

export interface JurisdictionFacts {
  jurisdiction: string;
  month: string;
  /** The dibao standard in fen a person a month, null where the pack has none this month. */
  standards: { urban: number | null; rural: number | null };
  /** The marginal-household line as a multiple of the standard, in thousandths (1500 for 1.5 ×). */
  marginalPerMille: number;
  /** The financial-asset limit as months of the standard a person, in thousandths; null without one. */
  assetMonthsPerMille: number | null;
  /** Every age (in years) a rule compares with this month, ascending. */
  ageThresholds: number[];
  /** The traits that can make one member enrolled alone (单人保), as the pack sets them. */
  singlePerson: { disabilityGrades: number[]; intellectualMentalGrades: number[]; seriousIllnessResidences: string[]; povertyRegistered: boolean };
}

/** A parameter's value for the month, or undefined where no pack on the chain sets it or it is not configured. */
function valueOf(rulebook: Rulebook, jurisdiction: string, id: string, month: string): unknown {
  try {
    return resolveParameter(rulebook, jurisdiction, id, firstDayOf(month)).value ?? undefined;
  } catch (error) {
    if (error instanceof BenefitRulesError && error.code === 'parameter-not-covered') return undefined;
    throw error;
  }
}

const perMille = (value: unknown): number | null => (Decimal.isDecimal(value) ? Number((value as Decimal).times(1000).toFixed(0)) : null);
const toFen = (value: unknown): number | null => (Decimal.isDecimal(value) ? Number((value as Decimal).times(100).toFixed(0)) : null);

export function jurisdictionFacts(rulebook: Rulebook, jurisdiction: string, month: string): JurisdictionFacts {
  if (!rulebook.packs.has(jurisdiction)) {
    throw new BenefitRulesError('unknown-jurisdiction', `No pack "${jurisdiction}"`, [
      { path: 'jurisdiction', expected: 'a pack id of the rulebook', found: JSON.stringify(jurisdiction) },
    ]);
  }
  const read = (id: string) => valueOf(rulebook, jurisdiction, id, month);
  const multiple = read('dibao.marginal.incomeMultiple');
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    jurisdiction,
    month,
    standards: { urban: toFen(read('dibao.standard.urban')), rural: toFen(read('dibao.standard.rural')) },
    // Without a marginal line the "1.5 ×" knob still means 1.5 × the standard.
    marginalPerMille: perMille(multiple) ?? 1500,
    assetMonthsPerMille: perMille(read('dibao.assets.financialMonthsPerPerson')),
    ageThresholds: ageThresholds(rulebook, read),
    singlePerson: {
      disabilityGrades: list<number>(read('dibao.singlePerson.disabilityGrades')),
      intellectualMentalGrades: list<number>(read('dibao.singlePerson.intellectualMentalGrades')),
      seriousIllnessResidences: list<string>(read('dibao.singlePerson.seriousIllnessResidences')),
      povertyRegistered: read('dibao.singlePerson.povertyRegistered') === true,
    },
  };
}

/** The ages the rule files compare `age` with (a condition's value, the limits of bands on age): a
 * number, or a parameter resolved for the month. A band whose limit is included starts the next
 * band a year later (89 included: 90 is the threshold). */
function ageThresholds(rulebook: Rulebook, read: (id: string) => unknown): number[] {
  const found = new Set<number>();
  const years = (value: unknown): unknown => {
    if (typeof value === 'number') return value;
    if (value === null || typeof value !== 'object') return undefined;
    const ref = (value as { fact?: unknown; parameter?: unknown }).fact ?? (value as { parameter?: unknown }).parameter;
    return typeof ref === 'string' ? read(ref) : undefined;
  };
  const add = (value: unknown, shift = 0) => {
    if (typeof value === 'number' && Number.isInteger(value)) found.add(value + shift);
  };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 60 || node === null || typeof node !== 'object') return;
    if (node instanceof Map) return [...node.values()].forEach((item) => visit(item, depth + 1));
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    const record = node as Record<string, unknown>;
    if (record.fact === 'age' && 'value' in record) add(years(record.value));
    const bands = record.bands as { on?: { fact?: unknown }; below?: { limit?: unknown; includesLimit?: boolean }[] } | undefined;
    if (bands?.on?.fact === 'age' && Array.isArray(bands.below)) for (const band of bands.below) add(years(band.limit), band.includesLimit ? 1 : 0);
    for (const [key, child] of Object.entries(record)) if (key !== 'test' && typeof child !== 'function') visit(child, depth + 1);
  };
  for (const programme of rulebook.programmes.values()) visit(programme, 0);
  return [...found].sort((a, b) => a - b);
}
