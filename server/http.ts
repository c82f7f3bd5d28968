/**
 * A node:http server around a Fetch handler (the Hono app's `fetch`), through @hono/node-server's
 * request listener, with bounded requests and a graceful shutdown: `shutdown()` stops accepting
 * connections, closes idle keep-alive sockets, lets in-flight requests finish (up to a deadline),
 * then resolves.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { FetchHandler } from './api/app.js';

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /** Longest wait for in-flight requests on shutdown; default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Requests being answered right now. */
  inFlight(): number;
  /** Resolves once in-flight requests finished (or the deadline passed); returns how many did not. */
  shutdown(): Promise<number>;
}

export async function startHttpServer(handler: FetchHandler, options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  // Bounded requests: headers (and so the URL) at most 16 KiB; a request must arrive within 30 s.
  const server = createServer({ maxHeaderSize: 16_384, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 });
  const listener = getRequestListener((request) => handler(request));
  let inFlight = 0;
  let stopping = false;
  server.on('request', (req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    // A keep-alive connection should not linger once we are stopping.
    if (stopping) res.setHeader('Connection', 'close');
    void listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  let done: Promise<number> | undefined;
  return {
    server,
    port,
    inFlight: () => inFlight,
    shutdown() {
      done ??= (async () => {
        stopping = true;
        server.close();
        server.closeIdleConnections();
        const deadline = Date.now() + (options.shutdownTimeoutMs ?? 10_000);
        while (inFlight > 0 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 10));
          server.closeIdleConnections();
        }
        const unfinished = inFlight;
        server.closeAllConnections();
        return unfinished;
      })();
      return done;
    },
  };
}
