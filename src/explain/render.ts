/**
 * Renders a result's trace as sentences for a caseworker, in Chinese or English: every parameter
 * with its value, period and source, every member and income line, every condition with the
 * comparisons behind it, every calculation and rounding.
 */
import type { Rulebook } from '../rulebook/index.js';
import { INCOME_TYPES } from '../schemas/income.js';
import type { Bilingual } from '../schemas/common.js';
import { PROGRAMMES } from '../programmes/index.js';
import type { TraceEntry, TraceCheck } from './trace.js';
import { CALCULATIONS, DECISIONS, EXCLUSIONS, OPERATORS, REASONS, STATUS, WORDS } from './messages.js';

export type Language = 'zh' | 'en';

interface Renderable {
  totalMonthlyAmount: string;
  programmes: Record<string, { status: string; monthlyAmount: string; reasons: string[] }>;
}

/** Long exact decimals (1000 / 3) are shown to the fen with an ellipsis. */
function show(value: unknown): string {
  if (typeof value === 'string' && /^-?\d+\.\d{3,}$/.test(value)) {
    const [whole, fraction] = value.split('.') as [string, string];
    return /^0*$/.test(fraction.slice(2)) ? `${whole}.${fraction.slice(0, 2)}` : `${whole}.${fraction.slice(0, 2)}…`;
  }
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value === undefined ? '—' : String(value);
}

export function explain(result: Renderable, traces: readonly [string, TraceEntry[]][], rulebook: Rulebook, lang: Language): string[] {
  const lines: string[] = [];
  for (const [programmeId, trace] of traces) {
    const programme = PROGRAMMES.find((p) => p.id === programmeId);
    const outcome = result.programmes[programmeId];
    if (!programme || !outcome) continue;
    const facts: Record<string, Bilingual> = { ...programme.facts.household, ...programme.facts.member };
    const t = (text: Bilingual) => text[lang];
    lines.push(`${t(programme.name)}: ${t(STATUS[outcome.status] ?? { zh: outcome.status, en: outcome.status })}, ${outcome.monthlyAmount} ${t(WORDS.yuanPerMonth)}`);
    lines.push(`  ${t(WORDS.reasons)}: ${outcome.reasons.map((r) => t(REASONS[r] ?? { zh: r, en: r })).join(lang === 'zh' ? '；' : '; ')}`);
    const rules = rulebook.programmes.get(programmeId);
    const describe = (id: string) => {
      const declaration = rulebook.declarations.get(id);
      return declaration ? `${t(declaration.description)} (${id})` : id;
    };
    const notSet: string[] = [];
    for (const entry of trace) {
      if (entry.kind === 'notSet') {
        notSet.push(entry.id);
        continue;
      }
      const line = renderEntry(entry, lang, describe, (id) => rules?.conditions.get(id)?.description, facts);
      if (line) lines.push(`  · ${line}`);
    }
    if (notSet.length > 0) lines.push(`  · ${WORDS.notSet[lang]}: ${notSet.join(', ')}`);
  }
  lines.push(`${WORDS.total[lang]}: ${result.totalMonthlyAmount} ${WORDS.yuanPerMonth[lang]}`);
  return lines;
}

function renderEntry(
  entry: TraceEntry,
  lang: Language,
  describe: (id: string) => string,
  conditionText: (id: string) => Bilingual | undefined,
  facts: Record<string, Bilingual>,
): string | undefined {
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const sep = lang === 'zh' ? '；' : '; ';
  switch (entry.kind) {
    case 'parameter': {
      const period = entry.until ? `${entry.from} – ${entry.until}` : `${entry.from} –`;
      const sources = entry.sources
        .map((s) => [s.number, s.title, s.seed ? `seed ${s.seed}` : undefined, s.issued ? `${w('issued')} ${s.issued}` : undefined, s.url].filter(Boolean).join(' '))
        .join(' / ');
      const note = entry.note ? `${sep}${entry.note}` : '';
      const value = entry.value === null ? `: ${w('notConfigured')}` : ` = ${show(entry.value)}`;
      return `${describe(entry.id)}${value}${sep}${w('setBy')} ${entry.jurisdiction}, ${w('inForce')} ${period}${sep}${w('source')}: ${sources} [${entry.verified ? w('verified') : w('unverified')}]${note}`;
    }
    case 'notSet':
      return undefined;
    case 'member':
      return entry.counted
        ? `${w('member')} ${entry.member}: ${w('counted')}`
        : `${w('member')} ${entry.member}: ${w('notCounted')} (${entry.reasons.map((r) => EXCLUSIONS[r]?.[lang] ?? r).join(', ')})`;
    case 'income': {
      const who = entry.member === null ? w('household') : `${w('member')} ${entry.member}`;
      const label = INCOME_TYPES[entry.type as keyof typeof INCOME_TYPES]?.[lang] ?? entry.type;
      const head = `${who} ${label} ${entry.monthly}`;
      if (entry.treatment === 'counted') return `${head}: ${w('countedInFull')}`;
      if (entry.treatment === 'notMember') return `${head}: ${w('notMember')}`;
      if (entry.treatment === 'exempt') return `${head}: ${w('exempt')} — ${describe(entry.parameter ?? '')}`;
      return `${head}: ${w('countedAt')} ${entry.share} = ${show(entry.counted)} — ${describe(entry.parameter ?? '')}`;
    }
    case 'deduction':
      return `${w('member')} ${entry.member} ${w('deduction')} (${entry.method}): ${show(entry.deduction)} / ${show(entry.employmentIncome)}${entry.capped ? w('capped') : ''}`;
    case 'condition': {
      // A member condition recorded without its comparisons (exclusion not met) is said by the
      // member line that follows it.
      if (entry.member !== undefined && entry.checks.length === 0 && !entry.result) return undefined;
      const text = conditionText(entry.id);
      const who = entry.member !== undefined ? ` [${w('member')} ${entry.member}]` : '';
      const checks = entry.checks.length > 0 ? ` (${entry.checks.map((c) => renderCheck(c, lang, facts)).join(', ')})` : '';
      return `${text ? text[lang] : entry.id}${who}: ${entry.result ? w('met') : w('notMet')}${checks}`;
    }
    case 'calculation': {
      const template = CALCULATIONS[entry.id];
      const values: Record<string, string> = { result: show(entry.result) };
      for (const [key, value] of Object.entries(entry.values)) values[key] = show(value);
      return template ? template[lang](values) : `${entry.id} = ${show(entry.result)}`;
    }
    case 'rounding':
      return `${w('rounded')} ${show(entry.before)} → ${entry.after} (${entry.mode}, ${entry.step}; ${describe(entry.parameter)})`;
    case 'decision': {
      const template = DECISIONS[entry.id];
      return template ? template[lang](entry.values ?? {}) : entry.id;
    }
  }
}

function renderCheck(check: TraceCheck, lang: Language, facts: Record<string, Bilingual>): string {
  const name = facts[check.fact]?.[lang] ?? check.fact;
  const right = check.valueFact !== undefined ? `${facts[check.valueFact]?.[lang] ?? check.valueFact} ${show(check.value)}` : show(check.value);
  const mark = check.result ? '✓' : '✗';
  return `${name} ${show(check.factValue)} ${OPERATORS[check.operator] ?? check.operator} ${right} ${mark}`;
}
