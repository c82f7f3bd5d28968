/**
 * `npm run bench:server`: latency of every resource of the reference server over HTTP, on
 * 1,000,000 messages, for SQLite and PostgreSQL (when DATABASE_URL is set), next to a floor
 * measured in the same run (a bare indexed count(*) over the same range), and the seeding time.
 *
 *   npm run bench:server                 seed both engines afresh, then measure
 *   npm run bench:server -- --reuse      reuse data/bench/bench.sqlite and the bench schema
 *   npm run bench:server -- --runs 30 --messages 1000000 --engine sqlite
 *
 * Requests are sequential (one at a time), each query warmed up twice, then timed `runs` times;
 * p50 and p95 over those runs. Writes the figures to data/bench/server.json as well.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addDays, localDate, startOfDay } from '../src/core/query/zoned-time.js';
import { quoteIdent } from '../server/db/postgres.js';
import { migrateSqlite, openSqlite } from '../server/db/sqlite.js';
import { progressBar } from '../server/progress.js';
import { postgresSeedInfo, seedPostgres, seedSqlite, sqliteSeedInfo } from '../server/seed.js';
import { generateSeedData, type Dataset } from '../server/sample-data.js';
import { createSqliteStore } from '../server/sqlite-pool.js';
import { createPostgresStore, type DatabaseStore } from '../server/store.js';
import { existsSync, rmSync } from 'node:fs';

const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
    messages: { type: 'string', default: '1000000' },
    engine: { type: 'string' },
  },
});
const RUNS = Number(flags.runs);
const startLoad = loadavg();
const MESSAGES = Number(flags.messages);
const WORKSPACE = 'ws_1';
const SQLITE_FILE = 'data/bench/bench.sqlite';
const PG_SCHEMA = 'msg_report_bench';
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const engines = (flags.engine ? [flags.engine] : ['sqlite', 'postgres']).filter(
  (e): e is 'sqlite' | 'postgres' => e === 'sqlite' || e === 'postgres',
);

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Figure {
  name: string;
  range: '30 d' | '365 d';
  filter: string;
  p50: number;
  p95: number;
  /** The floor for the same range (outgoing count), measured in the same run. */
  floor: number;
  aim: number;
}

let dataset: Dataset | undefined;
let generateMs = 0;
function data(): Dataset {
  if (!dataset) {
    const t0 = performance.now();
    dataset = generateSeedData({ messages: MESSAGES, dataset: { end: Math.ceil(Date.now() / 3_600_000) * 3_600_000 } });
    generateMs = performance.now() - t0;
    process.stderr.write(`generated ${dataset.messages.length.toLocaleString('en-US')} messages in ${(generateMs / 1000).toFixed(1)} s\n`);
  }
  return dataset;
}

async function openEngine(
  engine: 'sqlite' | 'postgres',
): Promise<{ store: DatabaseStore; seedMs?: number; dataEnd: number; messages: number; close(): Promise<void> }> {
  const bar = progressBar();
  if (engine === 'sqlite') {
    mkdirSync('data/bench', { recursive: true });
    let seedMs: number | undefined;
    let reuse = flags.reuse && existsSync(SQLITE_FILE);
    if (reuse) {
      const db = openSqlite(SQLITE_FILE);
      reuse = sqliteSeedInfo(db, WORKSPACE) !== undefined;
      db.close();
    }
    if (!reuse) {
      for (const f of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]) rmSync(f, { force: true });
      const d = data();
      const db = openSqlite(SQLITE_FILE);
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -262144');
      db.pragma('threads = 2');
      migrateSqlite(db);
      seedMs = seedSqlite(db, d, { workspace: WORKSPACE, onProgress: (p) => bar.update(p) }).ms;
      db.pragma('journal_mode = WAL');
      db.close();
      bar.done(
        `SQLite: seeded ${d.messages.length.toLocaleString('en-US')} messages in ${(seedMs / 1000).toFixed(1)} s (load, indexes, statistics)`,
      );
    }
    const db = openSqlite(SQLITE_FILE);
    const info = sqliteSeedInfo(db, WORKSPACE)!;
    db.close();
    const store = createSqliteStore({ file: SQLITE_FILE });
    return { store, seedMs, dataEnd: info.dataEnd, messages: info.messages, close: () => store.close() };
  }
  const store = await createPostgresStore({ connectionString: DATABASE_URL!, schema: PG_SCHEMA });
  let info = flags.reuse ? await postgresSeedInfo(store.pool, WORKSPACE) : undefined;
  let seedMs: number | undefined;
  if (!info) {
    await store.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(PG_SCHEMA)} CASCADE`);
    await store.close();
    const fresh = await createPostgresStore({ connectionString: DATABASE_URL!, schema: PG_SCHEMA });
    const d = data();
    seedMs = (await seedPostgres(fresh.pool, d, { workspace: WORKSPACE, onProgress: (p) => bar.update(p) })).ms;
    bar.done(
      `PostgreSQL: seeded ${d.messages.length.toLocaleString('en-US')} messages in ${(seedMs / 1000).toFixed(1)} s (load, indexes, vacuum + analyze)`,
    );
    info = (await postgresSeedInfo(fresh.pool, WORKSPACE))!;
    return { store: fresh, seedMs, dataEnd: info.dataEnd, messages: info.messages, close: () => fresh.close() };
  }
  return { store, seedMs, dataEnd: info.dataEnd, messages: info.messages, close: () => store.close() };
}

async function bench(engine: 'sqlite' | 'postgres') {
  const opened = await openEngine(engine);
  const { store } = opened;
  // The server runs in a process of its own (as it would in production); this one only measures.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/server-serve.ts', engine, engine === 'sqlite' ? SQLITE_FILE : PG_SCHEMA],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}/api`;

  const tz = 'America/Mexico_City';
  const last = localDate(opened.dataEnd - 1, tz);
  const rangeOf = (days: number) => ({
    from: startOfDay(addDays(last, 1 - days), tz),
    to: startOfDay(addDays(last, 1), tz),
  });

  async function get(path: string): Promise<unknown> {
    // Node's fetch keeps the connection alive between requests.
    const response = await fetch(`${base}${path}`);
    const body: unknown = await response.json();
    if (response.status !== 200) throw new Error(`${path} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  }
  async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
    await fn();
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  }

  const filters: [string, string][] = [
    ['none', ''],
    ['channel+user', '&channel=ch_1&channel=ch_3&user=u_1&user=u_5'],
    ['source', '&source=user&source=bot'],
  ];
  const figures: Figure[] = [];
  for (const [label, days] of [
    ['30 d', 30],
    ['365 d', 365],
  ] as const) {
    const { from, to } = rangeOf(days);
    const q = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&tz=${encodeURIComponent(tz)}`;
    const floor = await time(() => store.floor(WORKSPACE, 'outgoing', from, to));
    const aim = label === '30 d' ? 30 : 250;
    const add = (name: string, filter: string, t: { p50: number; p95: number }, aimFor = aim) =>
      figures.push({ name, range: label, filter, ...t, floor: floor.p50, aim: aimFor });
    add('floor: count(*) outgoing (store, no HTTP)', 'none', floor);
    for (const [filterName, filter] of filters) {
      if (filterName === 'source') {
        add(
          'breakdown outgoing by channel',
          filterName,
          await time(() => get(`/breakdown?${q}${filter}&direction=outgoing&groupBy=channel`)),
        );
        add('delivery by day', filterName, await time(() => get(`/delivery?${q}${filter}&interval=day`)));
        add('messages outgoing, first page', filterName, await time(() => get(`/messages?${q}${filter}&kind=outgoing`)), 10);
        continue;
      }
      for (const groupBy of ['channel', 'source', 'type', 'subtype']) {
        add(
          `breakdown outgoing by ${groupBy}`,
          filterName,
          await time(() => get(`/breakdown?${q}${filter}&direction=outgoing&groupBy=${groupBy}`)),
        );
      }
      add(
        'breakdown incoming by channel',
        filterName,
        await time(() => get(`/breakdown?${q}${filter}&direction=incoming&groupBy=channel`)),
      );
      add(
        'breakdown by source, compare=previous',
        filterName,
        await time(() => get(`/breakdown?${q}${filter}&direction=outgoing&groupBy=source&compare=previous`)),
      );
      add('delivery by day', filterName, await time(() => get(`/delivery?${q}${filter}&interval=day`)));
      add('delivery by day, compare=previous', filterName, await time(() => get(`/delivery?${q}${filter}&interval=day&compare=previous`)));
      if (days === 365) add('delivery by week', filterName, await time(() => get(`/delivery?${q}${filter}&interval=week`)));
      for (const kind of ['outgoing', 'incoming', 'failed']) {
        add(
          `messages ${kind}, first page (100 rows + total)`,
          filterName,
          await time(() => get(`/messages?${q}${filter}&kind=${kind}`)),
          10,
        );
      }
      const firstPage = (await get(`/messages?${q}${filter}&kind=outgoing`)) as { nextCursor: string | null };
      if (firstPage.nextCursor) {
        const cursor = encodeURIComponent(firstPage.nextCursor);
        add(
          'messages outgoing, next page (cursor)',
          filterName,
          await time(() => get(`/messages?${q}${filter}&kind=outgoing&cursor=${cursor}`)),
          10,
        );
      }
    }
  }
  const options = await time(() => get('/options/contact?q=mar&limit=50'));
  figures.push({ name: 'options contact q=mar', range: '30 d', filter: 'none', ...options, floor: 0, aim: 10 });

  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await opened.close();
  return { engine, messages: opened.messages, seedMs: opened.seedMs, figures };
}

const results = [];
for (const engine of engines) {
  if (engine === 'postgres' && !DATABASE_URL) {
    process.stderr.write('PostgreSQL: skipped (DATABASE_URL is not set)\n');
    continue;
  }
  results.push(await bench(engine));
}

const out: string[] = [];
out.push(`\nReference server over HTTP (node:http, sequential requests, ${RUNS} timed runs each after 2 warm-ups), ms`);
out.push(
  `machine: ${availableParallelism()} cores, load average at the start ${startLoad.map((l) => l.toFixed(1)).join(' ')}, at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (generateMs)
  out.push(
    `data set generation: ${(generateMs / 1000).toFixed(1)} s for ${dataset!.messages.length.toLocaleString('en-US')} messages (shared by both engines)`,
  );
for (const r of results) {
  out.push(
    `\n## ${r.engine === 'sqlite' ? 'SQLite (better-sqlite3, worker processes)' : 'PostgreSQL 15 (pg)'} — ${r.messages.toLocaleString('en-US')} messages; seeding ${r.seedMs === undefined ? 'reused (--reuse)' : `${(r.seedMs / 1000).toFixed(1)} s`}`,
  );
  out.push(
    `${'query'.padEnd(48)} ${'range'.padEnd(6)} ${'filters'.padEnd(13)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'floor'.padStart(7)} ${'aim'.padStart(5)}`,
  );
  for (const f of r.figures) {
    const aim = r.engine === 'postgres' ? f.aim * 1.5 : f.aim;
    const flag = f.p95 > aim ? ' over' : '';
    out.push(
      `${f.name.padEnd(48)} ${f.range.padEnd(6)} ${f.filter.padEnd(13)} ${ms(f.p50).padStart(7)} ${ms(f.p95).padStart(7)} ${ms(f.floor).padStart(7)} ${String(aim).padStart(5)}${flag}`,
    );
  }
}
out.push('\nfloor = p50 of a bare indexed count(*) of outgoing messages over the same range, through the store (no HTTP).');
out.push('aim = p95 target (SQLite: 30-day 30 ms, list page 10 ms, 365-day 250 ms; PostgreSQL 1.5×); "over" marks a miss.');
process.stdout.write(`${out.join('\n')}\n`);
mkdirSync('data/bench', { recursive: true });
writeFileSync('data/bench/server.json', JSON.stringify({ runs: RUNS, generateMs, results }, null, 2));
