/** Talking to one open batch process line by line, as a Java or Python caller does (issue 15). */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { population } from '../../src/testing/population.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Starts `evaluate --batch -` and returns a function that writes one line and waits for the next
 * output line, failing after `timeout` ms (before the fix, no answer came until stdin closed). */
function session(workers: string) {
  const child = spawn(process.execPath, [CLI, 'evaluate', '--batch', '-', '--workers', workers, '--no-progress'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  lines.on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queued.push(line);
  });
  const nextLine = (timeout: number) =>
    new Promise<string>((resolve, reject) => {
      const ready = queued.shift();
      if (ready !== undefined) return resolve(ready);
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const receipts = new Set<string>();
  /** Writes a line and returns its answer; a receipt line may come first (once per receipt). */
  const ask = async (line: string, timeout = 15_000) => {
    child.stdin.write(`${line}\n`);
    for (;;) {
      const answer = JSON.parse(await nextLine(timeout)) as { sha256?: string; line?: number; result?: { receipt: string } };
      if (answer.sha256 === undefined) {
        if (answer.result) expect(receipts.has(answer.result.receipt)).toBe(true);
        return answer;
      }
      receipts.add(answer.sha256);
    }
  };
  const close = () =>
    new Promise<number | null>((resolve) => {
      child.on('close', (code) => resolve(code));
      child.stdin.end();
    });
  return { ask, nextLine, close, child };
}

describe('answers line by line', () => {
  for (const workers of ['0', '1']) {
    it(`one line in, one line out, in order, with the input left open (--workers ${workers})`, async () => {
      const inputs = population(5, 3).map(({ household, month }) => JSON.stringify({ month, household }));
      inputs.splice(2, 0, '{ not json');
      const talk = session(workers);
      try {
        const answers = [];
        for (const input of inputs) answers.push((await talk.ask(input)) as { line: number; ok: boolean; result?: { household: string } });
        expect(answers.map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(answers.map((a) => a.ok)).toEqual([true, true, false, true, true, true]);
        expect(answers[0]?.result?.household).toBe(population(1, 3)[0]?.household.id);
      } finally {
        expect(await talk.close()).toBe(3);
      }
    }, 60_000);
  }
});
