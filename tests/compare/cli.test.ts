/** The reform and compare commands as users run them (the built CLI): output, exit codes, messages. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REFORM = 'examples/reforms/lingwu-750.json';
const dir = mkdtempSync(join(tmpdir(), 'compare-'));

function cli(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const household = readFileSync(join(ROOT, 'examples/lingwu-2024.json'), 'utf8');
const population = join(dir, 'people.ndjson');
writeFileSync(
  population,
  [
    JSON.stringify({ month: '2024-07', household: JSON.parse(household) }),
    JSON.stringify({ month: '2024-06', household: JSON.parse(household) }),
    JSON.stringify({
      month: '2024-07',
      household: { id: 'one', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1970-01-01', relation: 'head' }] },
    }),
  ].join('\n') + '\n',
);

describe('--reform', () => {
  it('evaluate names the reform in the receipt and the trace', () => {
    const { code, stdout } = cli(['evaluate', '--month', '2024-07', '--reform', REFORM, 'examples/lingwu-2024.json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { totalMonthlyAmount: string; receipt: { reform: { name: string } } };
    expect(result.totalMonthlyAmount).toBe('1350.00');
    expect(result.receipt.reform.name).toBe('lingwu-750');
  });

  it('a wrong reform file: exit 2, every problem listed, no stack', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'bad',
        changes: [
          { jurisdiction: 'cn-64018', parameter: 'dibao.standard.urbn', from: '2024-07-01', value: '750' },
          { jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', value: 750 },
        ],
      }),
    );
    for (const args of [
      ['evaluate', '--month', '2024-07', '--reform', bad, 'examples/lingwu-2024.json'],
      ['evaluate', '--batch', population, '--workers', '0', '--reform', bad],
      ['timeline', '--from', '2024-06', '--to', '2024-07', '--reform', bad, 'examples/lingwu-2024.json'],
      ['compare', '--batch', population, '--reform', bad],
    ]) {
      const { code, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('error [invalid-reform]: The reform');
      expect(stderr).toContain('$.changes[0].jurisdiction');
      expect(stderr).toContain('closest: cn-640181');
      expect(stderr).toContain('$.changes[0].parameter');
      expect(stderr).toContain('$.changes[1].value');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli(['evaluate', '--month', '2024-07', '--reform', join(dir, 'none.json'), 'examples/lingwu-2024.json']).code).toBe(2);
  });

  it('the batch applies the reform in its workers as in this thread', () => {
    const runs = ['0', '1'].map((workers) => cli(['evaluate', '--batch', population, '--workers', workers, '--reform', REFORM]));
    expect(runs[0]?.code).toBe(0);
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
    expect(runs[0]?.stdout).toContain('"reform":{"name":"lingwu-750"');
    expect(runs[0]?.stdout).toContain('"totalMonthlyAmount":"1350.00"');
  });

  it('timeline shows the reformed months', () => {
    const { code, stdout } = cli(['timeline', '--from', '2024-06', '--to', '2024-07', '--reform', REFORM, '--json', 'examples/lingwu-2024.json']);
    expect(code).toBe(0);
    const months = (JSON.parse(stdout) as { months: { result: { totalMonthlyAmount: string } }[] }).months.map((m) => m.result.totalMonthlyAmount);
    expect(months).toEqual(['1170.00', '1350.00']);
  });
});

describe('compare', () => {
  it('the same report in this thread and on workers; CSV and tables from it', () => {
    const [inProcess, onWorkers] = ['0', '2'].map(
      (workers) => JSON.parse(cli(['compare', '--reform', REFORM, '--batch', population, '--workers', workers]).stdout) as Record<string, unknown>,
    );
    const strip = ({ seconds: _s, workers: _w, ...rest }: Record<string, unknown>) => rest;
    expect(strip(onWorkers!)).toEqual(strip(inProcess!));
    expect(inProcess).toMatchObject({ records: 3, totals: { difference: '240.00' }, households: { gaining: 2, unchanged: 1 } });
    // The receipts of the jurisdictions met: the reform's name them the reform, the baseline's do not.
    const receipts = inProcess!['receipts'] as { baseline: Record<string, { reform?: unknown }>; reform: Record<string, { reform?: { name: string } }> };
    expect(Object.values(receipts.baseline).map((r) => r.reform)).toEqual([undefined]);
    expect(Object.values(receipts.reform).map((r) => r.reform?.name)).toEqual(['lingwu-750']);
    const csv = cli(['compare', '--reform', REFORM, '--batch', population, '--format', 'csv', '--workers', '0']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[1]).toMatch(/^all,,3,2,0,1,0,/);
    const zh = cli(['compare', '--reform', REFORM, '--batch', population, '--format', 'summary', '--lang', 'zh', '--workers', '0']);
    expect(zh.stdout).toContain('全部家庭');
    expect(zh.stderr).toContain('benefit-rules compare: 3 records');
  });

  it('exit 3 when some lines are errors, which are counted and named', () => {
    const withErrors = join(dir, 'errors.ndjson');
    writeFileSync(withErrors, `${readFileSync(population, 'utf8')}not json\n`);
    const { code, stdout } = cli(['compare', '--reform', REFORM, '--batch', withErrors, '--workers', '0']);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ records: 4, errors: { records: 1, lines: [4] } });
  });

  it('refuses options it cannot honour, with exit 2', () => {
    for (const args of [
      ['--weight', 'w', '--batch', 'examples/people.csv'],
      ['--threshold', '0', '--batch', population],
      ['--threshold', 'ten', '--batch', population],
      ['--month', '2024-13', '--batch', population],
      ['--batch', population, '--format', 'xml'],
    ]) {
      const { code, stderr } = cli(['compare', '--reform', REFORM, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli(['compare', '--batch', population]).code).toBe(2);
  });
});
