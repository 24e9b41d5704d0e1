/**
 * The rule book (issue 16 §4): one Markdown page per programme and jurisdiction, for a reader at a
 * civil-affairs bureau to check the rules without reading code — the programme's basis, its
 * conditions as sentences, its amount in words, its interactions, and every parameter's values by
 * date as this jurisdiction gets them, with the pack that sets each, its sources and whether it was
 * verified. Read from a loaded rulebook, never from the files' text, so it is the same whatever the
 * rule files are written in. Why: docs/decisions/0024-rule-book.md.
 */
import { BenefitRulesError } from '../errors.js';
import type { Rulebook } from '../rulebook/index.js';
import type { DeclaredParameter, ProgrammeRules } from '../rulebook/rules.js';
import type { Bilingual } from '../schemas/common.js';
import type { LegalBasis } from '../schemas/rules.js';
import { forms, type Forms } from './forms.js';
import { history } from './history.js';
import { valueText, sourcesText } from './values.js';
import { W, type Lang } from './words.js';

export type RuleBookLang = Lang | 'both';

export interface RuleBookOptions {
  jurisdiction: string;
  programme: string;
  lang?: RuleBookLang;
}

/** One page, and what could not be rendered in it (an unknown form, fact or operator). */
export function ruleBookPage(rulebook: Rulebook, options: RuleBookOptions): { markdown: string; problems: string[] } {
  const pack = rulebook.packs.get(options.jurisdiction);
  if (!pack)
    throw new BenefitRulesError('unknown-jurisdiction', `No pack "${options.jurisdiction}"`, [
      { path: '--jurisdiction', expected: 'a pack id such as cn-640181', found: JSON.stringify(options.jurisdiction) },
    ]);
  const rules = rulebook.programmes.get(options.programme);
  if (!rules)
    throw new BenefitRulesError('invalid-option', `No programme "${options.programme}"`, [
      { path: '--programme', expected: [...rulebook.programmes.keys()].join(', '), found: JSON.stringify(options.programme) },
    ]);
  const lang = options.lang ?? 'both';
  const langs: Lang[] = lang === 'both' ? ['zh', 'en'] : [lang];
  const both = (word: Bilingual) => langs.map((l) => word[l]).join(' · ');
  const chain = pack.chain.map((id) => `${both(rulebook.packs.get(id)!.manifest.name)} (\`${id}\`)`).join(' → ');
  const out = [`# ${both(rules.name)} — ${both(pack.manifest.name)} (\`${pack.id}\`)`, '', `> ${both(W.generated)}`, `> ${both(W.resolvedFor)}: ${chain}.`, ''];
  const problems: string[] = [];
  for (const l of langs) {
    const f = forms(rulebook, rules, l);
    if (lang === 'both') out.push(`## ${l === 'zh' ? '中文' : 'English'}`, '');
    out.push(...describe(rulebook, rules, f, l, lang === 'both' ? '###' : '##'));
    problems.push(...f.problems);
  }
  const names = forms(rulebook, rules, langs[0]!);
  out.push(`## ${both(W.parameters)}`, '');
  for (const id of rules.parameterIds) out.push(...parameterTable(rulebook, pack.id, rulebook.declarations.get(id)!, langs, names));
  return {
    markdown:
      out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd() + '\n',
    problems,
  };
}

/** Every page for these jurisdictions (default: every pack) and programmes (default: all), by path `<jurisdiction>/<programme>.md`. */
export function ruleBookFiles(rulebook: Rulebook, options: { jurisdictions?: string[]; programmes?: string[]; lang?: RuleBookLang } = {}): Map<string, string> {
  const files = new Map<string, string>();
  for (const jurisdiction of options.jurisdictions ?? [...rulebook.packs.keys()].sort()) {
    for (const programme of options.programmes ?? [...rulebook.programmes.keys()]) {
      const page = ruleBookPage(rulebook, { jurisdiction, programme, ...(options.lang ? { lang: options.lang } : {}) });
      files.set(`${jurisdiction}/${programme}.md`, page.markdown);
    }
  }
  return files;
}

function describe(rulebook: Rulebook, rules: ProgrammeRules, f: Forms, lang: Lang, h: string): string[] {
  const w = (word: keyof typeof W) => W[word][lang];
  const out: string[] = [`${h} ${rules.name[lang]}`, ''];
  out.push(`**${w('basis')}**`, '', ...documents(rules.basis ?? [], lang), '');

  out.push(`${h} ${w('whoFor')}`, '');
  if (rules.candidates !== undefined) out.push(`${w('considered')}: ${f.conditionName(rules.candidates)}`, '');
  if (rules.eligibility !== undefined) out.push(`${w('eligibleWhen')}:`, '', ...rules.eligibility.map((id) => `- ${f.conditionName(id)}`), '');
  if (rules.candidates === undefined && rules.eligibility === undefined) out.push(`${w('moduleConditions')}.`, '');
  out.push(`**${w('conditions')}**`, '');
  for (const condition of rules.conditions.values()) {
    const scope = w(condition.scope === 'member' ? 'scopeMember' : 'scopeHousehold');
    out.push(`- **${condition.description[lang]}** (\`${condition.id}\`, ${scope})`);
    out.push(...basis(condition.basis, lang, 1));
    out.push(...f.condition(condition.when, 1));
  }
  out.push('');

  out.push(`${h} ${w('amount')}`, '');
  const what = rules.period === 'event' ? 'oneOff' : rules.scope === 'member' ? 'perMember' : 'perHousehold';
  const stepBasis = (step: string, indent = 0) => basis(rules.amountBasis?.[step] ?? [], lang, indent);
  if (rules.amount !== undefined) out.push(`${w(what)}${rules.bounds ? ` (${w('suggested')})` : ''}:`, '', ...f.amount(rules.amount), ...stepBasis('amount'), '');
  if (rules.bounds?.minimum) out.push(`${w('minimum')}:`, '', ...f.amount(rules.bounds.minimum), ...stepBasis('minimum'), '');
  if (rules.bounds?.maximum) out.push(`${w('maximum')}:`, '', ...f.amount(rules.bounds.maximum), ...stepBasis('maximum'), '');
  if (rules.amount === undefined && rules.bounds === undefined) {
    out.push(w('moduleAmount'), '');
    for (const [id, template] of Object.entries(rules.messages?.calculations ?? {})) out.push(`- \`${id}\`: ${formula(template[lang], rules, lang)}`, ...stepBasis(id, 1));
    out.push('');
  }
  if (rules.rounding !== undefined) out.push(`${w('roundedBy')}: ${f.name(rules.rounding)}`, '');

  out.push(`${h} ${w('interactions')}`, '');
  const interactions = rules.interactions ?? [];
  for (const i of interactions) {
    const other = i.by !== undefined ? ` ${rulebook.programmes.get(i.by)?.name[lang] ?? i.by}` : '';
    out.push(`- **${w(i.kind)}${other}** (\`${i.id}\`): ${i.description[lang]}`);
    if (i.when !== undefined) out.push(`  - ${w('appliesWhen')} ${f.conditionName(i.when)}`);
    if (i.amounts) out.push(`  - ${w('weighedAgainst')}:`, ...i.amounts.flatMap((a) => f.amount(a, 2)));
    if (i.switch !== undefined) out.push(`  - ${w('switchedBy')} ${f.name(i.switch)}`);
    out.push(...basis(i.basis, lang, 1));
  }
  if (rules.leavesHousehold) {
    const of = rulebook.programmes.get(rules.leavesHousehold.of)?.name[lang] ?? rules.leavesHousehold.of;
    out.push(`- **${w('leavesHousehold')} ${of}**: ${rules.leavesHousehold.description[lang]}`, ...basis(rules.leavesHousehold.basis, lang, 1));
  }
  if (interactions.length === 0 && !rules.leavesHousehold) out.push(w('none'));
  out.push('');
  return out;
}

function documents(list: readonly { document: string; article?: string | undefined; text?: string | undefined }[], lang: Lang): string[] {
  return list.map((b) => `- ${W.basis[lang]}: ${b.document}${b.article ? ` ${b.article}` : ''}${b.text ? `：「${b.text}」` : ''}`);
}

/** A condition's, an amount's or an interaction's basis: its article, "article not identified", or the convention and why. */
function basis(list: readonly LegalBasis[], lang: Lang, indent = 0): string[] {
  const pad = '  '.repeat(indent);
  return list.map((b) => {
    if ('convention' in b) return `${pad}- ${W.basis[lang]}: ${W.convention[lang]}${lang === 'zh' ? '：' : ': '}${b.convention[lang]}`;
    const where = 'article' in b ? ` ${b.article}` : lang === 'zh' ? `（${W.articleUnidentified.zh}）` : ` (${W.articleUnidentified.en})`;
    return `${pad}- ${W.basis[lang]}: ${b.document}${where}${b.text ? `：「${b.text}」` : ''}`;
  });
}

/** A module's calculation as its explanation writes it, without the figures: "amount = standard × size − income". */
function formula(template: string, rules: ProgrammeRules, lang: Lang): string {
  const cut = template.search(/ ?= ?\(?\{/);
  const text = cut > 0 ? template.slice(0, cut) : template;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => rules.facts?.[name]?.description[lang] ?? name).trim();
}

function parameterTable(rulebook: Rulebook, packId: string, declaration: DeclaredParameter, langs: Lang[], f: Forms): string[] {
  const both = (word: Bilingual) => langs.map((l) => word[l]).join(' ');
  const facts: string[] = [];
  if (declaration.unit !== undefined) facts.push(`${both(W.unit)}: ${declaration.unit}`);
  const missing = { error: W.missingError, skip: W.missingSkip, programme: W.missingProgramme }[declaration.whenNotConfigured];
  facts.push(`${both(W.whenMissing)}: ${both(missing)}`);
  if (declaration.localOption) facts.push(both(W.localOption));
  const out = [`### ${langs.map((l) => declaration.description[l]).join(' · ')} (\`${declaration.id}\`)`, '', facts.join('; '), ''];
  const periods = history(rulebook, packId, declaration.id);
  if (periods.length === 0) return [...out, both(W.noValues), ''];
  const notes = periods.some((p) => p.resolved?.note !== undefined);
  const heads = [W.from, W.until, W.value, W.setBy, W.sources, W.verified, ...(notes ? [W.note] : [])].map(both);
  out.push(`| ${heads.join(' | ')} |`, `|${heads.map(() => '---').join('|')}|`);
  for (const p of periods) {
    const r = p.resolved;
    const cells = r
      ? [valueText(r, declaration, langs, f), `\`${r.jurisdiction}\``, sourcesText(r.sources), both(r.verified ? W.isVerified : W.notVerified)]
      : [both(W.notInForce), '', '', ''];
    if (notes) cells.push(r?.note ?? '');
    out.push(`| ${[p.from, p.until ?? W.open.en, ...cells].map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`);
  }
  return [...out, ''];
}
