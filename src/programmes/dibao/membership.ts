/**
 * Who counts as a member of the household (民发〔2021〕57号 第七条): everyone listed, except those the
 * memberExcluded condition names (prison, compulsory rehabilitation, declared missing, clergy living
 * apart for the pack's number of years).
 */
import { yearsBetween } from '../../dates.js';
import type { Household, Member } from '../../schemas/household.js';
import type { ProgrammeContext } from '../context.js';
import type { DibaoRules } from './rules.js';

const EXCLUSION_FACTS = ['imprisoned', 'compulsoryRehabilitation', 'declaredMissing'] as const;

export interface Membership {
  counted: Member[];
  excluded: Member[];
}

export type ExclusionFacts = {
  imprisoned: boolean;
  compulsoryRehabilitation: boolean;
  declaredMissing: boolean;
  clergyYearsApart: number | null;
  clergyYearsThreshold: number | null;
};

/** Why an excluded member is excluded, for the trace (both evaluation paths). */
export function exclusionReasons(facts: ExclusionFacts): string[] {
  const reasons: string[] = [];
  for (const fact of EXCLUSION_FACTS) if (facts[fact]) reasons.push(fact);
  const { clergyYearsApart: years, clergyYearsThreshold: threshold } = facts;
  if (threshold !== null && years !== null && years >= threshold) reasons.push('clergyLivingApart');
  return reasons;
}

export function countMembers(ctx: ProgrammeContext, rules: DibaoRules, household: Household): Membership {
  const threshold = ctx.param<number>('dibao.membership.clergyYearsApart');
  const counted: Member[] = [];
  const excluded: Member[] = [];
  for (const member of household.members) {
    const exclusion = member.exclusion ?? {};
    const facts: ExclusionFacts = {
      imprisoned: exclusion.imprisoned ?? false,
      compulsoryRehabilitation: exclusion.compulsoryRehabilitation ?? false,
      declaredMissing: exclusion.declaredMissing ?? false,
      clergyYearsApart: exclusion.clergyLivingApartSince ? yearsBetween(exclusion.clergyLivingApartSince, ctx.settings.day) : null,
      clergyYearsThreshold: threshold,
    };
    const isExcluded = ctx.check(rules.memberExcluded, facts, member.id, 'whenMet');
    ctx.record({ kind: 'member', member: member.id, counted: !isExcluded, reasons: isExcluded ? exclusionReasons(facts) : [] });
    (isExcluded ? excluded : counted).push(member);
  }
  return { counted, excluded };
}
