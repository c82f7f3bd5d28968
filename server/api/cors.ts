/**
 * CORS for the endpoint, on Hono's middleware: only the configured origins get CORS headers, a
 * preflight from any other origin is refused with 403 (Hono's own middleware would answer it 204
 * without headers), and only GET and HEAD are offered.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  /** Allowed origins: a list (exact `scheme://host[:port]`), or `*` for any. */
  origins: '*' | readonly string[];
  /** Allow cookies/credentials (never combined with a literal `*`: the origin is echoed). */
  credentials?: boolean;
  /** Preflight cache, seconds; default 600. */
  maxAgeSeconds?: number;
}

export function corsMiddleware(options: CorsOptions): MiddlewareHandler {
  const allowed = (origin: string | undefined): origin is string =>
    origin !== undefined && (options.origins === '*' || options.origins.includes(origin));
  const headers = cors({
    // With credentials the browser needs the origin itself, never `*`.
    origin: options.origins === '*' && !options.credentials ? '*' : (origin) => origin,
    credentials: options.credentials,
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: options.maxAgeSeconds ?? 600,
  });
  return async (c, next) => {
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (!allowed(c.req.header('origin'))) return preflight ? c.body(null, 403) : next();
    // A plain OPTIONS is no preflight: it goes to the routes (and gets a 405 there).
    if (c.req.method === 'OPTIONS' && !preflight) return next();
    return headers(c, next);
  };
}
