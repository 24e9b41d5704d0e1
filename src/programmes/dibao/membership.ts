/**
 * Who counts as a member of the household (民发〔2021〕57号 第七条; 民发〔2012〕220号 第六条 before it):
 * everyone listed, except those the memberExcluded condition names (prison, compulsory
 * rehabilitation, declared missing, clergy living apart for the pack's number of years).
 */
import { yearsBetween } from '../../dates.js';
import type { Household, Member } from '../../schemas/household.js';
import type { Context } from '../context.js';

const EXCLUSION_FACTS = ['imprisoned', 'compulsoryRehabilitation', 'declaredMissing', 'supportedApart'] as const;

export type ExclusionFacts = {
  imprisoned: boolean;
  compulsoryRehabilitation: boolean;
  declaredMissing: boolean;
  /** Supported apart by another programme (an extreme-poor member: rules/extreme-poverty.yaml). */
  supportedApart: boolean;
  clergyYearsApart: number | null;
  clergyYearsThreshold: number | null;
};

/** Why an excluded member is excluded, for the trace. */
function exclusionReasons(facts: ExclusionFacts): string[] {
  const reasons: string[] = [];
  for (const fact of EXCLUSION_FACTS) if (facts[fact]) reasons.push(fact);
  const { clergyYearsApart: years, clergyYearsThreshold: threshold } = facts;
  if (threshold !== null && years !== null && years >= threshold) reasons.push('clergyLivingApart');
  return reasons;
}

/** The counted members, in household order; `apart`: those another programme supports apart. */
export function countMembers<N, R, G>(ctx: Context<N, R, G>, household: Household, apart?: ReadonlySet<string>): Member[] {
  const threshold = ctx.param<number>('dibao.membership.clergyYearsApart');
  const condition = ctx.condition('memberExcluded');
  const counted: Member[] = [];
  for (const member of household.members) {
    const exclusion = member.exclusion;
    // A fresh object per member: member conditions are not remembered, but the trace may keep it.
    const facts: ExclusionFacts = {
      imprisoned: exclusion?.imprisoned ?? false,
      compulsoryRehabilitation: exclusion?.compulsoryRehabilitation ?? false,
      declaredMissing: exclusion?.declaredMissing ?? false,
      supportedApart: apart?.has(member.id) ?? false,
      clergyYearsApart: exclusion?.clergyLivingApartSince ? yearsBetween(exclusion.clergyLivingApartSince, ctx.settings.day) : null,
      clergyYearsThreshold: threshold,
    };
    const isExcluded = ctx.check(condition, facts, member.id, 'whenMet');
    if (ctx.trace) ctx.record({ kind: 'member', member: member.id, counted: !isExcluded, reasons: isExcluded ? exclusionReasons(facts) : [] });
    if (!isExcluded) counted.push(member);
  }
  return counted;
}
