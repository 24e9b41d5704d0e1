/** Issue 13 at the command line: every input read once, every mistake exit 2, every I/O failure exit 74, Ctrl-C exit 130. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditLedger, verifyAudit } from '../../src/audit/api.js';
import { bundledRulebook } from '../../src/load.js';
import { testRulebook } from '../support/rulebook.js';
import { ledger, ndjson } from './support.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-audit-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function cli(args: string[], options: { input?: string; stdout?: string } = {}) {
  const out = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" audit ${args.map((a) => `'${a}'`).join(' ')} ${options.stdout ? `> ${options.stdout}` : ''}`], {
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const household = { id: 'hn', jurisdiction: 'cn-420113', residence: 'urban', members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] };
const LEDGER = ledger([
  ['hn', '', 'dibao', '2020-08', '830.00', '2020-08-20'],
  ['hn', '', 'dibao', '2020-09', '830.00', '2020-09-20'],
]);
const ledgerFile = write('ledger.csv', LEDGER);
const householdsFile = write('households.ndjson', ndjson(household));
const base = ['--ledger', ledgerFile, '--households', householdsFile, '--no-progress'];

describe('the audit reads each input once', () => {
  it('audits a ledger on a pipe or /dev/stdin (before: hashed, then audited as empty)', () => {
    for (const path of ['-', '/dev/stdin']) {
      const run = cli(['--ledger', path, '--households', householdsFile, '--format', 'summary', '--no-progress'], { input: LEDGER });
      expect(run.stdout).toContain('ledger lines 2 = audited 2 + error lines 0');
      expect(run.code).toBe(0);
    }
  });

  it('refuses --out naming an input by another path (before: the ledger was overwritten)', () => {
    const link = join(dir, 'ledger-link.csv');
    linkSync(ledgerFile, link);
    for (const out of [link, householdsFile]) {
      const run = cli([...base, '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is the input file/);
    }
    expect(readFileSync(ledgerFile, 'utf8')).toBe(LEDGER);
  });
});

describe('every user mistake is exit 2, naming the option or file (before: exit 70 or accepted)', () => {
  const cases: [string, string[], RegExp][] = [
    ['--from 2020-13', [...base, '--from', '2020-13'], /--from expects a month written YYYY-MM/],
    ['--from after --to', [...base, '--from', '2020-09', '--to', '2020-01'], /--from 2020-09 is after --to 2020-01/],
    ['--ledger naming a folder', ['--ledger', dir, '--households', householdsFile], /--ledger .* is a folder/],
    ['a missing ledger', ['--ledger', join(dir, 'nope.csv'), '--households', householdsFile], /--ledger .*nope\.csv: cannot be read \(ENOENT\)/],
    ['a 0-byte ledger', ['--ledger', write('empty.csv', ''), '--households', householdsFile], /The ledger is empty/],
    ['the households file given as --ledger', ['--ledger', householdsFile, '--households', householdsFile], /households file\?/],
    ['--out in a missing folder', [...base, '--out', join(dir, 'no', 'report.json')], /Cannot write .*ENOENT/],
    ['--out naming a folder', [...base, '--out', dir], /Cannot write .*EISDIR/],
    ['options --verify ignores', [...base, '--verify', ledgerFile, '--from', '2020-01', '--format', 'csv'], /--verify takes --from, --format from the report's receipt/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const run = cli(args);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error| {4}at /);
      expect(run.code).toBe(2);
    });
  }
});

describe('the machine failing is exit 74 with a message (before: a stack trace, exit 1)', () => {
  it('--out /dev/full and standard output on /dev/full', () => {
    for (const run of [cli([...base, '--out', '/dev/full']), cli(base, { stdout: '/dev/full' })]) {
      expect(run.stderr).toMatch(/error \[io\]: Cannot write .*no space left on the device/);
      expect(run.stderr).not.toMatch(/ {4}at /);
      expect(run.code).toBe(74);
    }
  });
});

describe('exit codes', () => {
  it('an invalid household the ledger never names makes the run exit 3 (before: 0)', () => {
    const households = write('two.ndjson', `${ndjson(household)}{"id": "broken"\n`);
    const run = cli(['--ledger', ledgerFile, '--households', households, '--no-progress']);
    expect(run.stderr).toMatch(/Households file lines not used/);
    expect(run.code).toBe(3);
  });

  it('Ctrl-C during an audit: whole lines, totals, a summary that says so, exit 130', async () => {
    const rows: string[][] = [];
    const many: unknown[] = [];
    for (let i = 0; i < 3000; i += 1) {
      many.push({ ...household, id: `h${i}` });
      for (const month of ['2020-08', '2020-09', '2020-10']) rows.push([`h${i}`, '', 'dibao', month, '830.00', `${month}-20`]);
    }
    const big = write('big.csv', ledger(rows));
    const bigHouseholds = write('big.ndjson', ndjson(...many));
    const out = join(dir, 'interrupted.json');
    const child = spawn(process.execPath, [CLI, 'audit', '--ledger', big, '--households', bigHouseholds, '--out', out, '--no-progress']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      // --out is opened once Ctrl-C is handled and the inputs are read: then the audit is under way.
      const poll = setInterval(() => {
        if (existsSync(out)) {
          clearInterval(poll);
          setTimeout(() => child.kill('SIGINT'), 300);
        }
      }, 50);
      child.on('close', resolve);
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/INTERRUPTED \(Ctrl-C\)/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { totals: { counts: { linesIn: number } }; findings: unknown[]; interrupted?: boolean };
    // The report says so itself, not only the terminal (before: it read as a whole audit).
    expect(report.interrupted).toBe(true);
    expect(report.findings.length).toBe(report.totals.counts.linesIn);
    expect(report.totals.counts.linesIn).toBeLessThan(9000);
  }, 60_000);
});

describe('verify', () => {
  const households = ndjson(household);
  it('names every receipt field edited by hand, never a crash (before: exit 70 or a stack trace)', async () => {
    const report = await auditLedger({ ledger: LEDGER, households });
    const edits: [string, (r: Record<string, unknown>) => void, RegExp][] = [
      ['packs', (r) => (r['packs'] = 'none'), /receipt\.packs was edited/],
      ['ledger', (r) => (r['ledger'] = { sha256: 12 }), /receipt\.ledger\.sha256 was edited/],
      ['options', (r) => (r['options'] = { from: '2020-13' }), /receipt\.options\.from was edited/],
      ['engine', (r) => (r['engine'] = 'benefit-rules@0.0.1'), /engine: the report was made by benefit-rules@0\.0\.1/],
      ['rules', (r) => (r['rules'] = [{ programme: 'dibao' }]), /receipt\.rules\.0\.hash was edited/],
      // A plausible edit: the audit runs again from it, and the field it moved is named (before: "line 1").
      [
        'options.from',
        (r) => (r['options'] = { ...(r['options'] as object), from: '2019-01' }),
        /^period is null in the report; the audit run again from its receipt writes \{"from":"2019-01"/m,
      ],
    ];
    for (const [, edit, message] of edits) {
      const [first, ...rest] = report.json.split('\n');
      const start = JSON.parse(`${first as string}]}`) as { receipt: Record<string, unknown> };
      edit(start.receipt);
      const line = JSON.stringify(start).replace(/\]\}$/, '');
      const verdict = await verifyAudit({ report: [line, ...rest].join('\n'), ledger: LEDGER, households });
      expect(verdict.ok).toBe(false);
      expect(verdict.differences.join('\n')).toMatch(message);
    }
  });

  it('names a pack added since the report, not the report (before: "the report itself was changed")', async () => {
    const mixed = ndjson(household, { id: 't', jurisdiction: 'test-assets', residence: 'urban', members: [{ id: 'a', birthDate: '1960-01-01', relation: 'head' }] });
    const report = await auditLedger({ ledger: LEDGER, households: mixed, rulebook: bundledRulebook() });
    const verdict = await verifyAudit({ report: report.json, ledger: LEDGER, households: mixed, rulebook: testRulebook() });
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.join('\n')).toMatch(/pack test-assets.*added since/);
    expect(verdict.differences.join('\n')).not.toMatch(/report itself was changed/);
  });

  it('the CLI says NOT verified and exits 1 for an edited report', async () => {
    const out = join(dir, 'report.json');
    expect(cli([...base, '--out', out]).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace('"engine":"benefit-rules@', '"engine":"x@'));
    const run = cli([...base, '--verify', out]);
    expect(run.stdout).toMatch(/NOT verified/);
    expect(run.code).toBe(1);
  });
});
