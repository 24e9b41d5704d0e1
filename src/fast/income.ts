/** Countable income on the compiled path: src/programmes/dibao/income.ts in fixed-point units. */
import type { Income } from '../schemas/household.js';
import type { Recorder } from './record.js';
import { exactOrBail } from './record.js';
import { exactUnits, moneyUnits, plainUnits, times, type Rate } from './units.js';

export function plainRate(rate: Rate): string {
  return plainUnits((rate.numerator * 10_000) / rate.denominator);
}

export function countLine(r: Recorder, member: string | null, income: Income): number {
  const monthly = exactOrBail(moneyUnits(income.monthly));
  const rule = r.plan.income[income.type] as { exempt: string | undefined; share: string | undefined };
  if (rule.exempt !== undefined && r.read<boolean>(rule.exempt) === true) {
    if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'exempt', counted: '0', parameter: rule.exempt });
    return 0;
  }
  const share = rule.share === undefined ? null : r.read<Rate>(rule.share);
  if (share !== null && share.numerator !== share.denominator) {
    const value = exactOrBail(times(monthly, share));
    if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'share', counted: exactUnits(value), share: plainRate(share), parameter: rule.share as string });
    return value;
  }
  if (r.trace) r.record({ kind: 'income', member, type: income.type, monthly: exactUnits(monthly), treatment: 'counted', counted: exactUnits(monthly) });
  return monthly;
}

export function employmentDeduction(r: Recorder, member: string, employment: number, standard: number): number {
  const method = r.read<string>('dibao.employmentDeduction.method');
  if (method === null || method === 'none') return 0;
  let deduction: number;
  if (method === 'shareOfWage') deduction = exactOrBail(times(employment, r.required<Rate>('dibao.employmentDeduction.rate')));
  else if (method === 'shareOfStandard') deduction = exactOrBail(times(standard, r.required<Rate>('dibao.employmentDeduction.rate')));
  else deduction = r.required<number>('dibao.employmentDeduction.amount');
  const capShare = r.read<Rate>('dibao.employmentDeduction.capShareOfStandard');
  let capped = false;
  if (capShare !== null) {
    const cap = exactOrBail(times(standard, capShare));
    if (deduction > cap) {
      deduction = cap;
      capped = true;
    }
  }
  deduction = Math.min(deduction, employment);
  if (r.trace) r.record({ kind: 'deduction', member, method, employmentIncome: exactUnits(employment), deduction: exactUnits(deduction), capped });
  return deduction;
}
