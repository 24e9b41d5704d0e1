/**
 * Values the mutations put into households: well-formed ones (so that most inputs still reach the
 * rules) and the awkward ones users and callers actually send — numbers as text with spaces or
 * exponents, too many decimals, dates that do not exist, unicode, very long text, and through the
 * API values JSON cannot hold (BigInt, functions, symbols, NaN, holes).
 */
import type { Random } from './random.js';

/** Text the money pattern must refuse, and text it must accept at its edges. */
const MONEY_TEXT = [
  '0',
  '0.00',
  '0.01',
  '0.1',
  '1',
  '12',
  '12.5',
  '99.99',
  '300',
  '500',
  '830',
  '1000',
  '1234.56',
  '2500',
  '8000.5',
  '25000',
  '999999999.99',
  '1e3',
  ' 12 ',
  '12 ',
  '900.001',
  '-0',
  '-1',
  '-0.01',
  '+5',
  '0012',
  '12.',
  '.5',
  '1,000',
  '1000000000',
  '１２',
  '١٢',
  '12\u0000',
  '0x10',
  'NaN',
  'Infinity',
  '',
];
const MONEY_NUMBERS = [0, 1, 12.5, 300, 830.25, 999999999.99, -0, 1e308, -1, 0.1 + 0.2, 1e-7, 1000000000, 5e-324, 2 ** 53, 12.345];

export function money(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.72) return (random.int(0, random.pick([100, 1000, 100_000, 1_000_000, 10_000_000])) / 100).toFixed(random.pick([0, 2, 2, 1]));
  if (roll < 0.84) return random.pick(MONEY_TEXT);
  if (roll < 0.94) return random.pick(MONEY_NUMBERS);
  if (roll < 0.97) return '9'.repeat(random.int(10, 400)) + (random.chance(0.5) ? '.99' : '');
  return api(random);
}

/** A month between 2013 and 2028 (the packs start in 2014; a few are "not configured" in places). */
export function monthIn(random: Random, from = 2013, to = 2028): string {
  return `${random.int(from, to)}-${String(random.int(1, 12)).padStart(2, '0')}`;
}

const BAD_MONTHS = ['2023-00', '2023-13', '2023-1', '202305', '2023/05', '2023-05-01', ' 2023-05', '２０２３-05', '', '0000-01', '9999-12'];

export function month(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.93) return monthIn(random);
  if (roll < 0.98) return random.pick(BAD_MONTHS);
  return api(random);
}

/** Dates that do not exist or are written wrongly, next to ones that only just exist. */
const ODD_DATES = [
  '2023-02-29',
  '2024-02-29',
  '2023-02-30',
  '2023-04-31',
  '2023-00-10',
  '2023-13-01',
  '2023-01-00',
  '2023-01-32',
  '1900-02-29',
  '2000-02-29',
  '2023-1-01',
  '20230101',
  '2023-01-01T00:00:00Z',
  ' 2023-01-01',
  '0000-01-01',
  '9999-12-31',
  '',
];

export function date(random: Random, around?: string): unknown {
  const roll = random.next();
  if (around && roll < 0.3) {
    // Born in, just after or just before the month evaluated: the edge of "not born yet".
    const [y, m] = around.split('-').map(Number) as [number, number];
    const shift = random.int(-1, 1);
    const mm = ((m - 1 + shift + 12) % 12) + 1;
    const yy = y + (m + shift > 12 ? 1 : m + shift < 1 ? -1 : 0);
    return `${yy}-${String(mm).padStart(2, '0')}-${String(random.pick([1, 28, 29, 30, 31])).padStart(2, '0')}`;
  }
  if (roll < 0.9) return `${random.int(1920, 2027)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  if (roll < 0.97) return random.pick(ODD_DATES);
  return api(random);
}

const TEXT = [
  'a',
  'head',
  '户主',
  '张三',
  'é',
  'e\u0301',
  '👪',
  '\u202e',
  '\u0000',
  ' ',
  '\n',
  '"',
  '\\',
  '$.members[0]',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

export function text(random: Random): string {
  const roll = random.next();
  if (roll < 0.7) return random.pick(TEXT) + (random.chance(0.5) ? String(random.int(0, 99)) : '');
  if (roll < 0.85) return random.pick(TEXT).repeat(random.int(100, 20_000));
  if (roll < 0.95)
    return String.fromCodePoint(
      ...Array.from({ length: random.int(1, 20) }, () =>
        random.pick([random.int(0x20, 0x7e), random.int(0x4e00, 0x9fff), random.int(0x1f300, 0x1f64f), random.int(0xd800, 0xdfff)]),
      ),
    );
  return '';
}

/** Any JSON value, small. */
export function json(random: Random, depth = 0): unknown {
  switch (random.int(0, depth > 2 ? 3 : 5)) {
    case 0:
      return random.pick([0, 1, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 4]);
    case 1:
      return text(random);
    case 2:
      return random.chance(0.5);
    case 3:
      return null;
    case 4:
      return Array.from({ length: random.int(0, 3) }, () => json(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: random.int(0, 3) }, () => [text(random), json(random, depth + 1)]));
  }
}

/** Values only a JavaScript caller can pass. */
export function api(random: Random): unknown {
  switch (random.int(0, 11)) {
    case 0:
      return BigInt(random.int(0, 1000));
    case 1:
      return () => 1;
    case 2:
      return Symbol('fuzz');
    case 3:
      return NaN;
    case 4:
      return random.chance(0.5) ? Infinity : -Infinity;
    case 5:
      return undefined;
    case 6:
      return new Date(0);
    case 7:
      return Object.create(null) as object;
    case 8:
      return new Map();
    case 9:
      return -0;
    case 10:
      return new String('830');
    default:
      // An array with a hole.
      // eslint-disable-next-line no-sparse-arrays
      return [, 1] as unknown[];
  }
}

/** A value of another type than the one there: string ↔ number ↔ boolean ↔ null ↔ array ↔ object. */
export function retype(random: Random, value: unknown): unknown {
  if (random.chance(0.1)) return api(random);
  switch (random.int(0, 6)) {
    case 0:
      return typeof value === 'number' ? String(value) : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : text(random);
    case 1:
      return typeof value === 'string' ? Number(value) : random.pick([0, 1, -1, 2.5, 1e308]);
    case 2:
      return random.chance(0.5);
    case 3:
      return null;
    case 4:
      return [value];
    case 5:
      return { value };
    default:
      return json(random);
  }
}
