/**
 * A node:http server around a Fetch handler (the Hono app's `fetch`), through @hono/node-server's
 * request listener, with bounded requests, problem+json for everything Node itself refuses, and a
 * graceful shutdown.
 *
 * What Node answers before the handler sees a request — a request line or headers over 16 KiB, a
 * malformed request, a bad `Host`, `TRACE`/`TRACK`/`CONNECT`, a request target that is not a path
 * (`//evil.example/api/…`) — is answered here as problem+json with the right status, and the
 * connection is closed without a reset (what the client still sends is read and dropped first).
 *
 * `shutdown()`: stops accepting connections; every answer from then on (including those in flight
 * whose headers are not sent yet) says `Connection: close`, so no client reuses its connection; idle
 * keep-alive connections are not cut — a client may be writing a request on one at that very moment,
 * which a cut would reset — but left to end at the keep-alive timeout the server announced
 * (`Keep-Alive: timeout=5`, which clients honour), or when a request arrives on them (answered, with
 * `Connection: close`). After `shutdownTimeoutMs` whatever is left is closed.
 */
import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FetchHandler } from './api/app.js';
import { API_SECURITY_HEADERS } from './api/app.js';
import { PROBLEM_CONTENT_TYPE } from './api/problem.js';

export interface HttpServerOptions {
  port?: number;
  host?: string;
  /** Longest wait for in-flight requests and open connections on shutdown; default 10 s. */
  shutdownTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open (announced to clients); default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Largest request line + headers, bytes; default 16 KiB. */
  maxHeaderSize?: number;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Requests being answered right now. */
  inFlight(): number;
  /** Open connections (busy or idle). */
  connections(): number;
  /** Resolves once in-flight requests finished and connections closed (or the deadline passed); returns how many requests did not finish. */
  shutdown(): Promise<number>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** A complete HTTP/1.1 problem+json answer that closes the connection, as raw bytes. */
function rawProblem(status: number, detail: string, extra: Record<string, string> = {}): string {
  const body = JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail });
  const headers: Record<string, string> = {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...API_SECURITY_HEADERS,
    ...extra,
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${TITLES[status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Ends a connection after `answer` without a reset: the answer and a FIN go out, what the client
 * still sends is read and dropped (closing with unread data would send an RST, and the client
 * would see a reset instead of the answer), and the socket is destroyed after a grace period.
 */
function lingeringClose(socket: Duplex, answer: string): void {
  if (socket.destroyed) return;
  if (socket.writable) socket.end(answer);
  socket.on('data', () => {});
  socket.on('error', () => {});
  socket.resume();
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/** Methods the Fetch API cannot carry (`new Request()` throws on them): answered 405 here. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export async function startHttpServer(handler: FetchHandler, options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const maxHeaderSize = options.maxHeaderSize ?? 16_384;
  // Bounded requests: headers (and so the URL) at most 16 KiB; a request must arrive within 30 s.
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  const server = createServer({
    maxHeaderSize,
    // Node wants the header timeout above the keep-alive timeout (a request starting just before the
    // connection would idle out must still get its headers in).
    requestTimeout: Math.max(30_000, keepAliveTimeout + 2_000),
    headersTimeout: Math.max(15_000, keepAliveTimeout + 1_000),
    keepAliveTimeout,
    // Node would answer a missing Host with a bare 400; the listener below answers it as a problem.
    requireHostHeader: false,
  });
  const listener = getRequestListener((request) => handler(request), {
    // A request @hono/node-server cannot turn into a Fetch Request (a bad Host, a bad target).
    errorHandler: (error) => {
      const bad = error instanceof RequestError;
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: bad ? 'Bad Request' : 'Internal Server Error',
          status: bad ? 400 : 500,
          detail: bad ? `The request cannot be read: ${error.message}` : 'Internal error',
        }),
        {
          status: bad ? 400 : 500,
          headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...API_SECURITY_HEADERS },
        },
      );
    },
  });
  let inFlight = 0;
  let stopping = false;
  const sockets = new Set<Socket>();
  /** Answers in progress: those whose headers are not sent yet can still say `Connection: close`. */
  const active = new Set<ServerResponse>();
  const closeAfter = (res: ServerResponse) => {
    if (res.headersSent) return;
    res.setHeader('Connection', 'close');
    res.shouldKeepAlive = false;
  };

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    active.add(res);
    res.once('close', () => {
      inFlight--;
      active.delete(res);
    });
    // A keep-alive connection must not be reused once we are stopping.
    if (stopping) closeAfter(res);
    const method = req.method ?? '';
    if (FORBIDDEN_METHODS.has(method)) {
      const body = problemBody(405, `${method} is not supported; use GET`);
      res.writeHead(405, { ...problemHeaders(body), Allow: 'GET, HEAD' });
      res.end(body);
      return;
    }
    // Only a path (origin form) or an absolute URL: `//host/x` would otherwise be read as the
    // scheme-relative URL of another host and served as `/x`.
    const target = req.url ?? '';
    if (!target.startsWith('/') || target.startsWith('//')) {
      if (!/^https?:\/\/[^/]/i.test(target)) {
        const body = problemBody(404, 'No resource at this request target');
        res.writeHead(404, problemHeaders(body));
        res.end(body);
        return;
      }
    }
    void listener(req, res);
  });

  // Requests Node refuses before any listener sees them.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if ((socket as Duplex & { msgReportRefused?: boolean }).msgReportRefused) return;
    (socket as Duplex & { msgReportRefused?: boolean }).msgReportRefused = true;
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawProblem(431, `The request line and headers exceed ${maxHeaderSize} bytes`)
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawProblem(408, 'The request did not arrive in time')
          : rawProblem(400, 'The request is not valid HTTP/1.1');
    lingeringClose(socket, answer);
  });
  // CONNECT (a proxy tunnel) is not a request this server answers.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    lingeringClose(socket, rawProblem(405, 'CONNECT is not supported; use GET', { Allow: 'GET, HEAD' }));
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
    connections: () => sockets.size,
    shutdown() {
      done ??= (async () => {
        stopping = true;
        // Stop accepting connections. Not `server.close()`: since Node 19 that also cuts idle
        // keep-alive connections at once, resetting any request a client is sending on one.
        NetServer.prototype.close.call(server);
        for (const res of active) closeAfter(res);
        const deadline = Date.now() + (options.shutdownTimeoutMs ?? 10_000);
        while ((inFlight > 0 || sockets.size > 0) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const unfinished = inFlight;
        server.closeAllConnections();
        server.close();
        return unfinished;
      })();
      return done;
    },
  };
}

function problemHeaders(body: string): Record<string, string> {
  return {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...API_SECURITY_HEADERS,
  };
}

function problemBody(status: number, detail: string): string {
  return JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail });
}
