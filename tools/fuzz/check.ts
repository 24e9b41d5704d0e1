/**
 * The fuzzer's oracle. Every input must be either accepted by both evaluation paths with
 * byte-identical results (trace on and off), or refused by both with a BenefitRulesError of the same
 * code; an accepted result must hold only well-formed money whose parts add up to its totals; and no
 * evaluation may take a second. Anything else is a failure, thrown as a FuzzFailure.
 */
import { evaluate } from '../../src/index.js';
import { isBenefitRulesError, type BenefitRulesError } from '../../src/errors.js';
import { compileEvaluator, type CompiledEvaluator } from '../../src/fast/evaluator.js';
import { parseHousehold, type EvaluationResult } from '../../src/evaluate.js';
import { quickHousehold } from '../../src/schemas/quick.js';
import type { Rulebook } from '../../src/rulebook/index.js';
import type { DibaoResult, MemberProgrammeResult } from '../../src/programmes/result.js';
import type { FuzzInput } from './mutate.js';

export const SLOW_MS = 1000;

export type FailureKind = 'crash' | 'mismatch' | 'money' | 'sum' | 'slow' | 'quick';

export class FuzzFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(`${kind}: ${message}`);
  }
}

export interface Verdict {
  accepted: boolean;
  /** The code of the refusal. */
  code?: string;
  /** The slowest of the evaluations of this input, in milliseconds. */
  ms: number;
}

export type Outcome = { result: EvaluationResult; json: string } | { error: BenefitRulesError };

const MONEY = /^\d+\.\d{2}$/;

/** Fen as an exact integer. */
const fen = (money: string) => BigInt(money.replace('.', ''));

export class Oracle {
  private readonly evaluators = new Map<string, CompiledEvaluator>();

  constructor(private readonly rulebook: Rulebook) {}

  check(input: FuzzInput): Verdict {
    const first = this.once(input);
    // A pause of the machine (a collection, another process) is not the evaluator's doing: a slow
    // input fails only if it is slow twice.
    if (first.ms <= SLOW_MS) return first;
    const again = this.once(input);
    if (again.ms > SLOW_MS) throw new FuzzFailure('slow', `${again.ms.toFixed(0)} ms (twice over ${SLOW_MS} ms)`);
    return again;
  }

  private once(input: FuzzInput): Verdict {
    let ms = 0;
    const attempt = (path: string, run: () => EvaluationResult): Outcome => {
      const start = performance.now();
      try {
        const result = run();
        const json = JSON.stringify(result);
        return { result, json };
      } catch (error) {
        if (isBenefitRulesError(error)) return { error };
        throw new FuzzFailure('crash', `${path} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        ms = Math.max(ms, performance.now() - start);
      }
    };
    const { household, month } = input;
    const options = {
      ...(input.knownAt === undefined ? {} : { knownAt: input.knownAt }),
      ...(input.lang === undefined ? {} : { lang: input.lang }),
    } as { knownAt?: string; lang?: 'zh' };
    const rulebook = this.rulebook;
    const referenceTraced = attempt('evaluate', () => evaluate(household, { month: month as string, rulebook, ...options }));
    const reference = attempt('evaluate (trace off)', () => evaluate(household, { month: month as string, rulebook, ...options, trace: false }));
    const compiledTraced = attempt('compiled (trace on)', () => this.compiled(options, true).evaluate(household, month as string));
    const compiled = attempt('compiled', () => this.compiled(options, false).evaluate(household, month as string));
    compareOutcomes('evaluate and compiled (trace on)', referenceTraced, compiledTraced);
    compareOutcomes('evaluate and compiled (trace off)', reference, compiled);
    compareOutcomes('evaluate with and without trace', referenceTraced, reference, true);
    this.quick(household);
    if ('error' in reference) return { accepted: false, code: reference.error.code, ms };
    checkMoney(referenceTraced as { result: EvaluationResult });
    return { accepted: true, ms };
  }

  /** A compiled evaluator for these options, kept while its options are well formed. */
  private compiled(options: { knownAt?: unknown; lang?: unknown }, trace: boolean): CompiledEvaluator {
    const wellFormed = [options.knownAt, options.lang].every((value) => value === undefined || (typeof value === 'string' && value.length < 20));
    if (!wellFormed) return compileEvaluator(this.rulebook, { ...options, trace } as never);
    const key = `${String(options.knownAt)} ${String(options.lang)} ${trace}`;
    let evaluator = this.evaluators.get(key);
    if (!evaluator) {
      evaluator = compileEvaluator(this.rulebook, { ...options, trace } as never);
      this.evaluators.set(key, evaluator);
    }
    return evaluator;
  }

  /** Whatever the Ajv fast check accepts, zod accepts too. */
  private quick(household: unknown): void {
    let quick: unknown;
    try {
      quick = quickHousehold(household);
    } catch (error) {
      throw new FuzzFailure('crash', `quickHousehold threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (quick === undefined) return;
    try {
      parseHousehold(household);
    } catch (error) {
      throw new FuzzFailure('quick', `the fast check accepted a household zod refuses: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function compareOutcomes(what: string, a: Outcome, b: Outcome, codeOnly = false): void {
  if ('error' in a && 'error' in b) {
    if (a.error.code !== b.error.code) throw new FuzzFailure('mismatch', `${what}: refused with ${a.error.code} and ${b.error.code}`);
    // Options are checked in another order by compileEvaluator (at compile time) than by evaluate.
    if (!codeOnly && a.error.code !== 'invalid-option' && a.error.message !== b.error.message) {
      throw new FuzzFailure('mismatch', `${what}: refused with different messages:\n${a.error.message}\n---\n${b.error.message}`);
    }
    return;
  }
  if ('error' in a || 'error' in b) {
    const [refused, accepted] = 'error' in a ? ['first', 'second'] : ['second', 'first'];
    const error = 'error' in a ? a.error : (b as { error: BenefitRulesError }).error;
    throw new FuzzFailure('mismatch', `${what}: the ${refused} refused (${error.code}: ${error.message.slice(0, 300)}), the ${accepted} accepted`);
  }
  if (!codeOnly && a.json !== b.json) {
    let at = 0;
    while (a.json[at] === b.json[at]) at += 1;
    throw new FuzzFailure(
      'mismatch',
      `${what}: results differ at character ${at}:\n…${a.json.slice(Math.max(0, at - 120), at + 120)}\n---\n…${b.json.slice(Math.max(0, at - 120), at + 120)}`,
    );
  }
}

/** Money is well formed, never negative, and the parts make the totals; what is not known is null
 * (never a zero) and listed as left out of a partial total. */
export function checkMoney({ result }: { result: EvaluationResult }): void {
  const money = (where: string, value: unknown) => {
    if (typeof value !== 'string' || !MONEY.test(value)) throw new FuzzFailure('money', `${where} is ${JSON.stringify(value)}, expected an amount like "12.34"`);
    return fen(value);
  };
  let total = 0n;
  const unknown: string[] = [];
  for (const [id, programme] of Object.entries(result.programmes)) {
    const paid = programme.monthlyAmount === null ? 0n : money(`programmes.${id}.monthlyAmount`, programme.monthlyAmount);
    total += paid;
    if (programme.entitledAmount !== undefined && programme.entitledAmount !== null) money(`programmes.${id}.entitledAmount`, programme.entitledAmount);
    if (programme.period === 'event') {
      checkOneOff(id, programme, paid);
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
      if (paidSum !== paid) throw new FuzzFailure('sum', `programmes.${id}.monthlyAmount ${programme.monthlyAmount} is not the sum of its members' paid amounts`);
    }
    if (undecided) unknown.push(id);
    noOddNumbers(`programmes.${id}`, { ...programme, trace: undefined });
  }
  if (money('totalMonthlyAmount', result.totalMonthlyAmount) !== total) {
    throw new FuzzFailure('sum', `totalMonthlyAmount ${result.totalMonthlyAmount} is not the sum of the programmes' monthlyAmount`);
  }
  const listed = result.unknown.map((u) => u.programme).join(',');
  if (result.totalIsPartial !== unknown.length > 0 || listed !== unknown.join(',')) {
    throw new FuzzFailure('sum', `totalIsPartial ${result.totalIsPartial} (${listed}) does not match the programmes not known (${unknown.join(',')})`);
  }
}

/** A one-off amount (temporary assistance) stands beside the monthly total, never in it: its
 * monthly amount is zero, its members' amounts make the one-off amount, and where no rule suggests
 * an amount the one-off amount is null, never a zero. */
function checkOneOff(id: string, programme: DibaoResult | MemberProgrammeResult, paid: bigint): void {
  if (paid !== 0n) throw new FuzzFailure('sum', `programmes.${id} is paid once, yet its monthlyAmount is ${programme.monthlyAmount}`);
  const oneOff = programme.oneOffAmount;
  if (oneOff === undefined) throw new FuzzFailure('sum', `programmes.${id} is paid once but has no oneOffAmount`);
  if (oneOff !== null && !MONEY.test(oneOff)) throw new FuzzFailure('money', `programmes.${id}.oneOffAmount is ${JSON.stringify(oneOff)}`);
  let sum = 0n;
  let unknown = false;
  (programme.members ?? []).forEach((member, i) => {
    if (member.paid === null) unknown = true;
    else sum += fen(member.paid);
    if (member.paid !== null && !MONEY.test(member.paid)) throw new FuzzFailure('money', `programmes.${id}.members[${i}].paid is ${JSON.stringify(member.paid)}`);
  });
  if (oneOff !== null && !unknown && fen(oneOff) !== sum) throw new FuzzFailure('sum', `programmes.${id}.oneOffAmount ${oneOff} is not the sum of its members' paid amounts`);
  noOddNumbers(`programmes.${id}`, { ...programme, trace: undefined });
}

/** Fields that hold member ids or reason codes, which are the household's own text, not amounts. */
const NOT_AMOUNTS = new Set(['member', 'members', 'countedMembers', 'singlePersonMembers', 'reasons', 'notConfigured', 'unknownMembers', 'missingFacts']);

/** No NaN, Infinity or negative amount anywhere in a programme's own fields, as text or as number. */
function noOddNumbers(where: string, value: unknown): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new FuzzFailure('money', `${where} is ${value}`);
  if (typeof value === 'string' && (/NaN|Infinity/.test(value) || /^-\d/.test(value))) throw new FuzzFailure('money', `${where} is ${JSON.stringify(value)}`);
  if (Array.isArray(value)) value.forEach((item, i) => noOddNumbers(`${where}[${i}]`, item));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (!NOT_AMOUNTS.has(key)) noOddNumbers(`${where}.${key}`, item);
}
