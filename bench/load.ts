/**
 * `npm run bench:load`: the server under more load than it can take, and after. Seeds a small data
 * set, starts the server in a process of its own (bench/server-serve.ts), then drives it in three
 * timed phases with a closed loop of clients (each sends its next request when the last one is
 * answered), every request a year-long breakdown or delivery query:
 *
 *   1. baseline   — a few clients: every answer 200;
 *   2. overload   — hundreds of clients: the queue fills, and the server sheds the excess with
 *                   429 + Retry-After (clients here do not wait it out: the worst case), answering
 *                   the rest, never a 5xx;
 *   3. recovery   — a few clients again: every answer 200 at once, latency back to the baseline.
 *
 * Prints the figures per phase (requests, statuses, throughput, latency p50/p95/max of the 200s and
 * of the 429s) and exits 1 if the server did not shed, answered a 5xx, or did not recover.
 *
 *   npm run bench:load
 *   npm run bench:load -- --engine postgres --overload 600 --seconds 4 --messages 100000
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPgPool, quoteIdent } from '../server/db/postgres.js';
import { setupStore } from '../server/setup.js';

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    messages: { type: 'string', default: '60000' },
    seconds: { type: 'string', default: '4' },
    baseline: { type: 'string', default: '4' },
    overload: { type: 'string', default: '500' },
  },
});
const ENGINE = flags.engine === 'postgres' ? 'postgres' : 'sqlite';
const SECONDS = Number(flags.seconds);
const DATABASE_URL = process.env.DATABASE_URL || undefined;
if (ENGINE === 'postgres' && !DATABASE_URL) throw new Error('--engine postgres needs DATABASE_URL');

const dir = mkdtempSync(join(tmpdir(), 'msg-report-load-'));
const schema = 'msg_report_load';
const seedStarted = performance.now();
const setup = await setupStore(
  ENGINE === 'sqlite'
    ? { sqliteFile: join(dir, 'load.sqlite'), seed: { messages: Number(flags.messages) } }
    : { databaseUrl: DATABASE_URL, postgresSchema: schema, seed: { messages: Number(flags.messages) }, reseed: true },
);
await setup.store.close();
const seedSeconds = (performance.now() - seedStarted) / 1000;

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'bench/server-serve.ts', ENGINE, ENGINE === 'sqlite' ? setup.location : schema],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk: string) => {
    out += chunk;
    const match = /listening (\d+)/.exec(out);
    if (match) resolve(Number(match[1]));
  });
  server.once('exit', (code) => reject(new Error(`the server exited ${code}`)));
});
const base = `http://127.0.0.1:${port}/api`;

const end = setup.info.dataEnd;
const year = { from: new Date(end - 365 * 86_400_000).toISOString(), to: new Date(end).toISOString(), tz: 'America/Mexico_City' };
const previous = { compareFrom: new Date(end - 730 * 86_400_000).toISOString(), compareTo: year.from };
const QUERIES = [
  new URLSearchParams({ ...year, direction: 'outgoing', groupBy: 'source', ...previous }),
  new URLSearchParams({ ...year, direction: 'outgoing', groupBy: 'channel' }),
  new URLSearchParams({ ...year, interval: 'week', ...previous }),
].map((params, i) => `${base}/${i === 2 ? 'delivery' : 'breakdown'}?${params.toString()}`);

interface Phase {
  name: string;
  clients: number;
  statuses: Map<string, number>;
  ok: number[];
  shed: number[];
  retryAfter: Set<string>;
  seconds: number;
}

/** `clients` closed-loop clients for `seconds`. */
async function phase(name: string, clients: number, seconds: number): Promise<Phase> {
  const result: Phase = { name, clients, statuses: new Map(), ok: [], shed: [], retryAfter: new Set(), seconds };
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const client = async () => {
    while (performance.now() < until) {
      const url = QUERIES[n++ % QUERIES.length]!;
      const started = performance.now();
      let status: string;
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        status = String(response.status);
        const ms = performance.now() - started;
        if (response.status === 200) result.ok.push(ms);
        if (response.status === 429) {
          result.shed.push(ms);
          result.retryAfter.add(response.headers.get('retry-after') ?? '(none)');
        }
      } catch (error) {
        status = `network error (${(error as { cause?: { code?: string } }).cause?.code ?? String(error)})`;
      }
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return result;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));

const load = loadavg()[0]!;
let failed = false;
try {
  // Warm the workers and the caches.
  await phase('warm-up', 2, 1);
  const phases = [
    await phase('1 baseline', Number(flags.baseline), SECONDS),
    await phase('2 overload', Number(flags.overload), SECONDS),
    await phase('3 recovery', Number(flags.baseline), SECONDS),
  ];
  const [baseline, overload, recovery] = phases as [Phase, Phase, Phase];

  process.stdout.write(
    `\nmsg-report load: ${ENGINE}, ${setup.info.messages.toLocaleString('en-US')} messages (seeded in ${seedSeconds.toFixed(1)} s), ` +
      `${availableParallelism()} cores, load average ${load.toFixed(1)} at the start; year-long breakdown and delivery queries, ${SECONDS} s per phase\n\n`,
  );
  const header = ['phase', 'clients', 'requests', 'per s', '200', '429', '5xx / errors', '200 p50 / p95 / max ms', '429 p50 / p95 ms'];
  const rows = phases.map((p) => {
    const total = [...p.statuses.values()].reduce((a, b) => a + b, 0);
    const bad = [...p.statuses].filter(([s]) => s !== '200' && s !== '429').reduce((a, [, n]) => a + n, 0);
    return [
      p.name,
      String(p.clients),
      String(total),
      (total / p.seconds).toFixed(0),
      String(p.statuses.get('200') ?? 0),
      String(p.statuses.get('429') ?? 0),
      String(bad),
      `${ms(percentile(p.ok, 50))} / ${ms(percentile(p.ok, 95))} / ${ms(Math.max(...p.ok))}`,
      `${ms(percentile(p.shed, 50))} / ${ms(percentile(p.shed, 95))}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`);
  process.stdout.write(`\nRetry-After on the 429s: ${[...overload.retryAfter].join(', ') || '—'}\n`);
  const others = phases.flatMap((p) =>
    [...p.statuses].filter(([s]) => s !== '200' && s !== '429').map(([s, n]) => `${p.name}: ${n} × ${s}`),
  );
  if (others.length > 0) process.stdout.write(`Other answers: ${others.join('; ')}\n`);

  const checks: [string, boolean][] = [
    ['the baseline is answered 200 only', baseline.statuses.size === 1 && baseline.statuses.has('200')],
    [
      'under overload the server sheds with 429 + Retry-After',
      (overload.statuses.get('429') ?? 0) > 0 && !overload.retryAfter.has('(none)'),
    ],
    ['under overload it still answers 200s', (overload.statuses.get('200') ?? 0) > 0],
    ['no 5xx and no network error in any phase', others.length === 0],
    ['after the overload every answer is 200 again', recovery.statuses.size === 1 && recovery.statuses.has('200')],
    ['and the recovery p95 is within 3× the baseline p95 (+ 20 ms)', percentile(recovery.ok, 95) <= 3 * percentile(baseline.ok, 95) + 20],
  ];
  process.stdout.write('\n');
  for (const [what, held] of checks) {
    process.stdout.write(`${held ? 'ok  ' : 'FAIL'}  ${what}\n`);
    if (!held) failed = true;
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  if (ENGINE === 'postgres' && DATABASE_URL) {
    const pool = createPgPool({ connectionString: DATABASE_URL });
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await pool.end();
  }
}
process.exit(failed ? 1 : 0);
