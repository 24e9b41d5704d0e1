/** `benefit-rules check` as users run it (the built CLI; npm test builds first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'benefit-rules-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const out = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('benefit-rules check', () => {
  it('runs the ready properties on a reform, from the month it starts, and passes', () => {
    const { code, stdout, stderr } = cli(['--reform', 'examples/reforms/lingwu-750.json', '--runs', '15']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('benefit-rules check: cn-640181 2024-07, reform lingwu-750, 15 households a property, seed 20261203');
    for (const name of ['totals-add-up', 'no-negative-amounts', 'compiled-equals-reference', 'raise-never-lowers-dibao', 'income-never-raises-dibao'])
      expect(stdout).toContain(`PASS ${name}: 15 households`);
    expect(stdout).toContain('单人保');
    expect(stdout).toMatch(/5 passed, 0 failed\n$/);
  });

  it('fails a reform that lowers a standard, prints the shrunk household and a replay that finds it again', () => {
    const reform = join(dir, 'lower.json');
    writeFileSync(reform, JSON.stringify({ name: 'lower', changes: [{ jurisdiction: 'cn-640181', parameter: 'dibao.standard.urban', from: '2024-07-01', value: '600' }] }));
    const failed = cli(['--reform', reform, '--runs', '50', '--seed', '3', '--lang', 'zh']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('FAIL raise-never-lowers-dibao');
    expect(failed.stdout).toMatch(/dibao falls from \d+\.\d{2} \(enrolled, household\) to/);
    expect(failed.stdout).toContain('"jurisdiction": "cn-640181"');
    const replay = /重现: benefit-rules check (.*)\n/.exec(failed.stdout)?.[1];
    expect(replay).toContain('--property raise-never-lowers-dibao --seed 3 --path ');
    const again = cli(replay!.split(' '));
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/FAIL raise-never-lowers-dibao: failed after 1 households/);
    const counterexample = (text: string) => text.slice(text.indexOf('counterexample:'), text.indexOf('replay:'));
    expect(counterexample(again.stdout)).toBe(counterexample(failed.stdout.replace('反例:', 'counterexample:').replace('重现:', 'replay:')));
  });

  it('without a reform, checks the jurisdiction given with drawn raises of its standards', () => {
    const { code, stdout } = cli(['--jurisdiction', 'cn-321311', '--month', '2020-09', '--runs', '10', '--property', 'raise-never-lowers-dibao']);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS raise-never-lowers-dibao: 10 households');
    expect(stdout).toMatch(/1 passed, 0 failed\n$/);
  });

  it('refuses bad input with exit 2 and a message, before running anything', () => {
    const cases: [string[], RegExp][] = [
      [['--runs', '0'], /--runs: expected a whole number from 1 to 100000, found "0"/],
      [['--seed', 'x'], /--seed: expected a whole number/],
      [['--jurisdiction', 'cn-999999', '--month', '2024-07'], /No pack "cn-999999"/],
      [['--jurisdiction', 'cn'], /--month is required for cn:/],
      [['--property', 'nope'], /--property: expected one of totals-add-up/],
      [['--path', '1:2'], /--path replays one counterexample/],
      [['--reform', 'no-such-reform.json'], /Cannot read no-such-reform.json/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
  });
});
