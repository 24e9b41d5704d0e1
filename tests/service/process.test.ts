/**
 * The service as a process: `benefit-rules serve` started as users start it, a batch answered line
 * by line on one open request, SIGTERM finishing what is under way, and a real Java client (#15).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

interface Server {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startServer(args: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      const url = /serving on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) resolve({ child, url, stderr: () => stderr, exit });
    });
    child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
  });
}

const line = (month: string) =>
  `${JSON.stringify({ month, household: { id: `h-${month}`, jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] } })}\n`;

/** A batch request kept open: write a line, read its record, before the body ends. */
function openBatch(url: string) {
  const records: string[] = [];
  let waiting: (() => void) | undefined;
  let buffered = '';
  const req = request(`${url}/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } });
  const done = new Promise<number>((resolve) =>
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffered += text;
        let at: number;
        while ((at = buffered.indexOf('\n')) >= 0) {
          records.push(buffered.slice(0, at));
          buffered = buffered.slice(at + 1);
        }
        waiting?.();
      });
      res.on('end', () => resolve(res.statusCode ?? 0));
    }),
  );
  req.flushHeaders();
  const next = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record ${count} within 5 s (have ${records.length})`)), 5_000);
      waiting = () => {
        if (records.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      };
      waiting();
    });
  return { req, records, next, done };
}

describe('benefit-rules serve, as a process', () => {
  let server: Server;
  beforeAll(async () => void (server = await startServer()));
  afterAll(() => void server.child.kill('SIGKILL'));

  it('answers a batch line by line while the request is still open', async () => {
    const batch = openBatch(server.url);
    batch.req.write(line('2024-05'));
    await batch.next(1);
    expect(JSON.parse(batch.records[0] ?? '')).toMatchObject({ line: 1, ok: true, result: { household: 'h-2024-05' } });
    batch.req.write('not json\n');
    await batch.next(2);
    expect(JSON.parse(batch.records[1] ?? '')).toMatchObject({ line: 2, ok: false, error: { code: 'invalid-input' } });
    batch.req.end(line('2023-05'));
    expect(await batch.done).toBe(200);
    expect(batch.records).toHaveLength(3);
    // The same bytes as the CLI's batch for the same lines, each record with its whole receipt (an
    // HTTP client reads one kind of line; the CLI's default names a receipt written once by hash).
    const cli = spawnSync(process.execPath, [CLI, 'evaluate', '--batch', '-', '--workers', '0', '--receipt', 'each'], {
      cwd: ROOT,
      input: `${line('2024-05')}not json\n${line('2023-05')}`,
      encoding: 'utf8',
    });
    expect(batch.records.join('\n') + '\n').toBe(cli.stdout);
  });

  it('on SIGTERM finishes the request under way, then exits 0', async () => {
    const own = await startServer();
    const batch = openBatch(own.url);
    batch.req.write(line('2024-05'));
    await batch.next(1);
    own.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    batch.req.end(line('2024-06'));
    expect(await batch.done).toBe(200);
    expect(batch.records).toHaveLength(2);
    expect(await own.exit).toBe(0);
    expect(own.stderr()).toMatch(/SIGTERM/);
    expect(own.stderr()).not.toMatch(/h-2024/);
  });

  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  const hasJdk = javac.status === 0;
  if (!hasJdk) console.warn('Java client test skipped: no javac on this machine (.ci/run installs default-jdk-headless)');
  it.skipIf(!hasJdk)('serves a real Java client (java.net.http)', () => {
    const out = mkdtempSync(join(tmpdir(), 'benefit-rules-java-'));
    try {
      const compiled = spawnSync('javac', ['-d', out, join(ROOT, 'tests/service/java/Client.java')], { encoding: 'utf8' });
      expect(compiled.status, compiled.stderr).toBe(0);
      const run = spawnSync('java', ['-cp', out, 'Client', server.url, join(ROOT, 'examples/lingwu-2024.json')], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.split('\n')).toEqual(['total 1170.00', 'error invalid-household $.household.jurisdiction', 'batch {"line":1,"ok":true, | {"line":2,"ok":false,', '']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
