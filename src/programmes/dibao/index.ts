/**
 * Dibao (最低生活保障, minimum living allowance) for one household-month: who counts, what income
 * counts, whether the household qualifies, how much it is paid, and how it leaves. The conditions
 * are data (rules/dibao/); this module computes the facts they read and the amounts, once, for
 * either arithmetic.
 */
import type { Household, Member } from '../../schemas/household.js';
import { UNKNOWN, type Context } from '../context.js';
import type { Outcome, ProgrammeModule, ProvidedFacts, UsedFacts } from '../types.js';
import type { DibaoFields } from '../result.js';
import { countMembers } from './membership.js';
import { countIncome } from './income.js';
import { assetFacts } from './assets.js';
import { amountFor, perCapitaIncome, roundAmount } from './amount.js';
import { exitState, lastAmountInput, type ExitState } from './exit.js';
import { dibaoNextHistory } from './history.js';
import { MARGINAL_LINE, singlePersonEnrolment } from './single.js';

type Status = 'enrolled' | 'gradual-exit' | 'ineligible' | 'undetermined';
/** Nobody excluded (the usual case): every member counts. */
const EVERYONE = { has: () => true };

export type { DibaoFields };

export const dibao: ProgrammeModule = {
  id: 'dibao',
  nextHistory: dibaoNextHistory,
  evaluate<N, R, G>(ctx: Context<N, R, G>, household: Household, used: UsedFacts): Outcome<N> {
    const { a } = ctx;
    const standard = ctx.required<N>(household.residence === 'urban' ? 'dibao.standard.urban' : 'dibao.standard.rural');
    const counted = countMembers(ctx, household, used.apart);
    const size = counted.length;
    const income = countIncome(ctx, household, size === household.members.length ? EVERYONE : new Set(counted), standard);
    const perCapita = perCapitaIncome(ctx, income.total, size);
    const multiple = ctx.param<R>('dibao.marginal.incomeMultiple');
    const exit = exitState(ctx, household, ctx.settings.month);
    const assets = assetFacts(ctx, household, standard, size);
    // One literal with every key, so the conditions read an object of one fixed shape.
    const facts = {
      householdSize: size,
      countableIncome: income.total,
      perCapitaIncome: perCapita,
      standard,
      marginalLine: multiple === null ? null : a.times(standard, multiple),
      financialAssets: assets.financialAssets,
      financialAssetLimit: assets.financialAssetLimit,
      countedVehicles: assets.countedVehicles,
      maxVehicles: assets.maxVehicles,
      dwellings: assets.dwellings,
      maxDwellings: assets.maxDwellings,
      businessRegistered: assets.businessRegistered,
      businessRegistrationDisqualifies: assets.businessRegistrationDisqualifies,
      enrolled: exit.enrolled,
      exitMoratorium: exit.exitMoratorium,
      gradualExitMonth: exit.gradualExitMonth,
      gradualExitMonths: exit.gradualExitMonths,
    };
    const incomeBelow = ctx.check(ctx.condition('incomeBelowStandard'), facts);
    const assetsOk = ctx.check(ctx.condition('assetsWithinLimits'), facts);
    const eligible = ctx.check(ctx.condition('eligible'), facts, undefined, 'never');
    const marginalKnown = eligible || multiple !== null || !ctx.isUnknown(MARGINAL_LINE) || !couldBeMarginal(ctx, facts, size, incomeBelow, assetsOk);
    const marginal = marginalKnown ? !eligible && ctx.check(ctx.condition('marginal'), facts) : null;
    // Paths that could pay, or pay more, but turn on rules not configured this month.
    const open: string[] = eligible ? [] : householdCouldQualify(ctx, facts, income, size);
    const reasons: string[] = [size === 0 ? 'noCountedMembers' : incomeBelow ? 'incomeBelowStandard' : 'incomeNotBelowStandard'];
    if (!assetsOk) reasons.push('assetsOverLimits');
    if (marginal === true) reasons.push('marginal');
    const fields: DibaoFields = {
      eligible,
      enrolment: null,
      householdSize: size,
      countedMembers: counted.map((m) => m.id),
      countableIncome: a.exact(income.total),
      perCapitaIncome: a.shown(perCapita),
      standard: a.plain(standard),
      marginal,
      singlePersonMembers: [],
      gradualExit: null,
    };
    const done = (status: Status, amount: N, covered: Map<string, N>): Outcome<N> => {
      if (open.length > 0 && status === 'ineligible') {
        status = 'undetermined';
        reasons.push('undetermined');
        ctx.decides(open);
      } else for (const id of open) ctx.affects(id);
      const gradualExit = status === 'gradual-exit';
      return {
        status,
        reasons,
        amount,
        fields: fields as unknown as Record<string, unknown>,
        provides: provided(household, { standard, marginal, size, amount, covered, assetsOk, incomes: income.byMember, gradualExit }),
      };
    };
    if (eligible) {
      reasons.unshift('eligible');
      fields.enrolment = 'household';
      const amount = roundAmount(ctx, amountFor(ctx, size, income.total, perCapita, standard));
      return done('enrolled', amount, shares(ctx, counted, amount));
    }
    if (exit.enrolled) {
      const leaving = leave(ctx, household, facts, exit, reasons, open);
      if (leaving) {
        fields.enrolment = leaving.status === 'enrolled' ? 'moratorium' : null;
        fields.gradualExit = leaving.gradualExit;
        return done(leaving.status, leaving.amount, shares(ctx, counted, leaving.amount));
      }
    }
    const single = singlePersonEnrolment(ctx, household, counted, income.byMember, standard, marginal, assetsOk);
    for (const id of single.open) if (!open.includes(id)) open.push(id);
    const alone = single.enrolled;
    if (alone.size > 0) {
      reasons.push('singlePerson');
      fields.enrolment = 'singlePerson';
      fields.singlePersonMembers = [...alone.keys()];
      let amount = a.zero;
      for (const paid of alone.values()) amount = a.add(amount, paid);
      return done('enrolled', amount, alone);
    }
    return done('ineligible', a.zero, new Map());
  },
};

interface Provided<N> {
  standard: N;
  marginal: boolean | null;
  size: number;
  amount: N;
  covered: Map<string, N>;
  assetsOk: boolean;
  incomes: ReadonlyMap<string, N>;
  gradualExit: boolean;
}

/** What dibao tells the programmes that use it (rules/dibao/ "provides"): its own names, and the
 * common ones every programme gives (entitled and pays; a member's entitled and paid, their share),
 * read as every programme's are, before interactions. */
function provided<N>(household: Household, { standard, marginal, size, amount, covered, assetsOk, incomes, gradualExit }: Provided<N>): ProvidedFacts {
  // One (never changed) facts object per member, by position: covered or not, with their own
  // counted income. A member not covered has no entitled or paid key: readers get zero, as from
  // any programme.
  const members: (Record<string, unknown> | undefined)[] = [];
  for (let m = 0; m < household.members.length; m += 1) {
    const id = (household.members[m] as Member).id;
    const share = covered.get(id);
    const countableIncome = incomes.get(id);
    if (countableIncome !== undefined)
      members[m] = share === undefined ? { covered: false, countableIncome } : { covered: true, memberShare: share, entitled: share, paid: share, countableIncome };
    else if (share !== undefined) members[m] = { covered: true, memberShare: share, entitled: share, paid: share };
  }
  const pays = covered.size > 0;
  return {
    household: { standard, marginal: marginal ?? UNKNOWN, householdSize: size, receiving: pays, assetsWithinLimits: assetsOk, gradualExit, entitled: amount, pays },
    members,
  };
}

/** Each counted member's share of the household's payment, to the fen as payments are made. */
function shares<N, R, G>(ctx: Context<N, R, G>, counted: readonly Member[], amount: N): Map<string, N> {
  const { a } = ctx;
  const out = new Map<string, N>();
  if (a.isZero(amount) || counted.length === 0) return out;
  const share = a.round(a.perCount(amount, counted.length), ctx.required<G>('dibao.rounding.amount'));
  for (const member of counted) out.set(member.id, share);
  return out;
}

/** An enrolled household that no longer qualifies: moratorium, gradual exit, or out at once. */
function leave<N, R, G>(ctx: Context<N, R, G>, household: Household, facts: Record<string, unknown>, exit: ExitState<R>, reasons: string[], open: string[]) {
  const { a } = ctx;
  if (ctx.check(ctx.condition('hardCase'), facts, undefined, 'never')) {
    reasons.push('hardCase');
    return undefined;
  }
  if (ctx.check(ctx.condition('exitMoratorium'), facts, undefined, 'never')) {
    reasons.push('exitMoratorium');
    const amount = a.input(lastAmountInput(household));
    if (ctx.trace) ctx.record({ kind: 'decision', id: 'moratoriumKeepsLastAmount', values: { lastAmount: a.money(amount) } });
    return { status: 'enrolled' as const, amount, gradualExit: null };
  }
  if (ctx.check(ctx.condition('gradualExit'), facts)) {
    reasons.push('gradualExit');
    const last = a.input(lastAmountInput(household));
    const month = exit.gradualExitMonth as number;
    const share = (exit.schedule as R[])[month - 1] as R;
    const raw = a.times(last, share);
    if (ctx.trace)
      ctx.record({
        kind: 'calculation',
        id: 'gradualExit',
        values: { lastAmount: a.money(last), month: String(month), of: String(exit.gradualExitMonths), share: a.rateText(share) },
        result: a.exact(raw),
      });
    const amount = roundAmount(ctx, raw);
    const gradualExit = { since: exit.gradualExitSince, month, of: exit.gradualExitMonths as number, share: a.rateText(share), lastAmount: a.money(last) };
    return { status: 'gradual-exit' as const, amount, gradualExit };
  }
  // Out, as configured; but a moratorium or a gradual exit not configured this month might keep it on.
  const unknown = exitRulesUnknown(ctx, exit);
  if (unknown.length === 0) reasons.push(exit.gradualExitMonths === null ? 'noGradualExit' : 'gradualExitComplete');
  else {
    for (const id of unknown) if (!open.includes(id)) open.push(id);
    if (ctx.trace) ctx.record({ kind: 'decision', id: 'undetermined', values: { path: 'exit', rules: unknown.join(', ') } });
  }
  return undefined;
}

function exitRulesUnknown<N, R, G>(ctx: Context<N, R, G>, exit: ExitState<R>): string[] {
  const rules: string[] = [];
  if (!exit.exitMoratorium && ctx.param('dibao.exitMoratorium.active') === null && ctx.isUnknown('dibao.exitMoratorium.active')) rules.push('dibao.exitMoratorium.active');
  if (exit.schedule === null && ctx.isUnknown('dibao.gradualExit.schedule')) rules.push('dibao.gradualExit.schedule');
  return rules;
}

/** Marginal status is open only for a household that fails the means test on income alone. */
function couldBeMarginal<N, R, G>(ctx: Context<N, R, G>, facts: Record<string, unknown>, size: number, incomeBelow: boolean, assetsOk: boolean): boolean {
  return size > 0 && !incomeBelow && assetsOk && ctx.isUnknown(MARGINAL_LINE) && facts['marginalLine'] === null;
}

/**
 * Could the household qualify as a whole once the income rules not configured this month are
 * known? Counted as it is, some of its income may turn out exempt or deducted: at most all of it.
 * The conditions only compare income from above, so the least it could be is the most they allow.
 */
function householdCouldQualify<N, R, G>(ctx: Context<N, R, G>, facts: Record<string, unknown>, income: { total: N; uncertain: N; unknownRules: string[] }, size: number): string[] {
  const { a } = ctx;
  if (income.unknownRules.length === 0 || size === 0) return [];
  const least = a.sub(income.total, income.uncertain);
  const trace = ctx.trace;
  ctx.trace = undefined;
  let could: boolean;
  try {
    could = ctx.test(ctx.condition('eligible'), { ...facts, countableIncome: least, perCapitaIncome: perCapitaIncome(ctx, least, size) });
  } finally {
    ctx.trace = trace;
  }
  if (!could) return [];
  if (ctx.trace) ctx.record({ kind: 'decision', id: 'undetermined', values: { path: 'household', rules: income.unknownRules.join(', ') } });
  return [...income.unknownRules];
}
