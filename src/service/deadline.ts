/**
 * Time per request, for computing as well as receiving. The evaluator is pure and synchronous, so
 * no timer can interrupt a long timeline or audit, and while it runs every other request waits:
 * the long loops (months, ledger lines, batch lines) call a checkpoint instead, which throws
 * 503 timeout once the request has had its time. The clock lives here, never in the library.
 */
import { ServiceError } from './errors.js';

/** Milliseconds, monotonic; tests pass a clock of their own. */
export type Clock = () => number;

export const systemClock: Clock = () => performance.now();

export function timedOut(timeoutMs: number): ServiceError {
  return new ServiceError(503, 'timeout', `The request took longer than ${timeoutMs} ms`);
}

/** A checkpoint that throws once `timeoutMs` have passed since it was made. */
export function deadline(timeoutMs: number, now: Clock = systemClock): () => void {
  const end = now() + timeoutMs;
  return () => {
    if (now() > end) throw timedOut(timeoutMs);
  };
}
