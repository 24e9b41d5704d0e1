/**
 * `npm run fuzz [-- --inputs N] [--seed S] [--workers W] [--index I] [--root DIR]`: a long fuzz run
 * (1,000,000 inputs by default) over the households of a checkout. The inputs run in worker threads
 * so that this thread can watch them: an input that does not finish in HANG_MS is reported as a hang
 * with its seed and index. `--index I` checks that one input and prints it. Exit status 1 on any failure.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../src/load.js';
import { checkAt, describeFailure, emptyTally, fast, inputAt, setup, summary, type Tally } from './run.js';
import { show } from './show.js';

const HANG_MS = 30_000;
const MAX_SHOWN = 10;

interface Job {
  root: string;
  seed: number;
  inputs: number;
  worker: number;
  workers: number;
  /** Shared with the main thread: the index each worker is checking, for the watchdog. */
  current: SharedArrayBuffer;
}

function parseArgs(argv: string[]): { inputs: number; seed: number; workers: number; index?: number; root: string } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i] as string, argv[i + 1]];
    if (!['--inputs', '--seed', '--workers', '--index', '--root'].includes(flag) || value === undefined) {
      throw new Error(`usage: npm run fuzz -- [--inputs N] [--seed S] [--workers W] [--index I] [--root DIR] (found ${flag})`);
    }
    args.set(flag, value);
  }
  const int = (flag: string, fallback: number, max = 2 ** 32 - 1) => {
    const text = args.get(flag);
    if (text === undefined) return fallback;
    const value = Number(text.replace(/[,_]/g, ''));
    if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${flag}: expected a whole number from 0 to ${max}, found ${text}`);
    return value;
  };
  const index = args.has('--index') ? int('--index', 0) : undefined;
  return {
    inputs: int('--inputs', 1_000_000),
    seed: int('--seed', Math.floor(Math.random() * 2 ** 31)),
    workers: Math.max(1, int('--workers', 1, 16)),
    ...(index === undefined ? {} : { index }),
    root: args.get('--root') ?? PACKAGE_ROOT,
  };
}

/**
 * A worker running this file. The fuzzer runs from its TypeScript source through tsx, and on Node 20
 * a worker thread does not inherit tsx's loader, so the worker registers it before importing us.
 */
function startWorker(job: Job): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}

function work(job: Job): void {
  const s = setup(job.root);
  fast();
  const current = new Int32Array(job.current);
  let tally = emptyTally();
  let last = Date.now();
  for (let index = job.worker; index < job.inputs; index += job.workers) {
    Atomics.store(current, job.worker, index);
    checkAt(s, job.seed, index, tally);
    // Failures go to the main thread described in full, the first few of them.
    if (Date.now() - last > 2000 || index + job.workers >= job.inputs) {
      parentPort?.postMessage({ tally, described: tally.failures.slice(0, MAX_SHOWN).map((failure) => describeFailure(s, failure)) });
      tally = emptyTally();
      last = Date.now();
    }
  }
  parentPort?.postMessage({ done: true });
}

function merge(into: Tally, from: Tally): void {
  into.inputs += from.inputs;
  into.accepted += from.accepted;
  for (const [code, count] of Object.entries(from.refused)) into.refused[code] = (into.refused[code] ?? 0) + count;
  into.failures.push(...from.failures);
  if (from.slowest.ms > into.slowest.ms) into.slowest = from.slowest;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options.index !== undefined) {
    const s = setup(options.root);
    const tally = emptyTally();
    const input = inputAt(s, options.seed, options.index);
    console.log(`steps: ${input.steps.join('; ')}\nmonth: ${show(input.month)}, knownAt: ${show(input.knownAt)}, lang: ${show(input.lang)}\nhousehold: ${show(input.household)}`);
    const verdict = checkAt(s, options.seed, options.index, tally);
    for (const failure of tally.failures) console.log(failure.message);
    console.log(verdict ? `${verdict.accepted ? 'accepted' : `refused (${verdict.code})`} in ${verdict.ms.toFixed(1)} ms` : 'FAILED');
    process.exitCode = tally.failures.length > 0 ? 1 : 0;
    return;
  }
  const { seed, inputs, workers, root } = options;
  console.log(`fuzz: ${inputs.toLocaleString('en-US')} inputs, seed ${seed}, ${workers} worker${workers > 1 ? 's' : ''}`);
  const current = new SharedArrayBuffer(4 * workers);
  const watched = new Int32Array(current).fill(-1);
  const total = emptyTally();
  const started = Date.now();
  let shown = 0;
  let running = workers;
  const threads: Worker[] = [];
  const finish = () => {
    clearInterval(timer);
    console.log(summary(seed, total));
    const kinds = new Map<string, number[]>();
    for (const f of total.failures) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f.index]);
    for (const [kind, indices] of kinds) console.log(`  ${kind}: ${indices.length} (indices ${indices.slice(0, 10).join(', ')}${indices.length > 10 ? ', …' : ''})`);
    process.exitCode = total.failures.length > 0 ? 1 : 0;
  };
  // The watchdog: an index unchanged for HANG_MS is a hang.
  const seen = Array.from({ length: workers }, () => ({ index: -1, since: Date.now() }));
  let progressAt = Date.now();
  const timer = setInterval(() => {
    for (let w = 0; w < workers; w += 1) {
      const index = Atomics.load(watched, w);
      const entry = seen[w] as { index: number; since: number };
      if (index !== entry.index) Object.assign(entry, { index, since: Date.now() });
      else if (index >= 0 && Date.now() - entry.since > HANG_MS) {
        total.failures.push({ seed, index, kind: 'hang', message: `no answer in ${HANG_MS} ms` });
        console.log(describeFailure(setup(root), { seed, index, kind: 'hang', message: `no answer in ${HANG_MS} ms` }));
        for (const thread of threads) void thread.terminate();
        finish();
        process.exit(1);
      }
    }
    if (Date.now() - progressAt >= 10_000) {
      progressAt = Date.now();
      const rate = total.inputs / ((Date.now() - started) / 1000);
      console.log(`fuzz: ${total.inputs.toLocaleString('en-US')} / ${inputs.toLocaleString('en-US')} (${rate.toFixed(0)}/s, ${total.failures.length} failures)`);
    }
  }, 1000);
  // Ctrl-C: the line for the inputs checked so far, rather than nothing.
  process.once('SIGINT', () => {
    for (const thread of threads) void thread.terminate();
    console.log('fuzz: interrupted');
    finish();
    process.exit(total.failures.length > 0 ? 1 : 130);
  });
  for (let worker = 0; worker < workers; worker += 1) {
    const thread = startWorker({ root, seed, inputs, worker, workers, current });
    threads.push(thread);
    thread.on('message', (message: { tally?: Tally; described?: string[]; done?: boolean }) => {
      if (message.tally) {
        merge(total, message.tally);
        for (const text of message.described ?? []) if (shown++ < MAX_SHOWN) console.log(text);
      }
      if (message.done && --running === 0) finish();
    });
    thread.on('error', (error) => {
      console.error(`fuzz: worker ${worker} died: ${error.stack ?? error.message}`);
      process.exit(2);
    });
  }
}

if (isMainThread) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
} else {
  work(workerData as Job);
}
