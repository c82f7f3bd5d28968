/**
 * What an attacker, a flaky network and a crashing database tried against the server (issue 9,
 * points 1–9), each as a named test: control characters, time-zone spellings, forged cursors,
 * CORS, graceful shutdown with keep-alive clients, a lost database, what Node itself refuses,
 * symbolic links out of the static root, and the security headers. On SQLite and PostgreSQL (and
 * the reference engine behind the mocks) wherever the engine matters.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateDataset } from '../../reference/dataset/index.js';
import { createEngine } from '../../reference/engine.js';
import { engineStore } from '../../mock/engine-store.js';
import { API_SECURITY_HEADERS, createHandler } from '../../server/api/app.js';
import { DEFAULT_CORS_HEADERS } from '../../server/api/cors.js';
import { RESOURCE_PARAMS } from '../../server/api/params.js';
import { canonicalTimeZone } from '../../server/api/time-params.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../../server/api/store.js';
import { startHttpServer } from '../../server/http.js';
import { setupStore, StartupError } from '../../server/setup.js';
import { createSite, PAGE_CSP } from '../../server/site.js';
import { createPostgresStore, type DatabaseStore } from '../../server/store.js';
import { FILTER_FIELDS, ROW_CAP, type MessagesResponse, type Problem } from '../../src/core/contract/types.js';
import { httpTarget, query, referenceTarget, type Target } from './contract-suite.js';
import {
  POSTGRES_URL,
  SKIP_POSTGRES,
  startPostgresServer,
  startSqliteServer,
  type RunningServer,
  type Tenant,
} from './contract-suite-servers.js';

const END = Date.UTC(2026, 10, 26, 12);
const dataset = generateDataset({ seed: 11, end: END, months: 13, messagesPerDay: 90 });
const neighbour = generateDataset({ seed: 12, end: END, months: 2, messagesPerDay: 20 });
const tenants: Tenant[] = [
  { workspace: 'ws_1', token: 'token-1', dataset },
  { workspace: 'ws_2', token: 'token-2', dataset: neighbour },
];
const auth = { Authorization: 'Bearer token-1' };
const iso = (ms: number) => new Date(ms).toISOString();
const MONTH = { from: iso(END - 30 * 86_400_000), to: iso(END), tz: 'America/Mexico_City' };
const YEAR = { from: iso(END - 365 * 86_400_000), to: iso(END), tz: 'America/Mexico_City' };

/** A valid query for each resource, to which one bad parameter is added. */
const VALID: Record<keyof typeof RESOURCE_PARAMS, { path: string; params: Record<string, string> }> = {
  breakdown: { path: '/breakdown', params: { ...MONTH, direction: 'outgoing', groupBy: 'channel' } },
  delivery: { path: '/delivery', params: { ...MONTH, interval: 'day' } },
  deliveryBreakdown: { path: '/delivery-breakdown', params: { ...MONTH, groupBy: 'broadcast' } },
  messages: { path: '/messages', params: { ...MONTH, kind: 'outgoing' } },
  broadcasts: { path: '/broadcasts', params: { ...MONTH } },
  options: { path: '/options/contact', params: {} },
  'breakdown-trend': { path: '/breakdown-trend', params: { ...MONTH, direction: 'outgoing', groupBy: 'source', interval: 'day' } },
  activity: { path: '/activity', params: { ...MONTH, direction: 'incoming' } },
};

/** Sends raw bytes to `port`, then reads until the server closes; a reset is reported, not thrown. */
function rawExchange(port: number, text: string): Promise<{ response: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let error: string | undefined;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ response, error }));
    // All of it, then a FIN, as a client that sends a request and waits for the answer.
    socket.end(text);
  });
}

function parseRaw(response: string): { status: number; headers: Map<string, string>; body: string } {
  const end = response.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = response.slice(0, end).split('\r\n');
  const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: response.slice(end + 4) };
}

/** Runs `sql` as the postgres OS user (an administrator), as an operator would. */
function asPostgresAdmin(sql: string): string {
  return execFileSync('su', ['postgres', '-c', `psql -X -tAc "${sql.replace(/"/g, '\\"')}"`], { encoding: 'utf8' });
}

describe('server hardening (issue 9)', () => {
  let sqlite: RunningServer;
  let postgres: RunningServer | undefined;
  const targets: Target[] = [];

  before(async () => {
    sqlite = await startSqliteServer({ tenants });
    if (!SKIP_POSTGRES) postgres = await startPostgresServer({ tenants });
    targets.push(referenceTarget(dataset, { workspace: 'ws_1' }), httpTarget('SQLite server', sqlite.baseUrl, auth));
    if (postgres) targets.push(httpTarget('PostgreSQL server', postgres.baseUrl, auth));
  });
  after(async () => {
    await sqlite.close();
    await postgres?.close();
  });

  test('#1 control characters in any parameter are a 400 problem on every engine (a NUL was a 500 on PostgreSQL)', async () => {
    let sent = 0;
    for (const [resource, names] of Object.entries(RESOURCE_PARAMS) as [keyof typeof RESOURCE_PARAMS, readonly string[]][]) {
      const { path, params } = VALID[resource];
      for (const name of names) {
        for (const bad of ['a\u0000b', '\u0000', 'x\u001b[31m', 'y\u007f', '\u0085z']) {
          const search = new URLSearchParams(params);
          search.set(name, (FILTER_FIELDS as readonly string[]).includes(name) || name === 'q' ? bad : `${params[name] ?? ''}${bad}`);
          for (const target of targets) {
            const answer = await target.get(`${path}?${search.toString()}`);
            sent++;
            const what = `${target.name}: ${path} ${name}=${JSON.stringify(search.get(name))}`;
            assert.equal(answer.status, 400, `${what} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
            assert.equal(answer.contentType, 'application/problem+json', what);
            assert.deepEqual(
              (answer.body as Problem).invalidParams?.map((p) => p.name),
              [name],
              what,
            );
          }
        }
      }
    }
    assert.ok(sent > 500, `${sent} requests`);
  });

  test('#2 a time zone is canonicalised before anything caches it: every spelling, one zone', () => {
    assert.equal(canonicalTimeZone('aMeRiCa/mExIcO_cItY'), 'America/Mexico_City');
    assert.equal(canonicalTimeZone('utc'), 'UTC');
    assert.equal(canonicalTimeZone('US/Eastern'), 'America/New_York');
    assert.equal(canonicalTimeZone('Mars/Olympus_Mons'), undefined);
    assert.equal(canonicalTimeZone('+05:00'), undefined);
    assert.equal(canonicalTimeZone(`America/${'x'.repeat(100)}`), undefined);
  });

  test('#3 a forged cursor cannot page past the 10,000-row cap, on every engine', async () => {
    const params = { ...YEAR, kind: 'outgoing', limit: '1000' };
    for (const target of targets) {
      let cursor: string | undefined;
      let rows = 0;
      let last: MessagesResponse | undefined;
      for (let page = 0; page < 9; page++) {
        last = (await target.get(query('/messages', { ...params, cursor }))).body as MessagesResponse;
        rows += last.rows.length;
        cursor = last.nextCursor ?? undefined;
      }
      assert.ok(last && last.total > ROW_CAP && cursor, `${target.name}: a year has more than ${ROW_CAP} rows`);
      assert.equal(rows, 9_000);
      // The attack: the row counter set back to 1 under the old signature.
      const [position, mac] = cursor.split('.') as [string, string];
      const wire = JSON.parse(Buffer.from(position, 'base64url').toString()) as { n: number };
      assert.equal(wire.n, 9_000);
      const forged = `${Buffer.from(JSON.stringify({ ...wire, n: 1 })).toString('base64url')}.${mac}`;
      const refused = await target.get(query('/messages', { ...params, cursor: forged }));
      assert.equal(refused.status, 400, `${target.name}: the forged cursor is refused`);
      assert.deepEqual(
        (refused.body as Problem).invalidParams?.map((p) => p.name),
        ['cursor'],
      );
      // The honest cursor gives the last 1,000 rows and stops at the cap.
      const lastPage = (await target.get(query('/messages', { ...params, cursor }))).body as MessagesResponse;
      assert.equal(lastPage.rows.length, 1_000);
      assert.equal(lastPage.nextCursor, null, `${target.name}: no cursor past the cap`);
    }
  });

  test('#3 a cursor signed with another secret, or for another workspace, is a 400', async () => {
    const other = referenceTarget(dataset, { workspace: 'ws_1', cursorSecret: 'another-secret-another-secret-another-secret' });
    const params = { ...MONTH, kind: 'outgoing', limit: '5' };
    const cursor = ((await other.get(query('/messages', params))).body as MessagesResponse).nextCursor!;
    for (const target of targets) assert.equal((await target.get(query('/messages', { ...params, cursor }))).status, 400, target.name);
    // The same secret, another tenant: the cursor is bound to the workspace it was issued in.
    const mine = ((await targets[1]!.get(query('/messages', params))).body as MessagesResponse).nextCursor!;
    const neighbourTarget = httpTarget('SQLite server, ws_2', sqlite.baseUrl, { Authorization: 'Bearer token-2' });
    assert.equal((await neighbourTarget.get(query('/messages', { ...params, cursor: mine }))).status, 400);
    assert.equal((await targets[1]!.get(query('/messages', { ...params, cursor: mine }))).status, 200);
  });

  test('#3 the cursor secret: generated once and kept with the database, or CURSOR_SECRET; a short one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msg-report-secret-'));
    try {
      const file = join(dir, 'db.sqlite');
      const first = await setupStore({ sqliteFile: file, seed: { messages: 300 } });
      await first.store.close();
      const second = await setupStore({ sqliteFile: file, seed: { messages: 300 } });
      await second.store.close();
      assert.equal(second.seeded, undefined, 'the second start reuses the data');
      assert.ok(first.cursorSecret.length >= 43);
      assert.equal(second.cursorSecret, first.cursorSecret, 'the same secret on the next start');
      const given = await setupStore({ sqliteFile: file, cursorSecret: 'x'.repeat(40) });
      await given.store.close();
      assert.equal(given.cursorSecret, 'x'.repeat(40));
      await assert.rejects(setupStore({ sqliteFile: file, cursorSecret: 'short' }), (error: unknown) => {
        assert.ok(error instanceof StartupError);
        assert.match(error.message, /CURSOR_SECRET is too short: .*at least 32 bytes/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('#3 PostgreSQL: every instance on one database shares the secret it keeps', async (t) => {
    if (SKIP_POSTGRES || !POSTGRES_URL) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    const schema = `msg_report_secret_${process.pid}`;
    try {
      // Two instances starting at once on an empty schema: one seeds, both end with one secret.
      const [a, b] = await Promise.all([
        setupStore({ databaseUrl: POSTGRES_URL, postgresSchema: schema, seed: { messages: 300 } }),
        setupStore({ databaseUrl: POSTGRES_URL, postgresSchema: schema, seed: { messages: 300 } }),
      ]);
      await a.store.close();
      await b.store.close();
      assert.equal(a.cursorSecret, b.cursorSecret);
      assert.equal([a.seeded, b.seeded].filter(Boolean).length, 1, 'exactly one of them seeded');
    } finally {
      asPostgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });

  test('#4 CORS: * with credentials is refused when the router is made; preflights never echo the requested headers', async () => {
    const store = engineStore(createEngine(neighbour));
    assert.throws(
      () => createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), cors: { origins: '*', credentials: true } }),
      /any origin \(\*\) with credentials/,
    );
    assert.throws(
      () => createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), cors: { origins: ['https://a.example/'] } }),
      /is not an origin/,
    );
    for (const cors of [{ origins: ['https://host.example'], credentials: true }, { origins: '*' as const }]) {
      const handler = createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), cors, logger: false });
      const preflight = await handler(
        new Request('http://x/options/channel', {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://host.example',
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Headers': 'x-evil, authorization, cookie',
          },
        }),
      );
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-headers'), DEFAULT_CORS_HEADERS.join(','));
      assert.doesNotMatch(preflight.headers.get('access-control-allow-headers') ?? '', /evil|cookie/i);
      if (cors.origins === '*') {
        assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
        assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
      }
    }
  });

  test('#5 graceful shutdown under keep-alive load: zero connection resets, in-flight requests finish with Connection: close', async () => {
    let slow = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store: DatabaseStore = {
      engine: 'sqlite',
      async run(_op, _workspace, params) {
        // The team options wait for the gate: an answer surely in flight when the shutdown begins.
        if ((params as { field?: string }).field === 'team') await gate;
        await new Promise((resolve) => setTimeout(resolve, 2 + (slow++ % 9)));
        return { field: 'channel', options: [] } as never;
      },
      floor: () => Promise.resolve(0),
      ping: async () => {},
      close: async () => {},
    };
    const http = await startHttpServer(createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), logger: false }));
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const errors = new Map<string, number>();
    let ok = 0;
    let closing = 0;
    let stopped = false;
    const get = () =>
      new Promise<void>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port: http.port, path: '/options/channel', agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) ok++;
            if (res.headers.connection === 'close') closing++;
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          errors.set(error.code ?? error.message, (errors.get(error.code ?? error.message) ?? 0) + 1);
          resolve();
        });
        req.end();
      });
    // 32 clients, each sending its next request on its kept-alive connection as soon as the last answer came.
    const clients = Array.from({ length: 32 }, async () => {
      while (!stopped && !errors.has('ECONNREFUSED')) await get();
    });
    const held = fetch(`http://127.0.0.1:${http.port}/options/team`);
    while (ok < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    const inFlightAtShutdown = http.inFlight();
    const stopping = http.shutdown();
    release();
    const heldAnswer = await held;
    assert.equal(heldAnswer.status, 200, 'the request held across the shutdown is answered');
    assert.equal(heldAnswer.headers.get('connection'), 'close', 'and says Connection: close');
    const unfinished = await stopping;
    stopped = true;
    await Promise.all(clients);
    agent.destroy();
    const resets = [...errors].filter(([code]) => code !== 'ECONNREFUSED');
    assert.deepEqual(resets, [], `connection errors other than a refused new connection: ${JSON.stringify(resets)}`);
    assert.equal(unfinished, 0, 'every in-flight request finished');
    assert.ok(inFlightAtShutdown > 0, 'requests were in flight when the shutdown began');
    assert.ok(closing >= 32, `every kept-alive connection was told Connection: close (${closing})`);
  });

  describe('#6 a lost database answers 503 with Retry-After, never 500', () => {
    test('PostgreSQL: sessions terminated by pg_terminate_backend in the middle of queries', async (t) => {
      if (SKIP_POSTGRES) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const name = `msg-report-test-${process.pid}`;
      const server = await startPostgresServer({ tenants: tenants.slice(1), applicationName: name });
      try {
        // Every read of `teams` sleeps first: a query is surely running when its session is ended.
        await server.write('ALTER TABLE teams RENAME TO teams_data');
        await server.write('CREATE VIEW teams AS SELECT t.* FROM teams_data t CROSS JOIN (SELECT pg_sleep(1)) s');
        const get = (path: string) => fetch(`${server.baseUrl}${path}`, { headers: { Authorization: 'Bearer token-2' } });
        const slow = Array.from({ length: 4 }, () => get('/options/team'));
        const busy = Array.from({ length: 40 }, (_, i) =>
          get(query('/breakdown', { ...MONTH, direction: 'outgoing', groupBy: ['channel', 'source'][i % 2]! })),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        const killed = Number(
          asPostgresAdmin(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '${name}'`),
        );
        assert.ok(killed > 0, 'sessions were terminated');
        const answers = await Promise.all([...slow, ...busy]);
        const statuses = answers.map((r) => r.status);
        assert.ok(
          statuses.every((s) => s === 200 || s === 503),
          `only 200 or 503: ${statuses.join(' ')}`,
        );
        const unavailable = answers.filter((r) => r.status === 503);
        assert.ok(unavailable.length >= 1, 'the queries whose session ended are answered 503');
        for (const r of unavailable) {
          assert.equal(r.headers.get('retry-after'), '2');
          assert.equal(r.headers.get('content-type'), 'application/problem+json');
          assert.match(((await r.json()) as Problem).detail ?? '', /database is unavailable/);
        }
        // The pool replaces the lost sessions: the next queries are answered.
        assert.equal((await get(query('/breakdown', { ...MONTH, direction: 'outgoing', groupBy: 'channel' }))).status, 200);
      } finally {
        await server.close();
      }
    });

    test('PostgreSQL: a session ended while its connection is checked out between queries does not end the process', async (t) => {
      if (SKIP_POSTGRES || !POSTGRES_URL) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const store = await createPostgresStore({ connectionString: POSTGRES_URL, migrate: false });
      try {
        const client = await store.pool.connect();
        try {
          const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
          // The FATAL notice reaches a client the pool does not watch: an unheard 'error' would be uncaught.
          assert.equal(asPostgresAdmin(`SELECT pg_terminate_backend(${pid})`).trim(), 't');
          await new Promise((resolve) => setTimeout(resolve, 300));
        } finally {
          client.release();
        }
        assert.equal((await store.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one, 1, 'the pool serves on a new session');
      } finally {
        await store.close();
      }
    });

    test('PostgreSQL unreachable (nothing listens on its port): 503 + Retry-After on every resource, health 503', async () => {
      const url = new URL(POSTGRES_URL ?? 'postgres://u:p@127.0.0.1:5432/db');
      url.port = '1';
      const store = await createPostgresStore({ connectionString: url.toString(), migrate: false });
      try {
        await assert.rejects(store.run('options', 'w', { field: 'channel', limit: 5 }), DatabaseUnavailableError);
        const handler = createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), logger: false });
        for (const { path, params } of Object.values(VALID)) {
          const response = await handler(new Request(`http://x${query(path, params)}`));
          assert.equal(response.status, 503, path);
          assert.equal(response.headers.get('retry-after'), '2');
          assert.equal(response.headers.get('content-type'), 'application/problem+json');
        }
        assert.equal((await handler(new Request('http://x/healthz'))).status, 503);
      } finally {
        await store.close();
      }
    });

    test('the timeout message states the configured timeout, also when the wait is for a connection', async (t) => {
      if (SKIP_POSTGRES || !POSTGRES_URL) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const store = await createPostgresStore({ connectionString: POSTGRES_URL, migrate: false, poolSize: 1, queryTimeoutMs: 400 });
      try {
        // One session, held by a slow statement: the next query waits for it past its deadline.
        const held = store.pool.query('SELECT pg_sleep(0.8)').catch(() => {});
        const started = Date.now();
        await assert.rejects(store.run('options', 'w', { field: 'channel', limit: 5 }), (error: unknown) => {
          assert.ok(error instanceof QueryTimeoutError);
          assert.equal(error.message, 'The query took longer than 400 ms and was cancelled');
          return true;
        });
        assert.ok(Date.now() - started < 700, 'answered at the configured deadline');
        await held;
      } finally {
        await store.close();
      }
    });
  });

  describe('#7 what Node refuses is a problem+json with the right status, without a reset', () => {
    test('an over-long URL: 431, the whole answer read, no reset (20 KiB and 1 MiB)', async () => {
      for (const size of [20_000, 1_000_000]) {
        const { response, error } = await rawExchange(
          Number(new URL(sqlite.baseUrl).port),
          `GET /api/options/contact?q=${'x'.repeat(size)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
        );
        assert.equal(error, undefined, `${size}: no ${error}`);
        const { status, headers, body } = parseRaw(response);
        assert.equal(status, 431);
        assert.equal(headers.get('content-type'), 'application/problem+json');
        assert.equal(headers.get('connection'), 'close');
        assert.equal((JSON.parse(body) as Problem).status, 431);
      }
    });

    test('a bad Host, a missing Host, TRACE, CONNECT, garbage: problem+json', async () => {
      const port = Number(new URL(sqlite.baseUrl).port);
      const cases: [string, number][] = [
        ['GET /api/options/channel HTTP/1.1\r\nHost: a b/c\r\n\r\n', 400],
        ['GET /api/options/channel HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
        ['TRACE /api/options/channel HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 405],
        // Not a method Node's parser knows: a malformed request.
        ['TRACK /api/options/channel HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 400],
        ['CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n', 405],
        ['HELLO\r\n\r\n', 400],
      ];
      for (const [text, expected] of cases) {
        const { response, error } = await rawExchange(port, text);
        const { status, headers, body } = parseRaw(response);
        const what = JSON.stringify(text.split('\r\n')[0]);
        assert.equal(error, undefined, what);
        assert.equal(status, expected, what);
        assert.equal(headers.get('content-type'), 'application/problem+json', what);
        assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
        assert.equal((JSON.parse(body) as Problem).status, expected, what);
      }
    });

    test('GET //evil.example/api/… is no resource: 404, not /api/…', async () => {
      const port = Number(new URL(sqlite.baseUrl).port);
      for (const target of ['//evil.example/api/options/channel', '//evil.example/api/breakdown', '///api/options/channel']) {
        const { response } = await rawExchange(
          port,
          `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer token-1\r\nConnection: close\r\n\r\n`,
        );
        const { status, headers } = parseRaw(response);
        assert.equal(status, 404, target);
        assert.equal(headers.get('content-type'), 'application/problem+json', target);
      }
      // Refused before any handler sees it, even one that would answer every path (a host's
      // catch-all route, a proxy): a request target must be a path or an absolute URL.
      const catchAll = await startHttpServer((request) => new Response(new URL(request.url).pathname));
      try {
        const { response } = await rawExchange(
          catchAll.port,
          'GET //evil.example/api/breakdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
        );
        assert.equal(parseRaw(response).status, 404);
        const plain = await rawExchange(catchAll.port, 'GET /api/breakdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
        assert.equal(parseRaw(plain.response).body, '/api/breakdown');
      } finally {
        await catchAll.shutdown();
      }
    });

    test('years outside 1970–2100 are a 400 on every engine (a bucket was -000001-…)', async () => {
      const cases = [
        { from: '1969-12-25T00:00:00.000Z', to: '1970-01-05T00:00:00.000Z' },
        { from: '0000-12-25T00:00:00.000Z', to: '0001-01-05T00:00:00.000Z' },
        { from: '2100-12-28T00:00:00.000Z', to: '2101-01-02T00:00:00.000Z' },
        { from: '9999-12-25T00:00:00.000Z', to: '9999-12-30T00:00:00.000Z' },
      ];
      for (const range of cases) {
        for (const target of targets) {
          const answer = await target.get(query('/delivery', { ...range, tz: 'UTC', interval: 'week' }));
          assert.equal(answer.status, 400, `${target.name} ${range.from}`);
        }
      }
      // The edges themselves are fine.
      for (const target of targets) {
        const answer = await target.get(
          query('/delivery', { from: '1970-01-01T00:00:00.000Z', to: '1970-01-08T00:00:00.000Z', tz: 'UTC', interval: 'week' }),
        );
        assert.equal(answer.status, 200, target.name);
        assert.ok((answer.body as { series: { start: string }[] }).series.every((b) => /^19\d\d-/.test(b.start)));
      }
    });
  });

  test('#8 static files: a symbolic link out of the demo directory serves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msg-report-static-'));
    try {
      const root = join(dir, 'demo');
      mkdirSync(join(root, 'assets'), { recursive: true });
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
      writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
      writeFileSync(join(dir, 'secret.txt'), 'the secret');
      mkdirSync(join(dir, 'outside'));
      writeFileSync(join(dir, 'outside', 'x.js'), 'the secret');
      symlinkSync(join(dir, 'secret.txt'), join(root, 'leak.txt'));
      symlinkSync(join(dir, 'outside'), join(root, 'assets', 'out'));
      symlinkSync('/etc/passwd', join(root, 'passwd.txt'));
      symlinkSync(join(root, 'assets', 'app.js'), join(root, 'inside.js'));
      const site = createSite({ api: () => new Response(null, { status: 204 }), demoDir: root, dataEnd: END, auth: false });
      const get = (path: string) => site.fetch(new Request(`http://x${path}`));
      for (const path of [
        '/leak.txt',
        '/assets/out/x.js',
        '/passwd.txt',
        '/%2e%2e/secret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/.%2e/secret.txt',
      ]) {
        const response = await get(path);
        assert.equal(response.status, 404, path);
        assert.doesNotMatch(await response.text(), /the secret|root:/, path);
      }
      assert.equal((await get('/')).status, 200);
      assert.equal(await (await get('/assets/app.js')).text(), 'export {};');
      // A link that stays inside the root is fine.
      assert.equal((await get('/inside.js')).status, 200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('#9 headers: the page has the strict CSP (Trusted Types, frame-ancestors), every answer nosniff and a Referrer-Policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msg-report-headers-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
      const api = createHandler({
        store: engineStore(createEngine(neighbour)),
        basePath: '/api',
        healthPaths: ['/healthz', '/api/healthz'],
        verifyRequest: () => ({ workspace: 'w' }),
        logger: false,
      });
      const site = createSite({ api, demoDir: dir, dataEnd: END, auth: false });
      const get = (path: string) => site.fetch(new Request(`http://x${path}`));
      const page = await get('/');
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.equal(csp, PAGE_CSP);
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "require-trusted-types-for 'script'",
        'trusted-types lit-html',
      ])
        assert.ok(csp.split('; ').includes(directive), directive);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      for (const path of [
        query('/api/breakdown', { ...MONTH, direction: 'outgoing', groupBy: 'channel' }),
        '/api/breakdown',
        '/api/nope',
        '/healthz',
        '/demo-config.json',
        '/missing.js',
      ]) {
        const response = await get(path);
        for (const [name, value] of Object.entries(API_SECURITY_HEADERS))
          assert.equal(response.headers.get(name), value, `${path}: ${name}`);
      }
      // Over HTTP too, including Node's own refusals (#7 above) and the SQLite server's answers.
      const answer = await fetch(`${sqlite.baseUrl}/options/channel`, { headers: auth });
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('#2 memory stays flat under 100,000 distinct time-zone spellings', () => {
  test('heap and RSS after GC, measured in a child process', { timeout: 60_000 }, async (t) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/node/zone-spellings.child.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, out);
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as {
      requests: number;
      spellings: number;
      heapBeforeMB: number;
      heapAfterMB: number;
      rssBeforeMB: number;
      rssAfterMB: number;
      seconds: number;
    };
    t.diagnostic(JSON.stringify(result));
    assert.equal(result.spellings, 100_000);
    // Before the fix, the same run grew the heap by ~20 MB and the RSS by ~2.6 GB (a formatter per spelling).
    assert.ok(result.heapAfterMB - result.heapBeforeMB < 8, `heap grew ${result.heapAfterMB - result.heapBeforeMB} MB`);
    assert.ok(result.rssAfterMB - result.rssBeforeMB < 150, `RSS grew ${result.rssAfterMB - result.rssBeforeMB} MB`);
  });
});
