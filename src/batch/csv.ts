/**
 * CSV input for populations: one row per person, as microdata usually comes. Consecutive rows with
 * the same household_id form a household; household columns are read from its first row. Each
 * household becomes one item, numbered by its first row's line.
 */
import { INCOME_TYPE_IDS } from '../schemas/income.js';
import { otherAllowanceSchema } from '../schemas/household.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST, type FactDeclaration } from '../schemas/facts.js';

/** The kinds of other care allowance, each its own money column as each income type is. */
export const OTHER_ALLOWANCE_TYPES = otherAllowanceSchema.shape.type.options;

export const CSV_INPUT_COLUMNS = [
  'household_id',
  'month',
  'jurisdiction',
  // One column per declared household fact (schemas/facts.ts), repeated on the household's rows.
  ...HOUSEHOLD_INPUT_FACT_LIST.map((fact) => fact.csv),
  'member_id',
  'birth_date',
  'relation',
  'disability_category',
  'disability_grade',
  // One column per declared member fact (schemas/facts.ts).
  ...MEMBER_INPUT_FACT_LIST.map((fact) => fact.csv),
  'imprisoned',
  'compulsory_rehabilitation',
  'declared_missing',
  'clergy_living_apart_since',
  'child_status',
  'child_care',
  ...INCOME_TYPE_IDS.map((t) => `income_${t}`),
  ...OTHER_ALLOWANCE_TYPES.map((t) => `other_allowance_${t}`),
  ...INCOME_TYPE_IDS.map((t) => `household_income_${t}`),
  'financial_assets',
  'vehicles',
  'dwellings',
  'business_registered',
  'dibao_enrolled_since',
  'dibao_last_amount',
  'dibao_gradual_exit_since',
  'event_kind',
  'event_applicant',
  'event_people_affected',
];

export type Row = Record<string, string>;

const set = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value;
};
const text = (row: Row, column: string) => (row[column] === undefined || row[column] === '' ? undefined : row[column]);
const flag = (row: Row, column: string) => {
  const value = text(row, column);
  // Anything but true/false is passed through, so the validator reports it with its path.
  return value === undefined ? undefined : value === 'true' ? true : value === 'false' ? false : value;
};
const integer = (row: Row, column: string) => {
  const value = text(row, column);
  return value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value;
};

/** A declared fact's cell, as its kind reads it. */
const cell = (row: Row, fact: FactDeclaration) => (fact.kind === 'boolean' ? flag(row, fact.csv) : text(row, fact.csv));

function member(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  set(out, 'id', text(row, 'member_id'));
  set(out, 'birthDate', text(row, 'birth_date'));
  set(out, 'relation', text(row, 'relation'));
  if (text(row, 'disability_category') !== undefined || text(row, 'disability_grade') !== undefined) {
    out.disability = { category: text(row, 'disability_category'), grade: integer(row, 'disability_grade') };
  }
  for (const fact of MEMBER_INPUT_FACT_LIST) set(out, fact.id, cell(row, fact));
  const exclusion: Record<string, unknown> = {};
  set(exclusion, 'imprisoned', flag(row, 'imprisoned'));
  set(exclusion, 'compulsoryRehabilitation', flag(row, 'compulsory_rehabilitation'));
  set(exclusion, 'declaredMissing', flag(row, 'declared_missing'));
  set(exclusion, 'clergyLivingApartSince', text(row, 'clergy_living_apart_since'));
  if (Object.keys(exclusion).length > 0) out.exclusion = exclusion;
  if (text(row, 'child_status') !== undefined) out.child = { status: text(row, 'child_status'), care: text(row, 'child_care') };
  const incomes = INCOME_TYPE_IDS.flatMap((type) => {
    const monthly = text(row, `income_${type}`);
    return monthly === undefined ? [] : [{ type, monthly }];
  });
  if (incomes.length > 0) out.incomes = incomes;
  const others = OTHER_ALLOWANCE_TYPES.flatMap((type) => {
    const monthly = text(row, `other_allowance_${type}`);
    return monthly === undefined ? [] : [{ type, monthly }];
  });
  if (others.length > 0) out.otherAllowances = others;
  return out;
}

/** Columns that describe the household, not the person: read from its first row. */
const HOUSEHOLD_COLUMNS = [
  'month',
  'jurisdiction',
  ...HOUSEHOLD_INPUT_FACT_LIST.map((fact) => fact.csv),
  'financial_assets',
  'vehicles',
  'dwellings',
  'business_registered',
  'dibao_enrolled_since',
  'dibao_last_amount',
  'dibao_gradual_exit_since',
  'event_kind',
  'event_applicant',
  'event_people_affected',
  ...INCOME_TYPE_IDS.map((t) => `household_income_${t}`),
];

/**
 * A household column whose later rows say something else than the first (an empty cell agrees
 * with anything): reading only the first row would silently drop it. Returns the column and the
 * offset of the row, or undefined when the rows agree.
 */
export function conflictIn(rows: readonly Row[]): { column: string; row: number } | undefined {
  const first = rows[0] as Row;
  for (let i = 1; i < rows.length; i += 1) {
    for (const column of HOUSEHOLD_COLUMNS) {
      const value = (rows[i] as Row)[column];
      if (value !== undefined && value !== '' && value !== first[column]) return { column, row: i };
    }
  }
  return undefined;
}

/** The household (or month-enveloped household) that a group of rows describes. */
export function householdOf(rows: readonly Row[]): unknown {
  const first = rows[0] as Row;
  const household: Record<string, unknown> = { id: first.household_id, jurisdiction: text(first, 'jurisdiction') };
  // A required one left empty is left out here, so the validator names it (at its cell, csv-errors.ts).
  for (const fact of HOUSEHOLD_INPUT_FACT_LIST) household[fact.id] = cell(first, fact);
  household.members = rows.map(member);
  const assets: Record<string, unknown> = {};
  set(assets, 'financial', text(first, 'financial_assets'));
  const vehicles = text(first, 'vehicles');
  if (vehicles !== undefined) assets.vehicles = vehicles.split(';').map((type) => ({ type }));
  set(assets, 'dwellings', integer(first, 'dwellings'));
  set(assets, 'businessRegistered', flag(first, 'business_registered'));
  if (Object.keys(assets).length > 0) household.assets = assets;
  // Income of the household as a whole (rent, say) is a household column: on its first row.
  const incomes = INCOME_TYPE_IDS.flatMap((type) => {
    const monthly = text(first, `household_income_${type}`);
    return monthly === undefined ? [] : [{ type, monthly }];
  });
  if (incomes.length > 0) household.incomes = incomes;
  const dibao: Record<string, unknown> = {};
  set(dibao, 'enrolledSince', text(first, 'dibao_enrolled_since'));
  set(dibao, 'lastAmount', text(first, 'dibao_last_amount'));
  set(dibao, 'gradualExitSince', text(first, 'dibao_gradual_exit_since'));
  if (Object.keys(dibao).length > 0) household.history = { dibao };
  const event: Record<string, unknown> = {};
  set(event, 'kind', text(first, 'event_kind'));
  set(event, 'applicant', text(first, 'event_applicant'));
  set(event, 'peopleAffected', integer(first, 'event_people_affected'));
  if (Object.keys(event).length > 0) household.event = event;
  const month = text(first, 'month');
  return month === undefined ? household : { month, household };
}
