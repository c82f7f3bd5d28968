/**
 * What `npm start` serves on one port: the endpoint at `/api/…` (and `/healthz`), the demo page's
 * configuration at `/demo-config.json`, and the built demo page (dist-demo/) as static files.
 *
 * Static files are served only from inside the demo directory: the request path is resolved, and
 * then the file's real path (symbolic links followed) must still lie inside the directory's real
 * path, so a link pointing out of it serves nothing. Pages carry the strict Content-Security-Policy
 * the elements work under ({@link PAGE_CSP}), Trusted Types included, and may not be framed.
 */
import { Hono, type Context } from 'hono';
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { FetchHandler } from './api/app.js';
import { API_SECURITY_HEADERS } from './api/app.js';
import { problemResponse } from './api/problem.js';

export interface SiteOptions {
  /** The endpoint, mounted at `/api` with its health checks at `/healthz` and `/api/healthz`. */
  api: FetchHandler;
  demoDir: string;
  /** Epoch ms of the seeded data's end. */
  dataEnd: number;
  /** Whether `/api` asks for a bearer token (the page then reads one from its URL). */
  auth: boolean;
}

/**
 * The policy the demo page is served with: the one the elements are tested under
 * (test/elements/csp.test.ts) — no inline script or style, no eval, Trusted Types required with
 * Lit's policy only — plus what a page should say for itself: no framing, no `<base>`, no forms.
 * `worker-src 'self'` lets the page fall back to the mock's service worker (`?api=mock`).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Headers of every page and static file. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The real path of the file `pathname` names inside `root` (whose real path is `realRoot`), or
 * `undefined`: a path that does not decode, leaves the root (`..`, or a link pointing out of it),
 * names no regular file, or a hidden one.
 */
export async function resolveStaticFile(root: string, realRoot: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const segments = relative.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const candidate = resolve(root, ...segments);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined;
  }
  // The real path decides: a symbolic link inside the root that points out of it is refused.
  if (!real.startsWith(realRoot + sep)) return undefined;
  try {
    if (!(await stat(real)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return real;
}

export function createSite(options: SiteOptions): Hono {
  const site = new Hono();
  const api = (c: { req: { raw: Request } }) => options.api(c.req.raw);
  site.all('/healthz', api);
  site.all('/api', api);
  site.all('/api/*', api);
  site.get('/demo-config.json', (c) => {
    // The demo page reads this to use the real endpoint (instead of its in-browser mock) and to
    // count presets from the end of the seeded data when that lies in the past.
    const stale = Date.now() - options.dataEnd > 3_600_000;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    return c.json({ api: '/api', now: stale ? new Date(options.dataEnd - 1).toISOString() : null, auth: options.auth });
  });
  const root = resolve(options.demoDir);
  const hasDemo = existsSync(join(root, 'index.html'));
  const realRoot = hasDemo ? realpathSync(root) : root;
  const assets = join(realRoot, 'assets') + sep;

  const notFound = (c: Context) => {
    const detail = hasDemo ? `No file at ${c.req.path}` : 'The demo page is not built: run `npm run build:demo` (npm start does it).';
    return problemResponse(404, { detail }, { 'Cache-Control': 'no-store', ...API_SECURITY_HEADERS });
  };

  if (hasDemo) {
    site.on(['GET', 'HEAD'], '*', async (c) => {
      const file = await resolveStaticFile(root, realRoot, c.req.path);
      if (!file) return notFound(c);
      const info = await stat(file);
      const headers: Record<string, string> = {
        ...PAGE_SECURITY_HEADERS,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
        // Vite's hashed assets never change under their name; everything else is revalidated.
        'Cache-Control': file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Last-Modified': info.mtime.toUTCString(),
      };
      if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      return new Response(body, { status: 200, headers });
    });
  }
  site.notFound(notFound);
  return site;
}
