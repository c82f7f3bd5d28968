/**
 * The server's behaviour around the contract: credentials and tenants, CORS, bounded requests,
 * methods, timeouts (503), a full queue (429), logs, health, graceful shutdown, and the CLI from
 * first start (seeding) to SIGTERM. On SQLite and, where the engine matters, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateDataset } from '../../reference/dataset/index.js';
import type { BreakdownResponse, DeliveryResponse, MessagesResponse, Problem } from '../../src/core/contract/types.js';
import { createPgPool, PostgresExecutor } from '../../server/db/postgres.js';
import { createHandler } from '../../server/api/app.js';
import { rebuildCountsSql } from '../../server/db/count-triggers.js';
import type { LogEntry } from '../../server/api/log.js';
import { QueryTimeoutError } from '../../server/api/store.js';
import { staticTokenAuth } from '../../server/auth.js';
import { startHttpServer } from '../../server/http.js';
import type { DatabaseStore } from '../../server/store.js';
import {
  NO_POSTGRES_MESSAGE,
  POSTGRES_URL,
  SKIP_POSTGRES,
  startPostgresServer,
  startSqliteServer,
  type RunningServer,
  type Tenant,
} from './contract-suite-servers.js';

const END = Date.UTC(2026, 10, 26, 12);
const tenants: Tenant[] = [
  { workspace: 'ws_a', token: 'secret-a', dataset: generateDataset({ seed: 3, end: END, months: 2, messagesPerDay: 40 }) },
  { workspace: 'ws_b', token: 'secret-b', dataset: generateDataset({ seed: 4, end: END, months: 2, messagesPerDay: 10 }) },
];
const YEAR = { from: new Date(END - 365 * 86_400_000).toISOString(), to: new Date(END).toISOString(), tz: 'America/Mexico_City' };
const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('server: credentials, limits, errors, logs', () => {
  const logs: LogEntry[] = [];
  let sqlite: RunningServer;

  before(async () => {
    sqlite = await startSqliteServer({
      tenants,
      logger: (entry) => logs.push(entry),
      handler: { cors: { origins: ['https://host.example'], credentials: true } },
    });
  });
  after(() => sqlite.close());

  test('the workspace comes from the credentials: 401 without, 403 for an unknown token, each tenant its own data', async () => {
    const url = `${sqlite.baseUrl}/breakdown?${qs({ ...YEAR, direction: 'outgoing', groupBy: 'channel' })}`;
    const none = await fetch(url);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('content-type'), 'application/problem+json');
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.equal(((await none.json()) as Problem).status, 401);
    assert.equal((await fetch(url, { headers: auth('nope') })).status, 403);
    const a = (await (await fetch(url, { headers: auth('secret-a') })).json()) as BreakdownResponse;
    const b = (await (await fetch(url, { headers: auth('secret-b') })).json()) as BreakdownResponse;
    const outgoing = (t: Tenant) => t.dataset.messages.filter((m) => m.direction === 'outgoing' && m.ts >= Date.parse(YEAR.from)).length;
    assert.equal(a.total, outgoing(tenants[0]!));
    assert.equal(b.total, outgoing(tenants[1]!));
    // A workspace parameter is just an unknown parameter: ignored.
    const sneaky = (await (await fetch(`${url}&workspace=ws_a`, { headers: auth('secret-b') })).json()) as BreakdownResponse;
    assert.equal(sneaky.total, b.total);
  });

  test('staticTokenAuth: one workspace, an optional bearer token', async () => {
    const open = staticTokenAuth({ workspace: 'w' });
    assert.deepEqual(await open(new Request('http://x/')), { workspace: 'w' });
    const locked = staticTokenAuth({ workspace: 'w', token: 't0k3n' });
    assert.equal(((await locked(new Request('http://x/'))) as { status: number }).status, 401);
    assert.equal(((await locked(new Request('http://x/', { headers: auth('wrong') }))) as { status: number }).status, 401);
    assert.deepEqual(await locked(new Request('http://x/', { headers: auth('t0k3n') })), { workspace: 'w' });
  });

  test('CORS: preflight and simple requests for allowed origins only, with credentials', async () => {
    const url = `${sqlite.baseUrl}/options/channel`;
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://host.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://host.example');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const allowed = await fetch(url, { headers: { Origin: 'https://host.example', ...auth('secret-a') } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://host.example');
    assert.equal(allowed.headers.get('vary'), 'Origin');
    const other = await fetch(url, { headers: { Origin: 'https://evil.example', ...auth('secret-a') } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const badPreflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(badPreflight.status, 403);
  });

  test('bounded requests: URL length, filter values; limit by the contract', async () => {
    const long = await fetch(`${sqlite.baseUrl}/options/contact?q=${'x'.repeat(9000)}`, { headers: auth('secret-a') });
    assert.equal(long.status, 400);
    const many = new URLSearchParams({ ...YEAR, direction: 'outgoing', groupBy: 'source' });
    for (let i = 0; i < 201; i++) many.append('contact', `c_${i}`);
    const tooMany = await fetch(`${sqlite.baseUrl}/breakdown?${many.toString()}`, { headers: auth('secret-a') });
    assert.equal(tooMany.status, 400);
    assert.deepEqual(
      ((await tooMany.json()) as Problem).invalidParams?.map((p) => p.name),
      ['contact'],
    );
    const limit = await fetch(`${sqlite.baseUrl}/messages?${qs({ ...YEAR, kind: 'outgoing', limit: '5000' })}`, {
      headers: auth('secret-a'),
    });
    assert.equal(limit.status, 400);
  });

  test('methods: HEAD answers headers only, anything but GET/HEAD is 405 with Allow', async () => {
    const url = `${sqlite.baseUrl}/options/channel`;
    const head = await fetch(url, { method: 'HEAD', headers: auth('secret-a') });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(url, { method: 'POST', headers: auth('secret-a'), body: 'x'.repeat(100_000) });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    assert.equal((await fetch(`${sqlite.baseUrl}/nope`, { headers: auth('secret-a') })).status, 404);
  });

  test('health needs no credentials', async () => {
    const response = await fetch(`${sqlite.baseUrl}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', database: 'sqlite' });
  });

  test('one JSON log entry per request, with its id, workspace, operation, status and time', async () => {
    const response = await fetch(`${sqlite.baseUrl}/options/team`, { headers: { ...auth('secret-b'), 'X-Request-Id': 'req-42' } });
    assert.equal(response.headers.get('x-request-id'), 'req-42');
    const entry = logs.find((e) => e.id === 'req-42');
    assert.ok(entry, 'logged');
    assert.equal(entry.msg, 'request');
    assert.equal(entry.level, 'info');
    assert.equal(entry.status, 200);
    assert.equal(entry.workspace, 'ws_b');
    assert.equal(entry.op, 'options');
    assert.equal(typeof entry.ms, 'number');
    assert.doesNotThrow(() => JSON.stringify(entry));
  });
});

describe('server: the message counts follow every write', () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    test(`${engine}: insert, a late read receipt, delete`, async (t) => {
      if (engine === 'postgres' && SKIP_POSTGRES) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const server =
        engine === 'sqlite'
          ? await startSqliteServer({ tenants: tenants.slice(1) })
          : await startPostgresServer({ tenants: tenants.slice(1) });
      try {
        // An hour at :30 in Kolkata: buckets there end mid-hour, so both rollup and edge counts matter.
        const range = { from: '2026-11-20T18:30:00.000Z', to: '2026-11-25T18:30:00.000Z', tz: 'Asia/Kolkata' };
        const get = async (path: string, params: Record<string, string>): Promise<unknown> =>
          (await fetch(`${server.baseUrl}${path}?${qs({ ...range, ...params })}`, { headers: auth('secret-b') })).json();
        const delivery = async () => (await get('/delivery', { interval: 'day' })) as DeliveryResponse;
        const outgoing = async () => (await get('/messages', { kind: 'outgoing', limit: '1' })) as MessagesResponse;
        const before = await delivery();
        const listBefore = await outgoing();
        const ts = Date.parse('2026-11-22T10:15:00.000Z');
        const columns = 'workspace, id, ts, direction, channel_id, contact_id, content, source, type, status';
        await server.write(`INSERT INTO messages (${columns}) VALUES (?, ?, ?, 'outgoing', 'ch_1', 'c_1', 'hola', 'api', 'session', 0)`, [
          'ws_b',
          'm_new',
          ts,
        ]);
        const afterInsert = await delivery();
        assert.equal(afterInsert.totals.total, before.totals.total + 1);
        assert.equal(afterInsert.totals.sent, before.totals.sent + 1);
        assert.equal((await outgoing()).total, listBefore.total + 1);
        // Read within 30 days: the row moves from sent to read; the CHECK refuses a wrong status.
        await assert.rejects(
          server.write(`UPDATE messages SET read_at = ? WHERE workspace = ? AND id = ?`, [ts + 60_000, 'ws_b', 'm_new']),
        );
        await server.write(`UPDATE messages SET read_at = ?, status = 2 WHERE workspace = ? AND id = ?`, [ts + 60_000, 'ws_b', 'm_new']);
        const afterRead = await delivery();
        assert.equal(afterRead.totals.read, before.totals.read + 1);
        assert.equal(afterRead.totals.delivered, before.totals.delivered + 1);
        await server.write(`DELETE FROM messages WHERE workspace = ? AND id = ?`, ['ws_b', 'm_new']);
        assert.deepEqual(await delivery(), before);
      } finally {
        await server.close();
      }
    });

    test(`${engine}: message_counts equals a rebuild from messages after inserts, updates of every counted column, and deletes`, async (t) => {
      if (engine === 'postgres' && SKIP_POSTGRES) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const server =
        engine === 'sqlite'
          ? await startSqliteServer({ tenants: tenants.slice(1) })
          : await startPostgresServer({ tenants: tenants.slice(1) });
      // Every (set of dimensions, grain, bucket, key) with a non-zero count, as sorted lines: a
      // delete leaves zeros behind.
      const counts = async () =>
        (
          await server.read(
            `SELECT dims, grain, direction, bucket, channel_id, source, type, subtype, user_id, team_id, status, n FROM message_counts ` +
              `WHERE workspace = ? AND n <> 0`,
            ['ws_b'],
          )
        )
          .map((row) => JSON.stringify(Object.values(row).map(String)))
          .sort();
      const rebuilt = async () => {
        for (const sql of rebuildCountsSql(true)) await server.write(sql, Array<string>(sql.split('?').length - 1).fill('ws_b'));
        return counts();
      };
      const same = async (step: string) => {
        const kept = await counts();
        const expected = await rebuilt();
        const missing = expected.filter((line) => !kept.includes(line));
        const extra = kept.filter((line) => !expected.includes(line));
        assert.deepEqual(
          { missing, extra },
          { missing: [], extra: [] },
          `after ${step}, the counts the triggers kept differ from a rebuild`,
        );
        assert.ok(kept.length > 0);
      };
      try {
        await same('seeding');
        // Around a 16-day edge, a day edge and an hour edge, so that an update moves rows between buckets of every grain.
        const edge = Math.floor(Date.parse('2026-11-20T00:00:00.000Z') / (16 * 86_400_000)) * 16 * 86_400_000;
        const columns = 'workspace, id, ts, direction, channel_id, contact_id, content, source, type, subtype, status, error_code';
        await server.write(
          `INSERT INTO messages (${columns}) VALUES (?, 'm_a', ?, 'outgoing', 'ch_1', 'c_1', 'a', 'api', 'whatsapp_template', 'promo', 0, NULL), ` +
            `(?, 'm_b', ?, 'outgoing', 'ch_2', 'c_1', 'b', 'user', 'session', NULL, 3, 'E1'), ` +
            `(?, 'm_c', ?, 'incoming', 'ch_gone', 'c_2', 'c', NULL, NULL, NULL, NULL, NULL), ` +
            `(?, 'm_d', ?, 'outgoing', 'ch_1', 'c_1', 'd', 'bot', 'whatsapp_template', '', 0, NULL)`,
          ['ws_b', edge - 1, 'ws_b', edge, 'ws_b', edge + 3_599_999, 'ws_b', edge - 86_400_000],
        );
        await same('inserts');
        await server.write(`UPDATE messages SET ts = ? WHERE workspace = ? AND id = 'm_a'`, [edge + 1, 'ws_b']);
        await server.write(`UPDATE messages SET channel_id = 'ch_3', source = 'workflow' WHERE workspace = ? AND id = 'm_b'`, ['ws_b']);
        await server.write(`UPDATE messages SET type = 'session', subtype = NULL WHERE workspace = ? AND id = 'm_d'`, ['ws_b']);
        await server.write(
          `UPDATE messages SET direction = 'outgoing', source = 'api', type = 'session', status = 0 WHERE workspace = ? AND id = 'm_c'`,
          ['ws_b'],
        );
        await server.write(`UPDATE messages SET read_at = ts + 1000, status = 2 WHERE workspace = ? AND id = 'm_a'`, ['ws_b']);
        await same('updates');
        await server.write(`DELETE FROM messages WHERE workspace = ? AND id IN ('m_a', 'm_b', 'm_c', 'm_d')`, ['ws_b']);
        await server.write(`DELETE FROM messages WHERE workspace = ? AND ts < ?`, ['ws_b', edge - 7 * 86_400_000]);
        await same('deletes');
      } finally {
        await server.close();
      }
    });

    test(`${engine}: subtypes without a channel filter come from the subtype set, not the full one`, async (t) => {
      if (engine === 'postgres' && SKIP_POSTGRES) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const server =
        engine === 'sqlite'
          ? await startSqliteServer({ tenants: tenants.slice(1) })
          : await startPostgresServer({ tenants: tenants.slice(1) });
      try {
        // Whole UTC hours, so that every message is read from message_counts, none at the edges.
        const range = { from: new Date(END - 40 * 86_400_000).toISOString(), to: new Date(END).toISOString(), tz: 'UTC' };
        const breakdown = async (params: Record<string, string>) => {
          const response = await fetch(
            `${server.baseUrl}/breakdown?${qs({ ...range, direction: 'outgoing', groupBy: 'subtype', ...params })}`,
            {
              headers: auth('secret-b'),
            },
          );
          const body = (await response.json()) as BreakdownResponse;
          return Object.fromEntries(body.groups.map((g) => [`${g.subtypeKind ?? ''}|${g.key}`, g.count]));
        };
        const counted = async (condition: string) =>
          Object.fromEntries(
            (
              await server.read(
                `SELECT type || '|' || subtype AS k, count(*) AS n FROM messages WHERE workspace = ? AND direction = 'outgoing' ` +
                  `AND ts >= ? AND ts < ? AND subtype IS NOT NULL${condition} GROUP BY type, subtype`,
                ['ws_b', Date.parse(range.from), Date.parse(range.to)],
              )
            ).map((row) => [String(row.k), Number(row.n)]),
          );
        const all = await counted('');
        const bySource = await counted(` AND source = 'api'`);
        assert.ok(Object.keys(all).length > 1 && Object.keys(bySource).length > 0, 'the sample has subtypes sent by the API');
        // Without the full set, a subtype breakdown still counts every message (a channel filter needs the full set).
        await server.write(`DELETE FROM message_counts WHERE workspace = ? AND dims = 0`, ['ws_b']);
        assert.deepEqual(await breakdown({}), all);
        assert.deepEqual(await breakdown({ source: 'api' }), bySource);
        assert.deepEqual(await breakdown({ channel: 'ch_1' }), {});
      } finally {
        await server.close();
      }
    });
  }
});

describe('server: timeouts and overload', () => {
  test('SQLite: a query past its deadline answers 503 with Retry-After', async () => {
    const server = await startSqliteServer({ tenants, queryTimeoutMs: 1 });
    try {
      // 366 daily buckets are 366 statements: the deadline passes long before the last one.
      const response = await fetch(
        `${server.baseUrl}/delivery?${qs({ ...YEAR, interval: 'day', compareFrom: new Date(END - 730 * 86_400_000).toISOString(), compareTo: YEAR.from })}`,
        {
          headers: auth('secret-a'),
        },
      );
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      assert.match(((await response.json()) as Problem).detail ?? '', /longer than 1 ms/);
      // The pool still answers afterwards.
      assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
    } finally {
      await server.close();
    }
  });

  test('SQLite: a full queue answers 429 with Retry-After', async () => {
    const server = await startSqliteServer({ tenants: tenants.slice(1), queueLimit: 0 });
    try {
      const response = await fetch(`${server.baseUrl}/options/channel`, { headers: auth('secret-b') });
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '1');
    } finally {
      await server.close();
    }
  });

  test('PostgreSQL: statement_timeout cancels the statement in the server, reported as a timeout', async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    assert.ok(POSTGRES_URL, NO_POSTGRES_MESSAGE);
    const pool = createPgPool({ connectionString: POSTGRES_URL, statementTimeoutMs: 50, max: 1 });
    try {
      const started = Date.now();
      await assert.rejects(new PostgresExecutor(pool, 50).all('SELECT pg_sleep(5)'), QueryTimeoutError);
      assert.ok(Date.now() - started < 3_000, 'cut off, not waited out');
      const [row] = await new PostgresExecutor(pool, 50).all<{ one: number }>('SELECT 1 AS one');
      assert.equal(row!.one, 1);
    } finally {
      await pool.end();
    }
  });

  test('PostgreSQL: health and the same 401/200 behaviour', async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    const server = await startPostgresServer({ tenants: tenants.slice(1) });
    try {
      assert.deepEqual(await (await fetch(`${server.baseUrl}/healthz`)).json(), { status: 'ok', database: 'postgres' });
      assert.equal((await fetch(`${server.baseUrl}/options/channel`)).status, 401);
      assert.equal((await fetch(`${server.baseUrl}/options/channel`, { headers: auth('secret-b') })).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('server: graceful shutdown and the CLI', () => {
  test('shutdown lets an in-flight request finish, then refuses new connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store: DatabaseStore = {
      engine: 'sqlite',
      async run() {
        await gate;
        return { field: 'channel', options: [] } as never;
      },
      floor: () => Promise.resolve(0),
      ping: async () => {},
      close: async () => {},
    };
    const handler = createHandler({ store, verifyRequest: () => ({ workspace: 'w' }), logger: false });
    const http = await startHttpServer(handler);
    const inFlight = fetch(`http://127.0.0.1:${http.port}/options/channel`);
    while (http.inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    const stopped = http.shutdown();
    // Shutting down: new connections are refused while the request in flight is still waiting.
    await assert.rejects(fetch(`http://127.0.0.1:${http.port}/options/channel`));
    release();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { field: 'channel', options: [] });
    assert.equal(await stopped, 0, 'no request left unfinished');
  });

  test(
    'npm start (server/cli.ts): seeds on first start with progress, serves, reuses the data, stops on SIGTERM',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'msg-report-cli-'));
      const start = async () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0'], {
          env: {
            ...process.env,
            DATABASE_URL: '',
            DATA_DIR: dataDir,
            SEED_MESSAGES: '3000',
            DEMO_DIR: join(dataDir, 'no-demo'),
            AUTH_TOKEN: 'cli-token',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (c: string) => (stderr += c));
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (c: string) => {
            stdout += c;
            const match = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
            if (match) resolve(match[1]!);
          });
          child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
        });
        return { child, url, out: () => stdout, err: () => stderr };
      };
      try {
        const first = await start();
        assert.match(first.err(), /seed: inserting messages 100%|inserting messages/);
        assert.match(first.err(), /Seeded [\d,]+ messages/);
        assert.equal((await fetch(`${first.url}healthz`)).status, 200);
        assert.equal((await fetch(`${first.url}api/options/channel`)).status, 401);
        const channels = await fetch(`${first.url}api/options/channel`, { headers: auth('cli-token') });
        assert.equal(channels.status, 200);
        const config = (await (await fetch(`${first.url}demo-config.json`)).json()) as { api: string };
        assert.equal(config.api, '/api');
        assert.equal((await fetch(first.url)).status, 404, 'no demo built in this test');
        const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve));
        first.child.kill('SIGTERM');
        assert.equal(await exited, 0);
        const lines = first.out().trim().split('\n');
        for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `a JSON log line: ${line}`);
        assert.ok(lines.some((l) => JSON.parse(l).msg === 'stopped'));

        const second = await start();
        assert.match(second.err(), /Using [\d,]+ seeded messages/);
        const exited2 = new Promise<number | null>((resolve) => second.child.once('exit', resolve));
        second.child.kill('SIGTERM');
        assert.equal(await exited2, 0);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
