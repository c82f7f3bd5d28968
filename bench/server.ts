/**
 * `npm run bench:server`: latency of the reference server's queries over HTTP, SQLite and
 * PostgreSQL (when DATABASE_URL is set) side by side, each figure beside its floor.
 *
 *   npm run bench:server                         1,000,000 messages: seed both engines, then measure
 *   npm run bench:server -- --reuse              reuse the seeded data (data/bench/, schema msg_report_bench)
 *   npm run bench:server -- --messages 10000000  the same at 10 M (not in CI; ≈ 5 GB of SQLite, 9 GB of PostgreSQL)
 *   npm run bench:server -- --runs 50 --engine sqlite
 *
 * - **One at a time**: every query warmed up, then timed `--runs` times (default 50), p50 and p95.
 *   With both engines the samples alternate (SQLite, PostgreSQL, SQLite, …) so that both see the
 *   same machine, and the PostgreSQL / SQLite ratio is taken from the same run.
 * - **Six at once**: the six requests `<msg-messages-report>` sends on load (both breakdowns with
 *   the previous period, the delivery line, the three lists), sent together `--runs` times: p50 and
 *   p95 of the whole batch and of each request in it, beside the same six one at a time.
 * - **The floor** of each query: a bare `GROUP BY` over the same messages on the message table
 *   (its grouping, or the status for the delivery line, or the count for a list), run in the store
 *   without HTTP (p50 of 11 runs): what answering from the messages themselves costs at least.
 * - **Scale**: figures go to data/bench/server-<messages>.json; when a run at another size exists
 *   (say 1 M and 10 M), the growth of every query between the two is printed too.
 *
 * - **Data Export** (SQLite): 1,000,000 rows in one request, time, rows/s and the server's peak
 *   memory beside 100,000 rows (bench/export.ts, run last).
 *
 * Each server runs in a process of its own (bench/server-serve.ts); this one only measures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import type { Filters } from '../src/core/contract/types.js';
import { addDays, localDate, startOfDay } from '../src/core/query/zoned-time.js';
import { quoteIdent } from '../server/db/postgres.js';
import { ensureSqliteRollup, migrateSqlite, openSqlite } from '../server/db/sqlite.js';
import { progressBar } from '../server/progress.js';
import type { FloorQuery } from '../server/report.js';
import { generateSeedData, type Dataset } from '../server/sample-data.js';
import { postgresSeedInfo, seedPostgres, seedSqlite, sqliteSeedInfo } from '../server/seed.js';
import { createSqliteStore } from '../server/sqlite-pool.js';
import { createPostgresStore, type DatabaseStore, type PostgresStore } from '../server/store.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    runs: { type: 'string', default: '50' },
    messages: { type: 'string', default: '1000000' },
    engine: { type: 'string' },
    only: { type: 'string' },
  },
});
const RUNS = Number(flags.runs);
const MESSAGES = Number(flags.messages);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(MESSAGES) || MESSAGES < 1)
  throw new Error('--runs and --messages take whole numbers');

type Engine = 'sqlite' | 'postgres';
type Range = '30 d' | '365 d';

/** p50 and p95 in ms. */
interface Stat {
  p50: number;
  p95: number;
}

interface Query {
  /** Unique within a run: `range · filter · name`. */
  id: string;
  name: string;
  range: Range;
  filter: string;
  /** Path and query string after /api. */
  path: string;
  /** What the floor counts. */
  floor: FloorQuery;
  kind: 'breakdown' | 'delivery' | 'list' | 'next page' | 'options';
}

interface QueryFigure {
  id: string;
  name: string;
  range: Range;
  filter: string;
  kind: Query['kind'];
  one: Partial<Record<Engine, Stat>>;
  floor: Partial<Record<Engine, number>>;
}

interface BatchFigure {
  id: string;
  range: Range;
  filter: string;
  /** The whole batch of six, and each request in it (by name). */
  batch: Partial<Record<Engine, Stat>>;
  each: Record<string, Partial<Record<Engine, Stat>>>;
  /** The same six one at a time: sum and largest of their p50s. */
  sequentialSum: Partial<Record<Engine, number>>;
  sequentialMax: Partial<Record<Engine, number>>;
}

interface Results {
  messages: number;
  runs: number;
  machine: string;
  load: { start: number[]; end: number[] };
  engines: Partial<Record<Engine, { seedMs?: number; messages: number }>>;
  generateMs: number;
  queries: QueryFigure[];
  batches: BatchFigure[];
}

const WORKSPACE = 'ws_1';
const TZ = 'America/Mexico_City';

const label = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}m` : String(n));
const SQLITE_FILE = MESSAGES === 1_000_000 ? 'data/bench/bench.sqlite' : `data/bench/bench-${label(MESSAGES)}.sqlite`;
const PG_SCHEMA = MESSAGES === 1_000_000 ? 'msg_report_bench' : `msg_report_bench_${label(MESSAGES)}`;

const ms = (x: number | undefined) => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '—' : (a / b).toFixed(2));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function main(): Promise<void> {
  const startLoad = loadavg();
  const DATABASE_URL = process.env.DATABASE_URL || undefined;
  const engines = (flags.engine ? [flags.engine] : ['sqlite', 'postgres']).filter((e): e is Engine => {
    if (e !== 'sqlite' && e !== 'postgres') throw new Error(`--engine sqlite or postgres, not ${e}`);
    if (e === 'postgres' && !DATABASE_URL) {
      process.stderr.write('PostgreSQL: skipped (DATABASE_URL is not set)\n');
      return false;
    }
    return true;
  });

  let dataset: Dataset | undefined;
  let generateMs = 0;
  const data = (): Dataset => {
    if (!dataset) {
      const t0 = performance.now();
      dataset = generateSeedData({ messages: MESSAGES, dataset: { end: Math.ceil(Date.now() / 3_600_000) * 3_600_000 } });
      generateMs = performance.now() - t0;
      process.stderr.write(
        `generated ${dataset.messages.length.toLocaleString('en-US')} messages in ${(generateMs / 1000).toFixed(1)} s\n`,
      );
    }
    return dataset;
  };

  interface Opened {
    engine: Engine;
    store: DatabaseStore;
    seedMs?: number;
    dataEnd: number;
    messages: number;
    base: string;
    server: ServerProcess;
  }

  async function open(engine: Engine): Promise<Opened> {
    const bar = progressBar();
    let seedMs: number | undefined;
    let store: DatabaseStore;
    let info: { dataEnd: number; messages: number } | undefined;
    if (engine === 'sqlite') {
      mkdirSync('data/bench', { recursive: true });
      if (flags.reuse && existsSync(SQLITE_FILE)) {
        const db = openSqlite(SQLITE_FILE);
        try {
          info = sqliteSeedInfo(db, WORKSPACE);
          // A file from an older version: migrated in place, as the server does.
          if (info) {
            migrateSqlite(db);
            ensureSqliteRollup(db);
          }
        } finally {
          db.close();
        }
      }
      if (!info) {
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
        info = sqliteSeedInfo(db, WORKSPACE);
        db.close();
        bar.done(`SQLite: seeded ${d.messages.length.toLocaleString('en-US')} messages in ${(seedMs / 1000).toFixed(1)} s`);
      }
      // The floors are timed here, without HTTP: no request deadline (at 10 M a year's bare GROUP BY takes seconds).
      store = createSqliteStore({ file: SQLITE_FILE, workers: 2, queryTimeoutMs: 600_000 });
    } else {
      let pg = await createPostgresStore({ connectionString: DATABASE_URL!, schema: PG_SCHEMA, queryTimeoutMs: 120_000 });
      info = flags.reuse ? await postgresSeedInfo(pg.pool, WORKSPACE) : undefined;
      if (!info) {
        await pg.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(PG_SCHEMA)} CASCADE`);
        await pg.close();
        pg = await createPostgresStore({ connectionString: DATABASE_URL!, schema: PG_SCHEMA, queryTimeoutMs: 120_000 });
        const d = data();
        seedMs = (await seedPostgres(pg.pool, d, { workspace: WORKSPACE, onProgress: (p) => bar.update(p) })).ms;
        bar.done(`PostgreSQL: seeded ${d.messages.length.toLocaleString('en-US')} messages in ${(seedMs / 1000).toFixed(1)} s`);
        info = await postgresSeedInfo(pg.pool, WORKSPACE);
      }
      store = pg;
    }
    if (!info) throw new Error(`${engine}: no seed information after seeding`);
    const server = await startServerProcess('bench/server-serve.ts', [engine, engine === 'sqlite' ? SQLITE_FILE : PG_SCHEMA]);
    return { engine, store, seedMs, dataEnd: info.dataEnd, messages: info.messages, base: `http://127.0.0.1:${server.port}/api`, server };
  }

  const opened: Opened[] = [];
  for (const engine of engines) opened.push(await open(engine));
  if (opened.length === 0) throw new Error('No engine to measure');
  const dataEnd = Math.min(...opened.map((o) => o.dataEnd));

  async function get(o: Opened, path: string): Promise<unknown> {
    // Node's fetch keeps the connection alive between requests.
    const response = await fetch(`${o.base}${path}`);
    const body: unknown = await response.json();
    if (response.status !== 200) throw new Error(`${o.engine} ${path} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  }
  async function timed(fn: () => Promise<unknown>): Promise<number> {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  }

  // ---- the queries ------------------------------------------------------------------------------
  /** The broadcast sent last (older ones have no messages in the last 30 days). */
  async function latestBroadcast(): Promise<string> {
    const sql = 'SELECT id FROM broadcasts WHERE workspace = ? ORDER BY sent_at DESC LIMIT 1';
    const pg = opened.find((o) => o.engine === 'postgres')?.store;
    if (pg && 'pool' in pg) {
      const { rows } = await (pg as PostgresStore).pool.query<{ id: string }>(sql.replace('?', '$1'), [WORKSPACE]);
      return rows[0]?.id ?? 'b_1';
    }
    const db = openSqlite(SQLITE_FILE, { readonly: true });
    try {
      return (db.prepare(sql).get(WORKSPACE) as { id: string } | undefined)?.id ?? 'b_1';
    } finally {
      db.close();
    }
  }
  const last = localDate(dataEnd - 1, TZ);
  const rangeOf = (days: number) => ({ from: startOfDay(addDays(last, 1 - days), TZ), to: startOfDay(addDays(last, 1), TZ) });
  const qs = (params: Record<string, string | string[]>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
    return search.toString();
  };
  // One value of each filter field that exists in the sample data (reference/dataset).
  const SINGLE: [string, Filters][] = [
    ['none', {}],
    ['channel', { channel: ['ch_1'] }],
    ['source', { source: ['user'] }],
    ['type', { type: ['whatsapp_template'] }],
    ['user', { user: ['u_1'] }],
    ['team', { team: ['t_1'] }],
    ['contact', { contact: ['c_1'] }],
    ['broadcast', { broadcast: [await latestBroadcast()] }],
    ['channel+user', { channel: ['ch_1', 'ch_3'], user: ['u_1', 'u_5'] }],
  ];
  const filterParams = (filters: Filters) => {
    const out: Record<string, string[]> = {};
    for (const [field, values] of Object.entries(filters)) if (values.length > 0) out[field] = [...values];
    return out;
  };
  /** Filters that apply to incoming messages (the others are reported as not applicable, and ignored). */
  const incomingFilters = (filters: Filters): Filters => {
    const { source: _s, type: _t, broadcast: _b, ...rest } = filters;
    return rest;
  };

  function queriesFor(range: Range, days: number, filter: string, filters: Filters): Query[] {
    const { from, to } = rangeOf(days);
    const span = to - from;
    const base = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), tz: TZ, ...filterParams(filters) };
    // The period just before, of the same length, as the elements compare a past range.
    const previous = { compareFrom: new Date(from - span).toISOString(), compareTo: base.from };
    const both = { from: from - span, to };
    const q = (kind: Query['kind'], name: string, path: string, floor: FloorQuery): Query => ({
      id: `${range} · ${filter} · ${name}`,
      name,
      range,
      filter,
      path,
      floor,
      kind,
    });
    const out: Query[] = [];
    const full = filter === 'none';
    for (const groupBy of full ? (['channel', 'source', 'type', 'subtype'] as const) : (['channel'] as const)) {
      out.push(
        q(
          'breakdown',
          `breakdown outgoing by ${groupBy}, compare`,
          `/breakdown?${qs({ ...base, direction: 'outgoing', groupBy, ...previous })}`,
          {
            scope: 'outgoing',
            ...both,
            filters,
            groupBy,
          },
        ),
      );
    }
    // Incoming queries ignore source, type and broadcast filters (notApplicable), but the report sends them.
    out.push(
      q(
        'breakdown',
        'breakdown incoming by channel, compare',
        `/breakdown?${qs({ ...base, direction: 'incoming', groupBy: 'channel', ...previous })}`,
        {
          scope: 'incoming',
          ...both,
          filters: incomingFilters(filters),
          groupBy: 'channel',
        },
      ),
    );
    const interval = days <= 92 ? 'day' : 'week';
    out.push(
      q('delivery', `delivery by ${interval}, compare`, `/delivery?${qs({ ...base, interval, ...previous })}`, {
        scope: 'outgoing',
        ...both,
        filters,
        groupBy: 'status',
      }),
    );
    for (const kind of ['outgoing', 'incoming', 'failed'] as const) {
      out.push(
        q('list', `messages ${kind}, first page`, `/messages?${qs({ ...base, kind })}`, {
          scope: kind,
          from,
          to,
          filters: kind === 'incoming' ? incomingFilters(filters) : filters,
        }),
      );
    }
    if (full || filter === 'source')
      out.push(
        q('next page', 'messages outgoing, next page', `/messages?${qs({ ...base, kind: 'outgoing' })}`, {
          scope: 'outgoing',
          from,
          to,
          filters,
        }),
      );
    return out;
  }

  const queries: Query[] = [];
  for (const [range, days] of [
    ['30 d', 30],
    ['365 d', 365],
  ] as const) {
    for (const [filter, filters] of SINGLE) queries.push(...queriesFor(range, days, filter, filters));
  }
  queries.push({
    id: 'options · contact search',
    name: 'options: contact search',
    range: '30 d',
    filter: 'none',
    path: '/options/contact?q=mar&limit=50',
    floor: { scope: 'outgoing', from: 0, to: 0 },
    kind: 'options',
  });
  const selected = flags.only ? queries.filter((q) => q.id.includes(flags.only!)) : queries;

  /** The path of a query for one engine: a next page carries that engine's cursor. */
  const paths = new Map<string, string>();
  async function pathFor(o: Opened, query: Query): Promise<string> {
    if (query.kind !== 'next page') return query.path;
    const key = `${o.engine} ${query.id}`;
    let path = paths.get(key);
    if (!path) {
      const first = (await get(o, query.path)) as { nextCursor: string | null };
      if (!first.nextCursor) throw new Error(`${query.id}: no next page`);
      path = `${query.path}&cursor=${encodeURIComponent(first.nextCursor)}`;
      paths.set(key, path);
    }
    return path;
  }

  // ---- one at a time ------------------------------------------------------------------------------
  const figures: QueryFigure[] = [];
  const bar = progressBar();
  for (const [n, query] of selected.entries()) {
    bar.update({ phase: 'statistics', done: n, total: selected.length });
    const figure: QueryFigure = {
      id: query.id,
      name: query.name,
      range: query.range,
      filter: query.filter,
      kind: query.kind,
      one: {},
      floor: {},
    };
    const samples = new Map<Engine, number[]>(opened.map((o) => [o.engine, []]));
    const resolved = await Promise.all(opened.map((o) => pathFor(o, query)));
    for (let warm = 0; warm < 3; warm++) for (const [i, o] of opened.entries()) await get(o, resolved[i]!);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, o] of opened.entries()) samples.get(o.engine)!.push(await timed(() => get(o, resolved[i]!)));
    }
    for (const o of opened) figure.one[o.engine] = stat(samples.get(o.engine)!);
    if (query.kind !== 'options' && query.kind !== 'next page') {
      for (const o of opened) {
        await o.store.floor(WORKSPACE, query.floor);
        const floorSamples: number[] = [];
        for (let run = 0; run < 11; run++) floorSamples.push(await timed(() => o.store.floor(WORKSPACE, query.floor)));
        figure.floor[o.engine] = stat(floorSamples).p50;
      }
    }
    figures.push(figure);
  }
  bar.done(`${selected.length} queries × ${RUNS} runs × ${opened.length} engines`);

  // ---- six at once -----------------------------------------------------------------------------
  const batches: BatchFigure[] = [];
  const LOAD = [
    'breakdown incoming by channel, compare',
    'breakdown outgoing by channel, compare',
    'delivery by day, compare',
    'delivery by week, compare',
    'messages incoming, first page',
    'messages outgoing, first page',
    'messages failed, first page',
  ];
  for (const range of ['30 d', '365 d'] as const) {
    for (const filter of ['none', 'source', 'user']) {
      const six = queries.filter((q) => q.range === range && q.filter === filter && LOAD.includes(q.name));
      if (flags.only && !six.some((q) => q.id.includes(flags.only!))) continue;
      if (six.length === 0) continue;
      const figure: BatchFigure = { id: `${range} · ${filter}`, range, filter, batch: {}, each: {}, sequentialSum: {}, sequentialMax: {} };
      for (const o of opened) {
        const batch: number[] = [];
        const each = new Map<string, number[]>(six.map((q) => [q.name, []]));
        const once = async () => {
          const t0 = performance.now();
          await Promise.all(six.map(async (q) => each.get(q.name)!.push(await timed(() => get(o, q.path)))));
          return performance.now() - t0;
        };
        for (let warm = 0; warm < 3; warm++) await once();
        for (const list of each.values()) list.length = 0;
        for (let run = 0; run < RUNS; run++) batch.push(await once());
        figure.batch[o.engine] = stat(batch);
        for (const q of six) (figure.each[q.name] ??= {})[o.engine] = stat(each.get(q.name)!);
        const sequential = six.map((q) => figures.find((f) => f.id === q.id)?.one[o.engine]?.p50 ?? 0);
        figure.sequentialSum[o.engine] = sequential.reduce((a, b) => a + b, 0);
        figure.sequentialMax[o.engine] = Math.max(...sequential);
      }
      batches.push(figure);
    }
  }

  for (const o of opened) {
    await o.server.stop();
    await o.store.close();
  }

  const results: Results = {
    messages: opened[0]!.messages,
    runs: RUNS,
    machine: `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    load: { start: startLoad, end: loadavg() },
    engines: Object.fromEntries(opened.map((o) => [o.engine, { seedMs: o.seedMs, messages: o.messages }])),
    generateMs,
    queries: figures,
    batches,
  };
  mkdirSync('data/bench', { recursive: true });
  const file = `data/bench/server-${MESSAGES}.json`;
  writeFileSync(file, JSON.stringify(results, null, 2));
  process.stdout.write(report(results, engines));
  process.stdout.write(growth(results));
  process.stdout.write(`\nFigures written to ${file}.\n`);

  // Data Export from SQLite: a section of its own (bench/export.ts), in a process of its own, with
  // room for the 2,000,000 messages it may have to generate.
  if (engines.includes('sqlite') && !flags.only) {
    const exportBench = spawn(
      process.execPath,
      ['--max-old-space-size=4096', '--import', 'tsx', 'bench/export.ts', ...(flags.reuse ? ['--reuse'] : [])],
      { stdio: 'inherit' },
    );
    const code = await new Promise<number | null>((resolve) => exportBench.once('exit', resolve));
    if (code !== 0) throw new Error(`bench/export.ts exited with ${code}`);
  }
}

// ---- printing -------------------------------------------------------------------------------------

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i < 3 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

function report(r: Results, engines: Engine[]): string {
  const out: string[] = [];
  out.push(`\n# Reference server over HTTP: ${r.messages.toLocaleString('en-US')} messages, ${r.runs} runs per figure`);
  out.push(
    `machine: ${r.machine}; load average ${r.load.start.map((l) => l.toFixed(1)).join(' ')} at the start, ${r.load.end.map((l) => l.toFixed(1)).join(' ')} at the end`,
  );
  for (const [engine, e] of Object.entries(r.engines))
    out.push(
      `${engine}: ${e.messages.toLocaleString('en-US')} messages, seeding ${e.seedMs === undefined ? 'reused' : `${(e.seedMs / 1000).toFixed(1)} s`}`,
    );
  const both = engines.length === 2;
  const cell = (s: Stat | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)}` : '—');
  out.push('\n## One request at a time: p50 / p95 ms over HTTP; floor: a bare GROUP BY over the same messages, in the store (p50)\n');
  const header = ['query', 'range', 'filter'];
  for (const e of engines) header.push(e === 'sqlite' ? 'SQLite' : 'PostgreSQL', 'floor', '× floor');
  if (both) header.push('PG / SQLite p50', 'p95');
  out.push(
    table(
      header,
      r.queries.map((f) => {
        const row = [f.name, f.range, f.filter];
        for (const e of engines) row.push(cell(f.one[e]), ms(f.floor[e]), ratio(f.one[e]?.p50, f.floor[e]));
        if (both) row.push(ratio(f.one.postgres?.p50, f.one.sqlite?.p50), ratio(f.one.postgres?.p95, f.one.sqlite?.p95));
        return row;
      }),
    ),
  );
  if (r.batches.length > 0) {
    out.push("\n## Six at once: the report's requests on load, sent together; p50 / p95 ms, beside the same six one at a time\n");
    const bh = ['requests', 'range', 'filter'];
    for (const e of engines) bh.push(`${e === 'sqlite' ? 'SQLite' : 'PostgreSQL'} together`, 'one at a time');
    if (both) bh.push('PG / SQLite p50');
    const rows: string[][] = [];
    for (const b of r.batches) {
      const row = ['all six (the batch)', b.range, b.filter];
      for (const e of engines) row.push(cell(b.batch[e]), `sum ${ms(b.sequentialSum[e])}, max ${ms(b.sequentialMax[e])}`);
      if (both) row.push(ratio(b.batch.postgres?.p50, b.batch.sqlite?.p50));
      rows.push(row);
      for (const [name, each] of Object.entries(b.each)) {
        const one = r.queries.find((q) => q.range === b.range && q.filter === b.filter && q.name === name);
        const line = [`  ${name}`, b.range, b.filter];
        for (const e of engines) line.push(cell(each[e]), cell(one?.one[e]));
        if (both) line.push(ratio(each.postgres?.p50, each.sqlite?.p50));
        rows.push(line);
      }
    }
    out.push(table(bh, rows));
  }
  out.push(aims(r, engines));
  return `${out.join('\n')}\n`;
}

/** The issue's aims, checked against this run. */
function aims(r: Results, engines: Engine[]): string {
  const out = ['\n## Aims'];
  const sqlite = r.queries.filter((q) => q.one.sqlite);
  if (engines.includes('sqlite')) {
    for (const [range, aim] of [
      ['30 d', 10],
      ['365 d', 25],
    ] as const) {
      const lists = sqlite.filter((q) => q.kind === 'list' && q.range === range && !q.filter.includes('+'));
      const worst = lists.reduce<QueryFigure | undefined>((w, q) => (!w || q.one.sqlite!.p95 > w.one.sqlite!.p95 ? q : w), undefined);
      if (worst)
        out.push(
          `- SQLite list page p95, no filter or any single filter, ${range}: worst ${ms(worst.one.sqlite!.p95)} ms (${worst.name}, ${worst.filter}); aim ≤ ${aim} ms: ${worst.one.sqlite!.p95 <= aim ? 'met' : 'missed'}`,
        );
    }
    const compared = sqlite.filter((q) => q.kind === 'breakdown' && q.range === '30 d');
    const worst = compared.reduce<QueryFigure | undefined>((w, q) => (!w || q.one.sqlite!.p95 > w.one.sqlite!.p95 ? q : w), undefined);
    if (worst)
      out.push(
        `- SQLite 30-day breakdown with comparison p95: worst ${ms(worst.one.sqlite!.p95)} ms (${worst.name}, ${worst.filter}); aim ≤ 20 ms: ${worst.one.sqlite!.p95 <= 20 ? 'met' : 'missed'}`,
      );
  }
  if (engines.length === 2) {
    const ratios = r.queries.filter((q) => q.one.sqlite && q.one.postgres).map((q) => ({ q, x: q.one.postgres!.p50 / q.one.sqlite!.p50 }));
    const over = ratios.filter((x) => x.x > 1.5);
    const sorted = ratios.map((x) => x.x).sort((a, b) => a - b);
    out.push(
      `- PostgreSQL / SQLite p50 per query: median ${percentile(sorted, 50).toFixed(2)}, worst ${(sorted.at(-1) ?? NaN).toFixed(2)}; aim ≤ 1.5: ${over.length === 0 ? 'met' : `missed by ${over.length} of ${ratios.length}`}`,
    );
    for (const { q, x } of over.sort((a, b) => b.x - a.x).slice(0, 12))
      out.push(`    ${x.toFixed(2)}×  ${q.id}: SQLite ${ms(q.one.sqlite!.p50)} ms, PostgreSQL ${ms(q.one.postgres!.p50)} ms`);
  }
  return out.join('\n');
}

/** The growth of every query's p50 from the smallest other run on record to this one. */
function growth(r: Results): string {
  const others = readdirSync('data/bench')
    .map((f) => /^server-(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) !== MESSAGES)
    .map((m) => JSON.parse(readFileSync(`data/bench/${m[0]}`, 'utf8')) as Results)
    .filter((o) => Array.isArray(o.queries));
  if (others.length === 0) return '';
  const small = [...others, r].sort((a, b) => a.messages - b.messages)[0]!;
  const large = [...others, r].sort((a, b) => b.messages - a.messages)[0]!;
  if (small === large) return '';
  const data = large.messages / small.messages;
  const out = [
    `\n## Growth from ${small.messages.toLocaleString('en-US')} to ${large.messages.toLocaleString('en-US')} messages (${data.toFixed(1)}× the data): p50 ms, and × growth\n`,
  ];
  const engines = (['sqlite', 'postgres'] as const).filter(
    (e) => small.queries.some((q) => q.one[e]) && large.queries.some((q) => q.one[e]),
  );
  const header = ['query', 'range', 'filter'];
  for (const e of engines) header.push(`${e === 'sqlite' ? 'SQLite' : 'PG'} small`, 'large', '×', 'floor ×');
  const rows: string[][] = [];
  for (const q of large.queries) {
    const s = small.queries.find((x) => x.id === q.id);
    if (!s) continue;
    const row = [q.name, q.range, q.filter];
    for (const e of engines)
      row.push(ms(s.one[e]?.p50), ms(q.one[e]?.p50), ratio(q.one[e]?.p50, s.one[e]?.p50), ratio(q.floor[e], s.floor[e]));
    rows.push(row);
  }
  out.push(table(header, rows));
  return `${out.join('\n')}\n`;
}

// 10 M generated messages need ≈ 5 GB of heap: run again with room for them.
const heapMiB = Math.ceil((MESSAGES / 1_000_000) * 650) + 1024;
if (getHeapStatistics().heap_size_limit < heapMiB * 1024 * 1024 && !process.env.MSG_REPORT_BENCH_CHILD) {
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MSG_REPORT_BENCH_CHILD: '1' },
  });
  child.once('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
