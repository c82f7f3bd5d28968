/**
 * CORS for the endpoint, on Hono's middleware: only the configured origins get CORS headers, a
 * preflight from any other origin is refused with 403 (Hono's own middleware would answer it 204
 * without headers), only GET and HEAD are offered, and only the listed request headers are allowed
 * (never an echo of whatever the preflight asks for).
 *
 * A configuration that would let any site read answers with the visitor's cookies — `*` with
 * credentials — is refused when the router is created ({@link corsConfigurationProblem}).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  /** Allowed origins: a list (exact `scheme://host[:port]`), or `*` for any (only without credentials). */
  origins: '*' | readonly string[];
  /** Allow cookies/credentials; needs a list of origins. */
  credentials?: boolean;
  /** Request headers a page may send besides the CORS-safelisted ones; default {@link DEFAULT_CORS_HEADERS}. */
  allowHeaders?: readonly string[];
  /** Preflight cache, seconds; default 600. */
  maxAgeSeconds?: number;
}

/** What the elements send: a bearer token, and a request id when the host sets one. */
export const DEFAULT_CORS_HEADERS: readonly string[] = ['Authorization', 'X-Request-Id'];

const ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why `options` is refused, as one sentence; `undefined` when it is acceptable. */
export function corsConfigurationProblem(options: CorsOptions): string | undefined {
  if (options.origins === '*') {
    if (options.credentials)
      return 'CORS allows any origin (*) with credentials, which would let every web site read the reports with its visitors’ cookies; list the allowed origins instead';
  } else {
    if (options.origins.length === 0) return 'CORS is configured without any origin; list at least one, or turn CORS off';
    for (const origin of options.origins) {
      if (origin === '*') return 'CORS lists * among other origins; use either * alone (without credentials) or a list of origins';
      if (!ORIGIN.test(origin))
        return `CORS origin ${JSON.stringify(origin)} is not an origin; write each as scheme://host[:port], lower case, without a path or a trailing slash (e.g. https://app.example.com)`;
    }
  }
  for (const header of options.allowHeaders ?? []) {
    if (!HEADER_NAME.test(header)) return `CORS allowed header ${JSON.stringify(header)} is not a header name`;
    if (header === '*') return 'CORS allowed headers must be listed by name, not *';
  }
  return undefined;
}

export function corsMiddleware(options: CorsOptions): MiddlewareHandler {
  const problem = corsConfigurationProblem(options);
  if (problem) throw new RangeError(problem);
  const allowed = (origin: string | undefined): origin is string =>
    origin !== undefined && (options.origins === '*' || options.origins.includes(origin));
  const headers = cors({
    // With credentials the browser needs the origin itself; only listed origins get this far.
    origin: options.origins === '*' ? '*' : (origin) => origin,
    credentials: options.credentials,
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    allowHeaders: [...(options.allowHeaders ?? DEFAULT_CORS_HEADERS)],
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
