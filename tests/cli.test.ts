import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The built CLI, as users run it (npm test builds first).
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function cli(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('benefit-rules CLI', () => {
  it('evaluates a household file to JSON', () => {
    const { code, stdout } = cli(['evaluate', '--month', '2024-05', 'examples/lingwu-2024.json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ jurisdiction: 'cn-640181', totalMonthlyAmount: '1170.00' });
  });

  it('reads standard input and explains in Chinese', () => {
    const { code, stdout } = cli(
      ['evaluate', '--month', '2024-05', '--explain', '--lang', 'zh'],
      JSON.stringify({ id: 'x', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] }),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('城市最低生活保障标准 (dibao.standard.urban) = 690');
    expect(stdout).toContain('本月合计: 690.00 元/月');
  });

  it('lists packs and shows parameters with their sources', () => {
    expect(cli(['packs']).stdout).toContain('cn-640181');
    const params = cli(['params', 'cn-640181', '--month', '2024-05']);
    expect(params.code).toBe(0);
    expect(params.stdout).toContain('宁民函〔2024〕12号');
  });

  it('prints the demo table', () => {
    const { code, stdout } = cli(['demo']);
    expect(code).toBe(0);
    expect(stdout).toContain('hannan-2020');
    expect(stdout).toContain('1890.00');
  });

  it('reports a user mistake without a stack trace, with a non-zero exit and nothing on stdout', () => {
    const bad = cli(['evaluate', '--month', '2024-05'], '{"id": "x", "jurisdiction": "cn-640181", "residence": "city", "members": []}');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('$.residence');
    expect(bad.stderr).toContain('$.members');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(cli(['evaluate', '--month', '2024-05'], '{ not json').stderr).toContain('not valid JSON');
    expect(cli(['evaluate', '--month', 'May', 'examples/lingwu-2024.json']).stderr).toContain('--month: expected a month written YYYY-MM, found "May"');
    expect(cli(['evaluate', '--month', '2024-05', 'no-such-file.json']).stderr).toContain('Cannot read no-such-file.json: ENOENT');
    expect(cli(['evaluate']).code).toBe(2);
  });

  it('checks --known-at alike in every command: an empty or malformed date is refused, never ignored', () => {
    for (const knownAt of ['', 'yesterday', '2024-02-30']) {
      const runs = [
        cli(['params', 'cn-640181', '--month', '2024-05', '--known-at', knownAt]),
        cli(['evaluate', '--month', '2024-05', '--known-at', knownAt, 'examples/lingwu-2024.json']),
        cli(['evaluate', '--month', '2024-05', '--known-at', knownAt, '--batch', 'examples/lingwu-2024.json']),
      ];
      for (const run of runs) {
        expect(run.code, knownAt).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('error [invalid-option]: Invalid options:\n  --known-at: expected');
      }
    }
  });

  it('with --json, writes an error as the error JSON shape, one line on standard error, nothing on standard output', () => {
    const runs = [
      cli(['params', 'cn-999999', '--month', '2024-05', '--json']),
      cli(['timeline', '--from', '2024-05', '--to', '2024-04', '--json', 'examples/lingwu-2024.json']),
      cli(['timeline', '--from', '2024-01', '--to', '2024-02', '--json'], '{"id": 1}'),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const body = JSON.parse(lines[0] ?? '') as { error: { code: string; message: string; details: unknown[] } };
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error)).toEqual(['code', 'message', 'details']);
    }
    // Without --json, the same mistake is a sentence.
    expect(cli(['params', 'cn-999999', '--month', '2024-05']).stderr).toMatch(/^error \[unknown-jurisdiction\]: /);
  });

  it('has help for every command', () => {
    for (const command of ['evaluate', 'packs', 'params', 'demo', 'schema']) {
      const { code, stdout } = cli([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: benefit-rules');
    }
  });
});
