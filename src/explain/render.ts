/**
 * Renders a result's trace as sentences for a caseworker, in Chinese or English: every parameter
 * with its value, period and source, every member and income line, every condition with the
 * comparisons behind it, every calculation, rounding and interaction between programmes. The words
 * of a programme come from its rule file ("messages", condition and fact descriptions); the words
 * here are the engine's own.
 */
import type { ProgrammeRules, Rulebook } from '../rulebook/index.js';
import { INCOME_TYPES } from '../schemas/income.js';
import type { Bilingual } from '../schemas/common.js';
import { prepared } from '../programmes/declared/prepare.js';
import type { TraceEntry, TraceCheck } from '../programmes/trace.js';
import { OPERATORS, REASONS, STATUS, WORDS } from './messages.js';

export type Language = 'zh' | 'en';

interface Renderable {
  totalMonthlyAmount: string;
  totalIsPartial?: boolean;
  unknown?: { programme: string; status: string; members?: string[] }[];
  programmes: Record<
    string,
    {
      status: string;
      monthlyAmount: string | null;
      period?: 'event';
      oneOffAmount?: string | null;
      bounds?: { minimum: string | null; maximum: string | null };
      reasons: string[];
      /** Without a member: a fact of the household itself that a household programme needs. */
      missingFacts?: { member?: string; path: string }[];
      members?: {
        member: string;
        entitled: string | null;
        paid: string | null;
        reasons: string[];
        notConfigured?: string[];
        missingFacts?: { path: string }[];
        parts?: Record<string, string>;
      }[];
    }
  >;
}

/** An amount, or the word for one that is not known (never a zero). */
function amount(value: string | null, lang: Language): string {
  return value === null ? WORDS.unknownAmount[lang] : value;
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

/** Fills {placeholders} of a template with the values given. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? (values[key] as string) : whole));
}

export function explain(result: Renderable, traces: readonly [string, TraceEntry[]][], rulebook: Rulebook, lang: Language): string[] {
  const lines: string[] = [];
  const t = (text: Bilingual) => text[lang];
  for (const [programmeId, trace] of traces) {
    const rules = rulebook.programmes.get(programmeId);
    const outcome = result.programmes[programmeId];
    if (!rules || !outcome) continue;
    const messages = rules.messages ?? {};
    const word = (table: Record<string, Bilingual> | undefined, fallback: Record<string, Bilingual>, key: string) =>
      t(table?.[key] ?? fallback[key] ?? conditionText(rules, key) ?? { zh: key, en: key });
    const said = outcome.period === 'event' ? oneOff(outcome, lang) : `${amount(outcome.monthlyAmount, lang)} ${t(WORDS.yuanPerMonth)}`;
    lines.push(`${t(rules.name)}: ${word(messages.status, STATUS, outcome.status)}, ${said}`);
    lines.push(`  ${t(WORDS.reasons)}: ${outcome.reasons.map((r) => word(messages.reasons, REASONS, r)).join(lang === 'zh' ? '；' : '; ')}`);
    const ofHousehold = (outcome.missingFacts ?? []).filter((fact) => fact.member === undefined).map((fact) => fact.path);
    if (ofHousehold.length > 0) lines.push(`  ${t(WORDS.factMissing)}: ${ofHousehold.join(', ')}`);
    for (const line of outcome.members ?? []) {
      const why = line.reasons.map((r) => word(messages.reasons, REASONS, r)).join(lang === 'zh' ? '；' : '; ');
      const missing = [...(line.notConfigured ?? []), ...(line.missingFacts ?? []).map((f) => f.path)];
      const unknown = missing.length > 0 ? ` — ${t(line.missingFacts ? WORDS.factMissing : WORDS.lineNotConfigured)}: ${missing.join(', ')}` : '';
      // Named parts of the entitlement (rule file "parts"): "of which basic part 1023.00, care part 551.00".
      const parts =
        line.parts === undefined
          ? ''
          : ` — ${t(WORDS.ofWhich)} ${Object.entries(line.parts)
              .map(([name, value]) => `${rules.parts?.[name]?.description[lang] ?? name} ${value}`)
              .join(lang === 'zh' ? '，' : ', ')}`;
      lines.push(
        `  ${t(WORDS.member)} ${line.member}: ${t(WORDS.entitled)} ${amount(line.entitled, lang)}, ${t(WORDS.paid)} ${amount(line.paid, lang)} (${why})${unknown}${parts}`,
      );
    }
    const facts = prepared(rulebook, rules).facts;
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
      const line = renderEntry(entry, lang, rules, describe, facts);
      if (line) lines.push(`  · ${line}`);
    }
    if (notSet.length > 0) lines.push(`  · ${WORDS.notSet[lang]}: ${notSet.join(', ')}`);
  }
  lines.push(`${WORDS.total[lang]}: ${result.totalMonthlyAmount} ${WORDS.yuanPerMonth[lang]}`);
  if (result.totalIsPartial) {
    const parts = (result.unknown ?? []).map((u) => (u.members ? `${u.programme} (${u.members.join(', ')})` : u.programme));
    lines.push(`  ${WORDS.totalIsPartial[lang]}: ${parts.join(lang === 'zh' ? '；' : '; ')}`);
  }
  return lines;
}

/** A one-off amount, and the range the caseworker sets it within when the rules give one. */
function oneOff(outcome: { oneOffAmount?: string | null; bounds?: { minimum: string | null; maximum: string | null } }, lang: Language): string {
  const bounds = outcome.bounds;
  if (bounds === undefined) return `${amount(outcome.oneOffAmount ?? null, lang)} ${WORDS.oneOff[lang]}`;
  const bound = (value: string | null) => (value === null ? WORDS.noBound[lang] : amount(value, lang));
  const suggested = outcome.oneOffAmount === null || outcome.oneOffAmount === undefined ? WORDS.noSuggestion[lang] : `${amount(outcome.oneOffAmount, lang)} ${WORDS.oneOff[lang]}`;
  const sep = lang === 'zh' ? '，' : ', ';
  return `${suggested}${sep}${WORDS.minimum[lang]} ${bound(bounds.minimum)}${sep}${WORDS.maximum[lang]} ${bound(bounds.maximum)}`;
}

function conditionText(rules: ProgrammeRules, id: string): Bilingual | undefined {
  const condition = rules.conditions.get(id);
  if (!condition) return undefined;
  return { zh: `${condition.description.zh}：不成立`, en: `${condition.description.en}: not met` };
}

function renderEntry(entry: TraceEntry, lang: Language, rules: ProgrammeRules, describe: (id: string) => string, facts: ReturnType<typeof prepared>['facts']): string | undefined {
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const sep = lang === 'zh' ? '；' : '; ';
  const messages = rules.messages ?? {};
  switch (entry.kind) {
    case 'parameter': {
      const period = entry.until ? `${entry.from} – ${entry.until}` : `${entry.from} –`;
      const sources = entry.sources
        .map((s) => [s.number, s.title, s.seed ? `seed ${s.seed}` : undefined, s.issued ? `${w('issued')} ${s.issued}` : undefined, s.url].filter(Boolean).join(' '))
        .join(' / ');
      const note = entry.note ? `${sep}${entry.note}` : '';
      const value = entry.value === null ? `: ${w('notConfigured')}` : ` = ${show(entry.value)}`;
      const m = entry.multipleOf;
      const multiple = m
        ? ` (= ${m.factor} × ${m.value ?? w('notConfigured')} ${describe(m.parameter)}, ${m.jurisdiction} ${m.from} –${m.rounding ? `${sep}${w('rounded')} ${m.rounding.mode}, ${m.rounding.step}` : ''})`
        : '';
      return `${describe(entry.id)}${value}${multiple}${sep}${w('setBy')} ${entry.jurisdiction}, ${w('inForce')} ${period}${sep}${w('source')}: ${sources} [${entry.verified ? w('verified') : w('unverified')}]${note}`;
    }
    case 'notSet':
      return undefined;
    case 'member':
      return entry.counted
        ? `${w('member')} ${entry.member}: ${w('counted')}`
        : `${w('member')} ${entry.member}: ${w('notCounted')} (${entry.reasons.map((r) => messages.labels?.[r]?.[lang] ?? r).join(', ')})`;
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
      // A member condition recorded without its comparisons (not met) is said by the lines around it.
      if (entry.member !== undefined && entry.checks.length === 0 && !entry.result) return undefined;
      const text = rules.conditions.get(entry.id)?.description;
      const who = entry.member !== undefined ? ` [${w('member')} ${entry.member}]` : '';
      const checks = entry.checks.length > 0 ? ` (${entry.checks.map((c) => renderCheck(c, lang, facts)).join(', ')})` : '';
      return `${text ? text[lang] : entry.id}${who}: ${entry.result ? w('met') : w('notMet')}${checks}`;
    }
    case 'calculation': {
      const values: Record<string, string> = { result: show(entry.result) };
      for (const [key, value] of Object.entries(entry.values)) values[key] = key === 'formula' || key === 'part' ? value : show(value);
      // A named part of the amount (parts.ts), said by the rule file's description of it.
      const part = entry.values.part === undefined ? undefined : rules.parts?.[entry.values.part];
      if (part !== undefined) return `${w('member')} ${entry.member ?? ''}${lang === 'zh' ? '，' : ', '}${part.description[lang]}: ${values.formula} = ${values.result}`;
      const template = messages.calculations?.[entry.id];
      if (template) return fill(template[lang], values);
      if (entry.member !== undefined) return `${w('member')} ${entry.member}: ${values.formula ?? entry.id} = ${values.result}`;
      // A declared household programme's amount (household-scope.ts), with its formula.
      if (entry.id === 'householdAmount') return `${w('household')}: ${values.formula ?? entry.id} = ${values.result}`;
      return `${entry.id} = ${values.result}`;
    }
    case 'rounding':
      return `${w('rounded')} ${show(entry.before)} → ${entry.after} (${entry.mode}, ${entry.step}; ${describe(entry.parameter)})`;
    case 'decision': {
      const template = messages.decisions?.[entry.id] ?? (entry.id === 'ageConventionUnknown' ? WORDS.ageConventionUnknown : undefined);
      return template ? fill(template[lang], entry.values ?? {}) : `${entry.id}${entry.values ? ` ${JSON.stringify(entry.values)}` : ''}`;
    }
    case 'interaction': {
      const rule = rules.interactions?.find((i) => i.id === entry.id);
      const basis = rule?.basis.map((b) => ('convention' in b ? b.convention[lang] : 'article' in b ? `${b.document} ${b.article}` : b.document)).join(' / ') ?? '';
      return `${w('interaction')} [${entry.member === undefined ? w('household') : `${w('member')} ${entry.member}`}] ${rule ? rule.description[lang] : entry.id}: ${w('entitled')} ${entry.entitled}, ${w('weighedAgainst')} ${entry.others.join(', ')} → ${w('paid')} ${entry.paid}${basis ? `${sep}${w('source')}: ${basis}` : ''}`;
    }
  }
}

function renderCheck(check: TraceCheck, lang: Language, facts: ReturnType<typeof prepared>['facts']): string {
  const name = (fact: string) => facts.get(fact)?.description?.[lang] ?? fact;
  // A rate is compared exactly, so it is written exactly (3.5 % is 0.035, not 0.03…).
  const exact = facts.get(check.fact)?.kind === 'decimal';
  const value = (v: unknown) => (exact ? String(v) : show(v));
  const right = check.valueFact !== undefined ? `${name(check.valueFact)} ${value(check.value)}` : value(check.value);
  const mark = check.result ? '✓' : '✗';
  return `${name(check.fact)} ${value(check.factValue)} ${OPERATORS[check.operator] ?? check.operator} ${right} ${mark}`;
}
