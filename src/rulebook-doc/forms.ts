/**
 * Conditions and amount forms in words, as nested Markdown lists: the condition tree (all / any /
 * not, references to other conditions, comparisons with the fact's and the parameter's names) and
 * each declared amount form. A shape it does not know is written "unknown form" and recorded in
 * `problems`, so that a test can say every rule file renders in full.
 */
import type { Rulebook } from '../rulebook/index.js';
import type { ProgrammeRules } from '../rulebook/rules.js';
import type { Condition, LeafCondition } from '../schemas/condition.js';
import type { AmountExpression } from '../schemas/amount.js';
import { knownFacts } from '../programmes/declared/prepare.js';
import { OPERATOR_WORDS, W, type Lang } from './words.js';

export interface Forms {
  condition(when: Condition, indent?: number): string[];
  amount(expression: AmountExpression, indent?: number): string[];
  /** A fact's or parameter's name in the page's language, its id after it. */
  name(fact: string): string;
  conditionName(id: string): string;
  problems: string[];
}

export function forms(rulebook: Rulebook, rules: ProgrammeRules, lang: Lang): Forms {
  const facts = knownFacts(rulebook, rules);
  const problems: string[] = [];
  const w = (word: keyof typeof W) => W[word][lang];
  const pad = (indent: number) => '  '.repeat(indent);
  const unknown = (what: string, shape: unknown) => {
    problems.push(`${rules.file}: unknown ${what} ${JSON.stringify(shape)}`);
    return `unknown form (${what}): \`${JSON.stringify(shape)}\``;
  };

  const name = (fact: string): string => {
    const described = rulebook.declarations.get(fact)?.description ?? facts.get(fact)?.description;
    if (!described) return unknown('fact', fact);
    return `${described[lang]} (\`${fact}\`)`;
  };
  const conditionName = (id: string): string => {
    const condition = rules.conditions.get(id);
    return condition ? `«${condition.description[lang]}» (\`${id}\`)` : unknown('condition reference', id);
  };
  const label = (value: string) => {
    const text = rules.messages?.labels?.[value]?.[lang];
    return text ? `\`${value}\` (${text})` : `\`${value}\``;
  };

  const literal = (value: unknown): string => {
    if (value === true) return w('yes');
    if (value === false) return w('no');
    if (value === null) return w('notSet');
    if (Array.isArray(value)) return value.map(literal).join(lang === 'zh' ? '、' : ', ');
    if (typeof value === 'object' && value !== null && 'fact' in value) return name(String((value as { fact: unknown }).fact));
    if (typeof value === 'string') return label(value);
    return String(value);
  };

  const leaf = (c: LeafCondition): string => {
    const path = c.path !== undefined ? ` ${w('atPath')} \`${c.path}\`` : '';
    const note = c.comment !== undefined && lang === 'en' ? ` — *${c.comment}*` : '';
    // "is not set" / "is set" for a comparison with null: a parameter the pack leaves unset.
    if (c.value === null && (c.operator === 'equal' || c.operator === 'notEqual')) return `${name(c.fact)}${path} ${w(c.operator === 'equal' ? 'isNotSet' : 'isSet')}${note}`;
    const op = OPERATOR_WORDS[c.operator]?.[lang] ?? unknown('operator', c.operator);
    return `${name(c.fact)}${path} ${op} ${literal(c.value)}${note}`;
  };

  const condition = (when: Condition, indent = 0): string[] => {
    const head = (text: string) => `${pad(indent)}- ${text}`;
    const note = 'comment' in when && when.comment !== undefined && lang === 'en' && !('fact' in when) ? ` — *${when.comment}*` : '';
    if ('all' in when || 'any' in when) {
      const list = 'all' in when ? when.all : when.any;
      if (list.length === 1) return condition(list[0] as Condition, indent);
      return [head(`${w('all' in when ? 'allOf' : 'anyOf')}${note}`), ...list.flatMap((c) => condition(c, indent + 1))];
    }
    if ('not' in when) return [head(`${w('not')}${note}`), ...condition(when.not, indent + 1)];
    if ('condition' in when) return [head(`${conditionName(when.condition)}${note}`)];
    if ('fact' in when && 'operator' in when) return [head(leaf(when))];
    return [head(unknown('condition', when))];
  };

  /** The expression in one line, or undefined when it needs a list (cases, bands, when, sums over members). */
  const inline = (e: AmountExpression): string | undefined => {
    const all = (list: AmountExpression[], sep: string) => {
      const parts = list.map(inline);
      return parts.every((p) => p !== undefined) ? parts.map((p, i) => (simple(list[i] as AmountExpression) ? p : `(${p})`)).join(sep) : undefined;
    };
    if ('parameter' in e) return name(e.parameter);
    if ('none' in e) return w('nothing');
    if ('fact' in e) return name(e.fact);
    if ('times' in e) return all(e.times, ' × ');
    if ('sum' in e) return all(e.sum, ' + ');
    if ('difference' in e) {
      const d = all(e.difference, ' − ');
      return d === undefined ? undefined : `${d}${w('notBelowZero')}`;
    }
    if ('dividedBy' in e) {
      const [over, by] = e.dividedBy;
      if (typeof by !== 'number') return all([over, by], ' ÷ ');
      const first = all([over], '');
      return first === undefined ? undefined : `${first} ÷ ${by}`;
    }
    if ('higher' in e || 'lower' in e) {
      const d = all('higher' in e ? e.higher : e.lower, lang === 'zh' ? '；' : '; ');
      return d === undefined ? undefined : `${w('higher' in e ? 'higherOfList' : 'lowerOfList')} ${d}`;
    }
    if ('count' in e) return `${w('countOf')} ${conditionName(e.count.where)}`;
    return undefined;
  };

  const amount = (e: AmountExpression, indent = 0): string[] => {
    const head = (text: string) => `${pad(indent)}- ${text}`;
    const one = inline(e);
    if (one !== undefined) return [head(one)];
    const labelled = (text: string, inner: AmountExpression) => {
      const [first, ...rest] = amount(inner, indent + 1);
      return [`${pad(indent + 1)}- ${text}: ${(first ?? '').trim().slice(2)}`, ...rest];
    };
    const list = (word: keyof typeof W, items: AmountExpression[]) => [head(w(word)), ...items.flatMap((item) => amount(item, indent + 1))];
    if ('times' in e) return list('productOf', e.times);
    if ('sum' in e) return list('sumOf', e.sum);
    if ('difference' in e) return list('differenceOf', e.difference);
    if ('higher' in e) return list('higherOfList', e.higher);
    if ('lower' in e) return list('lowerOfList', e.lower);
    if ('dividedBy' in e) {
      const [over, by] = e.dividedBy;
      return [head(w('quotientOf')), ...amount(over, indent + 1), ...(typeof by === 'number' ? [`${pad(indent + 1)}- ${by}`] : amount(by, indent + 1))];
    }
    if ('cases' in e) {
      const on = 'fact' in e.cases.on ? e.cases.on.fact : e.cases.on.parameter;
      const lines = [head(`${w('by')} ${name(on)}:`)];
      for (const [value, then] of Object.entries(e.cases.when)) lines.push(...labelled(label(value), then));
      if (e.cases.otherwise) lines.push(...labelled(w('otherwise'), e.cases.otherwise));
      return lines;
    }
    if ('bands' in e) {
      const on = name(e.bands.on.fact);
      const lines = [head(`${w('by')} ${on} (${w('bandsNote')}):`)];
      let lower: string | undefined;
      for (const band of e.bands.below) {
        const limit = name(band.limit.parameter);
        const upper = `${OPERATOR_WORDS[band.includesLimit ? 'lessThanInclusive' : 'lessThan']![lang]} ${limit}`;
        lines.push(...labelled(lower ? `${lower}${lang === 'zh' ? '且' : ' and '}${upper}` : upper, band.then));
        lower = `${OPERATOR_WORDS[band.includesLimit ? 'greaterThan' : 'greaterThanInclusive']![lang]} ${limit}`;
      }
      lines.push(...labelled(`${w('otherwise')} (${lower})`, e.bands.otherwise));
      return lines;
    }
    if ('when' in e) {
      const lines = [head(`${w('ifCondition')} ${conditionName(e.when.condition)}:`), ...amount(e.when.then, indent + 1)];
      lines.push(...labelled(w('otherwise'), e.when.otherwise ?? { none: true }));
      return lines;
    }
    if ('sumOverMembers' in e) {
      const who = e.sumOverMembers.where !== undefined ? `${w('whoMeet')} ${conditionName(e.sumOverMembers.where)}` : '';
      return [head(`${w('sumOverMembers')}${who}:`), ...amount(e.sumOverMembers.of, indent + 1)];
    }
    return [head(unknown('amount', e))];
  };

  return { condition, amount, name, conditionName, problems };
}

function simple(e: AmountExpression): boolean {
  return 'parameter' in e || 'fact' in e || 'none' in e || 'count' in e || 'higher' in e || 'lower' in e;
}
