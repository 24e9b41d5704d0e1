/** `benefit-rules curve` as users run it (the built CLI; npm test builds first). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CurveResult } from '../../src/analysis/curve.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RANGE = ['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '3000', '--step', '50'];

function cli(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [CLI, 'curve', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('benefit-rules curve', () => {
  it('prints the curve as JSON, with the cliff the Lingwu household meets at 2100', () => {
    const { code, stdout, stderr } = cli([...RANGE, 'examples/curve-lingwu.json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const curve = JSON.parse(stdout) as CurveResult;
    expect(curve.points).toHaveLength(61);
    expect(curve.cliffs.map((c) => [c.from, c.to, c.lost, c.programme, c.rule])).toEqual([['2050.00', '2100.00', '755.00', 'dibao', 'marginal']]);
  });

  it('writes CSV, an unknown amount an empty cell', () => {
    const { code, stdout } = cli([...RANGE, '--format', 'csv', 'examples/curve-lingwu.json']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(62);
    expect(lines[0]).toMatch(/^curve,value,income,total,net,partial,marginal_rate,dibao,/);
    expect(lines.find((l) => l.startsWith('baseline,2100.00,'))).toBe(
      'baseline,2100.00,2100.00,130.00,2230.00,false,16.1,0.00,0.00,130.00,0.00,0.00,0.00,0.00,0.00,755.00,dibao,marginal,,,',
    );
    expect(lines.find((l) => l.startsWith('baseline,2050.00,'))).toContain(',690.00,,130.00,');
  });

  it('draws the SVG chart in Chinese to --out, reading the household from standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curve-cli-'));
    try {
      const out = join(dir, 'curve.svg');
      const run = cli([...RANGE, '--format', 'svg', '--lang', 'zh', '--out', out], readFileSync(join(ROOT, 'examples/curve-lingwu.json'), 'utf8'));
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      const svg = readFileSync(out, 'utf8');
      expect(svg).toContain('<svg');
      expect(svg).toContain('灵武市');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with what to fix, never a stack', () => {
    const cases: [string[], string][] = [
      [
        ['--month', '2024-07', '--vary', 'nobody.wages', '--from', '0', '--to', '10', '--step', '5', 'examples/curve-lingwu.json'],
        '--vary: expected the id of a member of the household: worker, son, found "nobody"',
      ],
      [['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '100000', '--step', '1', 'examples/curve-lingwu.json'], '--step: expected at most 10001 points'],
      [['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '10', 'examples/curve-lingwu.json'], "required option '--step <yuan>' not specified"],
      [['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '10', '--step', '5', '--format', 'png', 'examples/curve-lingwu.json'], 'choices'],
      [
        ['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '10', '--step', '5', '--out', '/nonexistent/dir/x.svg', 'examples/curve-lingwu.json'],
        'Cannot write /nonexistent/dir/x.svg: ENOENT',
      ],
      [['--month', '2024-07', '--vary', 'worker.wages', '--from', '0', '--to', '10', '--step', '5', 'examples/missing.json'], 'Cannot read examples/missing.json'],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('has help', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: benefit-rules curve');
  });
});
