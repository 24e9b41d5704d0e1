/**
 * Invariants every evaluation must keep, shared by the ready properties (`benefit-rules/testing`,
 * `benefit-rules check`) and the fuzzer's oracle (tools/fuzz/check.ts imports them from here, never
 * the other way): money is well formed and never negative, the parts make the totals, and two
 * evaluation paths give the same outcome.
 */
import type { BenefitRulesError } from '../errors.js';
import type { EvaluationResult } from '../evaluate.js';
import type { DibaoResult, MemberProgrammeResult } from '../programmes/result.js';

export type FailureKind = 'crash' | 'mismatch' | 'money' | 'sum' | 'monotonic' | 'slow' | 'quick';

/** A broken invariant, named by its kind: 'money' (malformed or negative), 'sum' (parts and totals),
 * 'mismatch' (two paths differ), 'monotonic' (an amount moves the wrong way); the fuzzer adds 'crash', 'slow' and 'quick'. */
export class InvariantFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(`${kind}: ${message}`);
  }
}

export type Outcome = { result: EvaluationResult; json: string } | { error: BenefitRulesError };

const MONEY = /^\d+\.\d{2}$/;

/** Fen as an exact integer. */
const fen = (money: string) => BigInt(money.replace('.', ''));

/** Both refused with the same code (and message, unless `codeOnly`), or both accepted with
 * byte-identical JSON; anything else throws a 'mismatch' naming where the two part. */
export function compareOutcomes(what: string, a: Outcome, b: Outcome, codeOnly = false): void {
  if ('error' in a && 'error' in b) {
    if (a.error.code !== b.error.code) throw new InvariantFailure('mismatch', `${what}: refused with ${a.error.code} and ${b.error.code}`);
    // Options are checked in another order by compileEvaluator (at compile time) than by evaluate.
    if (!codeOnly && a.error.code !== 'invalid-option' && a.error.message !== b.error.message) {
      throw new InvariantFailure('mismatch', `${what}: refused with different messages:\n${a.error.message}\n---\n${b.error.message}`);
    }
    return;
  }
  if ('error' in a || 'error' in b) {
    const [refused, accepted] = 'error' in a ? ['first', 'second'] : ['second', 'first'];
    const error = 'error' in a ? a.error : (b as { error: BenefitRulesError }).error;
    throw new InvariantFailure('mismatch', `${what}: the ${refused} refused (${error.code}: ${error.message.slice(0, 300)}), the ${accepted} accepted`);
  }
  if (!codeOnly && a.json !== b.json) {
    let at = 0;
    while (a.json[at] === b.json[at]) at += 1;
    throw new InvariantFailure(
      'mismatch',
      `${what}: results differ at character ${at}:\n…${a.json.slice(Math.max(0, at - 120), at + 120)}\n---\n…${b.json.slice(Math.max(0, at - 120), at + 120)}`,
    );
  }
}

/** Money is well formed, never negative, and the parts make the totals; what is not known is null
 * (never a zero) and listed as left out of a partial total. Throws the first problem. */
export function checkMoney({ result }: { result: EvaluationResult }): void {
  const [first] = amountProblems(result);
  if (first) throw first;
}

/**
 * Every problem with the amounts of a result, in the order found: 'money' for an amount that is
 * malformed, NaN or negative, 'sum' for parts that do not make their total. Collected rather than
 * thrown at the first, so that a property about sums is not hidden by a malformed amount elsewhere.
 */
export function amountProblems(result: EvaluationResult): InvariantFailure[] {
  const problems: InvariantFailure[] = [];
  const money = (where: string, value: unknown) => {
    if (typeof value === 'string' && MONEY.test(value)) return fen(value);
    problems.push(new InvariantFailure('money', `${where} is ${JSON.stringify(value)}, expected an amount like "12.34"`));
    return 0n;
  };
  let total = 0n;
  const unknown: string[] = [];
  for (const [id, programme] of Object.entries(result.programmes)) {
    const paid = programme.monthlyAmount === null ? 0n : money(`programmes.${id}.monthlyAmount`, programme.monthlyAmount);
    total += paid;
    if (programme.entitledAmount !== undefined && programme.entitledAmount !== null) money(`programmes.${id}.entitledAmount`, programme.entitledAmount);
    if (programme.period === 'event') {
      checkOneOff(id, programme, paid, problems);
      continue;
    }
    let undecided = programme.monthlyAmount === null;
    if (programme.members !== undefined) {
      let paidSum = 0n;
      programme.members.forEach((member, i) => {
        if (member.paid === null) {
          undecided = true;
          return;
        }
        money(`programmes.${id}.members[${i}].entitled`, member.entitled);
        paidSum += money(`programmes.${id}.members[${i}].paid`, member.paid);
      });
      if (paidSum !== paid) problems.push(new InvariantFailure('sum', `programmes.${id}.monthlyAmount ${programme.monthlyAmount} is not the sum of its members' paid amounts`));
    }
    if (undecided) unknown.push(id);
    noOddNumbers(`programmes.${id}`, { ...programme, trace: undefined }, problems);
  }
  if (money('totalMonthlyAmount', result.totalMonthlyAmount) !== total) {
    problems.push(new InvariantFailure('sum', `totalMonthlyAmount ${result.totalMonthlyAmount} is not the sum of the programmes' monthlyAmount`));
  }
  const listed = result.unknown.map((u) => u.programme).join(',');
  if (result.totalIsPartial !== unknown.length > 0 || listed !== unknown.join(',')) {
    problems.push(new InvariantFailure('sum', `totalIsPartial ${result.totalIsPartial} (${listed}) does not match the programmes not known (${unknown.join(',')})`));
  }
  return problems;
}

/** A one-off amount (temporary assistance) stands beside the monthly total, never in it: its
 * monthly amount is zero, its members' amounts make the one-off amount, and where no rule suggests
 * an amount the one-off amount is null, never a zero. */
function checkOneOff(id: string, programme: DibaoResult | MemberProgrammeResult, paid: bigint, problems: InvariantFailure[]): void {
  if (paid !== 0n) problems.push(new InvariantFailure('sum', `programmes.${id} is paid once, yet its monthlyAmount is ${programme.monthlyAmount}`));
  const oneOff = programme.oneOffAmount;
  if (oneOff === undefined) {
    problems.push(new InvariantFailure('sum', `programmes.${id} is paid once but has no oneOffAmount`));
    return;
  }
  if (oneOff !== null && !MONEY.test(oneOff)) problems.push(new InvariantFailure('money', `programmes.${id}.oneOffAmount is ${JSON.stringify(oneOff)}`));
  let sum = 0n;
  let unknown = false;
  (programme.members ?? []).forEach((member, i) => {
    if (member.paid === null) unknown = true;
    else if (!MONEY.test(member.paid)) problems.push(new InvariantFailure('money', `programmes.${id}.members[${i}].paid is ${JSON.stringify(member.paid)}`));
    else sum += fen(member.paid);
  });
  if (oneOff !== null && MONEY.test(oneOff) && !unknown && fen(oneOff) !== sum) {
    problems.push(new InvariantFailure('sum', `programmes.${id}.oneOffAmount ${oneOff} is not the sum of its members' paid amounts`));
  }
  noOddNumbers(`programmes.${id}`, { ...programme, trace: undefined }, problems);
}

/** Fields that hold member ids or reason codes, which are the household's own text, not amounts. */
const NOT_AMOUNTS = new Set(['member', 'members', 'countedMembers', 'singlePersonMembers', 'reasons', 'notConfigured', 'unknownMembers', 'missingFacts']);

/** No NaN, Infinity or negative amount anywhere in a programme's own fields, as text or as number. */
function noOddNumbers(where: string, value: unknown, problems: InvariantFailure[]): void {
  if (typeof value === 'number' && !Number.isFinite(value)) problems.push(new InvariantFailure('money', `${where} is ${value}`));
  if (typeof value === 'string' && (/NaN|Infinity/.test(value) || /^-\d/.test(value))) problems.push(new InvariantFailure('money', `${where} is ${JSON.stringify(value)}`));
  if (Array.isArray(value)) value.forEach((item, i) => noOddNumbers(`${where}[${i}]`, item, problems));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (!NOT_AMOUNTS.has(key)) noOddNumbers(`${where}.${key}`, item, problems);
}
