/**
 * Chunks spread round-robin over worker threads, their answers settled in input order, at most
 * two chunks a worker not yet settled: memory stays flat whatever the input's size, because a
 * finished chunk waiting for an earlier one counts too. The batch writes records with it; compare
 * sums a population with it.
 */
import { Worker } from 'node:worker_threads';
import type { Chunk } from './lines.js';

export interface OrderedWorkers<M extends { index: number }> {
  /** The worker's module, and what it is started with. */
  worker: URL;
  workerData: unknown;
  count: number;
  /** Called once per chunk, in the order of the chunks' indexes, one at a time. */
  settle: (message: M) => Promise<void>;
}

export async function runOrdered<M extends { index: number }>(source: AsyncIterable<Chunk>, options: OrderedWorkers<M>): Promise<void> {
  const workers = Array.from({ length: options.count }, () => new Worker(options.worker, { workerData: options.workerData }));
  const done = new Map<number, M>();
  let next = 0;
  let failure: Error | undefined;
  let finished = false;
  // A message may arrive while nobody waits: it is remembered, so the next wait returns at once.
  let wake: (() => void) | undefined;
  let signalled = false;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    if (resolve) resolve();
    else signalled = true;
  };
  const waitForOne = () => {
    if (signalled) {
      signalled = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (wake = resolve));
  };
  const settle = async () => {
    while (done.has(next)) {
      const chunk = done.get(next) as M;
      done.delete(next);
      next += 1;
      await options.settle(chunk);
    }
  };
  // Settling is chained: the message handler and the reading loop both settle, never at once.
  let settling = Promise.resolve();
  function flush(): Promise<void> {
    settling = settling.then(settle);
    return settling;
  }
  for (const worker of workers) {
    worker.on('message', (message: M) => {
      done.set(message.index, message);
      notify();
      // Settled as soon as it is next in order, not when the next input arrives: a caller may be
      // waiting for this answer before it writes more.
      flush().catch((error: Error) => {
        failure ??= error;
        notify();
      });
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    worker.on('exit', (code) => {
      if (!finished) failure ??= new Error(`a batch worker stopped (exit code ${code}) before the batch was done`);
      notify();
    });
  }
  let sent = 0;
  try {
    for await (const chunk of source) {
      await flush();
      while (sent - next >= workers.length * 2 && !failure) {
        await waitForOne();
        await flush();
      }
      if (failure) throw failure;
      (workers[chunk.index % workers.length] as Worker).postMessage(chunk, 'bytes' in chunk ? [chunk.bytes.buffer as ArrayBuffer] : []);
      sent += 1;
    }
    await flush();
    while (next < sent && !failure) {
      await waitForOne();
      await flush();
    }
    if (failure) throw failure;
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
