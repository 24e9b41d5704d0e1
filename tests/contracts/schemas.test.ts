/** The published contracts (schema/*.schema.json) against what the engine really writes (#15). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { evaluateWith } from '../../src/evaluate.js';
import { isBenefitRulesError } from '../../src/errors.js';
import { evaluateBatch } from '../../src/batch/api.js';
import { auditLedger } from '../../src/audit/api.js';
import { SCHEMA_NAMES, type SchemaName } from '../../src/schemas/jsonSchema.js';
import { readCases } from '../support/cases.js';
import { testRulebook } from '../support/rulebook.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const validators = new Map<SchemaName, ValidateFunction>();
function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8')) as object;
    validators.set(name, (validate = ajv.compile(schema)));
  }
  return validate;
}
function expectValid(name: SchemaName, value: unknown, label: string): void {
  const validate = validator(name);
  expect(validate(value), `${label}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

// Results as plain JSON, to break on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>;

const cases = readCases().filter((c) => c.expected !== undefined);
const rulebook = testRulebook();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

describe('the published JSON Schemas', () => {
  it.each(SCHEMA_NAMES)('%s compiles in ajv strict mode', (name) => {
    expect(() => validator(name)).not.toThrow();
  });

  it('every golden case result validates against the result schema, with its trace and its explanation', () => {
    expect(cases.length).toBeGreaterThan(30);
    for (const golden of cases) {
      const options = { month: golden.month, rulebook, ...(golden.knownAt ? { knownAt: golden.knownAt } : {}) };
      expectValid('result', evaluateWith(golden.household, options), golden.file);
      expectValid('result', evaluateWith(golden.household, { ...options, trace: false, lang: 'zh' }), `${golden.file} (zh, no trace)`);
    }
  });

  it('refuses a result that breaks the contract', () => {
    const golden = cases[0];
    if (!golden) throw new Error('no golden case');
    const result = JSON.parse(JSON.stringify(evaluateWith(golden.household, { month: golden.month, rulebook }))) as Mutable;
    const validate = validator('result');
    for (const change of [
      (r: Mutable) => (r.programmes.dibao.status = 'enroled'),
      (r: Mutable) => (r.programmes.dibao.monthlyAmount = 1170),
      (r: Mutable) => (r.totalMonthlyAmount = '1170.5'),
      (r: Mutable) => (r.programmes['disability-care-subsidy'].status = 'payed'),
      (r: Mutable) => (r.programmes['disability-care-subsidy'].reasons = ['members eligible']),
      (r: Mutable) => (r.surprise = true),
    ]) {
      const copy = structuredClone(result);
      change(copy);
      expect(validate(copy), String(change)).toBe(false);
    }
  });

  it('batch records, results and errors alike, validate against the batch-record schema', () => {
    const households = cases.slice(0, 10).map((c) => ({ month: c.month, household: c.household }));
    const records = evaluateBatch([...households, { month: '2024-05', household: { id: 1 } }, 'not a household'], { month: '2024-05', rulebook, trace: true });
    expect(records.filter((r) => !r.ok)).toHaveLength(2);
    for (const record of records) expectValid('batch-record', JSON.parse(JSON.stringify(record)), `line ${record.line}`);
  });

  it.each([
    ['examples/population.ndjson', 'once'],
    ['examples/population.ndjson', 'each'],
    ['examples/people.csv', 'once'],
    ['examples/people.csv', 'each'],
  ])('every line evaluate --batch %s --receipt %s writes validates against the batch-record schema', (file, mode) => {
    // The built CLI, as a caller runs it: the default (once) writes receipt lines and names them by hash.
    const run = spawnSync(process.execPath, [CLI, 'evaluate', '--batch', file, '--month', '2024-05', '--receipt', mode, '--workers', '0', '--no-progress'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as Mutable);
    const receipts = new Set(parsed.filter((l) => 'sha256' in l).map((l) => l.sha256 as string));
    expect(receipts.size > 0).toBe(mode === 'once');
    for (const [i, line] of parsed.entries()) {
      expectValid('batch-record', line, `${file} line ${i + 1}`);
      // A record's receipt by hash names a receipt line written before it.
      if (mode === 'once' && line.ok === true) expect(receipts.has(line.result.receipt as string)).toBe(true);
    }
    // A record may not name its receipt by anything but a sha256.
    const record = parsed.find((l) => l.ok === true) as Mutable;
    expect(validator('batch-record')({ ...record, result: { ...record.result, receipt: 'abc' } })).toBe(false);
  });

  it('an error the library throws validates against the error schema', () => {
    let caught: unknown;
    try {
      evaluateWith({ id: 'x', jurisdiction: 'cn-640181', members: [{ id: 'a', birthDate: '1980-02-30' }] }, { month: '2024-05', rulebook });
    } catch (error) {
      caught = error;
    }
    expect(isBenefitRulesError(caught)).toBe(true);
    if (isBenefitRulesError(caught)) expectValid('error', { error: JSON.parse(JSON.stringify(caught)) }, 'invalid household');
  });

  it('every finding of the example audit validates against the finding schema, and every ledger line against the ledger-line schema', async () => {
    const ledger = example('audit/payments.csv');
    const report = await auditLedger({ ledger, households: example('audit/households.ndjson'), rulebook });
    expect(report.findings.length).toBeGreaterThan(5);
    for (const finding of report.findings) expectValid('finding', JSON.parse(JSON.stringify(finding)), JSON.stringify(finding).slice(0, 80));
    const [header, ...rows] = ledger
      .trim()
      .split('\n')
      .map((row) => row.split(','));
    for (const row of rows) expectValid('ledger-line', Object.fromEntries((header ?? []).map((column, i) => [column, row[i] ?? ''])), row.join(','));
  });
});
