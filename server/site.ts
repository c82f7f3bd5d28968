/**
 * What `npm start` serves on one port: the endpoint at `/api/…` (and `/healthz`), the demo page's
 * configuration at `/demo-config.json`, and the built demo page (dist-demo/) as static files.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FetchHandler } from './api/app.js';

export interface SiteOptions {
  /** The endpoint, mounted at `/api` with its health checks at `/healthz` and `/api/healthz`. */
  api: FetchHandler;
  demoDir: string;
  /** Epoch ms of the seeded data's end. */
  dataEnd: number;
  /** Whether `/api` asks for a bearer token (the page then reads one from its URL). */
  auth: boolean;
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
    c.header('Cache-Control', 'no-store');
    return c.json({ api: '/api', now: stale ? new Date(options.dataEnd - 1).toISOString() : null, auth: options.auth });
  });
  const hasDemo = existsSync(join(options.demoDir, 'index.html'));
  if (hasDemo) {
    site.use(
      '*',
      serveStatic({
        root: options.demoDir,
        onFound: (path, c) => {
          // Vite's hashed assets never change under their name; everything else is revalidated.
          const hashed = path.startsWith(join(options.demoDir, 'assets') + sep);
          c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          c.header('X-Content-Type-Options', 'nosniff');
        },
      }),
    );
  }
  site.notFound((c) => c.text(hasDemo ? 'Not found' : 'The demo page is not built: run `npm run build:demo` (npm start does it).', 404));
  return site;
}
