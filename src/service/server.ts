/**
 * `benefit-rules serve`: the service on a port, one access-log line a request (method, path,
 * status, bytes, milliseconds — never a body, so no household data), and a SIGTERM that stops
 * accepting, lets what is under way finish, and exits 0.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Rulebook } from '../rulebook/index.js';
import { DEFAULT_LIMITS, createService, type ServiceLimits } from './app.js';

export interface ServeOptions {
  host: string;
  port: number;
  rulebook: Rulebook;
  limits?: Partial<ServiceLimits>;
  /** Where the access log and notices go (standard error by default). */
  log?: (line: string) => void;
  /** How long SIGTERM waits for requests under way before it exits anyway. */
  graceMs?: number;
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

export function startService(options: ServeOptions): Promise<Running> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { app } = createService(options.rulebook, limits, log);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      log(`benefit-rules serving on ${url} (POST /v1/evaluate, GET /v1/openapi.json)`);
      resolve({ url, close: () => closeServer(server as Server) });
    }) as Server;
    // Slow clients: headers within 10 s; no socket idle for longer than the request time limit.
    server.headersTimeout = 10_000;
    server.requestTimeout = 0;
    server.setTimeout(limits.timeoutMs);
    server.on('error', reject);
    const stop = () => {
      log('SIGTERM: finishing the requests under way, then exiting');
      const force = setTimeout(() => process.exit(1), options.graceMs ?? 30_000);
      force.unref();
      closeServer(server).then(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections with no request under way would hold close() open.
    server.closeIdleConnections();
  });
}
