/**
 * Seeded mutations of valid households. An input is a household from the corpus changed a few times:
 * mostly in ways that keep it valid but move it about (other jurisdictions, months 2013–2028, every
 * enum value, incomes of every type, history months in and out of order, hundreds of members), so
 * that the rules themselves are exercised; sometimes in ways that break it (fields deleted,
 * duplicated, swapped or of another type, unknown keys, odd numbers and dates, JS-only values).
 */
import { z } from 'zod';
import { Random } from './random.js';
import { api, date, json, money, month as anyMonth, monthIn, retype, text } from './values.js';
import type { Seed } from './corpus.js';
import { INCOME_TYPE_IDS } from '../../src/schemas/income.js';
import { HOUSEHOLD_INPUT_FACT_LIST, MEMBER_INPUT_FACTS, MEMBER_INPUT_FACT_LIST, type FactDeclaration, type MemberInputFact } from '../../src/schemas/facts.js';
import { childStatusSchema, disabilitySchema, memberSchema, otherAllowanceSchema, vehicleSchema } from '../../src/schemas/household.js';

export interface FuzzInput {
  household: unknown;
  month: unknown;
  knownAt?: unknown;
  lang?: unknown;
  /** What was done to the corpus household, for the report of a failure. */
  steps: string[];
}

/** The values of a schema's enum, read from the schema so that a value added there is fuzzed too. */
function values(schema: z.ZodType): string[] {
  let inner: unknown = schema;
  while (inner instanceof z.ZodOptional) inner = inner.unwrap();
  if (!(inner instanceof z.ZodEnum)) throw new Error('fuzz: expected an enum in the household schema');
  return inner.options as string[];
}

const ENUMS = {
  relation: values(memberSchema.shape.relation),
  category: values(disabilitySchema.shape.category),
  childStatus: values(childStatusSchema.shape.status),
  care: values(childStatusSchema.shape.care),
  allowance: values(otherAllowanceSchema.shape.type),
  vehicle: values(vehicleSchema.shape.type),
  income: [...INCOME_TYPE_IDS] as string[],
};

/** The member's structured fields, set by hand below; the flat facts come from their declarations. */
const STRUCTURED_FIELDS = ['relation', 'birthDate', 'disability', 'child', 'exclusion', 'otherAllowances', 'id'] as const;
type StructuredField = (typeof STRUCTURED_FIELDS)[number];
const MEMBER_FIELDS: readonly string[] = [...STRUCTURED_FIELDS, ...MEMBER_INPUT_FACT_LIST.map((fact) => fact.id)];

/** A declared fact's value: mostly one it can take, else one the schema must refuse (text for an
 * enum, 'yes' for a boolean), so that each new fact is fuzzed both ways with no edit here. */
function factValue(random: Random, fact: FactDeclaration): unknown {
  if (random.chance(0.9)) return fact.kind === 'enum' ? random.pick(fact.values) : random.chance(0.5);
  return fact.kind === 'enum' ? (random.chance(0.5) ? `${random.pick(fact.values)}s` : text(random)) : random.pick(['yes', 1, 'true']);
}

const KNOWN_AT = ['2014-01-01', '2016-08-15', '2021-05-01', '2021-06-11', '2021-07-01', '2024-01-01', '2030-01-01', '2021-02-30', '2021-5-1'];

type Bag = Record<string, unknown>;

/** A month moved by `months`, kept within years 0000–9999 (date-fns cannot write the others). */
function addToMonth(month: string, months: number): string {
  const at = Math.min(9999 * 12 + 11, Math.max(0, Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months));
  return `${String(Math.floor(at / 12)).padStart(4, '0')}-${String((at % 12) + 1).padStart(2, '0')}`;
}

/** Text for a label or an id, whatever the value (String() throws on an object without a prototype). */
const label = (value: unknown) => (typeof value === 'string' ? value : typeof value);
const isBag = (value: unknown): value is Bag => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A deep copy of plain objects and arrays; other values (functions, symbols) are shared. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isBag(value) && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

function membersOf(household: unknown): unknown[] | undefined {
  return isBag(household) && Array.isArray(household.members) ? household.members : undefined;
}

/** Mutations that keep the shape of a household and change what it says. */
function meaning(random: Random, household: Bag, month: string, jurisdictions: readonly string[]): string {
  const members = membersOf(household) ?? [];
  const member = members.length > 0 ? members[random.int(0, members.length - 1)] : undefined;
  const monthNear = () => (random.chance(0.9) ? addToMonth(month, random.int(-40, 2)) : anyMonth(random));
  switch (random.int(0, 15)) {
    case 0:
      household.jurisdiction = random.chance(0.9) ? random.pick(jurisdictions) : random.pick(['cn-999999', 'CN-420100', 'cn-42010', 'cn', ' cn-420100', text(random)]);
      return `jurisdiction ${label(household.jurisdiction).slice(0, 40)}`;
    case 1: {
      // A declared household fact (residence…): a declared value nine times in ten, as a member's.
      const fact = random.pick(HOUSEHOLD_INPUT_FACT_LIST);
      household[fact.id] = factValue(random, fact);
      return `household ${fact.id}`;
    }
    case 2:
    case 3:
    case 4: {
      if (!isBag(member)) return 'no member';
      const field = random.pick(MEMBER_FIELDS);
      const fact = MEMBER_INPUT_FACTS[field as MemberInputFact] as FactDeclaration | undefined;
      if (fact) {
        member[field] = factValue(random, fact);
        return `member ${field}`;
      }
      const set: Record<StructuredField, () => unknown> = {
        relation: () => random.pick(ENUMS.relation),
        birthDate: () => date(random, month),
        disability: () => ({ category: random.pick(ENUMS.category), grade: random.chance(0.9) ? random.int(1, 4) : random.pick([0, 5, 2.5, -1, '2']) }),
        child: () => ({ status: random.pick(ENUMS.childStatus), care: random.pick(ENUMS.care) }),
        exclusion: () =>
          Object.fromEntries(
            [
              ['imprisoned', random.chance(0.5)],
              ['compulsoryRehabilitation', random.chance(0.5)],
              ['declaredMissing', random.chance(0.5)],
              ['clergyLivingApartSince', date(random, month)],
            ].filter(() => random.chance(0.4)),
          ),
        otherAllowances: () => Array.from({ length: random.int(0, 3) }, () => ({ type: random.pick(ENUMS.allowance), monthly: money(random) })),
        id: () => (random.chance(0.5) && members.length > 1 && isBag(members[0]) ? members[0].id : text(random)),
      };
      member[field] = set[field as StructuredField]();
      return `member ${field}`;
    }
    case 5:
    case 6: {
      const owner = isBag(member) && random.chance(0.7) ? member : household;
      const incomes = Array.isArray(owner.incomes) ? owner.incomes : ((owner.incomes = []) as unknown[]);
      incomes.push({ type: random.chance(0.97) ? random.pick(ENUMS.income) : text(random), monthly: money(random), ...(random.chance(0.1) ? { note: text(random) } : {}) });
      return owner === household ? 'household income' : 'member income';
    }
    case 7: {
      const assets = isBag(household.assets) ? household.assets : ((household.assets = {}) as Bag);
      const field = random.pick(['financial', 'vehicles', 'dwellings', 'businessRegistered']);
      if (field === 'financial') assets.financial = money(random);
      else if (field === 'vehicles') assets.vehicles = Array.from({ length: random.int(0, 3) }, () => ({ type: random.pick(ENUMS.vehicle) }));
      else if (field === 'dwellings') assets.dwellings = random.chance(0.8) ? random.int(0, 4) : random.pick([-1, 1.5, 1e308, NaN, '1']);
      else assets.businessRegistered = random.chance(0.5);
      return `assets ${field}`;
    }
    case 8:
    case 9: {
      // History: months before, at and after the month evaluated, exits before and after enrolment.
      const history = isBag(household.history) ? household.history : ((household.history = {}) as Bag);
      const dibao = isBag(history.dibao) ? history.dibao : ((history.dibao = {}) as Bag);
      const field = random.pick(['enrolledSince', 'lastAmount', 'gradualExitSince', 'drop']);
      if (field === 'lastAmount') dibao.lastAmount = money(random);
      else if (field === 'drop') delete dibao[random.pick(['enrolledSince', 'lastAmount', 'gradualExitSince'])];
      else dibao[field] = monthNear();
      return `history ${field}`;
    }
    case 10: {
      // Many members: copies of one, with fresh ids or (sometimes) the same id.
      if (member === undefined) return 'no member';
      const count = random.pick([2, 5, 20, 100, random.int(1, 300)]);
      const same = random.chance(0.05);
      for (let i = 0; i < count; i += 1) {
        const twin = copy(member);
        if (isBag(twin) && !same) twin.id = `${label(twin.id)}~${i}`;
        members.push(twin);
      }
      return `${count} more members${same ? ' (same id)' : ''}`;
    }
    case 11:
      if (random.chance(0.05)) household.members = [];
      else if (members.length > 0) members.splice(random.int(0, members.length - 1), 1);
      return 'fewer members';
    case 14: {
      // Birthdays at the ages the rules turn on, on the first, second or last day of the month.
      if (!isBag(member)) return 'no member';
      const age = random.pick([0, 1, 6, 14, 16, 17, 18, 22, 55, 59, 60, 65, 70, 80, 100, random.int(0, 100)]);
      const [y, m] = month.split('-') as [string, string];
      const shift = random.int(-1, 1);
      const when = addToMonth(`${y}-${m}`, shift - 12 * age);
      member.birthDate = `${when}-${random.pick(['01', '02', '28'])}`;
      return `member aged ${age} (${shift})`;
    }
    case 15: {
      // Every amount at once: odd cents that divide badly, or the largest amount there is.
      const amount = random.chance(0.3) ? '999999999.99' : `${random.int(0, 3000)}.${String(random.int(0, 99)).padStart(2, '0')}`;
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (isBag(node)) {
          for (const [key, value] of Object.entries(node)) {
            if (key === 'monthly' || key === 'financial' || key === 'lastAmount') node[key] = random.chance(0.5) ? amount : money(random);
            else walk(value);
          }
        }
      };
      walk(household);
      return `amounts ${amount}`;
    }
    case 12:
      household.id = random.chance(0.5) ? text(random) : random.pick(['', 'x', '户-1', 'h', 'household 2']);
      return 'household id';
    case 13:
      for (let i = members.length - 1; i > 0; i -= 1) {
        const j = random.int(0, i);
        [members[i], members[j]] = [members[j], members[i]];
      }
      return 'members reordered';
    default:
      throw new Error('fuzz: no such mutation');
  }
}

/** Every object and array in the tree, with its path. */
function containers(root: unknown): { node: Bag | unknown[]; path: string }[] {
  const out: { node: Bag | unknown[]; path: string }[] = [];
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 6 || out.length > 2000) return;
    if (Array.isArray(node)) {
      out.push({ node, path });
      node.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    } else if (isBag(node) && Object.getPrototypeOf(node) === Object.prototype) {
      out.push({ node, path });
      for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`, depth + 1);
    }
  };
  walk(root, '$', 0);
  return out;
}

/** Mutations that break the shape: delete, duplicate, swap, retype, unknown keys. */
function shape(random: Random, household: unknown): string {
  const all = containers(household);
  if (all.length === 0) return 'nothing to break';
  const { node, path } = random.pick(all);
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  const bag = node as Record<string | number, unknown>;
  const key = keys.length > 0 ? random.pick(keys) : undefined;
  switch (random.int(0, 5)) {
    case 0:
      if (key === undefined) return 'nothing to delete';
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete bag[key];
      return `delete ${path}.${key}`;
    case 1:
      if (key === undefined) return 'nothing to duplicate';
      if (Array.isArray(node)) node.push(copy(node[key as number]));
      else bag[random.chance(0.5) ? random.pick(keys) : text(random)] = copy(bag[key]);
      return `duplicate ${path}.${key}`;
    case 2: {
      if (key === undefined) return 'nothing to swap';
      const other = random.pick(keys);
      [bag[key], bag[other]] = [bag[other], bag[key]];
      return `swap ${path}.${key} ${String(other)}`;
    }
    case 3:
    case 4:
      if (key === undefined) return 'nothing to retype';
      bag[key] = retype(random, bag[key]);
      return `retype ${path}.${key}`;
    default:
      if (Array.isArray(node)) {
        node.push(random.chance(0.5) ? json(random) : api(random));
        return `push ${path}`;
      }
      if (random.chance(0.2)) Object.defineProperty(node, '__proto__', { value: json(random), enumerable: true, writable: true, configurable: true });
      else bag[text(random)] = json(random);
      return `unknown key in ${path}`;
  }
}

/** The household as JSON text, as a caller might pass by mistake (BigInt cannot be written). */
function asText(household: unknown): string {
  try {
    return JSON.stringify(household) ?? '';
  } catch {
    return '{}';
  }
}

/** The input number `index` of the run with this seed: the same every time. */
export function generate(corpus: readonly Seed[], jurisdictions: readonly string[], seed: number, index: number): FuzzInput {
  const random = new Random(seed, index);
  const base = random.pick(corpus);
  let household = copy(base.household);
  const steps = [`from ${base.source}`];
  let month: unknown = base.month;
  const roll = random.next();
  if (roll < 0.45) month = monthIn(random, 2014, 2027);
  else if (roll < 0.5) month = anyMonth(random);
  const monthText = typeof month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : base.month;
  const input: FuzzInput = { household, month, steps };
  if (base.knownAt !== undefined) input.knownAt = base.knownAt;
  if (random.chance(0.06)) input.knownAt = random.chance(0.95) ? random.pick(KNOWN_AT) : api(random);
  if (random.chance(0.08)) input.lang = random.pick(['zh', 'en', 'en', 'zh', 'fr']);
  const count = random.pick([0, 1, 1, 1, 2, 2, 3, 4, 6, 10]);
  for (let i = 0; i < count; i += 1) {
    if (isBag(household) && random.chance(0.82)) steps.push(meaning(random, household, monthText, jurisdictions));
    else steps.push(shape(random, household));
  }
  // Rarely, no household at all.
  if (random.chance(0.003)) {
    household = random.pick([null, undefined, [], '', 42, [household], asText(household)]);
    steps.push('not a household');
  }
  input.household = household;
  return input;
}
