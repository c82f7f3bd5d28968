/**
 * The reporting endpoint as a Fetch-API handler, `(Request) => Promise<Response>`: mount it in
 * Node's http server (./node.ts), Hono, Express (through a Request adapter), or any serverless
 * runtime that speaks Fetch. It implements every resource of openapi.yaml over a
 * {@link ReportStore}:
 *
 * - the tenant comes from `verifyRequest` (credentials), never from a parameter;
 * - every parameter is validated by reference/params.ts (the same code the mocks use) into a 400
 *   problem+json; URL length and filter values are bounded;
 * - each query has a deadline (503 + Retry-After when cut off); a full queue answers 429;
 * - CORS is configurable (origins, credentials); every request gets an id and one JSON log line.
 */
import { randomUUID } from 'node:crypto';
import { FILTER_FIELDS, type MessagesParams, type Problem } from '../src/core/contract/types.js';
import {
  invalidQuery,
  parseBreakdownParams,
  parseDeliveryParams,
  parseMessagesParams,
  parseOptionsParams,
  type ParseResult,
} from '../reference/params.js';
import { JSON_CONTENT_TYPE, problemResponse } from '../reference/router.js';
import { QueryTimeoutError } from './db/sql.js';
import { jsonLogger, type Logger } from './log.js';
import { DEFAULT_QUERY_TIMEOUT_MS, OverloadedError, type Operation, type Operations, type ReportStore } from './store.js';

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

export interface CorsOptions {
  /** Allowed origins: a list (exact `scheme://host[:port]`), or `*` for any. */
  origins: '*' | readonly string[];
  /** Allow cookies/credentials (never combined with a literal `*`: the origin is echoed). */
  credentials?: boolean;
  /** Preflight cache, seconds; default 600. */
  maxAgeSeconds?: number;
}

export interface HandlerOptions {
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
  logger?: Logger | false;
}

export type FetchHandler = (request: Request) => Promise<Response>;

/** A verifier for one workspace and, optionally, one static bearer token (the demo's). */
export function staticTokenAuth(options: { workspace: string; token?: string }): VerifyRequest {
  return (request) => {
    if (!options.token) return { workspace: options.workspace };
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return { status: 401, detail: 'Send Authorization: Bearer <token>', headers: { 'WWW-Authenticate': 'Bearer' } };
    if (!timingSafeEqual(match[1]!.trim(), options.token)) {
      return { status: 401, detail: 'The token is not valid', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
    }
    return { workspace: options.workspace };
  };
}

function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

interface Route {
  op: Operation;
  field?: string;
}

const RESOURCES = ['breakdown', 'delivery', 'messages'] as const;

/** Totals of listings already counted, so later pages of the same listing skip the count. */
class TotalsCache {
  private readonly entries = new Map<string, { total: number; expires: number }>();
  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 1_000,
  ) {}

  static key(workspace: string, params: MessagesParams): string {
    const filters = FILTER_FIELDS.map((f) => [...(params.filters[f] ?? [])].sort());
    return JSON.stringify([workspace, params.kind, params.from, params.to, filters]);
  }

  get(key: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.total;
  }

  set(key: string, total: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { total, expires: Date.now() + this.ttlMs });
  }
}

export function createHandler(options: HandlerOptions): FetchHandler {
  const store = options.store;
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const healthPaths = new Set(options.healthPaths ?? [`${base}/healthz`]);
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const maxUrlLength = options.maxUrlLength ?? 8_192;
  const maxFilterValues = options.maxFilterValues ?? 200;
  const log = options.logger === false ? () => {} : (options.logger ?? jsonLogger());
  const cors = options.cors || undefined;
  const totals = new TotalsCache();

  function corsHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (!cors || !origin) return {};
    const allowed = cors.origins === '*' || cors.origins.includes(origin);
    if (!allowed) return {};
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': cors.origins === '*' && !cors.credentials ? '*' : origin,
      'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
    };
    if (cors.credentials) headers['Access-Control-Allow-Credentials'] = 'true';
    if (headers['Access-Control-Allow-Origin'] !== '*') headers.Vary = 'Origin';
    return headers;
  }

  function json(status: number, body: unknown, headers: Record<string, string>, head: boolean): Response {
    return new Response(head ? null : JSON.stringify(body), { status, headers });
  }

  function problem(status: number, fields: Problem, headers: Record<string, string>, head: boolean): Response {
    const p = problemResponse(status, fields);
    return json(status, p.body, { ...p.headers, 'Cache-Control': 'no-store', ...headers }, head);
  }

  function route(path: string): Route | undefined | 'not-a-filter' {
    if (base && !(path === base || path.startsWith(`${base}/`))) return undefined;
    const rest = path.slice(base.length).replace(/\/+$/, '');
    const resource = RESOURCES.find((r) => rest === `/${r}`);
    if (resource) return { op: resource };
    const options = /^\/options\/([^/]+)$/.exec(rest);
    if (!options) return undefined;
    let field: string;
    try {
      field = decodeURIComponent(options[1]!);
    } catch {
      field = options[1]!;
    }
    return (FILTER_FIELDS as readonly string[]).includes(field) ? { op: 'options', field } : 'not-a-filter';
  }

  function parse(r: Route, params: URLSearchParams): ParseResult<unknown> {
    // Bounded before parsing: a query repeating a filter thousands of times is refused outright.
    for (const field of FILTER_FIELDS) {
      const count = params.getAll(field).length;
      if (count > maxFilterValues) {
        return {
          ok: false,
          problem: invalidQuery([{ name: field, reason: `has ${count} values; at most ${maxFilterValues} are allowed` }]),
        };
      }
    }
    switch (r.op) {
      case 'breakdown':
        return parseBreakdownParams(params);
      case 'delivery':
        return parseDeliveryParams(params);
      case 'messages':
        return parseMessagesParams(params);
      case 'options':
        return parseOptionsParams(r.field!, params);
    }
  }

  async function health(head: boolean, headers: Record<string, string>): Promise<Response> {
    try {
      await store.ping();
      return json(
        200,
        { status: 'ok', database: store.engine },
        { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
        head,
      );
    } catch (error) {
      log({ level: 'error', msg: 'health check failed', error: error instanceof Error ? error.message : String(error) });
      return json(
        503,
        { status: 'unavailable', database: store.engine },
        { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
        head,
      );
    }
  }

  async function handle(request: Request, id: string, entry: Record<string, unknown>): Promise<Response> {
    const url = new URL(request.url);
    const head = request.method === 'HEAD';
    const cross = corsHeaders(request);
    const common = { 'X-Request-Id': id, ...cross };

    if (request.method === 'OPTIONS' && cors && request.headers.get('access-control-request-method')) {
      // Preflight: only GET, with the headers a host's token getter or client may add.
      if (!cross['Access-Control-Allow-Origin']) return new Response(null, { status: 403, headers: { 'X-Request-Id': id } });
      return new Response(null, {
        status: 204,
        headers: {
          ...common,
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
          'Access-Control-Max-Age': String(cors.maxAgeSeconds ?? 600),
        },
      });
    }
    if (healthPaths.has(url.pathname) && (request.method === 'GET' || head)) return health(head, common);

    const r = route(url.pathname);
    if (r === undefined) return problem(404, { detail: `No resource at ${url.pathname}` }, common, head);
    if (r === 'not-a-filter') {
      return problem(404, { detail: `No filter field at ${url.pathname}; expected one of ${FILTER_FIELDS.join(', ')}` }, common, head);
    }
    entry.op = r.op;
    if (request.method !== 'GET' && !head) {
      return problem(405, { detail: `${request.method} is not supported; use GET` }, { ...common, Allow: 'GET, HEAD' }, head);
    }
    if (url.pathname.length + url.search.length > maxUrlLength) {
      return problem(400, { detail: `The URL is longer than ${maxUrlLength} characters` }, common, head);
    }

    const verdict = await options.verifyRequest(request);
    if ('status' in verdict) {
      return problem(
        verdict.status,
        { detail: verdict.detail ?? (verdict.status === 401 ? 'Authentication required' : 'Forbidden') },
        { ...common, ...verdict.headers },
        head,
      );
    }
    const workspace = verdict.workspace;
    entry.workspace = workspace;

    const parsed = parse(r, url.searchParams);
    if (!parsed.ok) return problem(parsed.problem.status ?? 400, parsed.problem, common, head);

    const run = { timeoutMs, signal: request.signal } as { timeoutMs: number; signal: AbortSignal; hints?: { knownTotal?: number } };
    let totalKey: string | undefined;
    if (r.op === 'messages') {
      const params = parsed.params as MessagesParams;
      totalKey = TotalsCache.key(workspace, params);
      if (params.cursor !== undefined) {
        const known = totals.get(totalKey);
        if (known !== undefined) run.hints = { knownTotal: known };
      }
    }
    try {
      const body = await store.run(r.op, workspace, parsed.params as Operations[typeof r.op]['params'], run);
      if (totalKey) totals.set(totalKey, (body as { total: number }).total);
      return json(200, body, { 'Content-Type': JSON_CONTENT_TYPE, 'Cache-Control': 'private, no-store', ...common }, head);
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        entry.timeout = true;
        return problem(503, { detail: error.message }, { ...common, 'Retry-After': '5' }, head);
      }
      if (error instanceof OverloadedError) return problem(429, { detail: error.message }, { ...common, 'Retry-After': '1' }, head);
      if (request.signal.aborted) {
        entry.aborted = true;
        return problem(503, { detail: 'The request was aborted' }, common, head);
      }
      throw error;
    }
  }

  return async (request) => {
    const started = performance.now();
    const id = request.headers.get('x-request-id')?.slice(0, 128) || randomUUID();
    const url = new URL(request.url);
    const entry: Record<string, unknown> = { id, method: request.method, path: url.pathname };
    let response: Response;
    try {
      response = await handle(request, id, entry);
    } catch (error) {
      log({
        level: 'error',
        msg: 'request failed',
        ...entry,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      response = problem(
        500,
        { detail: `Internal error; request id ${id}` },
        { 'X-Request-Id': id, ...corsHeaders(request) },
        request.method === 'HEAD',
      );
    }
    log({
      level: response.status >= 500 ? 'error' : 'info',
      msg: 'request',
      ...entry,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return response;
  };
}
