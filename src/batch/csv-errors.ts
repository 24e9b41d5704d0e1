/**
 * Errors about a household read from CSV, told in the CSV's terms: the JSON paths of the household
 * that csv.ts builds from the rows (householdOf) become the line and column of the cell the value
 * came from. Only error records pay for this; a path with no cell of its own keeps its JSON path.
 */
import type { BatchRecord } from './records.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACT_LIST } from '../schemas/facts.js';

type ErrorRecord = Extract<BatchRecord, { ok: false }>;
type Segment = string | number;

/** JSON path text as written by jsonPath (src/errors.ts): `$`, `.name`, `[0]`, `["odd key"]`. */
const PATH = /\$(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*/g;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  for (const [, name, index, quoted] of path.matchAll(SEGMENT)) out.push(name ?? (index !== undefined ? Number(index) : (JSON.parse(quoted as string) as string)));
  return out;
}

const HOUSEHOLD: Record<string, string> = {
  month: 'month',
  id: 'household_id',
  jurisdiction: 'jurisdiction',
  ...Object.fromEntries(HOUSEHOLD_INPUT_FACT_LIST.map((fact) => [fact.id, fact.csv])),
};
const ASSETS: Record<string, string> = { financial: 'financial_assets', vehicles: 'vehicles', dwellings: 'dwellings', businessRegistered: 'business_registered' };
const EVENT: Record<string, string> = { kind: 'event_kind', applicant: 'event_applicant', peopleAffected: 'event_people_affected' };
const HISTORY: Record<string, string> = { enrolledSince: 'dibao_enrolled_since', lastAmount: 'dibao_last_amount', gradualExitSince: 'dibao_gradual_exit_since' };
const MEMBER: Record<string, string> = {
  id: 'member_id',
  birthDate: 'birth_date',
  relation: 'relation',
  disability: 'disability_category',
  exclusion: 'imprisoned',
  child: 'child_status',
  ...Object.fromEntries(MEMBER_INPUT_FACT_LIST.map((fact) => [fact.id, fact.csv])),
};
const NESTED: Record<string, string> = {
  'disability.category': 'disability_category',
  'disability.grade': 'disability_grade',
  'exclusion.imprisoned': 'imprisoned',
  'exclusion.compulsoryRehabilitation': 'compulsory_rehabilitation',
  'exclusion.declaredMissing': 'declared_missing',
  'exclusion.clergyLivingApartSince': 'clergy_living_apart_since',
  'child.status': 'child_status',
  'child.care': 'child_care',
};

interface Cell {
  column: string;
  /** Which of the household's rows: household columns are read from its first. */
  row: number;
}

/** The cell a path of the household came from, if it came from one. */
function cellOf(household: unknown, path: readonly Segment[]): Cell | undefined {
  const [first, second, third, fourth] = path;
  if (path.length === 1 && typeof first === 'string' && HOUSEHOLD[first]) return { column: HOUSEHOLD[first], row: 0 };
  if (first === 'assets' && typeof second === 'string' && ASSETS[second]) return { column: ASSETS[second], row: 0 };
  if (first === 'event' && typeof second === 'string' && EVENT[second]) return { column: EVENT[second], row: 0 };
  if (first === 'history' && second === 'dibao' && typeof third === 'string' && HISTORY[third]) return { column: HISTORY[third], row: 0 };
  if (first === 'incomes' && typeof second === 'number') {
    const type = (household as { incomes?: { type?: unknown }[] }).incomes?.[second]?.type;
    return typeof type === 'string' ? { column: `household_income_${type}`, row: 0 } : undefined;
  }
  if (first !== 'members' || typeof second !== 'number') return undefined;
  // csv.ts writes one line per non-empty income_<type> (other_allowance_<type>) cell: the line's
  // type names the column.
  const lines = (household as { members?: Record<string, { type?: unknown }[] | undefined>[] }).members?.[second];
  if (third === 'incomes' && typeof fourth === 'number') {
    const type = lines?.incomes?.[fourth]?.type;
    return typeof type === 'string' ? { column: `income_${type}`, row: second } : undefined;
  }
  if (third === 'otherAllowances' && typeof fourth === 'number') {
    const type = lines?.otherAllowances?.[fourth]?.type;
    return typeof type === 'string' ? { column: `other_allowance_${type}`, row: second } : undefined;
  }
  if (typeof third !== 'string') return { column: 'member_id', row: second };
  const column = (typeof fourth === 'string' ? NESTED[`${third}.${fourth}`] : undefined) ?? MEMBER[third];
  return column ? { column, row: second } : undefined;
}

/**
 * The error record of a CSV household with its paths as CSV cells. `text` is the JSON that
 * householdOf made (a household, or `{ month, household }`), `rows` the line of each of its rows.
 */
export function atCsvCells(record: ErrorRecord, text: string, rows: readonly number[]): ErrorRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return record;
  }
  const household = parsed !== null && typeof parsed === 'object' && 'household' in parsed ? (parsed as { household: unknown }).household : parsed;
  const place = (path: string): string => {
    const segments = segmentsOf(path);
    const cell = segments.length > 0 ? cellOf(household, segments) : undefined;
    return cell ? `line ${rows[cell.row] ?? rows[0]}, column ${cell.column}` : path;
  };
  const { code, message, details } = record.error;
  return {
    ...record,
    error: {
      code,
      message: message.replace(PATH, place),
      details: details.map((detail) => ('path' in detail && typeof detail.path === 'string' ? { ...detail, path: place(detail.path) } : detail)),
    },
  };
}
