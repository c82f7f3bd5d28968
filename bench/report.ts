/**
 * `npm run bench`: the elements in headless Chromium against honest baselines, every figure printed
 * beside its baseline.
 *
 * - The whole report (`<msg-messages-report>`, the page `import 'msg-report'` builds) on the
 *   reference server over a small seeded SQLite file, against a page that fetches the same answers
 *   from the same server and draws the same charts with bare ECharts. Both pages are built by Vite
 *   as a host builds its app (bench/pages/), each run loads one in a fresh browser context, runs
 *   interleave (ABBA), and the ratio is the median of the runs' pair ratios.
 * - The requests the report makes on load and after one filter change.
 * - `<msg-table>` with 10,000 rows: first paint, nodes (shadow root included) at the top and after
 *   scrolling to the end, and the longest frame while scrolling slowly, fast and by jumps, against
 *   plain DOM of the same first 40 rows and a plain scrolling list of all 10,000.
 *
 *   npm run bench                              9 runs of each page, 5 of each table page
 *   npm run bench -- --runs 15 --table-runs 7
 *   npm run bench -- --messages 200000 --reseed
 *
 * The SQLite file (data/bench/ui.sqlite) is seeded on first use and reused; figures also go to
 * data/bench/ui.json. Timings vary with the machine's load: compare ratios, measured in one run.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { build } from 'vite';
import { migrateSqlite, openSqlite } from '../server/db/sqlite.js';
import { generateSeedData } from '../server/sample-data.js';
import { seedSqlite, sqliteSeedInfo } from '../server/seed.js';
import { launchBenchBrowser } from './browser.js';
import { startServerProcess } from './server-process.js';

const root = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    'table-runs': { type: 'string', default: '5' },
    messages: { type: 'string', default: '100000' },
    reseed: { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs);
const TABLE_RUNS = Number(flags['table-runs']);
const MESSAGES = Number(flags.messages);
const SQLITE_FILE = resolve(root, 'data/bench/ui.sqlite');
const PAGES_DIR = resolve(root, 'data/bench/pages');
const WORKSPACE = 'ws_1';
const ZONE = 'America/Mexico_City';
const startLoad = loadavg()[0]!;
const SETTLE_MS = 1_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Seeds the SQLite file unless it already holds a seeded workspace; returns the data's end. */
function seed(): { dataEnd: number; messages: number } {
  mkdirSync(resolve(root, 'data/bench'), { recursive: true });
  if (existsSync(SQLITE_FILE) && !flags.reseed) {
    const db = openSqlite(SQLITE_FILE);
    const info = sqliteSeedInfo(db, WORKSPACE);
    db.close();
    if (info) return info;
  }
  for (const file of [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`]) rmSync(file, { force: true });
  const dataset = generateSeedData({ messages: MESSAGES, dataset: { end: Math.ceil(Date.now() / 3_600_000) * 3_600_000 } });
  const db = openSqlite(SQLITE_FILE);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  migrateSqlite(db);
  const { ms: seedMs } = seedSqlite(db, dataset, { workspace: WORKSPACE });
  db.pragma('journal_mode = WAL');
  const info = sqliteSeedInfo(db, WORKSPACE)!;
  db.close();
  process.stderr.write(`seeded ${info.messages.toLocaleString('en-US')} messages into ${SQLITE_FILE} in ${(seedMs / 1000).toFixed(1)} s\n`);
  return info;
}

/** The benchmark pages, built as a host's Vite app build (minified, chunks and all). */
async function buildPages(): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: PAGES_DIR,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: Object.fromEntries(['report', 'bare', 'table', 'plain'].map((name) => [name, resolve(root, `bench/pages/${name}.html`)])),
      },
    },
  });
}

async function startServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  const server = await startServerProcess('bench/ui-serve.ts', [SQLITE_FILE, PAGES_DIR]);
  return { base: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

/** Loads `url` in a fresh browser context and returns the page's `benchResult`. */
async function measure<T>(browser: Browser, url: string): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // A new context opens a browser window, whose own UI (the omnibox's WebUI) loads for about a
    // second on this kind of machine: let it finish, so it does not share the CPU with the page.
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    const result = (await page.evaluate('window.benchResult')) as T;
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

interface ChartsResult {
  attachMs: number;
  chartsMs: number;
  readyMs?: number;
  chartsFromNavigationMs: number;
  requestsOnLoad: number;
  requestsAfterFilter?: number;
  urls?: string[];
  languages?: string[];
}

interface TableResult {
  firstPaintMs: number;
  nodesAtTop: number;
  nodesAtEnd: number;
  lastRowShown: boolean;
  frames: Record<'slow' | 'fast' | 'jump', { gapMs: number; loafMs: number }>;
}

const info = seed();
const now = new Date(info.dataEnd).toISOString();
process.stderr.write('building the pages…\n');
await buildPages();
const server = await startServer();
const browser = await launchBenchBrowser();
try {
  const reportUrl = `${server.base}/bench/pages/report.html?now=${encodeURIComponent(now)}&tz=${encodeURIComponent(ZONE)}`;
  // A warm-up of each page (the server's first queries, the browser's first start), not counted;
  // the report's run gives the URLs the bare page fetches.
  const warm = await measure<ChartsResult>(browser, reportUrl);
  const bareUrl = `${server.base}/bench/pages/bare.html?urls=${encodeURIComponent(JSON.stringify(warm.urls))}`;
  await measure<ChartsResult>(browser, bareUrl);

  const ours: ChartsResult[] = [];
  const bare: ChartsResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`\rwhole report: run ${run + 1} of ${RUNS}`);
    // ABBA: each page goes first as often as the other.
    if (run % 2 === 0) {
      ours.push(await measure<ChartsResult>(browser, reportUrl));
      bare.push(await measure<ChartsResult>(browser, bareUrl));
    } else {
      bare.push(await measure<ChartsResult>(browser, bareUrl));
      ours.push(await measure<ChartsResult>(browser, reportUrl));
    }
  }
  process.stderr.write('\n');
  const requests = await measure<ChartsResult>(browser, `${reportUrl}&mode=requests`);

  const tables: TableResult[] = [];
  const plains: TableResult[] = [];
  for (let run = 0; run < TABLE_RUNS; run++) {
    process.stderr.write(`\r10,000-row table: run ${run + 1} of ${TABLE_RUNS}`);
    tables.push(await measure<TableResult>(browser, `${server.base}/bench/pages/table.html`));
    plains.push(await measure<TableResult>(browser, `${server.base}/bench/pages/plain.html`));
  }
  process.stderr.write('\n');

  const pairRatio = (pick: (result: ChartsResult) => number) => median(ours.map((result, i) => pick(result) / pick(bare[i]!)));
  const whole = {
    runs: RUNS,
    attachToCharts: {
      ours: median(ours.map((r) => r.chartsMs)),
      bare: median(bare.map((r) => r.chartsMs)),
      ratio: pairRatio((r) => r.chartsMs),
    },
    navigationToCharts: {
      ours: median(ours.map((r) => r.chartsFromNavigationMs)),
      bare: median(bare.map((r) => r.chartsFromNavigationMs)),
      ratio: pairRatio((r) => r.chartsFromNavigationMs),
    },
    attachToReady: median(ours.map((r) => r.readyMs ?? 0)),
    requestsOnLoad: requests.requestsOnLoad,
    requestsAfterFilter: requests.requestsAfterFilter ?? 0,
    bareRequests: warm.urls?.length ?? 0,
    languages: requests.languages ?? [],
  };
  const tableFigure = (results: TableResult[]) => ({
    firstPaintMs: median(results.map((r) => r.firstPaintMs)),
    nodesAtTop: Math.max(...results.map((r) => r.nodesAtTop)),
    nodesAtEnd: Math.max(...results.map((r) => r.nodesAtEnd)),
    lastRowShown: results.every((r) => r.lastRowShown),
    worstFrame: Object.fromEntries(
      (['slow', 'fast', 'jump'] as const).map((speed) => [
        speed,
        Math.max(...results.map((r) => Math.max(r.frames[speed].gapMs, r.frames[speed].loafMs))),
      ]),
    ) as Record<'slow' | 'fast' | 'jump', number>,
  });
  const table = { runs: TABLE_RUNS, table: tableFigure(tables), plain: tableFigure(plains) };

  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, load average ${startLoad.toFixed(1)} at the start`;
  const row = (name: string, figure: string, baseline: string, ratio: string, aim: string) =>
    console.log(`  ${name.padEnd(40)} ${figure.padStart(12)} ${baseline.padStart(28)} ${ratio.padStart(8)}   ${aim}`);
  console.log(`Machine: ${machine}; headless Chromium.`);
  console.log(
    `\n<msg-messages-report> on the reference server (SQLite, ${info.messages.toLocaleString('en-US')} messages), ${RUNS} interleaved runs, a fresh browser context each; medians, ratio = median of the pair ratios`,
  );
  row('', 'msg-report', 'bare ECharts page', 'ratio', 'aim');
  row(
    'attach → charts drawn',
    ms(whole.attachToCharts.ours),
    ms(whole.attachToCharts.bare),
    `${whole.attachToCharts.ratio.toFixed(2)}×`,
    '≤ 1.15×',
  );
  row(
    'navigation → charts drawn',
    ms(whole.navigationToCharts.ours),
    ms(whole.navigationToCharts.bare),
    `${whole.navigationToCharts.ratio.toFixed(2)}×`,
    '',
  );
  row('attach → whole report ready (lists too)', ms(whole.attachToReady), '—', '', '');
  row('requests on load', String(whole.requestsOnLoad), `${whole.bareRequests} (one per chart and list)`, '', '');
  row('requests after one filter change', String(whole.requestsAfterFilter), `${whole.bareRequests} (all its answers again)`, '', '');
  row('strings loaded (languages)', whole.languages.join(', ') || 'none', '1 (the report’s)', '', '');

  console.log(
    `\n10,000-row <msg-table> (incoming, rows in memory), ${TABLE_RUNS} runs each, fresh contexts; first paint median, the rest worst of the runs`,
  );
  row('', '<msg-table>', 'plain DOM', '', 'aim');
  row('first paint', ms(table.table.firstPaintMs), `${ms(table.plain.firstPaintMs)} (40 rows)`, '', '≤ 50 ms');
  row('nodes at the top (shadow root included)', String(table.table.nodesAtTop), `${table.plain.nodesAtTop} (40 rows)`, '', '≤ 600');
  row('nodes after scrolling to the end', String(table.table.nodesAtEnd), `${table.plain.nodesAtTop} (40 rows)`, '', '≤ 600, flat');
  for (const speed of ['slow', 'fast', 'jump'] as const) {
    row(
      `worst frame scrolling, ${speed}`,
      ms(table.table.worstFrame[speed]),
      `${ms(table.plain.worstFrame[speed])} (10,000 rows)`,
      '',
      '≤ 50 ms',
    );
  }
  if (!table.table.lastRowShown) console.log('  (!) the table did not show its last row at the end');
  mkdirSync(resolve(root, 'data/bench'), { recursive: true });
  writeFileSync(resolve(root, 'data/bench/ui.json'), `${JSON.stringify({ machine, messages: info.messages, whole, table }, null, 2)}\n`);
} finally {
  await browser.close();
  await server.stop();
}
