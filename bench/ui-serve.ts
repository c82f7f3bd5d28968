/**
 * The page benchmark's server process (bench/report.ts): the reference server's endpoint at
 * `/api/…` over an already seeded SQLite file, and the benchmark pages built by Vite as static
 * files, on one free port, in a process of its own so the measuring client does not share its event
 * loop. Prints `listening <port>` on stdout.
 *
 *   node --import tsx bench/ui-serve.ts data/bench/ui.sqlite data/bench/pages
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createHandler } from '../server/api/app.js';
import { silentLogger } from '../server/api/log.js';
import { startHttpServer } from '../server/http.js';
import { createSqliteStore } from '../server/sqlite-pool.js';

const [file, pagesDir] = process.argv.slice(2);
const root = resolve(pagesDir!);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const store = createSqliteStore({ file: file! });
await store.ping();
const api = createHandler({ store, basePath: '/api', verifyRequest: () => ({ workspace: 'ws_1' }), logger: silentLogger });
const server = await startHttpServer(async (request) => {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith('/api/')) return api(request);
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(root + sep)) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(path);
    // Each run is a fresh browser context: nothing is cached between runs anyway.
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
});
process.stdout.write(`listening ${server.port}\n`);
process.on('SIGTERM', () => {
  void server
    .shutdown()
    .then(() => store.close())
    .then(() => process.exit(0));
});
