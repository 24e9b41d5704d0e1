/**
 * POST /v1/evaluate/batch: NDJSON in, NDJSON out, streamed. The lines go through the batch's own
 * cutting (ndjsonChunks) and evaluation (evaluateChunk), in this thread, so every record is the
 * bytes `benefit-rules evaluate --batch` writes for the same line — line numbers, error records
 * for lines that are not JSON or too long, byte-order mark — and each is written as soon as the
 * bytes of its line have arrived, so a client can keep one request open and talk line by line.
 *
 * Time: the evaluation of the lines, summed, is bounded by the time limit (waiting for the client's
 * next line is not: a line-by-line client may keep its request open). Past it, the stream ends with
 * one error record, `timeout`, at the first line not evaluated. Between lines the stream lets the
 * event loop run, so that a large batch sent at once does not hold up the other requests.
 */
import { ndjsonChunks } from '../batch/ndjson.js';
import { evaluateChunk } from '../batch/worker.js';
import { evaluateText } from '../batch/records.js';
import { compileEvaluator, type CompiledEvaluator } from '../fast/evaluator.js';
import type { Rulebook } from '../rulebook/index.js';
import { derived, derivedKey } from '../rulebook/derived.js';
import { linesOf } from '../batch/lines.js';
import { timedOut, type Clock } from './deadline.js';

export interface BatchRequest {
  rulebook: Rulebook;
  month?: string;
  knownAt?: string;
  trace: boolean;
  maxLineBytes: number;
  /** Milliseconds of evaluation the batch may take in all. */
  timeoutMs: number;
  now: Clock;
  /** Called once, when the last record is written or the client has gone, with the bytes written. */
  done: (bytes: number) => void;
}

/** Compiled once per rulebook and options, as a batch run compiles once. */
const EVALUATORS = derivedKey('service batch evaluators', () => new Map<string, CompiledEvaluator>());

function evaluatorFor(request: BatchRequest): CompiledEvaluator {
  const byOptions = derived(request.rulebook, EVALUATORS);
  const key = `${request.knownAt ?? ''}|${request.trace}`;
  let evaluator = byOptions.get(key);
  if (!evaluator) byOptions.set(key, (evaluator = compileEvaluator(request.rulebook, { trace: request.trace, ...(request.knownAt ? { knownAt: request.knownAt } : {}) })));
  return evaluator;
}

async function* bytesOf(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Buffer> {
  if (!body) return;
  for await (const piece of body) yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}

export function batchResponse(body: ReadableStream<Uint8Array> | null, request: BatchRequest): Response {
  const evaluator = evaluatorFor(request);
  // A chunk as small as one line: each record goes out with the bytes that completed its line.
  const chunks = ndjsonChunks(bytesOf(body), request.maxLineBytes, 1);
  let finished = false;
  let written = 0;
  const finish = () => {
    if (finished) return;
    finished = true;
    request.done(written);
  };
  const encoder = new TextEncoder();
  let spent = 0;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const bytes = encoder.encode(text);
    written += bytes.byteLength;
    controller.enqueue(bytes);
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          finish();
          controller.close();
          return;
        }
        // Line by line, not the chunk at once: a chunk is whatever has arrived, a whole body at times.
        for (const item of linesOf(next.value)) {
          if (finished) return;
          if (spent > request.timeoutMs) {
            const { code, message } = timedOut(request.timeoutMs);
            send(controller, `${JSON.stringify({ line: item[0], ok: false, error: { code, message, details: [] } })}\n`);
            finish();
            controller.close();
            await chunks.return(undefined);
            return;
          }
          const start = request.now();
          const { text } = evaluateChunk((line, json) => evaluateText(evaluator, line, json, request.month), { index: next.value.index, items: [item] }, 'ndjson');
          spent += request.now() - start;
          send(controller, text);
          // The other requests' turn: the next line may be here already, and would run at once.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel() {
      finish();
      await chunks.return(undefined);
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
}
