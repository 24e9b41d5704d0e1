/**
 * npm run bench:http: a bounded load test of `benefit-rules serve` on 127.0.0.1 only. Starts the
 * service as users do (a child process, any free port), sends POST /v1/evaluate with a sample
 * household from N connections for D seconds (autocannon), and prints throughput, p50/p99 latency
 * and the error count; exits non-zero if any request failed. Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '50' }, trace: { type: 'boolean', default: false } },
});
const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const household = JSON.parse(readFileSync(new URL('../../examples/lingwu-2024-allowances.json', import.meta.url), 'utf8')) as unknown;

const server = spawn(process.execPath, [cli, 'serve', '--host', '127.0.0.1', '--port', '0', '--max-concurrent', '1000'], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const url = await new Promise<string>((resolve, reject) => {
  server.stderr.on('data', (data: Buffer) => {
    log += data.toString();
    const found = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
    if (found) resolve(found);
  });
  server.on('exit', () => reject(new Error(`serve exited: ${log}`)));
});
// The access log goes on: drained, not kept.
server.stderr.removeAllListeners('data');
server.stderr.resume();

const result = await autocannon({
  url: `${url}/v1/evaluate`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ household, month: '2024-05', trace: values.trace }),
  connections: Number(values.connections),
  duration: Number(values.seconds),
});
server.kill('SIGTERM');

const errors = result.errors + result.timeouts + result.non2xx;
console.log(`POST /v1/evaluate, ${values.connections} connections, ${values.seconds} s, trace ${values.trace ? 'on' : 'off'}, 127.0.0.1`);
console.log(`requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s average)`);
console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
process.exitCode = errors === 0 ? 0 : 1;
