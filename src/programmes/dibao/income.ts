/**
 * Countable income (民发〔2021〕57号): every income of the counted members and of the household as a
 * whole, less what the pack exempts, times the share the pack counts (migrant work halved in
 * Hannan 2020), less the local employment-cost deduction per worker.
 */
import type { Household, Income, Member } from '../../schemas/household.js';
import { INCOME_TYPE_IDS, type IncomeType } from '../../schemas/income.js';
import type { Context } from '../context.js';

/** Income from work, on which the employment-cost deduction is computed. */
const EMPLOYMENT_INCOME: ReadonlySet<IncomeType> = new Set(['wages', 'migrantWork']);
/** The income types not counted, and those whose treatment is not configured (docs/decisions/0028). */
const EXEMPT_ID = 'dibao.income.exempt';
const NOT_CONFIGURED_ID = 'dibao.income.exemptNotConfigured';
const SHARE_ID = Object.fromEntries(INCOME_TYPE_IDS.map((type) => [type, `dibao.income.share.${type}`])) as Record<IncomeType, string>;

export interface CountedIncome<N> {
  total: N;
  /** Countable income of each counted member (their own lines, after deduction). */
  byMember: Map<string, N>;
  /** How much of the total might not count once the rules not configured this month are known:
   * the lines whose exemption or share is unknown. */
  uncertain: N;
  /** Those rules (each also marks the amount provisional). */
  unknownRules: string[];
}

/** What counting found out about the rules it could not apply. */
interface Doubt<N> {
  uncertain: N;
  rules: string[];
}

/** The exemption lists, each read when the first income line needs it and kept for the
 * household's other lines: a household whose lines never need one reads, and cites, neither. */
interface Exemptions {
  /** The types not counted (null: the pack does not set the list), once read. */
  exempt: readonly IncomeType[] | null | undefined;
  /** The list itself is not configured this month. */
  exemptUnknown: boolean;
  /** The types whose treatment is not configured (null: not set, or not declared), once read. */
  open: readonly IncomeType[] | null | undefined;
  /** That list is declared, and not configured this month. */
  openUnknown: boolean;
}

function doubt<N, R, G>(ctx: Context<N, R, G>, into: Doubt<N>, id: string, amount: N): void {
  ctx.affects(id);
  into.uncertain = ctx.a.add(into.uncertain, amount);
  if (!into.rules.includes(id)) into.rules.push(id);
}

export function countIncome<N, R, G>(ctx: Context<N, R, G>, household: Household, counted: { has(member: Member): boolean }, standard: N): CountedIncome<N> {
  const { a } = ctx;
  const byMember = new Map<string, N>();
  const unknown: Doubt<N> = { uncertain: a.zero, rules: [] };
  const lists: Exemptions = { exempt: undefined, exemptUnknown: false, open: undefined, openUnknown: false };
  let total = a.zero;
  for (const member of household.members) {
    const isCounted = counted.has(member);
    let own = a.zero;
    let employment = a.zero;
    // By index, and only when the member has incomes: most have none.
    const incomes = member.incomes;
    for (let i = 0; incomes !== undefined && i < incomes.length; i += 1) {
      const income = incomes[i] as Income;
      if (!isCounted) {
        if (ctx.trace) ctx.record({ kind: 'income', member: member.id, type: income.type, monthly: a.exact(a.input(income.monthly)), treatment: 'notMember', counted: '0' });
        continue;
      }
      const amount = countLine(ctx, member.id, income, unknown, lists);
      own = a.add(own, amount);
      if (EMPLOYMENT_INCOME.has(income.type)) employment = a.add(employment, amount);
    }
    if (!isCounted) continue;
    if (a.compare(employment, a.zero) > 0) own = a.sub(own, employmentDeduction(ctx, member.id, employment, standard));
    byMember.set(member.id, own);
    total = a.add(total, own);
  }
  const shared = household.incomes;
  for (let i = 0; shared !== undefined && i < shared.length; i += 1) total = a.add(total, countLine(ctx, null, shared[i] as Income, unknown, lists));
  return { total, byMember, uncertain: unknown.uncertain, unknownRules: unknown.rules };
}

function countLine<N, R, G>(ctx: Context<N, R, G>, member: string | null, income: Income, unknown: Doubt<N>, lists: Exemptions): N {
  const { a } = ctx;
  const monthly = a.input(income.monthly);
  if (lists.exempt === undefined) {
    lists.exempt = ctx.declares(EXEMPT_ID) ? ctx.param<readonly IncomeType[]>(EXEMPT_ID) : null;
    lists.exemptUnknown = lists.exempt === null && ctx.isUnknown(EXEMPT_ID);
  }
  const exempt = lists.exempt;
  if (exempt !== null && exempt.includes(income.type)) {
    if (ctx.trace) ctx.record({ kind: 'income', member, type: income.type, monthly: a.exact(monthly), treatment: 'exempt', counted: '0', parameter: EXEMPT_ID });
    return a.zero;
  }
  // Counted, as nothing else can be done with it; but the line may turn out exempt: the list is
  // not configured as a whole, or names the type among those not configured (the trace says which).
  let gap: string | undefined;
  if (lists.exemptUnknown) gap = EXEMPT_ID;
  else {
    if (lists.open === undefined) {
      lists.open = ctx.declares(NOT_CONFIGURED_ID) ? ctx.param<readonly IncomeType[]>(NOT_CONFIGURED_ID) : null;
      lists.openUnknown = lists.open === null && ctx.declares(NOT_CONFIGURED_ID) && ctx.isUnknown(NOT_CONFIGURED_ID);
    }
    if (lists.open === null ? lists.openUnknown : lists.open.includes(income.type)) {
      ctx.lacks(NOT_CONFIGURED_ID);
      gap = NOT_CONFIGURED_ID;
    }
  }
  if (gap !== undefined && !a.isZero(monthly)) doubt(ctx, unknown, gap, monthly);
  const shareId = SHARE_ID[income.type];
  const share = ctx.declares(shareId) ? ctx.param<R>(shareId) : null;
  if (share === null && ctx.declares(shareId) && ctx.isUnknown(shareId) && !a.isZero(monthly)) doubt(ctx, unknown, shareId, monthly);
  if (share !== null && !a.isOne(share)) {
    const counted = a.times(monthly, share);
    if (ctx.trace)
      ctx.record({
        kind: 'income',
        member,
        type: income.type,
        monthly: a.exact(monthly),
        treatment: 'share',
        counted: a.exact(counted),
        share: a.rateText(share),
        parameter: shareId,
      });
    return counted;
  }
  if (ctx.trace)
    ctx.record({ kind: 'income', member, type: income.type, monthly: a.exact(monthly), treatment: 'counted', counted: a.exact(monthly), ...(gap ? { parameter: gap } : {}) });
  return monthly;
}

/** The local employment-cost deduction for one worker, never more than their employment income. */
function employmentDeduction<N, R, G>(ctx: Context<N, R, G>, member: string, employment: N, standard: N): N {
  const { a } = ctx;
  const method = ctx.param<string>('dibao.employmentDeduction.method');
  // Not configured: nothing deducted, and the amount is provisional. Not a doubt on the decision:
  // no source bounds a local deduction below the earnings themselves, so every wage earner would
  // be undetermined, which tells a caller nothing (docs/decisions/0011).
  if (method === null && ctx.isUnknown('dibao.employmentDeduction.method')) ctx.affects('dibao.employmentDeduction.method');
  if (method === null || method === 'none') return a.zero;
  let deduction: N;
  if (method === 'shareOfWage') deduction = a.times(employment, ctx.required<R>('dibao.employmentDeduction.rate'));
  else if (method === 'shareOfStandard') deduction = a.times(standard, ctx.required<R>('dibao.employmentDeduction.rate'));
  else deduction = ctx.required<N>('dibao.employmentDeduction.amount');
  const capShare = ctx.param<R>('dibao.employmentDeduction.capShareOfStandard');
  let capped = false;
  if (capShare !== null) {
    const cap = a.times(standard, capShare);
    if (a.compare(deduction, cap) > 0) {
      deduction = cap;
      capped = true;
    }
  }
  deduction = a.min(deduction, employment);
  if (ctx.trace) ctx.record({ kind: 'deduction', member, method, employmentIncome: a.exact(employment), deduction: a.exact(deduction), capped });
  return deduction;
}
