/** A resolved value and its sources as table cells. */
import { Decimal } from '../money.js';
import type { CitedSource, ResolvedParameter } from '../rulebook/resolve.js';
import type { DeclaredParameter } from '../rulebook/rules.js';
import type { Bracket } from '../parameters/values.js';
import type { Forms } from './forms.js';
import { ROUNDING_MODES, W, type Lang } from './words.js';

export function valueText(r: ResolvedParameter, declaration: DeclaredParameter, langs: Lang[], f: Forms): string {
  const both = (word: { zh: string; en: string }) => langs.map((l) => word[l]).join(' ');
  const text = plain(r.value, declaration, both);
  if (!r.multipleOf) return text;
  const m = r.multipleOf;
  const base = m.value === null ? both(W.notConfigured) : m.value.toFixed();
  const rounding = m.rounding ? `, ${plain(m.rounding, declaration, both)}` : '';
  return `${text} (= ${m.factor.toFixed()} × ${f.name(m.parameter)} ${base} \`${m.jurisdiction}\`${rounding})`;
}

function plain(value: unknown, declaration: DeclaredParameter, both: (word: { zh: string; en: string }) => string): string {
  if (value === null) return `**${both(W.notConfigured)}**`;
  if (value instanceof Decimal) return value.toFixed();
  if (value === true) return both(W.yes);
  if (value === false) return both(W.no);
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) {
    if (declaration.type.kind === 'brackets') return (value as Bracket[]).map((b) => bracket(b, both)).join('; ');
    return value.length === 0 ? '∅' : value.map((v) => plain(v, declaration, both)).join(', ');
  }
  if (typeof value === 'object' && 'mode' in value && 'step' in value) {
    const { mode, step } = value as { mode: string; step: unknown };
    return `${both(W.roundingModes)} ${ROUNDING_MODES[mode] ? both(ROUNDING_MODES[mode]) : mode} ${String(step instanceof Decimal ? step.toFixed() : step)}`;
  }
  return JSON.stringify(value);
}

function bracket(b: Bracket, both: (word: { zh: string; en: string }) => string): string {
  const edge = b.upToShare === null ? '…' : `${b.includesLimit ? '≤' : '<'} ${b.upToShare.toFixed()} ${both(W.ofStandard)}`;
  return `${both(W.tier)} ${edge} → ${both(W.tierAmount)}${b.amountShare.toFixed()} ${both(W.ofStandard)}`;
}

/** Each source: number, title, issuer and date, evidence tag, linked when it has a URL. */
export function sourcesText(sources: readonly CitedSource[]): string {
  return sources
    .map((s) => {
      const title = s.number !== undefined && !s.title.includes(s.number) ? `${s.number}《${s.title}》` : `《${s.title}》`;
      const date = s.issued ?? s.published;
      const who = [s.issuer, date].filter((x) => x !== undefined).join(' ');
      const text = `${title}${who ? ` (${who})` : ''} [${s.tag}]`;
      return s.url !== undefined ? `[${text}](${s.url})` : text;
    })
    .join('<br>');
}
