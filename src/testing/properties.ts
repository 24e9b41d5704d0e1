/**
 * Ready properties a user runs against a rulebook or a reform, each with the exceptions the rules
 * themselves make stated in its description and recognised by the facts of the results (the
 * enrolment path, a gradual exit), never by leaving failures out. Each is a fast-check property
 * to pass to fc.assert in the user's own test file, and a run(…) that reports instead of throwing.
 */
import fc from 'fast-check';
import { evaluateWith, type EvaluationResult } from '../evaluate.js';
import { isBenefitRulesError } from '../errors.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import { bundledRulebook } from '../load.js';
import type { Rulebook } from '../rulebook/index.js';
import { applyReform } from '../reform/index.js';
import type { HouseholdInput } from '../schemas/household.js';
import type { DibaoResult } from '../programmes/result.js';
import { householdArbitrary, type HouseholdArbitraryOptions } from './arbitrary.js';
import { amountProblems, compareOutcomes, InvariantFailure, type Outcome } from './invariants.js';
import { jurisdictionFacts } from './facts.js';
import { firstDayOf } from '../dates.js';
import { formatFen } from './members.js';
import { DESCRIPTIONS, type PropertyName } from './descriptions.js';
import { DEFAULT_SEED, reportOf, type PropertyReport, type RunOptions, type Sample } from './report.js';

export interface PropertyOptions extends Omit<HouseholdArbitraryOptions, 'rulebook'> {
  /** The rulebook checked (the baseline of a reform). Default: the bundled rules and packs. */
  rulebook?: Rulebook;
  /** A reform (the JSON of a reform file): the properties check the reformed rulebook, and
   * "raising a standard never lowers dibao" compares it with the baseline. */
  reform?: unknown;
  /** Households to draw instead of householdArbitrary(options). */
  households?: fc.Arbitrary<HouseholdInput>;
}

/** One drawn case: the household, and what the property added to it. */
export type { Sample } from './report.js';

export interface ReadyProperty {
  name: PropertyName;
  /** What the property states, its exceptions included, in English and Chinese. */
  description: { en: string; zh: string };
  /** The fast-check property: fc.assert(ready.property, { numRuns, seed }). */
  property: fc.IPropertyWithHooks<[Sample]>;
  /** The cases the stated exceptions let through since the last run, by exception. */
  exempted: Record<string, number>;
  /** Runs the property with fc.check and reports, shrunk counterexample and seed included. */
  run(options?: RunOptions): PropertyReport;
}

interface Context {
  month: string;
  baseline: Rulebook;
  checked: Rulebook;
  households: fc.Arbitrary<HouseholdInput>;
  reformed: boolean;
}

function contextOf(options: PropertyOptions): Context {
  const baseline = options.rulebook ?? bundledRulebook();
  const checked = options.reform === undefined ? baseline : applyReform(baseline, options.reform);
  const households = options.households ?? householdArbitrary({ ...options, rulebook: checked });
  return { month: options.month, baseline, checked, households, reformed: options.reform !== undefined };
}

/** An evaluation that a generated, valid household must pass: a refusal fails the property with its message. */
function evaluated(household: HouseholdInput, month: string, rulebook: Rulebook): EvaluationResult {
  try {
    return evaluateWith(household, { month, rulebook, trace: false });
  } catch (error) {
    if (isBenefitRulesError(error)) throw new InvariantFailure('crash', `the household was refused (${error.code}): ${error.message}`);
    throw error;
  }
}

function ready(name: PropertyName, arbitrary: fc.Arbitrary<Sample>, check: (sample: Sample, exempt: (why: string) => void) => void): ReadyProperty {
  const exempted: Record<string, number> = {};
  const exempt = (why: string) => {
    exempted[why] = (exempted[why] ?? 0) + 1;
  };
  const property = fc.property(arbitrary, (sample) => check(sample, exempt));
  const result: ReadyProperty = {
    name,
    description: DESCRIPTIONS[name],
    property,
    exempted,
    run: (runOptions = {}) => {
      for (const key of Object.keys(exempted)) delete exempted[key];
      const seed = runOptions.seed ?? DEFAULT_SEED;
      const parameters = { numRuns: runOptions.numRuns ?? 100, seed, ...(runOptions.path === undefined ? {} : { path: runOptions.path }) };
      return reportOf(name, fc.check(property, parameters), exempted, { ...runOptions, seed });
    },
  };
  return result;
}

const only = (households: fc.Arbitrary<HouseholdInput>) => households.map((household): Sample => ({ household }));

/** totalMonthlyAmount is the sum of the programmes' amounts, each programme's the sum of its members' lines; a total that leaves an unknown amount out says so. */
export function totalsAddUp(options: PropertyOptions): ReadyProperty {
  const c = contextOf(options);
  return ready('totals-add-up', only(c.households), ({ household }) => {
    const [problem] = amountProblems(evaluated(household, c.month, c.checked)).filter((p) => p.kind === 'sum');
    if (problem) throw problem;
  });
}

/** Every amount is a decimal string of yuan and fen, never negative, NaN or Infinity. */
export function noNegativeAmounts(options: PropertyOptions): ReadyProperty {
  const c = contextOf(options);
  return ready('no-negative-amounts', only(c.households), ({ household }) => {
    const [problem] = amountProblems(evaluated(household, c.month, c.checked)).filter((p) => p.kind === 'money');
    if (problem) throw problem;
  });
}

/** compileEvaluator's fast path gives the reference evaluator's result byte for byte (trace included), or the same refusal. */
export function compiledEqualsReference(options: PropertyOptions): ReadyProperty {
  const c = contextOf(options);
  let compiled: CompiledEvaluator | undefined;
  const outcome = (run: () => EvaluationResult): Outcome => {
    try {
      const result = run();
      return { result, json: JSON.stringify(result) };
    } catch (error) {
      if (isBenefitRulesError(error)) return { error };
      throw error;
    }
  };
  return ready('compiled-equals-reference', only(c.households), ({ household }) => {
    // Compiled on first use: making the property costs nothing until it runs.
    compiled ??= compileEvaluator(c.checked, { trace: true });
    const evaluator = compiled;
    compareOutcomes(
      'the reference evaluator and the compiled one',
      outcome(() => evaluateWith(household, { month: c.month, rulebook: c.checked })),
      outcome(() => evaluator.evaluate(household, c.month)),
    );
  });
}

const dibaoOf = (result: EvaluationResult): DibaoResult => result.programmes.dibao;

const EXTREME_POVERTY = 'a member moves between the dibao household and extreme-poverty support (特困), counted apart';

/**
 * Whether the dibao households of the two results differ by members supported apart as extremely
 * poor (特困): each member counted in one and not the other has, where it is not counted, an
 * extreme-poverty line that is paid or not yet known (a pack that leaves the amount unset). A
 * standard (or an income) can move a member across the extreme-poverty test, which reads the dibao
 * standard; nothing else in the household changes who dibao counts.
 */
function supportedApart(first: EvaluationResult, second: EvaluationResult): boolean {
  const counted = (result: EvaluationResult) => new Set(dibaoOf(result).countedMembers ?? []);
  const [a, b] = [counted(first), counted(second)];
  const moved = [...[...a].filter((id) => !b.has(id)).map((id) => [id, second] as const), ...[...b].filter((id) => !a.has(id)).map((id) => [id, first] as const)];
  return (
    moved.length > 0 &&
    moved.every(([id, result]) => {
      const line = result.programmes['extreme-poverty']?.members?.find((member) => member.member === id);
      return line !== undefined && (line.paid === null || fen(line.paid) > 0);
    })
  );
}
const fen = (amount: string) => Number(amount.replace('.', ''));

/**
 * A reform that only raises a standard never lowers a household's dibao. With a reform, the
 * reformed rulebook is compared with the baseline (a reform that lowers a standard fails, as it
 * should); without one, both dibao standards of the jurisdiction are raised by a drawn amount.
 */
export function raiseNeverLowersDibao(options: PropertyOptions): ReadyProperty {
  const c = contextOf(options);
  const facts = jurisdictionFacts(c.baseline, options.jurisdiction, c.month);
  // A few raises, from a fen to 200 yuan, each rulebook made once: a new rulebook a case would
  // spend most of the run making plans again. Shrinks towards the smallest raise.
  const raises = c.reformed ? fc.constant(undefined) : fc.constantFrom('0.01', '1.00', '10.00', '35.00', '80.00', '200.00');
  const rulebooks = new Map<string, Rulebook>();
  const raisedBy = (raise: string) => {
    let rulebook = rulebooks.get(raise);
    if (!rulebook) rulebooks.set(raise, (rulebook = raised(c.baseline, options.jurisdiction, c.month, facts.standards, raise)));
    return rulebook;
  };
  const arbitrary = fc
    .record({ household: c.households, raise: raises }, { requiredKeys: ['household'] })
    .map(({ household, raise }): Sample => (raise === undefined ? { household } : { household, raise }));
  return ready('raise-never-lowers-dibao', arbitrary, ({ household, raise }, exempt) => {
    // A pack with no standard this month has nothing to raise: said, not passed in silence.
    if (raise !== undefined && facts.standards.urban === null && facts.standards.rural === null) return exempt('no dibao standard in force this month: nothing to raise');
    const reformed = raise === undefined ? c.checked : raisedBy(raise);
    const [first, second] = [evaluated(household, c.month, c.baseline), evaluated(household, c.month, reformed)];
    const [before, after] = [dibaoOf(first), dibaoOf(second)];
    if (before.monthlyAmount === null || after.monthlyAmount === null || fen(after.monthlyAmount) >= fen(before.monthlyAmount)) return;
    if (supportedApart(first, second)) return exempt(EXTREME_POVERTY);
    // The rules' own exceptions, recognised by the paths the two results took.
    if (before.enrolment === 'singlePerson' && after.enrolment === 'household') return exempt('one-person enrolment (单人保) becomes the whole household');
    if (before.status === 'gradual-exit' && after.status === 'enrolled') return exempt('a gradual exit (渐退) becomes an enrolment again');
    if (before.enrolment === 'moratorium' && after.enrolment === 'household') return exempt('an exit moratorium (暂停退出) paying the last amount becomes an enrolment again');
    throw new InvariantFailure(
      'monotonic',
      `dibao falls from ${before.monthlyAmount} (${before.status}, ${before.enrolment ?? 'no enrolment'}) to ${after.monthlyAmount} (${after.status}, ${after.enrolment ?? 'no enrolment'}) when the standard ${raise === undefined ? 'is reformed' : `is raised by ${raise}`}`,
    );
  });
}

/** The baseline with both dibao standards of `jurisdiction` raised by `raise` yuan from the month on. */
function raised(baseline: Rulebook, jurisdiction: string, month: string, standards: { urban: number | null; rural: number | null }, raise: string): Rulebook {
  const changes = (['urban', 'rural'] as const)
    .filter((residence) => standards[residence] !== null)
    .map((residence) => ({
      jurisdiction,
      parameter: `dibao.standard.${residence}`,
      from: firstDayOf(month),
      value: formatFen((standards[residence] as number) + fen(raise)),
    }));
  return applyReform(baseline, { name: `raise ${raise}`, changes });
}

/** More countable income never raises dibao on the household path; see the description for the exceptions. */
export function incomeNeverRaisesDibao(options: PropertyOptions): ReadyProperty {
  const c = contextOf(options);
  const arbitrary = fc
    .record({ household: c.households, added: fc.integer({ min: 1, max: 300_000 }).map(formatFen) })
    .map(({ household, added }): Sample => ({ household, addedIncome: added }));
  return ready('income-never-raises-dibao', arbitrary, ({ household, addedIncome }, exempt) => {
    const more: HouseholdInput = { ...household, incomes: [...(household.incomes ?? []), { type: 'business', monthly: addedIncome as string }] };
    const [first, second] = [evaluated(household, c.month, c.checked), evaluated(more, c.month, c.checked)];
    const [before, after] = [dibaoOf(first), dibaoOf(second)];
    if (before.monthlyAmount === null || after.monthlyAmount === null || fen(after.monthlyAmount) <= fen(before.monthlyAmount)) return;
    if (supportedApart(first, second)) return exempt(EXTREME_POVERTY);
    if (after.enrolment === 'singlePerson' && before.enrolment !== 'singlePerson') return exempt('one-person enrolment (单人保) of a household the income made marginal');
    if (after.status === 'gradual-exit' && before.status !== 'gradual-exit') return exempt('a gradual exit (渐退) paid from the last amount');
    if (after.enrolment === 'moratorium' && before.enrolment !== 'moratorium') return exempt('an exit moratorium (暂停退出) keeping the last amount');
    throw new InvariantFailure(
      'monotonic',
      `dibao rises from ${before.monthlyAmount} (${before.status}, ${before.enrolment ?? 'no enrolment'}) to ${after.monthlyAmount} (${after.status}, ${after.enrolment ?? 'no enrolment'}) with ${addedIncome} more business income`,
    );
  });
}

/** The five ready properties for one jurisdiction and month, in the order `benefit-rules check` runs them. */
export function readyProperties(options: PropertyOptions): ReadyProperty[] {
  return [totalsAddUp, noNegativeAmounts, compiledEqualsReference, raiseNeverLowersDibao, incomeNeverRaisesDibao].map((make) => make(options));
}
