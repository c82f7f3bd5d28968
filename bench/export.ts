/**
 * Data Export from SQLite: the export of 1,000,000 rows (`GET /export/messages`, one list, one
 * request), its time, rows per second and the peak memory of the server — its process and its
 * worker processes — beside an export of 100,000 rows and the idle server, each in a fresh server
 * process, to show that memory does not grow with the rows.
 *
 *   npm run bench:server                      runs it last, on SQLite
 *   node --max-old-space-size=4096 --import tsx bench/export.ts [--reuse] [--rows 1000000]
 *
 * It seeds a file of its own (data/bench/export.sqlite): one list must hold the rows within the
 * 366 days a query may span, so the data covers 12 months with about twice as many messages as
 * rows (half of them outgoing). Memory (Linux /proc): each process's peak resident set (`VmHWM`),
 * which in the workers includes the pages of the database file they map (SQLite `mmap_size`), and
 * the most anonymous memory (`RssAnon`: what the processes hold themselves) sampled during the export.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { addDays, localDate, startOfDay } from '../src/core/query/zoned-time.js';
import { migrateSqlite, openSqlite } from '../server/db/sqlite.js';
import { progressBar } from '../server/progress.js';
import { generateSeedData } from '../server/sample-data.js';
import { seedSqlite, sqliteSeedInfo } from '../server/seed.js';
import { startServerProcess } from './server-process.js';

const { values: flags } = parseArgs({
  options: { reuse: { type: 'boolean', default: false }, rows: { type: 'string', default: '1000000' } },
});
const ROWS = Number(flags.rows);
if (!Number.isInteger(ROWS) || ROWS < 1000) throw new Error('--rows takes a whole number of at least 1000');

const FILE = 'data/bench/export.sqlite';
const WORKSPACE = 'ws_1';
const TZ = 'America/Mexico_City';
const MiB = 1024 * 1024;

/** The file, seeded now unless `--reuse` finds it seeded for at least as many rows. */
function seeded(): { dataEnd: number; seedMs?: number } {
  mkdirSync('data/bench', { recursive: true });
  if (flags.reuse && existsSync(FILE)) {
    const db = openSqlite(FILE, { readonly: true });
    try {
      const info = sqliteSeedInfo(db, WORKSPACE);
      if (info && info.messages >= ROWS * 2) return { dataEnd: info.dataEnd };
    } finally {
      db.close();
    }
  }
  for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`]) rmSync(f, { force: true });
  const bar = progressBar();
  // About half the messages are outgoing: twice the rows, and a little more.
  const dataset = generateSeedData({ messages: Math.ceil(ROWS * 2.02), dataset: { months: 12 } }, (fraction) =>
    bar.update({ phase: 'generate', done: fraction, total: 1 }),
  );
  const db = openSqlite(FILE);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  migrateSqlite(db);
  const { ms } = seedSqlite(db, dataset, { workspace: WORKSPACE, onProgress: (p) => bar.update(p) });
  db.pragma('journal_mode = WAL');
  const dataEnd = sqliteSeedInfo(db, WORKSPACE)!.dataEnd;
  db.close();
  bar.done(`export bench: seeded ${dataset.messages.length.toLocaleString('en-US')} messages in ${(ms / 1000).toFixed(1)} s`);
  return { dataEnd, seedMs: ms };
}

/**
 * A process's memory, MiB (Linux `/proc`): its resident set at its peak, and now its anonymous part
 * (heap, stacks: what the process itself holds) — the rest is file pages, here SQLite's
 * memory-mapped database file, which the kernel shares and reclaims.
 */
function memoryOf(pid: number): { peak: number; anonymous: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peak: (kib('VmHWM') * 1024) / MiB, anonymous: (kib('RssAnon') * 1024) / MiB };
}

/** The worker processes of a server process (tinypool's children). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

/** GETs `path`, reading the body as it comes and dropping it; its status and size. */
function download(port: number, path: string, encoding: 'identity' | 'gzip'): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Measured {
  what: string;
  rows: number;
  ms?: number;
  bytes?: number;
  /** Peak resident set of the server process and of its workers (summed), MiB. */
  serverPeak: number;
  workersPeak: number;
  /** The most anonymous memory seen in the server and in its workers (summed) while it ran, MiB. */
  serverAnonymous: number;
  workersAnonymous: number;
}

async function main(): Promise<void> {
  const { dataEnd, seedMs } = seeded();
  const last = localDate(dataEnd - 1, TZ);
  const to = startOfDay(addDays(last, 1), TZ);
  const yearFrom = startOfDay(addDays(last, -364), TZ);
  const qs = (from: number, extra: Record<string, string> = {}) =>
    new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), tz: TZ, kind: 'outgoing', ...extra });
  const total = async (port: number, from: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/messages?${qs(from, { limit: '1' }).toString()}`);
    return ((await response.json()) as { total: number }).total;
  };

  const results: Measured[] = [];
  const measure = async (what: string, from: number | undefined, encoding: 'identity' | 'gzip' = 'identity') => {
    const server = await startServerProcess('bench/server-serve.ts', ['sqlite', FILE]);
    try {
      // The workers start on the first job: the idle server is measured after one small query.
      const rows = await total(server.port, from ?? yearFrom);
      const pid = server.child.pid!;
      // The anonymous part has no high-water mark of its own: sampled while the export runs.
      let serverAnonymous = 0;
      let workersAnonymous = 0;
      const sample = () => {
        serverAnonymous = Math.max(serverAnonymous, memoryOf(pid).anonymous);
        workersAnonymous = Math.max(
          workersAnonymous,
          childrenOf(pid).reduce((sum, w) => sum + memoryOf(w).anonymous, 0),
        );
      };
      sample();
      let ms: number | undefined;
      let bytes: number | undefined;
      if (from !== undefined) {
        const sampler = setInterval(sample, 100);
        const t0 = performance.now();
        try {
          const answer = await download(server.port, `/api/export/messages?${qs(from).toString()}`, encoding);
          ms = performance.now() - t0;
          if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
          bytes = answer.bytes;
        } finally {
          clearInterval(sampler);
        }
      }
      const workers = childrenOf(pid).map(memoryOf);
      results.push({
        what,
        rows: from === undefined ? 0 : rows,
        ms,
        bytes,
        serverPeak: memoryOf(pid).peak,
        workersPeak: workers.reduce((sum, w) => sum + w.peak, 0),
        serverAnonymous,
        workersAnonymous,
      });
      process.stderr.write(`export bench: ${what} measured\n`);
    } finally {
      await server.stop();
    }
  };

  // Sizes by range: the whole year holds the most rows; a tenth of it about a tenth of them.
  const tenth = to - Math.round((to - yearFrom) / 10 / 3_600_000) * 3_600_000;
  await measure('idle server (one small query)', undefined);
  await measure('export, about 100,000 rows', tenth);
  await measure('export, the whole year', yearFrom);
  await measure('export, the whole year, gzip', yearFrom, 'gzip');

  const lines = [
    `\n# Data Export from SQLite (GET /export/messages, outgoing list, one request, a fresh server each)`,
    '',
    '| export | rows | time | rows/s | MB sent | server: peak RSS, most anonymous | workers (sum): peak RSS, most anonymous |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results
      .map((r) =>
        [
          r.what,
          r.rows ? r.rows.toLocaleString('en-US') : '—',
          r.ms === undefined ? '—' : `${(r.ms / 1000).toFixed(1)} s`,
          r.ms === undefined ? '—' : Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US'),
          r.bytes === undefined ? '—' : (r.bytes / 1e6).toFixed(0),
          `${r.serverPeak.toFixed(0)} MiB, ${r.serverAnonymous.toFixed(0)} MiB`,
          `${r.workersPeak.toFixed(0)} MiB, ${r.workersAnonymous.toFixed(0)} MiB`,
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
  ];
  mkdirSync('data/bench', { recursive: true });
  writeFileSync('data/bench/export.json', JSON.stringify({ seedMs, results }, null, 2));
  process.stdout.write(`${lines.join('\n')}\nFigures written to data/bench/export.json.\n`);
}

await main();
