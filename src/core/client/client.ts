/**
 * The HTTP client for the reporting contract. One instance serves every element of a report:
 * identical queries share one request, answers are cached briefly, and each caller's
 * `AbortSignal` cancels only its own interest in a shared request.
 *
 * DOM-free: runs in browsers, workers and Node.
 */
import * as v from 'valibot';
import type {
  ActivityParams,
  ActivityResponse,
  BreakdownParams,
  BreakdownTrendParams,
  BreakdownTrendResponse,
  BreakdownResponse,
  BroadcastsParams,
  BroadcastsResponse,
  Capabilities,
  DeliveryBreakdownParams,
  DeliveryBreakdownResponse,
  DeliveryParams,
  DeliveryResponse,
  MessagesExportParams,
  MessagesParams,
  MessagesResponse,
  OptionsParams,
  OptionsResponse,
  Problem,
} from '../contract/types.js';
import {
  ActivityResponseSchema,
  BreakdownResponseSchema,
  BreakdownTrendResponseSchema,
  BroadcastsResponseSchema,
  CapabilitiesSchema,
  DeliveryBreakdownResponseSchema,
  DeliveryResponseSchema,
  MessagesResponseSchema,
  OptionsResponseSchema,
  ProblemSchema,
} from '../contract/schemas.js';
import type { ReportDataSource, RequestOptions } from './data-source.js';
import { parseEndpoint } from './endpoint.js';
import { ReportError } from './errors.js';
import {
  breakdownSearch,
  broadcastsSearch,
  deliveryBreakdownSearch,
  activitySearch,
  breakdownTrendSearch,
  deliverySearch,
  messagesExportSearch,
  messagesSearch,
  optionsSearch,
} from './search-params.js';
import { abortableSleep, retryDelay } from './retry.js';
import { withDeadline } from './deadline.js';
import { ShareableRequests } from './shareable-requests.js';

/**
 * Returns the bearer token to send, or nothing to send none. Called before each request;
 * `refresh: true` after a 401, once, so the host can renew an expired token.
 */
export type TokenGetter = (context: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

export interface ReportClientOptions {
  /** Base URL of the endpoint, absolute or relative to `baseUrl`. */
  endpoint: string;
  /** What a relative `endpoint` resolves against; defaults to the page's location. */
  baseUrl?: string | undefined;
  getToken?: TokenGetter | undefined;
  /** Cookie policy for `fetch`; default `same-origin`. */
  credentials?: RequestCredentials | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * The whole load's deadline: every attempt, wait and retry of one request fits in it, and the
   * request fails with a `timeout` error when it passes. Default 30 s.
   */
  deadlineMs?: number;
  /** Per-attempt timeout. Default 20 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, timeouts, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** Backoff window of the first retry, doubling each retry; each wait is random within it. Default 300 ms. */
  retryBaseMs?: number;
  /** Backoff and `Retry-After` cap. Default 10 s; a longer `Retry-After` fails at once. */
  retryMaxMs?: number;
  /** How long an answer is reused for the same query. Default 30 s; 0 disables the cache. */
  cacheTtlMs?: number;
  /** Most answers kept. Default 200. */
  cacheSize?: number;
  /** The `fetch` to use; default the global one. */
  fetch?: typeof fetch;
  /** Source of randomness for backoff jitter (tests pin it). */
  random?: () => number;
  /** The clock, in milliseconds, for the cache and the deadline; default `Date.now`. */
  now?: () => number;
  /** How the client waits between attempts; default a timer. Tests record the waits. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface CacheEntry {
  expires: number;
  value: unknown;
}

export class ReportClient implements ReportDataSource {
  readonly endpoint: URL;
  readonly #options: ReportClientOptions;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new ShareableRequests();

  /** @throws TypeError when `endpoint` is not an http(s) URL. */
  constructor(options: ReportClientOptions) {
    const endpoint = parseEndpoint(options.endpoint, options.baseUrl);
    if (!endpoint) throw new TypeError(`msg-report: endpoint "${options.endpoint}" is not an http(s) URL`);
    this.endpoint = endpoint;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  breakdown(params: BreakdownParams, options?: RequestOptions): Promise<BreakdownResponse> {
    return this.#get('breakdown', breakdownSearch(params), BreakdownResponseSchema, options);
  }

  /** `GET /breakdown-trend`: the top groups and others per time bucket. */
  breakdownTrend(params: BreakdownTrendParams, options?: RequestOptions): Promise<BreakdownTrendResponse> {
    return this.#get('breakdown-trend', breakdownTrendSearch(params), BreakdownTrendResponseSchema, options);
  }

  /** `GET /activity`: messages per weekday and local hour. */
  activity(params: ActivityParams, options?: RequestOptions): Promise<ActivityResponse> {
    return this.#get('activity', activitySearch(params), ActivityResponseSchema, options);
  }

  delivery(params: DeliveryParams, options?: RequestOptions): Promise<DeliveryResponse> {
    return this.#get('delivery', deliverySearch(params), DeliveryResponseSchema, options);
  }

  /** `GET /delivery-breakdown`: the delivery funnel per group. */
  deliveryBreakdown(params: DeliveryBreakdownParams, options?: RequestOptions): Promise<DeliveryBreakdownResponse> {
    return this.#get('delivery-breakdown', deliveryBreakdownSearch(params), DeliveryBreakdownResponseSchema, options);
  }

  /** `GET /broadcasts`: the broadcasts the query counts, for the delivery line's marks. */
  broadcasts(params: BroadcastsParams, options?: RequestOptions): Promise<BroadcastsResponse> {
    return this.#get('broadcasts', broadcastsSearch(params), BroadcastsResponseSchema, options);
  }

  messages(params: MessagesParams, options?: RequestOptions): Promise<MessagesResponse> {
    return this.#get('messages', messagesSearch(params), MessagesResponseSchema, options);
  }

  options(params: OptionsParams, options?: RequestOptions): Promise<OptionsResponse> {
    return this.#get(`options/${encodeURIComponent(params.field)}`, optionsSearch(params), OptionsResponseSchema, options);
  }

  /**
   * What the backend offers beyond the four resources (`GET /capabilities`), cached like any
   * answer. A backend without the resource (404) offers nothing more: `{}`.
   */
  async capabilities(options?: RequestOptions): Promise<Capabilities> {
    try {
      return await this.#get('capabilities', new URLSearchParams(), CapabilitiesSchema, options);
    } catch (error) {
      if (error instanceof ReportError && error.status === 404) return {};
      throw error;
    }
  }

  /**
   * The address of a list's Data Export file (`GET /export/messages`), for a link: the browser
   * then streams the file to disk itself, at any size. `undefined` when requests carry a token or
   * headers of the host's, which a link cannot send (cookies it can).
   */
  messagesExportUrl(params: MessagesExportParams): string | undefined {
    if (this.#options.getToken || Object.keys(this.#options.headers ?? {}).length > 0) return undefined;
    const url = new URL('export/messages', this.endpoint);
    url.search = messagesExportSearch(params).toString();
    return url.href;
  }

  /** Forgets every cached answer (in-flight requests carry on). */
  clearCache(): void {
    this.#cache.clear();
  }

  async #get<T>(path: string, search: URLSearchParams, schema: v.GenericSchema<unknown, T>, options: RequestOptions = {}): Promise<T> {
    const url = new URL(path, this.endpoint);
    url.search = search.toString();
    const key = url.href;
    const signal = options.signal;
    if (signal?.aborted) throw abortedError(key, signal.reason);

    const hit = this.#cache.get(key);
    if (hit && hit.expires > this.#now()) return hit.value as T;
    if (hit) this.#cache.delete(key);

    return this.#inFlight.join(key, signal, async (sharedSignal) => {
      const ms = this.#options.deadlineMs ?? 30_000;
      const deadline = this.#now() + ms;
      const value = await withDeadline(ms, sharedSignal, key, (loadSignal) => this.#fetchValidated(url, schema, loadSignal, deadline));
      this.#remember(key, value);
      return value;
    });
  }

  #remember(key: string, value: unknown): void {
    const ttl = this.#options.cacheTtlMs ?? 30_000;
    if (ttl <= 0) return;
    this.#cache.set(key, { expires: this.#now() + ttl, value });
    const size = this.#options.cacheSize ?? 200;
    // Maps iterate in insertion order, so the first key is the oldest.
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= size) break;
      this.#cache.delete(oldest);
    }
  }

  async #fetchValidated<T>(url: URL, schema: v.GenericSchema<unknown, T>, signal: AbortSignal, deadline: number): Promise<T> {
    const response = await this.#fetchWithRetries(url, signal, deadline);
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (signal.aborted) throw abortedError(url.href, signal.reason);
      throw new ReportError('invalid-response', `msg-report: ${url.pathname} did not answer JSON`, { url: url.href, cause });
    }
    const result = v.safeParse(schema, body);
    if (!result.success) {
      const where = result.issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
      throw new ReportError('invalid-response', `msg-report: ${url.pathname} answered an unexpected shape (${where.join('; ')})`, {
        url: url.href,
      });
    }
    return result.output;
  }

  /** Attempts until an answer, a failure not worth retrying, the last retry, or the `deadline` instant. */
  async #fetchWithRetries(url: URL, signal: AbortSignal, deadline: number): Promise<Response> {
    const maxRetries = this.#options.maxRetries ?? 3;
    let refreshedToken = false;
    let refreshToken = false;
    for (let attempt = 0; ;) {
      let failure: ReportError;
      let waitMs: number | undefined;
      try {
        const response = await this.#attempt(url, signal, refreshToken);
        refreshToken = false;
        if (response.ok) return response;
        if (response.status === 401 && this.#options.getToken && !refreshedToken) {
          // An expired token: ask the host for a fresh one, once, and retry at once.
          refreshedToken = true;
          refreshToken = true;
          continue;
        }
        failure = await httpError(url, response);
        if (response.status === 429) waitMs = parseRetryAfter(response.headers.get('Retry-After'));
      } catch (error) {
        if (signal.aborted) throw abortedError(url.href, signal.reason);
        failure =
          error instanceof ReportError
            ? error
            : new ReportError('network', `msg-report: ${url.pathname} could not be reached`, { url: url.href, cause: error });
      }
      if (!failure.retryable || attempt >= maxRetries) throw failure;
      const cap = this.#options.retryMaxMs ?? 10_000;
      if (waitMs !== undefined && waitMs > cap) throw failure;
      const delay = waitMs ?? retryDelay(attempt, this.#options.retryBaseMs ?? 300, cap, this.#options.random ?? Math.random);
      // A retry that could only start after the deadline would fail anyway: fail now, with the cause.
      if (this.#now() + delay >= deadline) throw failure;
      attempt += 1;
      await (this.#options.sleep ?? abortableSleep)(delay, signal).catch(() => {
        throw abortedError(url.href, signal.reason);
      });
    }
  }

  /** One request, cut off after `timeoutMs` (a `timeout` error, which is retried). */
  async #attempt(url: URL, signal: AbortSignal, refreshToken: boolean): Promise<Response> {
    const headers = new Headers(this.#options.headers);
    headers.set('Accept', 'application/json, application/problem+json');
    const token = await this.#options.getToken?.({ refresh: refreshToken });
    if (token) headers.set('Authorization', `Bearer ${token}`);

    return withDeadline(this.#options.timeoutMs ?? 20_000, signal, url.href, (attemptSignal) =>
      (this.#options.fetch ?? globalThis.fetch)(url, {
        headers,
        credentials: this.#options.credentials || 'same-origin',
        signal: attemptSignal,
      }),
    );
  }
}

function abortedError(url: string, cause: unknown): ReportError {
  return new ReportError('aborted', 'msg-report: request aborted', { url, cause });
}

async function httpError(url: URL, response: Response): Promise<ReportError> {
  let problem: Problem | undefined;
  try {
    const result = v.safeParse(ProblemSchema, await response.json());
    if (result.success) problem = result.output;
  } catch {
    // A non-JSON error body: the status alone describes it.
  }
  const detail = problem?.detail ?? problem?.title ?? response.statusText;
  return new ReportError('http', `msg-report: ${url.pathname} answered ${response.status}${detail ? ` (${detail})` : ''}`, {
    status: response.status,
    problem,
    url: url.href,
  });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; `undefined` when absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
