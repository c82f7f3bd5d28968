/**
 * docs/own-database.md, run: its SQL blocks, in order, on PostgreSQL (`DATABASE_URL`) in schemas of
 * their own, after the test data set is stored the CRM's way (its own column names, vocabularies,
 * `timestamptz`, an integer tenant, a second tenant beside it). Then the server over the page's
 * views must answer the whole contract suite as the reference engine does, use the page's indexes,
 * and `msg-report-server --no-migrate` must serve them — or refuse, in one sentence, what it cannot.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type pg from 'pg';
import { generateDataset } from '../../reference/dataset/index.js';
import type { Dataset, DatasetMessage } from '../../reference/dataset/types.js';
import { createHandler } from '../../server/api/app.js';
import { createPgPool, quoteIdent } from '../../server/db/postgres.js';
import { createPostgresStore, type PostgresStore } from '../../server/store.js';
import { query, referenceTarget, runContractSuite, TEST_CURSOR_SECRET, type Target } from './contract-suite.js';
import { NO_POSTGRES_MESSAGE, POSTGRES_URL, SKIP_POSTGRES } from './contract-suite-servers.js';

const root = new URL('../../', import.meta.url);
const suffix = `${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const CRM = `own_crm_${suffix}`;
const REPORT = `own_report_${suffix}`;

/** The page's SQL blocks, in order, with its schema names replaced by this run's. */
function pageSql(): string[] {
  const page = readFileSync(new URL('docs/own-database.md', root), 'utf8');
  return [...page.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\bcrm\b/g, CRM).replace(/\bmsg_report\b/g, REPORT));
}

const END = Date.UTC(2026, 10, 26, 12);
const dataset = generateDataset({ seed: 7, end: END, messagesPerDay: 80, hostile: true });
// A second account in the same tables, with rows whose channel, contact or agent is gone.
const neighbour = generateDataset({ seed: 8, end: END, messagesPerDay: 40, months: 14 });
for (let i = 0; i < neighbour.messages.length; i += 97) {
  const m = neighbour.messages[i]!;
  if (i % 3 === 0) m.channelId = 'ch_gone';
  else if (i % 3 === 1) m.contactId = 'c_gone';
  else if (m.userId) m.userId = 'u_gone';
}

/** The CRM's words for the contract's. */
const ORIGIN: Record<string, string> = { user: 'agent', broadcast: 'campaign', workflow: 'automation' };
const KIND: Record<string, string> = { facebook_message_tag: 'fb_tag', whatsapp_template: 'wa_template' };
const PROVIDER: Record<string, string> = { facebook: 'messenger', google_business: 'gbm' };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function messageRow(account: number, m: DatasetMessage): unknown[] {
  return [
    account,
    m.id,
    iso(m.ts),
    m.direction === 'incoming',
    m.channelId,
    m.contactId,
    m.content === '' ? null : m.content,
    m.source === null ? null : (ORIGIN[m.source] ?? m.source),
    m.type === null ? null : (KIND[m.type] ?? m.type),
    m.subtype,
    m.userId,
    m.teamId,
    m.broadcastId,
    iso(m.deliveredAt),
    iso(m.readAt),
    m.error?.code ?? null,
    m.error?.message ?? null,
  ];
}
const MESSAGE_TYPES = [
  'bigint',
  'text',
  'timestamptz',
  'boolean',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'timestamptz',
  'timestamptz',
  'text',
  'text',
];

/** `rows` into `table` through unnest(): one statement per 5,000 rows. */
async function insert(pool: pg.Pool, table: string, types: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const batch = rows.slice(i, i + 5_000);
    const columns = types.map((_, c) => batch.map((row) => row[c]));
    const unnest = types.map((type, c) => `$${c + 1}::${type}[]`).join(', ');
    await pool.query(`INSERT INTO ${CRM}.${table} SELECT * FROM unnest(${unnest})`, columns);
  }
}

/** A data set stored the CRM's way, as account `account`. */
async function load(pool: pg.Pool, account: number, data: Dataset): Promise<void> {
  await insert(
    pool,
    'channels',
    ['bigint', 'text', 'text', 'text'],
    data.channels.map((c) => [account, c.id, c.name, PROVIDER[c.kind] ?? c.kind]),
  );
  await insert(
    pool,
    'teams',
    ['bigint', 'text', 'text'],
    data.teams.map((t) => [account, t.id, t.name]),
  );
  await insert(
    pool,
    'agents',
    ['bigint', 'text', 'text', 'text'],
    data.users.map((u) => [account, u.id, u.name, u.teamId]),
  );
  await insert(
    pool,
    'contacts',
    ['bigint', 'text', 'text'],
    data.contacts.map((c) => [account, c.id, c.name]),
  );
  await insert(
    pool,
    'campaigns',
    ['bigint', 'text', 'text'],
    data.broadcasts.map((b) => [account, b.id, b.name]),
  );
  await insert(
    pool,
    'messages',
    MESSAGE_TYPES,
    data.messages.map((m) => messageRow(account, m)),
  );
}

/** The server over the views, answered in process through the router. */
function viewsTarget(store: PostgresStore, workspace: string): Target {
  const handler = createHandler({
    store,
    basePath: '/api',
    verifyRequest: () => ({ workspace }),
    logger: false,
    cursorSecret: TEST_CURSOR_SECRET,
  });
  return {
    name: 'server over docs/own-database.md views',
    async get(pathAndQuery) {
      const url = new URL(`http://views.test/api${pathAndQuery}`);
      const response = await handler(new Request(url));
      return {
        path: url.pathname.slice('/api'.length),
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.json(),
      };
    },
  };
}

/** Runs `msg-report-server` (from source) until it listens or exits; returns its URL or its stderr. */
function startCommand(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/bin.ts', '--port', '0', ...args], {
    cwd: new URL('.', root),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const outcome = new Promise<{ url: string } | { code: number | null; stderr: string }>((resolve) => {
    child.stdout.on('data', () => {
      const match = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
      if (match) resolve({ url: match[1]! });
    });
    void exited.then((code) => resolve({ code, stderr }));
  });
  return {
    outcome,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('docs/own-database.md: the report over a CRM’s own tables, through the page’s views', () => {
  let pool: pg.Pool | undefined;
  let store: PostgresStore | undefined;

  before(async () => {
    if (SKIP_POSTGRES) return;
    assert.ok(POSTGRES_URL, NO_POSTGRES_MESSAGE);
    pool = createPgPool({ connectionString: POSTGRES_URL, statementTimeoutMs: 120_000 });
    const [tables, ...mapping] = pageSql();
    await pool.query(tables!);
    await load(pool, 1, dataset);
    await load(pool, 2, neighbour);
    for (const sql of mapping) await pool.query(sql);
    await pool.query(`ANALYZE ${CRM}.messages`);
    store = await createPostgresStore({ connectionString: POSTGRES_URL, schema: REPORT, migrate: false });
  });
  after(async () => {
    await store?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS ${quoteIdent(REPORT)}, ${quoteIdent(CRM)} CASCADE`).catch(() => {});
    await pool?.end();
  });

  test('the views provide what the report reads; the bare tables do not, and the check says what is missing', async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    assert.deepEqual(await store!.checkSchema(), []);
    const bare = await createPostgresStore({ connectionString: POSTGRES_URL!, schema: CRM, migrate: false });
    try {
      const problems = await bare.checkSchema();
      assert.ok(
        problems.includes('messages has no column workspace, ts, direction, content, source, type, subtype, user_id, broadcast_id, status'),
        problems.join('\n'),
      );
      assert.ok(problems.includes('there is no table or view named message_hours'), problems.join('\n'));
    } finally {
      await bare.close();
    }
  });

  test('the contract suite: the same answers as the reference engine, every answer documented', { timeout: 300_000 }, async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    const stats = await runContractSuite(t, [referenceTarget(dataset, { workspace: '1' }), viewsTarget(store!, '1')], dataset);
    t.diagnostic(`${stats.requests} requests (${stats.pages} list pages) on ${dataset.messages.length} messages`);
    assert.ok(stats.requests > 500, `only ${stats.requests} requests`);
  });

  test('the second account answers from its own rows only', { timeout: 300_000 }, async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    const reference = referenceTarget(neighbour, { workspace: '2' });
    const views = viewsTarget(store!, '2');
    const month = { from: new Date(END - 30 * 86_400_000).toISOString(), to: new Date(END).toISOString(), tz: 'UTC' };
    for (const path of [
      query('/breakdown', { ...month, direction: 'outgoing', groupBy: 'channel' }),
      query('/delivery', { ...month, interval: 'day' }),
      query('/messages', { ...month, kind: 'outgoing', limit: '20' }),
      query('/options/contact', { q: 'a', limit: '20' }),
    ]) {
      assert.deepEqual((await views.get(path)).body, (await reference.get(path)).body, path);
    }
  });

  test('the queries use the page’s indexes', async (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    const client = await store!.pool.connect();
    const month = [END - 30 * 86_400_000, END];
    const plan = async (sql: string, params: unknown[]) =>
      (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
    try {
      // Whether an index *can* serve the query (on this small table a scan may be cheaper).
      await client.query('SET enable_seqscan = off');
      const range = `m.workspace = $1 AND m.ts >= $2 AND m.ts < $3`;
      assert.match(
        await plan(`SELECT count(*) FROM messages m WHERE ${range} AND m.direction = 'outgoing'`, ['1', ...month]),
        /messages_report_time/,
      );
      assert.match(
        await plan(`SELECT m.id FROM messages m WHERE ${range} AND m.status = 3 ORDER BY m.ts DESC, m.id DESC LIMIT 101`, ['1', ...month]),
        /messages_report_failed/,
      );
      assert.match(
        await plan(`SELECT count(*) FROM messages m WHERE ${range} AND m.direction = 'outgoing' AND m.channel_id IN ($4, $5)`, [
          '1',
          ...month,
          'ch_1',
          'ch_2',
        ]),
        /messages_report_channel/,
      );
      assert.match(
        await plan(
          `SELECT sum(h.n) FROM message_hours h WHERE h.workspace = $1 AND h.direction = 'outgoing' AND h.hour >= $2 AND h.hour < $3`,
          ['1', ...month],
        ),
        /messages_report_time/,
      );
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });

  test(
    'msg-report-server --no-migrate serves the views, and refuses in one sentence what it cannot serve',
    { timeout: 60_000 },
    async (t) => {
      if (SKIP_POSTGRES) {
        t.skip('MSG_REPORT_SKIP_POSTGRES=1');
        return;
      }
      const env = { DATABASE_URL: POSTGRES_URL!, CURSOR_SECRET: TEST_CURSOR_SECRET };
      const served = startCommand(['--schema', REPORT, '--no-migrate', '--workspace', '1'], env);
      try {
        const outcome = await served.outcome;
        assert.ok('url' in outcome, JSON.stringify(outcome));
        const path = query('/breakdown', {
          from: new Date(END - 30 * 86_400_000).toISOString(),
          to: new Date(END).toISOString(),
          tz: 'America/Mexico_City',
          direction: 'outgoing',
          groupBy: 'source',
        });
        const response = await fetch(`${outcome.url}api${path}`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), (await referenceTarget(dataset, { workspace: '1' }).get(path)).body);
      } finally {
        assert.equal(await served.stop(), 0);
      }

      const noSecret = await startCommand(['--schema', REPORT, '--no-migrate', '--workspace', '1'], {
        DATABASE_URL: POSTGRES_URL!,
        CURSOR_SECRET: '',
      }).outcome;
      assert.ok('code' in noSecret && noSecret.code === 1, JSON.stringify(noSecret));
      assert.match(noSecret.stderr, /msg-report could not start: The database has no server_secrets table .* set CURSOR_SECRET/);

      const bare = await startCommand(['--schema', CRM, '--no-migrate', '--workspace', '1'], env).outcome;
      assert.ok('code' in bare && bare.code === 1, JSON.stringify(bare));
      assert.match(
        bare.stderr,
        new RegExp(
          `msg-report could not start: Schema ${CRM} does not provide what the report reads \\(see docs/own-database.md\\): messages has no column workspace, .*; there is no table or view named message_hours`,
        ),
      );
    },
  );
});
