/**
 * The amount and condition forms of docs/decisions/0016-forms.md on test-only rule files
 * (tests/rules) and packs (tests/packs/forms): golden cases, the compiled path byte-identical to the
 * reference on them and on random households, and a load error for every malformed form.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileEvaluator } from '../src/fast/evaluator.js';
import { evaluateWith } from '../src/evaluate.js';
import { isBenefitRulesError } from '../src/errors.js';
import { BUNDLED_JURISDICTIONS, BUNDLED_RULES, readPackDirs, readRuleFiles } from '../src/load.js';
import { linkRulebook, type FileInput } from '../src/rulebook/index.js';
import { checkRulebook } from '../src/programmes/index.js';
import { allowanceHousehold, allowanceWhere } from './support/arbitraries.js';
import { FORMS_CASES, readCases } from './support/cases.js';
import { outcome } from './support/outcome.js';
import { FORMS_PACKS, FORMS_RULES, TEST_PACKS, bundledRuleFile, formsRulebook } from './support/rulebook.js';

const rulebook = formsRulebook();
/** Pack folders with one malformed multiple each (tests/inputs/forms-bad/<what>/). */
const BAD_PACKS = join(TEST_PACKS, '..', 'inputs', 'forms-bad');
const cases = readCases(FORMS_CASES);

describe('amount forms: golden cases (tests/cases/forms)', () => {
  it('cover every form pack', () => {
    const covered = new Set(cases.map((c) => c.file.split('/')[0]));
    for (const pack of readdirSync(FORMS_PACKS)) if (pack !== 'test-forms') expect(covered, `no golden case under tests/cases/forms/${pack}/`).toContain(pack);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, golden) => {
    expect(evaluateWith(golden.household, { month: golden.month, rulebook })).toMatchObject(golden.expected as object);
  });

  it('compiled = reference, byte for byte, trace included, on every golden case', () => {
    const traced = compileEvaluator(rulebook, { trace: true });
    const untraced = compileEvaluator(rulebook);
    for (const golden of cases) {
      const { household, month } = golden;
      expect(
        outcome(() => traced.evaluate(household, month)),
        golden.file,
      ).toBe(outcome(() => evaluateWith(household, { month, rulebook })));
      expect(
        outcome(() => untraced.evaluate(household, month)),
        golden.file,
      ).toBe(outcome(() => evaluateWith(household, { month, rulebook, trace: false })));
    }
  });

  it('compiled = reference on random households in every form pack', () => {
    const traced = compileEvaluator(rulebook, { trace: true });
    const packs = readdirSync(FORMS_PACKS).map((jurisdiction) => ({ jurisdiction, from: '2023-01', to: '2025-12' }));
    fc.assert(
      fc.property(allowanceHousehold(allowanceWhere(packs)), ({ household, month }) => {
        expect(outcome(() => traced.evaluate(household, month))).toBe(outcome(() => evaluateWith(household, { month, rulebook })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('amount forms: traced', () => {
  const explain = (jurisdiction: string, month = '2024-03') =>
    (
      evaluateWith(
        {
          id: 'x',
          jurisdiction,
          residence: 'urban',
          members: [
            { id: 'a', birthDate: '1980-01-01', relation: 'head' },
            { id: 'c', birthDate: '2010-01-01', relation: 'child' },
          ],
        },
        { month, rulebook, lang: 'en' },
      ).explanation ?? []
    ).join('\n');

  it('writes a multiple with the other value, the factor and the rounding, in force while both are', () => {
    const text = explain('test-forms-multiple');
    expect(text).toContain('(testForms.multiple) = 1025 (= 1.3 × 788 Urban dibao standard (dibao.standard.urban), test-forms-multiple 2020-01-01 –; rounded up, 1)');
    expect(text).toContain('in force 2020-01-01 – 2024-06-30');
  });

  it('writes the count and the gate in the formula', () => {
    expect(explain('test-forms-count')).toContain('100 (testForms.amount) × 1 (members: child) = 100.00');
    expect(explain('test-forms-gated')).toContain('member a: 0.00 (child: not met) = 0.00');
  });

  it('writes a division by an integer parameter, a whole number or a count in the formula', () => {
    expect(explain('test-forms-divided-by-integer')).toContain('member a: 100 (testForms.amount) ÷ 3 (testForms.months) = 33.33…');
    expect(explain('test-forms-divided-by-whole')).toContain('member a: 30 (testForms.other) ÷ 4 = 7.50');
    expect(explain('test-forms-divided-by-count')).toContain('member a: (100 (testForms.amount) + 30 (testForms.other)) ÷ 1 (members: child) = 130.00');
  });

  it('writes rates exactly in a comparison', () => {
    expect(explain('test-forms')).toContain('price index rise year on year 0.035 ≥ trigger (rise) 0.03 ✓');
  });

  it('says a one-off amount apart from the monthly ones', () => {
    expect(explain('test-event')).toContain('Test: a one-off amount: paid, 2400.00 yuan once');
  });
});

/** Loads the bundled rules with one rule file replaced (or a test file added), and the packs given. */
function loadWith(change: (files: FileInput[]) => void, packRoots = [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS]): string {
  const read = (dir: string, prefix: string) => readRuleFiles(dir).map((file) => ({ file: `${prefix}/${file.file.split('/').pop()!}`, json: file.json }));
  const files = [...read(BUNDLED_RULES, 'rules'), ...read(FORMS_RULES, 'tests/rules')];
  change(files);
  try {
    checkRulebook(linkRulebook({ rules: files, packs: readPackDirs(packRoots) }));
    return 'loaded';
  } catch (error) {
    if (!isBenefitRulesError(error)) throw error;
    return JSON.stringify(error.details);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const edit = (file: string, body: (json: Json) => void) => (files: FileInput[]) => body((files.find((f) => f.file === file) as FileInput).json);
/** The orphan allowance's rule file as the loader names it (rules/orphan-allowance.yaml or .json). */
const ORPHAN = bundledRuleFile('orphan-allowance').file;
const formsAmount = (form: string, expression: unknown) => edit('tests/rules/test-forms.json', (json) => (json.amount.cases.when[form] = expression));

describe('amount forms: a load error for every malformed form', () => {
  it('loads as shipped', () => expect(loadWith(() => undefined)).toBe('loaded'));

  it('refuses a cases form that misses a value of its enum parameter (file, JSON path, the missing values)', () => {
    const found = loadWith(
      edit(ORPHAN, (json) => {
        json.parameters['orphanAllowance.deFactoDibaoOffset'].type.values.push('halfTheStandard');
      }),
    );
    expect(found).toContain(`"file":"${ORPHAN}"`);
    expect(found).toContain('"path":"$.interactions[0].amounts[0].cases.when"');
    expect(found).toContain('missing \\"halfTheStandard\\"');
  });

  it('refuses a cases form on a member fact that misses one of its values, or names one it cannot take', () => {
    const missing = loadWith(formsAmount('bySelfCare', { cases: { on: { fact: 'selfCare' }, when: { fullyLost: { none: true }, full: { none: true } } } }));
    expect(missing).toContain('"path":"$.amount.cases.when[\\"bySelfCare\\"].cases.when"');
    expect(missing).toContain('missing \\"partlyLost\\"');
    const typo = loadWith(formsAmount('bySelfCare', { cases: { on: { fact: 'selfCare' }, when: { fullLost: { none: true } }, otherwise: { none: true } } }));
    expect(typo).toContain('found \\"fullLost\\"');
    expect(loadWith(formsAmount('bySelfCare', { cases: { on: { fact: 'selfCare' }, when: { fullyLost: { none: true } }, otherwise: { none: true } } }))).toBe('loaded');
  });

  it('refuses a count, gate or member sum on a condition that is not a member condition of the file', () => {
    expect(loadWith(formsAmount('count', { times: [{ parameter: 'testForms.amount' }, { count: { where: 'nobody' } }] }))).toContain(
      '"path":"$.amount.cases.when[\\"count\\"].times[1].count.where","expected":"an amount form of the right kinds","found":"expected the id of a condition of this rule file, found \\"nobody\\""',
    );
    expect(loadWith(formsAmount('gated', { when: { condition: 'missing', then: { parameter: 'testForms.amount' } } }))).toContain('.when.condition');
    expect(loadWith(formsAmount('memberSum', { sumOverMembers: { of: { parameter: 'testForms.amount' }, where: 'gone' } }))).toContain('.sumOverMembers.where');
  });

  it('refuses forms of the wrong kinds', () => {
    expect(loadWith(formsAmount('sum', { times: [{ parameter: 'testForms.amount' }, { parameter: 'testForms.other' }] }))).toContain('expected [an amount, a share');
    expect(loadWith(formsAmount('sum', { higher: [{ parameter: 'testForms.amount' }, { parameter: 'testForms.shareA' }] }))).toContain(
      'expected higher of amounts only or of shares only',
    );
    expect(loadWith(formsAmount('sum', { sum: [{ parameter: 'testForms.shareA' }] }))).toContain('expected amounts to sum');
    expect(loadWith(formsAmount('gated', { when: { condition: 'child', then: { parameter: 'testForms.shareA' } } }))).toContain('expected an \\"otherwise\\" for a share');
    expect(
      loadWith(formsAmount('bands', { bands: { on: { fact: 'age' }, below: [{ limit: { parameter: 'testForms.amount' }, then: { none: true } }], otherwise: { none: true } } })),
    ).toContain('"path":"$.amount.cases.when[\\"bands\\"].bands.below[0].limit"');
  });

  it('refuses a count in an interaction, which has one member only', () => {
    const found = loadWith(
      edit('tests/rules/test-forms.json', (json) => {
        json.interactions = [
          {
            id: 'capped',
            kind: 'reducedBy',
            description: { zh: '测试', en: 'test' },
            basis: [{ convention: { zh: '测试', en: 'test' } }],
            amounts: [{ times: [{ parameter: 'testForms.amount' }, { count: { where: 'child' } }] }],
          },
        ];
      }),
    );
    expect(found).toContain('"path":"$.interactions[0].amounts[0].times[1]"');
  });

  it("refuses a member line excluded by a household programme, which pays the household and no member's part of it", () => {
    const found = loadWith(
      edit('tests/rules/test-forms.json', (json) => {
        json.interactions = [{ id: 'notWithDibao', kind: 'excludedBy', by: 'dibao', description: { zh: '测试', en: 'test' }, basis: [{ convention: { zh: '测试', en: 'test' } }] }];
      }),
    );
    expect(found).toContain('"path":"$.interactions[0].by","expected":"a member programme (a household programme pays the household');
  });

  it('refuses a multiple of an undeclared or non-money parameter, and multiples in a loop', () => {
    const packs = BAD_PACKS;
    expect(loadWith(() => undefined, [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS, join(packs, 'undeclared')])).toContain(
      '"path":"$.multiple[0].value.multipleOf","expected":"a declared money parameter","found":"\\"dibao.standard.urbn\\" (not declared)"',
    );
    expect(loadWith(() => undefined, [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS, join(packs, 'rate')])).toContain('of kind decimal');
    expect(loadWith(() => undefined, [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS, join(packs, 'loop')])).toContain('testForms.amount → testForms.other → testForms.amount');
  });

  it('refuses a malformed multiple in a pack with the file and JSON path', () => {
    const found = loadWith(() => undefined, [BUNDLED_JURISDICTIONS, TEST_PACKS, FORMS_PACKS, join(BAD_PACKS, 'malformed')]);
    expect(found).toContain('"path":"$.multiple[0].value"');
    expect(found).toContain('multipleOf');
  });
});
