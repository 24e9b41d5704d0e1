/**
 * Countable income (民发〔2021〕57号): every income of the counted members and of the household as a
 * whole, less what the pack exempts, times the share the pack counts (migrant work halved in
 * Hannan 2020), less the local employment-cost deduction per worker.
 */
import type { Household, Income, Member } from '../../schemas/household.js';
import type { IncomeType } from '../../schemas/income.js';
import { Decimal, ZERO, toDecimal, plain, formatExact } from '../../money.js';
import type { ProgrammeContext } from '../context.js';

/** Income from work, on which the employment-cost deduction is computed. */
const EMPLOYMENT_INCOME: ReadonlySet<IncomeType> = new Set(['wages', 'migrantWork']);

export interface CountedIncome {
  total: Decimal;
  /** Countable income of each counted member (their own lines, after deduction). */
  byMember: Map<string, Decimal>;
}

export function countIncome(ctx: ProgrammeContext, household: Household, counted: readonly Member[], standard: Decimal): CountedIncome {
  const countedIds = new Set(counted.map((m) => m.id));
  const byMember = new Map<string, Decimal>();
  let total = ZERO;
  for (const member of household.members) {
    const isCounted = countedIds.has(member.id);
    let own = ZERO;
    let employment = ZERO;
    for (const income of member.incomes ?? []) {
      if (!isCounted) {
        ctx.record({ kind: 'income', member: member.id, type: income.type, monthly: formatExact(toDecimal(income.monthly)), treatment: 'notMember', counted: '0' });
        continue;
      }
      const amount = countLine(ctx, member.id, income);
      own = own.plus(amount);
      if (EMPLOYMENT_INCOME.has(income.type)) employment = employment.plus(amount);
    }
    if (!isCounted) continue;
    if (employment.greaterThan(0)) own = own.minus(employmentDeduction(ctx, member.id, employment, standard));
    byMember.set(member.id, own);
    total = total.plus(own);
  }
  for (const income of household.incomes ?? []) total = total.plus(countLine(ctx, null, income));
  return { total, byMember };
}

function countLine(ctx: ProgrammeContext, member: string | null, income: Income): Decimal {
  const monthly = toDecimal(income.monthly);
  const base = { kind: 'income', member, type: income.type, monthly: formatExact(monthly) } as const;
  const exemptId = `dibao.income.exempt.${income.type}`;
  if (ctx.settings.rulebook.declarations.has(exemptId) && ctx.param<boolean>(exemptId) === true) {
    ctx.record({ ...base, treatment: 'exempt', counted: '0', parameter: exemptId });
    return ZERO;
  }
  const shareId = `dibao.income.share.${income.type}`;
  const share = ctx.settings.rulebook.declarations.has(shareId) ? ctx.param<Decimal>(shareId) : null;
  if (share !== null && !share.equals(1)) {
    const counted = monthly.times(share);
    ctx.record({ ...base, treatment: 'share', counted: formatExact(counted), share: plain(share), parameter: shareId });
    return counted;
  }
  ctx.record({ ...base, treatment: 'counted', counted: formatExact(monthly) });
  return monthly;
}

/** The local employment-cost deduction for one worker, never more than their employment income. */
function employmentDeduction(ctx: ProgrammeContext, member: string, employment: Decimal, standard: Decimal): Decimal {
  const method = ctx.param<string>('dibao.employmentDeduction.method');
  if (method === null || method === 'none') return ZERO;
  let deduction: Decimal;
  if (method === 'shareOfWage') deduction = employment.times(ctx.required<Decimal>('dibao.employmentDeduction.rate'));
  else if (method === 'shareOfStandard') deduction = standard.times(ctx.required<Decimal>('dibao.employmentDeduction.rate'));
  else deduction = ctx.required<Decimal>('dibao.employmentDeduction.amount');
  const capShare = ctx.param<Decimal>('dibao.employmentDeduction.capShareOfStandard');
  let capped = false;
  if (capShare !== null && deduction.greaterThan(standard.times(capShare))) {
    deduction = standard.times(capShare);
    capped = true;
  }
  deduction = Decimal.min(deduction, employment);
  ctx.record({ kind: 'deduction', member, method, employmentIncome: formatExact(employment), deduction: formatExact(deduction), capped });
  return deduction;
}
