/**
 * Mounting a Fetch handler in Node's http server: IncomingMessage → Request (with an AbortSignal
 * that fires when the client goes away), Response → ServerResponse. Request bodies are never read
 * (the contract is GET only). Plus a static file handler for the built demo page.
 */
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { FetchHandler } from './handler.js';

/** A Node `request` listener that answers through `handler`. */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('The client closed the connection'));
    });
    // Discard any body: nothing here reads one, and an unread body would stall keep-alive.
    req.resume();
    const host = req.headers.host ?? 'localhost';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    }
    let request: Request;
    try {
      request = new Request(new URL(req.url ?? '/', `http://${host}`), { method: req.method, headers, signal: controller.signal });
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return;
    }
    handler(request).then(
      async (response) => {
        const outHeaders: Record<string, string | string[]> = {};
        response.headers.forEach((value, name) => {
          outHeaders[name] = value;
        });
        if (!response.body || req.method === 'HEAD') {
          res.writeHead(response.status, outHeaders).end();
          return;
        }
        if (response.headers.has('content-length')) {
          // A file: stream it.
          res.writeHead(response.status, outHeaders);
          Readable.fromWeb(response.body as WebReadableStream).pipe(res);
          return;
        }
        // A JSON answer: small, so one buffer (cheaper than bridging web streams).
        const body = Buffer.from(await response.arrayBuffer());
        outHeaders['content-length'] = String(body.length);
        res.writeHead(response.status, outHeaders).end(body);
      },
      (error) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error instanceof Error ? error.message : error));
      },
    );
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files under `root` (GET/HEAD), `index.html` for directories; `undefined` when there is no
 * such file, so the caller can answer otherwise. Never leaves `root`.
 */
export function createStaticHandler(root: string): (request: Request) => Promise<Response | undefined> {
  const base = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return undefined;
    }
    if (pathname.includes('\0')) return undefined;
    let file = resolve(join(base, normalize(pathname)));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return undefined;
    const hashed = file.startsWith(join(base, 'assets') + sep);
    const headers = {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (request.method === 'HEAD') return new Response(null, { headers });
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { headers });
  };
}
