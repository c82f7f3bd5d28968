/**
 * The SQLite pool's deadline where it is hardest to keep: inside ONE statement. The `teams` lookup
 * is replaced by a view whose every read first runs a recursive CTE for several seconds, so the
 * team options are a single statement that overruns any deadline; the worker's own check (before
 * each statement) cannot help, only killing its process can.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateDataset } from '../../reference/dataset/index.js';
import type { OptionsResponse, Problem } from '../../src/core/contract/types.js';
import { OverloadedError, QueryTimeoutError } from '../../server/api/store.js';
import { migrateSqlite, openSqlite } from '../../server/db/sqlite.js';
import { seedSqlite } from '../../server/seed.js';
import { createSqliteStore } from '../../server/sqlite-pool.js';
import { startSqliteServer, type RunningServer, type Tenant } from './contract-suite-servers.js';

const END = Date.UTC(2026, 10, 26, 12);
const tenants: Tenant[] = [
  { workspace: 'ws_a', token: 'secret-a', dataset: generateDataset({ seed: 3, end: END, months: 1, messagesPerDay: 20 }) },
];
const auth = { Authorization: 'Bearer secret-a' };

/** Every read of `teams` counts to 50 million first: about 10 s of one statement on these machines. */
const SLOW_TEAMS = [
  'ALTER TABLE teams RENAME TO teams_data',
  `CREATE VIEW teams AS SELECT t.* FROM teams_data t,
     (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT max(i) AS spun FROM n) spin
   WHERE spin.spun > 0`,
];

/** The process ids of this process's Node children: the pool's workers (not tsx's esbuild, not ps). */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command === 'node')
    .map(([pid]) => Number(pid));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('SQLite pool: a statement that overruns its deadline', () => {
  let server: RunningServer;
  const timeoutMs = 500;

  before(async () => {
    server = await startSqliteServer({ tenants, queryTimeoutMs: timeoutMs });
    for (const sql of SLOW_TEAMS) await server.write(sql);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200, 'the pool is up');
  });
  after(() => server.close());

  test('is answered 503 with Retry-After at the deadline, its worker process is killed, and the pool keeps serving', async () => {
    const workersBefore = workerPids();
    assert.equal(workersBefore.length, 2, `two worker processes: ${workersBefore.join(', ')}`);

    const started = Date.now();
    const response = await fetch(`${server.baseUrl}/options/team`, { headers: auth });
    const elapsed = Date.now() - started;
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.match(((await response.json()) as Problem).detail ?? '', new RegExp(`longer than ${timeoutMs} ms`));
    // Answered near the deadline, not when the ~10 s statement would have ended: a bound half
    // the statement's length, so that a busy machine cannot make it flake.
    assert.ok(elapsed < 5_000, `answered after ${elapsed} ms`);

    // The process that ran the statement is gone (a terminated thread would keep running it).
    const killed = await waitFor(() => workersBefore.some((pid) => !alive(pid)), 2_000);
    assert.ok(killed, 'one of the worker processes was killed');

    const channels = await fetch(`${server.baseUrl}/options/channel`, { headers: auth });
    assert.equal(channels.status, 200);
    assert.ok(((await channels.json()) as OptionsResponse).options.length > 0);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
    assert.ok(await waitFor(() => workerPids().length === 2, 5_000), 'the killed worker was replaced');
  });
});

describe('SQLite pool: the queue', () => {
  let dir: string;
  let file: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'msg-report-pool-'));
    file = join(dir, 'pool.sqlite');
    const db = openSqlite(file);
    try {
      migrateSqlite(db);
      seedSqlite(db, tenants[0]!.dataset, { workspace: 'ws_a' });
      for (const sql of SLOW_TEAMS) db.exec(sql);
    } finally {
      db.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a waiting job whose client has gone is dropped at once, freeing its place', async () => {
    const store = createSqliteStore({ file, workers: 1, queueLimit: 1, queryTimeoutMs: 300 });
    try {
      await store.ping();
      const slowTeams = (signal?: AbortSignal) => store.run('options', 'ws_a', { field: 'team', limit: 50 }, { signal });
      const running = assert.rejects(slowTeams(), QueryTimeoutError);
      const client = new AbortController();
      const waiting = slowTeams(client.signal);
      client.abort(new Error('the client left'));
      await assert.rejects(waiting, /the client left/);
      // Its place in the queue is free again: the next job waits instead of being refused.
      await assert.rejects(slowTeams(), QueryTimeoutError);
      await running;
    } finally {
      await store.close();
    }
  });

  test('one job runs, one waits, the next is refused; the running and the waiting one time out', async () => {
    const store = createSqliteStore({ file, workers: 1, queueLimit: 1, queryTimeoutMs: 300 });
    try {
      await store.ping();
      const slowTeams = () => store.run('options', 'ws_a', { field: 'team', limit: 50 });
      const running = assert.rejects(slowTeams(), QueryTimeoutError);
      const waiting = assert.rejects(slowTeams(), QueryTimeoutError);
      await assert.rejects(slowTeams(), OverloadedError);
      await Promise.all([running, waiting]);
      // Past its own 300 ms: the replacement process takes longer than that to start.
      const channels = await store.run('options', 'ws_a', { field: 'channel', limit: 50 }, { timeoutMs: 5_000 });
      assert.ok(channels.options.length > 0, 'the pool serves again');
    } finally {
      await store.close();
    }
  });
});

describe('SQLite pool: a worker process that dies', () => {
  let server: RunningServer;

  before(async () => {
    server = await startSqliteServer({ tenants, queryTimeoutMs: 20_000 });
    for (const sql of SLOW_TEAMS) await server.write(sql);
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200, 'the pool is up');
  });
  after(() => server.close());

  test('#6 a worker killed in the middle of a query: 503 with Retry-After (not 500), and the pool serves on', async () => {
    const workers = workerPids();
    assert.equal(workers.length, 2, `two worker processes: ${workers.join(', ')}`);
    const pending = fetch(`${server.baseUrl}/options/team`, { headers: auth });
    // The statement runs for seconds; kill both processes while it does (as the OOM killer might).
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const pid of workers) process.kill(pid, 'SIGKILL');
    const response = await pending;
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.match(((await response.json()) as Problem).detail ?? '', /database is unavailable/);
    assert.ok(await waitFor(() => workerPids().length === 2, 10_000), 'the killed workers were replaced');
    const statuses: number[] = [];
    const deadline = Date.now() + 10_000;
    while (statuses.at(-1) !== 200 && Date.now() < deadline) {
      statuses.push((await fetch(`${server.baseUrl}/options/channel`, { headers: auth })).status);
      if (statuses.at(-1) !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(statuses.at(-1), 200, `the pool serves again: ${statuses.join(' ')}`);
  });
});
