/**
 * The reporting endpoint (openapi.yaml) as one Hono app over a {@link ReportStore}. It is plain
 * Fetch API (`app.fetch(request)`), so the Node server (server/http.ts), any Fetch runtime and the
 * in-browser MSW mocks (mock/handlers.ts) all answer through it:
 *
 * - the tenant comes from `verifyRequest` (credentials), never from a parameter;
 * - every parameter is decoded by ./params.ts into a 400 problem+json; the URL length and the
 *   values per filter are bounded;
 * - a query cut off at its deadline answers 503 + Retry-After, a full queue 429 + Retry-After;
 * - a lost database answers 503 + Retry-After too;
 * - `/messages` cursors are signed (HMAC) and bound to their query: a forged one is a 400;
 * - `/export/messages` streams a list past its cap as CSV (./export.ts), advertised in `/capabilities`;
 * - CORS is configurable (and a dangerous configuration refused); every answer carries `nosniff`,
 *   `Referrer-Policy: no-referrer` and a CSP that forbids rendering it; every request gets an
 *   `X-Request-Id` and one JSON log line.
 */
import { Hono, type Context } from 'hono';
import { FILTER_FIELDS, type Capabilities, type MessagesParams } from '../../src/core/contract/types.js';
import { corsMiddleware, type CorsOptions } from './cors.js';
import { cursorBinding, hmacCursorSigner, openSignedCursor, randomCursorSecret, signCursor, type CursorSigner } from './cursor.js';
import { acceptsGzip, exportResponse, parseExportParams } from './export.js';
import { jsonLogger, type Logger } from './log.js';
import { parseResourceParams, type Resource } from './params.js';
import { invalidQuery, JSON_CONTENT_TYPE, problemResponse } from './problem.js';
import {
  DatabaseUnavailableError,
  DEFAULT_QUERY_TIMEOUT_MS,
  OverloadedError,
  QueryTimeoutError,
  type ReportStore,
  type RunOptions,
} from './store.js';
import { TotalsCache } from './totals.js';

/** Who is asking: the workspace every query of this request is confined to. */
export interface Principal {
  workspace: string;
}

/** A refusal: 401 (missing or expired credentials; the client refreshes once) or 403. */
export interface Refusal {
  status: 401 | 403;
  detail?: string;
  /** e.g. `WWW-Authenticate`. */
  headers?: Record<string, string>;
}

export type VerifyRequest = (request: Request) => Principal | Refusal | Promise<Principal | Refusal>;

export interface ApiOptions {
  store: ReportStore;
  verifyRequest: VerifyRequest;
  /** Path prefix the resources live under, e.g. `/api`; default `` (the root). */
  basePath?: string;
  /** Health check paths (absolute); default [`{basePath}/healthz`]. No auth; answers 200 or 503. */
  healthPaths?: readonly string[];
  cors?: CorsOptions | false;
  /** Per-query deadline, ms; default 15,000. */
  queryTimeoutMs?: number;
  /** Longest accepted URL (path + query), in characters; default 8,192. */
  maxUrlLength?: number;
  /** Most values one filter parameter may repeat; default 200. */
  maxFilterValues?: number;
  /** Default: JSON lines on the console. */
  logger?: Logger | false;
  /**
   * The secret `/messages` cursors are signed with (HMAC-SHA256; a string is taken as its UTF-8
   * bytes; at least 32 bytes). Every instance behind one load balancer needs the same one. Default:
   * a random secret for this router only — cursors then stop working when it restarts.
   */
  cursorSecret?: string | Uint8Array;
  /** Signs cursors instead of {@link cursorSecret} (a key management service, say). */
  cursorSigner?: CursorSigner;
  /**
   * Serve Data Export (`/export/messages`, advertised in `/capabilities`); default true. False for
   * a store that cannot page a list past its cap: the export answers 404 and is not advertised.
   */
  dataExport?: boolean;
}

export type FetchHandler = (request: Request) => Response | Promise<Response>;

type Env = { Variables: { requestId: string; log: Record<string, unknown> } };

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * On every answer: never sniffed into something else, never rendered as a page or framed, no
 * referrer leaked from it.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** A client's request id is echoed only when it is short printable ASCII; otherwise one is made. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

function problem(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return problemResponse(status, { detail }, { ...NO_STORE, ...headers });
}

function json(status: number, body: unknown, cacheControl: string): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': cacheControl } });
}

/** A cursor that fails its signature check: edited, signed with another secret, or from another query. */
class InvalidCursorError extends Error {
  readonly param = { name: 'cursor', reason: 'is not a cursor this endpoint issued for this query' };
}

export function createApi(options: ApiOptions): Hono<Env> {
  const { store, verifyRequest } = options;
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const maxUrlLength = options.maxUrlLength ?? 8_192;
  const maxFilterValues = options.maxFilterValues ?? 200;
  const log = options.logger === false ? () => {} : (options.logger ?? jsonLogger());
  const totals = new TotalsCache();
  const signer = options.cursorSigner ?? hmacCursorSigner(options.cursorSecret ?? randomCursorSecret());
  // Not strict: `/api/breakdown/` is `/api/breakdown`.
  const app = new Hono<Env>({ strict: false });

  app.use(async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const id = given !== undefined && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    const entry: Record<string, unknown> = { id, method: c.req.method, path: new URL(c.req.url).pathname };
    c.set('requestId', id);
    c.set('log', entry);
    await next();
    c.header('X-Request-Id', id);
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) c.header(name, value);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log({ level: c.res.status >= 500 ? 'error' : 'info', msg: 'request', ...entry, status: c.res.status, ms });
  });
  app.onError((error, c) => {
    const stack = error.stack ?? error.message;
    log({ level: 'error', msg: 'request failed', ...c.get('log'), error: stack });
    return problem(500, `Internal error; request id ${c.get('requestId')}`);
  });
  app.notFound((c) => problem(404, `No resource at ${new URL(c.req.url).pathname}`));
  if (options.cors) app.use(corsMiddleware(options.cors));

  for (const path of options.healthPaths ?? [`${base}/healthz`]) {
    app.get(path, async () => {
      try {
        await store.ping();
        return json(200, { status: 'ok', database: store.engine }, 'no-store');
      } catch (error) {
        log({ level: 'error', msg: 'health check failed', error: error instanceof Error ? error.message : String(error) });
        return json(503, { status: 'unavailable', database: store.engine }, 'no-store');
      }
    });
  }

  /** The method, the URL's length and the credentials: a refusal, or who is asking. */
  async function admit(c: Context<Env>, op: string): Promise<Response | Principal> {
    const entry = c.get('log');
    entry.op = op;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return problem(405, `${c.req.method} is not supported; use GET`, { Allow: 'GET, HEAD' });
    }
    const url = new URL(c.req.url);
    if (url.pathname.length + url.search.length > maxUrlLength) return problem(400, `The URL is longer than ${maxUrlLength} characters`);

    const verdict = await verifyRequest(c.req.raw);
    if ('status' in verdict) {
      const detail = verdict.detail ?? (verdict.status === 401 ? 'Authentication required' : 'Forbidden');
      return problem(verdict.status, detail, verdict.headers);
    }
    entry.workspace = verdict.workspace;
    return verdict;
  }

  async function answer(c: Context<Env>, resource: Resource, field?: string): Promise<Response> {
    const principal = await admit(c, resource);
    if (principal instanceof Response) return principal;
    const parsed = parseResourceParams(resource, new URL(c.req.url).searchParams, { maxFilterValues, field });
    if (!parsed.ok) return problemResponse(parsed.problem.status ?? 400, parsed.problem, NO_STORE);
    return answerOrProblem(c, async () =>
      json(200, await run(resource, principal.workspace, parsed.params, c.req.raw.signal), 'private, no-store'),
    );
  }

  /** `GET /export/messages`: the list's CSV, streamed (./export.ts). */
  async function exportMessages(c: Context<Env>): Promise<Response> {
    const principal = await admit(c, 'export');
    if (principal instanceof Response) return principal;
    const parsed = parseExportParams(new URL(c.req.url).searchParams, { maxFilterValues });
    if (!parsed.ok) return problemResponse(parsed.problem.status ?? 400, parsed.problem, NO_STORE);
    const entry = c.get('log');
    const started = performance.now();
    return answerOrProblem(c, () =>
      exportResponse({
        store,
        workspace: principal.workspace,
        params: parsed.params,
        run: { timeoutMs, signal: c.req.raw.signal },
        gzip: acceptsGzip(c.req.header('accept-encoding') ?? null),
        // The request's line is logged when the answer starts; the file's end gets a line of its own.
        onEnd: ({ rows, pages, ended, error }) => {
          const ms = Math.round(performance.now() - started);
          const failed = ended === 'error';
          log({
            level: failed ? 'error' : 'info',
            msg: 'export ended',
            id: entry.id,
            workspace: principal.workspace,
            rows,
            pages,
            ended,
            ms,
            ...(failed ? { error: error instanceof Error ? error.message : String(error) } : {}),
          });
        },
      }),
    );
  }

  /** `make()`'s answer, or the problem for what a query can fail with (timeouts, overload, a lost database…). */
  async function answerOrProblem(c: Context<Env>, make: () => Promise<Response>): Promise<Response> {
    const entry = c.get('log');
    try {
      return await make();
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        entry.timeout = true;
        return problem(503, error.message, { 'Retry-After': '5' });
      }
      if (error instanceof OverloadedError) return problem(429, error.message, { 'Retry-After': '1' });
      if (error instanceof DatabaseUnavailableError) {
        entry.unavailable = true;
        const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
        log({ level: 'error', msg: 'database unavailable', ...entry, error: cause });
        return problem(503, error.message, { 'Retry-After': '2' });
      }
      if (error instanceof InvalidCursorError) return problemResponse(400, invalidQuery([error.param]), NO_STORE);
      if (c.req.raw.signal.aborted) {
        entry.aborted = true;
        return problem(503, 'The request was aborted');
      }
      throw error;
    }
  }

  /** Runs one query; a listing's later pages reuse the total its first page counted. */
  async function run(resource: Resource, workspace: string, params: unknown, signal: AbortSignal): Promise<unknown> {
    const runOptions: RunOptions = { timeoutMs, signal };
    if (resource === 'breakdown-trend') return store.run('breakdownTrend', workspace, params as never, runOptions);
    if (resource !== 'messages') return store.run(resource, workspace, params as never, runOptions);
    let listing = params as MessagesParams;
    const binding = cursorBinding(workspace, listing);
    if (listing.cursor !== undefined) {
      // The store reads the position inside; only a cursor this router signed for this query gets there.
      const position = await openSignedCursor(signer, listing.cursor, binding);
      if (position === undefined) throw new InvalidCursorError();
      listing = { ...listing, cursor: position };
    }
    const key = TotalsCache.key(workspace, listing);
    const known = listing.cursor !== undefined ? totals.get(key) : undefined;
    if (known !== undefined) runOptions.hints = { knownTotal: known };
    const page = await store.run('messages', workspace, listing, runOptions);
    totals.set(key, page.total);
    return page.nextCursor === null ? page : { ...page, nextCursor: await signCursor(signer, page.nextCursor, binding) };
  }

  for (const resource of ['breakdown', 'delivery', 'messages', 'broadcasts', 'breakdown-trend', 'activity'] as const)
    app.all(`${base}/${resource}`, (c) => answer(c, resource));
  app.all(`${base}/delivery-breakdown`, (c) => answer(c, 'deliveryBreakdown'));
  // Data Export and the capabilities that advertise it: a block of its own (openapi.yaml).
  const dataExport = options.dataExport ?? true;
  app.all(`${base}/capabilities`, async (c) => {
    const principal = await admit(c, 'capabilities');
    if (principal instanceof Response) return principal;
    const capabilities: Capabilities = { export: { messages: dataExport } };
    return json(200, capabilities, 'private, max-age=300');
  });
  if (dataExport) app.all(`${base}/export/messages`, (c) => exportMessages(c));
  app.all(`${base}/options/:field`, (c) => {
    const field = c.req.param('field');
    // openapi.yaml: a `field` that is not a filter field is no resource at all.
    if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
      return problem(404, `No filter field at ${new URL(c.req.url).pathname}; expected one of ${FILTER_FIELDS.join(', ')}`);
    }
    return answer(c, 'options', field);
  });
  return app;
}

/** The endpoint as a Fetch handler, `(Request) => Promise<Response>`. */
export function createHandler(options: ApiOptions): FetchHandler {
  const app = createApi(options);
  return (request) => app.fetch(request);
}
