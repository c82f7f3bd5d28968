import { expect } from 'chai';
import { ReportClient, parseRetryAfter, type ReportClientOptions } from '../../src/core/client/client.js';
import { ReportError } from '../../src/core/client/errors.js';
import type { BreakdownParams, BreakdownResponse } from '../../src/core/contract/types.js';

const params: BreakdownParams = {
  from: '2026-11-01T06:00:00.000Z',
  to: '2026-11-08T06:00:00.000Z',
  tz: 'America/Mexico_City',
  filters: { channel: ['ch_2', 'ch_1'], source: ['user'] },
  direction: 'outgoing',
  groupBy: 'source',
};

const answer: BreakdownResponse = {
  direction: 'outgoing',
  groupBy: 'source',
  total: 3,
  groups: [{ key: 'user', label: 'User', count: 3 }],
  notApplicable: [],
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

interface Call {
  url: URL;
  init: RequestInit;
}

/** The URL a fetch was called with, whichever form it came in. */
function urlOf(input: RequestInfo | URL): URL {
  return new URL(input instanceof Request ? input.url : input);
}

/** A scripted fetch: each call takes the next reply (a Response, an Error to throw, or 'hang'). */
function scriptedFetch(...replies: (Response | Error | 'hang' | (() => Response))[]) {
  const calls: Call[] = [];
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: urlOf(input), init });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
      });
    }
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(typeof reply === 'function' ? reply() : reply.clone());
  };
  return { fetch, calls };
}

function client(fetch: typeof globalThis.fetch, options: Partial<ReportClientOptions> = {}) {
  return new ReportClient({ endpoint: 'https://reports.example/api', fetch, retryBaseMs: 1, random: () => 0, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<ReportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('expected the promise to reject');
}

describe('ReportClient', () => {
  it('builds the contract URL: every param, repeated filters, relative endpoint', async () => {
    const { fetch, calls } = scriptedFetch(json(answer));
    const relative = new ReportClient({ endpoint: '/reports/api', baseUrl: 'https://host.example/app/page', fetch });
    expect(await relative.breakdown(params)).to.deep.equal(answer);
    const url = calls[0]!.url;
    expect(url.origin + url.pathname).to.equal('https://host.example/reports/api/breakdown');
    expect(url.searchParams.get('from')).to.equal(params.from);
    expect(url.searchParams.get('to')).to.equal(params.to);
    expect(url.searchParams.get('tz')).to.equal('America/Mexico_City');
    expect(url.searchParams.getAll('channel')).to.deep.equal(['ch_1', 'ch_2']);
    expect(url.searchParams.getAll('source')).to.deep.equal(['user']);
    expect(url.searchParams.get('direction')).to.equal('outgoing');
    expect(url.searchParams.get('groupBy')).to.equal('source');
    expect(url.searchParams.has('compareFrom')).to.equal(false);
    expect(url.searchParams.has('compareTo')).to.equal(false);

    await relative.breakdown({ ...params, compareFrom: '2026-10-25T06:00:00.000Z', compareTo: '2026-10-31T16:00:00.000Z' });
    const compared = calls[1]!.url.searchParams;
    expect([compared.get('compareFrom'), compared.get('compareTo')]).to.deep.equal([
      '2026-10-25T06:00:00.000Z',
      '2026-10-31T16:00:00.000Z',
    ]);
    // Both or neither: half a period is never sent, so this is the first query again, answered from the cache.
    await relative.breakdown({ ...params, compareFrom: '2026-10-25T06:00:00.000Z' });
    expect(calls).to.have.length(2);
  });

  it('puts the option field in the path and escapes it', async () => {
    const { fetch, calls } = scriptedFetch(json({ field: 'channel', options: [] }));
    await client(fetch).options({ field: 'channel', q: 'ventas', limit: 20 });
    expect(calls[0]!.url.pathname).to.equal('/api/options/channel');
    expect(calls[0]!.url.searchParams.get('q')).to.equal('ventas');
    expect(calls[0]!.url.searchParams.get('limit')).to.equal('20');
  });

  it('refuses an endpoint that is not http(s)', () => {
    expect(() => new ReportClient({ endpoint: 'javascript:alert(1)' })).to.throw(TypeError);
  });

  it('passes the caller’s AbortSignal through to fetch', async () => {
    const { fetch, calls } = scriptedFetch('hang');
    const controller = new AbortController();
    const pending = client(fetch).breakdown(params, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    const error = await rejection(pending);
    expect(error.kind).to.equal('aborted');
    expect(calls[0]!.init.signal!.aborted).to.equal(true);
  });

  it('shares one request among identical queries, and aborts it only when every caller left', async () => {
    let release!: (response: Response) => void;
    const calls: Call[] = [];
    const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      calls.push({ url: urlOf(input), init });
      return new Promise<Response>((resolve, reject) => {
        release = resolve;
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    }) as typeof globalThis.fetch;
    const shared = client(fetch);
    const first = new AbortController();
    const second = new AbortController();
    const a = shared.breakdown(params, { signal: first.signal });
    // Same filters in another order: the same query.
    const b = shared.breakdown({ ...params, filters: { source: ['user'], channel: ['ch_1', 'ch_2'] } }, { signal: second.signal });
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls).to.have.length(1);
    first.abort();
    expect((await rejection(a)).kind).to.equal('aborted');
    expect(calls[0]!.init.signal!.aborted, 'one caller still waits').to.equal(false);
    release(json(answer));
    expect(await b).to.deep.equal(answer);

    const lone = new AbortController();
    const d = shared.breakdown({ ...params, groupBy: 'channel' }, { signal: lone.signal });
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls).to.have.length(2);
    lone.abort();
    expect((await rejection(d)).kind).to.equal('aborted');
    expect(calls[1]!.init.signal!.aborted, 'the last caller left').to.equal(true);
  });

  it('answers a repeated query from its cache until the entry expires', async () => {
    const { fetch, calls } = scriptedFetch(json(answer));
    const cached = client(fetch, { cacheTtlMs: 60_000 });
    await cached.breakdown(params);
    await cached.breakdown(params);
    expect(calls).to.have.length(1);
    const uncached = client(fetch, { cacheTtlMs: 0 });
    await uncached.breakdown(params);
    await uncached.breakdown(params);
    expect(calls).to.have.length(3);
    cached.clearCache();
    await cached.breakdown(params);
    expect(calls).to.have.length(4);
  });

  it('retries 5xx and network errors with backoff, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch(json({ title: 'Down', status: 503 }, 503), new TypeError('Failed to fetch'), json(answer));
    expect(await client(fetch).breakdown(params)).to.deep.equal(answer);
    expect(calls).to.have.length(3);
  });

  it('honours Retry-After on 429', async () => {
    const { fetch, calls } = scriptedFetch(json({ title: 'Slow down', status: 429 }, 429, { 'Retry-After': '0' }), json(answer));
    expect(await client(fetch).breakdown(params)).to.deep.equal(answer);
    expect(calls).to.have.length(2);
  });

  it('gives up at once when Retry-After exceeds the cap', async () => {
    const { fetch, calls } = scriptedFetch(json({ title: 'Slow down', status: 429 }, 429, { 'Retry-After': '3600' }));
    const error = await rejection(client(fetch).breakdown(params));
    expect(error.status).to.equal(429);
    expect(calls).to.have.length(1);
  });

  it('stops after maxRetries', async () => {
    const { fetch, calls } = scriptedFetch(json({ title: 'Boom', status: 500 }, 500));
    const error = await rejection(client(fetch, { maxRetries: 2 }).breakdown(params));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(calls).to.have.length(3);
  });

  it('never retries a 400, and parses its problem details', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid query',
      status: 400,
      detail: 'from must be before to',
      invalidParams: [{ name: 'from', reason: 'must be before to' }],
    };
    const { fetch, calls } = scriptedFetch(json(problem, 400));
    const error = await rejection(client(fetch).breakdown(params));
    expect(calls).to.have.length(1);
    expect(error.kind).to.equal('http');
    expect(error.retryable).to.equal(false);
    expect(error.problem).to.deep.equal(problem);
  });

  it('refreshes the token once after a 401', async () => {
    const tokens: boolean[] = [];
    const getToken = ({ refresh }: { refresh: boolean }) => {
      tokens.push(refresh);
      return Promise.resolve(refresh ? 'fresh' : 'stale');
    };
    const { fetch, calls } = scriptedFetch(json({ title: 'Expired', status: 401 }, 401), json(answer));
    expect(await client(fetch, { getToken }).breakdown(params)).to.deep.equal(answer);
    expect(tokens).to.deep.equal([false, true]);
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).to.equal('Bearer stale');
    expect(new Headers(calls[1]!.init.headers).get('Authorization')).to.equal('Bearer fresh');

    const again = scriptedFetch(json({ title: 'Expired', status: 401 }, 401));
    const error = await rejection(client(again.fetch, { getToken }).breakdown(params));
    expect(error.status).to.equal(401);
    expect(again.calls, 'one refresh, no loop').to.have.length(2);
  });

  it('times out a silent endpoint', async () => {
    const { fetch, calls } = scriptedFetch('hang');
    const error = await rejection(client(fetch, { timeoutMs: 20, maxRetries: 1 }).breakdown(params));
    expect(error.kind).to.equal('timeout');
    expect(calls, 'a timeout is retried').to.have.length(2);
  });

  it('ends a load that never answers at its one deadline, retries included (the load deadline)', async () => {
    // Without the deadline: four attempts of a minute each. The guard fails the test long before.
    const { fetch, calls } = scriptedFetch('hang');
    const pending = client(fetch, { deadlineMs: 200, timeoutMs: 60_000, maxRetries: 3 }).breakdown(params);
    let guard: ReturnType<typeof setTimeout> | undefined;
    const notApplied = new Promise<never>((_, reject) => {
      guard = setTimeout(() => reject(new Error('the deadline was not applied')), 5_000);
    });
    try {
      const error = await rejection(Promise.race([pending, notApplied]));
      expect(error.kind).to.equal('timeout');
      expect(calls[0]!.init.signal!.aborted, 'the attempt in flight is aborted').to.equal(true);
    } finally {
      clearTimeout(guard);
    }
  });

  it('does not wait for a retry that could only start after the deadline (the load deadline)', async () => {
    let clock = 0;
    const waits: number[] = [];
    const { fetch, calls } = scriptedFetch(json({ title: 'Down', status: 503 }, 503));
    const error = await rejection(
      client(fetch, {
        deadlineMs: 1_000,
        retryBaseMs: 400,
        maxRetries: 10,
        random: () => 1,
        now: () => clock,
        sleep: (ms) => {
          waits.push(ms);
          clock += ms;
          return Promise.resolve();
        },
      }).breakdown(params),
    );
    // 0 ms: fails, waits 400; 400 ms: fails, and 800 more would pass the deadline: the 503 is the answer.
    expect(waits).to.deep.equal([400]);
    expect(calls).to.have.length(2);
    expect(error.status).to.equal(503);
  });

  it('spreads fifty reports’ retries over the backoff window with full jitter, not in step (retry jitter)', async () => {
    /** A small seeded generator (mulberry32), one stream per client, as each page's Math.random. */
    const seeded = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const base = 1_000;
    const firstWaits = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const waits: number[] = [];
        const { fetch } = scriptedFetch(json({ title: 'Down', status: 503 }, 503), json(answer));
        const sleep = (ms: number) => {
          waits.push(ms);
          return Promise.resolve();
        };
        await client(fetch, { retryBaseMs: base, random: seeded(i + 1), sleep }).breakdown(params);
        return waits[0]!;
      }),
    );
    expect(firstWaits.every((wait) => wait >= 0 && wait <= base)).to.equal(true);
    expect(new Set(firstWaits).size, 'fifty different waits').to.be.greaterThan(45);
    // Full jitter: the waits cover the whole window, from near 0 to near the base.
    expect(Math.min(...firstWaits)).to.be.lessThan(base / 4);
    expect(Math.max(...firstWaits)).to.be.greaterThan((base * 3) / 4);
  });

  it('rejects an answer of the wrong shape at the boundary', async () => {
    const { fetch } = scriptedFetch(json({ ...answer, total: -1 }));
    const error = await rejection(client(fetch).breakdown(params));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('total');

    const notJson = scriptedFetch(new Response('<html>', { status: 200 }));
    expect((await rejection(client(notJson.fetch).breakdown(params))).kind).to.equal('invalid-response');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).to.equal(7000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', Date.parse('2026-11-26T10:00:00Z'))).to.equal(30_000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
