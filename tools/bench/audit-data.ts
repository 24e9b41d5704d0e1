/**
 * Generated audit inputs for the bench and for checking that a faster audit writes the same report:
 * a few template households evaluated once, their payments copied under many ids. `plain` pays every
 * month as due on the 20th; `mixed` (seeded, so the same seed gives the same files) pays on scattered
 * later dates across the retroactive decisions, with wrong amounts, 补发 lines, duplicates, missing
 * months, bad lines, timelines with snapshots and decided history, and households interleaved.
 */
import { random } from '../../src/testing/random.js';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { bundledRulebook } from '../../src/load.js';
import { evaluateTimeline } from '../../src/audit/api.js';
import { nextMonth } from '../../src/audit/timeline.js';

const PLACES = [
  { jurisdiction: 'cn-420113', from: '2020-01', to: '2020-12' },
  { jurisdiction: 'cn-500000', from: '2018-01', to: '2018-12' },
  { jurisdiction: 'cn-640181', from: '2024-01', to: '2024-12' },
];

interface Row {
  member: string;
  programme: string;
  month: string;
  amount: string;
  /** Mixed: the amount as known early in the year (before the retroactive decisions). */
  early?: string;
}

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const member = (id: string, relation: string, wages: number | undefined, disabled: boolean) => ({
  id,
  birthDate: relation === 'head' ? '1960-01-01' : '1962-01-01',
  relation,
  ...(wages !== undefined ? { incomes: [{ type: 'wages', monthly: String(wages) }] } : {}),
  ...(disabled ? { disability: { category: 'physical', grade: 1 } } : {}),
});

/** The template households (plain ones; with `mixed`, timelines too) and what each was due. */
function templates(mixed: boolean): { household: unknown; place: (typeof PLACES)[number]; rows: Row[] }[] {
  const rulebook = bundledRulebook();
  const inputs: { household: unknown; place: (typeof PLACES)[number] }[] = [];
  PLACES.forEach((place, p) => {
    for (const [w, wages] of [0, 300, 700].entries()) {
      const facts = { id: `t${p}${w}`, jurisdiction: place.jurisdiction, residence: 'rural', members: [member('a', 'head', wages, false), member('b', 'spouse', undefined, true)] };
      inputs.push({ household: facts, place });
      if (!mixed) continue;
      const later = `${place.from.slice(0, 5)}0${3 + w}`;
      const snapshots = [
        { from: place.from, household: { ...facts, id: `s${p}${w}` } },
        { from: later, changes: { members: [member('a', 'head', wages + 900, false), member('b', 'spouse', undefined, true)] } },
        { from: `${place.from.slice(0, 5)}09`, changes: { history: null, members: [member('a', 'head', wages, false), member('b', 'spouse', undefined, w === 1)] } },
      ];
      inputs.push({ household: { snapshots }, place });
    }
  });
  const due = (household: unknown, place: (typeof PLACES)[number], knownAt?: string) => {
    const rows: Row[] = [];
    for (const month of evaluateTimeline(household, { from: place.from, to: place.to, rulebook, ...(knownAt ? { knownAt } : {}) }).months) {
      if (!('result' in month)) continue;
      for (const [id, programme] of Object.entries(month.result.programmes)) {
        if (programme.members)
          for (const m of programme.members) if (m.paid !== null && m.paid !== '0.00') rows.push({ member: m.member, programme: id, month: month.month, amount: m.paid });
        if (!programme.members && programme.monthlyAmount !== null && programme.monthlyAmount !== '0.00')
          rows.push({ member: '', programme: id, month: month.month, amount: programme.monthlyAmount });
      }
    }
    return rows;
  };
  return inputs.map(({ household, place }) => {
    const rows = due(household, place);
    if (mixed) {
      const early = new Map(due(household, place, `${place.from.slice(0, 4)}-03-01`).map((r) => [`${r.programme} ${r.member} ${r.month}`, r.amount]));
      for (const row of rows) row.early = early.get(`${row.programme} ${row.member} ${row.month}`) ?? '0.00';
    }
    return { household, place, rows };
  });
}

function withId(household: unknown, id: string): unknown {
  const h = household as { snapshots?: { household?: object }[] };
  if (!h.snapshots) return { ...(household as object), id };
  return { snapshots: h.snapshots.map((s, i) => (i === 0 ? { ...s, household: { ...s.household, id } } : s)) };
}

/** Mixed: one household's ledger rows, as text without the household id. */
function mixedRows(rows: Row[], next: () => number): string[] {
  const out: string[] = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  for (const row of rows) {
    const r = next();
    if (r < 0.05) continue;
    let paidOn = row.month;
    for (let k = pick([0, 0, 1, 1, 1, 2, 3, 5, 8]); k > 0; k -= 1) paidOn = nextMonth(paidOn);
    const paidDay = `${paidOn}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const cents = Number(row.amount.replace('.', ''));
    // Some paid as known early in the year, on a day of the month itself: arrears where a later decision raised it.
    const early = r >= 0.1 && r < 0.3 && row.early !== undefined;
    const amount = r < 0.1 ? ((cents + pick([-5000, -100, 1, 3000])) / 100).toFixed(2) : early ? (row.early as string) : row.amount;
    const day = early ? `${row.month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` : paidDay;
    out.push(`,${row.member},${row.programme},${row.month},${amount},${day}`);
    if (r > 0.97) out.push(out.at(-1) as string);
    else if (r > 0.94) out.push(`,${row.member},${row.programme},${row.month},${pick(['10.00', '150.00', '0.01'])},${nextMonth(nextMonth(paidOn))}-11`);
    else if (r > 0.935) out.push(`,zz,${row.programme},${row.month},${amount},${day}`);
    else if (r > 0.93) out.push(`,${row.member},${row.programme},${row.month},1.2.3,${day}`);
  }
  return out;
}

/** Writes households.ndjson and ledger.csv into `dir`; returns the number of ledger lines. */
export async function writeAuditInputs(dir: string, options: { households: number; lines: number; mixed?: boolean; seed?: number }): Promise<number> {
  const mixed = options.mixed ?? false;
  const kinds = templates(mixed);
  await write(
    join(dir, 'households.ndjson'),
    (function* () {
      for (let i = 0; i < options.households; i += 1) yield `${JSON.stringify(withId(kinds[i % kinds.length]?.household, `h${i}`))}\n`;
    })(),
  );
  const perHousehold = Math.ceil(options.lines / options.households);
  const next = random(options.seed ?? 1);
  let written = 0;
  await write(
    join(dir, 'ledger.csv'),
    (function* () {
      yield 'household_id,member_id,programme,month,amount,paid_on\n';
      if (!mixed) {
        for (let i = 0; i < options.households && written < options.lines; i += 1) {
          const rows = kinds[i % kinds.length]?.rows ?? [];
          for (let r = 0; r < perHousehold && written < options.lines; r += 1, written += 1) {
            const row = rows[r % rows.length] as Row;
            yield `h${i},${row.member},${row.programme},${row.month},${row.amount},${row.month}-20\n`;
          }
        }
        return;
      }
      // Mixed: groups of households interleaved line by line, so several are open at once.
      for (let i = 0; i < options.households && written < options.lines; i += 8) {
        const group = Array.from({ length: Math.min(8, options.households - i) }, (_, g) =>
          mixedRows(kinds[(i + g) % kinds.length]?.rows ?? [], next).map((text) => `h${i + g}${text}\n`),
        );
        for (let r = 0; group.some((lines) => r < lines.length); r += 1) {
          for (const lines of group) {
            if (r >= lines.length || written >= options.lines) continue;
            written += 1;
            yield lines[r] as string;
          }
        }
        if (next() < 0.02 && written < options.lines) {
          written += 1;
          yield `nobody,,dibao,2020-03,500.00,2020-04-08\n`;
        }
      }
    })(),
  );
  return written;
}
