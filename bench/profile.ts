/**
 * `npm run bench:profile`: where the whole report's time goes, against the bare-ECharts page — CPU
 * time, not wall time, so that it holds under load. The pages of `npm run bench`, built unminified
 * (each module keeps its `// <file>` marker), each run in a fresh browser context with V8's
 * sampling profiler and a DevTools timeline trace from navigation to the page's result; runs
 * interleave (ABBA). Prints, as medians over the runs, the CPU time of each package or source
 * folder (self time), of the renderer's own work (style, layout, paint, parsing) from the trace,
 * forced layouts, and the functions costing most, beside the bare page's.
 *
 *   npm run bench:profile                       7 runs of each page
 *   npm run bench:profile -- --runs 11 --top 40
 *   npm run bench:profile -- --page table       the 10,000-row table against the plain list
 *
 * Needs the SQLite file `npm run bench` seeds (data/bench/ui.sqlite).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { build } from 'vite';
import { launchBenchBrowser } from './browser.js';
import { startServerProcess } from './server-process.js';

const root = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    top: { type: 'string', default: '25' },
    page: { type: 'string', default: 'report' },
    /**
     * Another checkout of the project (e.g. \`git archive main | tar -x -C /tmp/before\`, with its
     * node_modules): its page is profiled against this one's, instead of against the baseline page.
     */
    before: { type: 'string' },
    interval: { type: 'string', default: '100' },
    /** Lists the costliest functions of this area only (`echarts`, `src/core`, `(native)`…). */
    area: { type: 'string' },
    /** Writes each page's last trace and CPU profile to data/bench/<page>.trace.json and .cpuprofile, for DevTools. */
    save: { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs);
const TOP = Number(flags.top);
const SQLITE_FILE = resolve(root, 'data/bench/ui.sqlite');
const PAGES_DIR = resolve(root, 'data/bench/profile-pages');
const pageName = flags.page === 'table' ? 'table' : 'report';
/** The two pages compared: this checkout's page and its baseline, or `--before`'s page and this one's. */
const pair: readonly [string, string] = flags.before ? ['before', 'after'] : pageName === 'table' ? ['table', 'plain'] : ['report', 'bare'];
/** Each compared page: the checkout it is built from, and the page. */
const pages: Record<string, { root: string; page: string }> = flags.before
  ? { before: { root: resolve(flags.before), page: pageName }, after: { root, page: pageName } }
  : { [pair[0]]: { root, page: pair[0] }, [pair[1]]: { root, page: pair[1] } };

if (!existsSync(SQLITE_FILE)) throw new Error(`${SQLITE_FILE} is missing: run npm run bench once first`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string; beginData?: { stackTrace?: unknown[] }; data?: { stackTrace?: unknown[] } };
}

/** One run's CPU milliseconds by bucket: `area:` packages and folders, `fn:` functions, `rt:` renderer work. */
type Figures = Map<string, number>;

/** Each built chunk's `// <file>` markers: the source file of every line. */
const regionsOf = new Map<string, string[]>();
function fileAt(url: string, line: number): string {
  if (!url.startsWith('http')) return `(${url.split(/[:/]/)[0]})`;
  const path = new URL(url).pathname;
  let lines = regionsOf.get(path);
  if (!lines) {
    const text = readFileSync(resolve(PAGES_DIR, `.${path}`), 'utf8').split('\n');
    let current = path.split('/').pop()!;
    lines = text.map((content) => {
      const region = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(content);
      if (region) current = region[1]!;
      return current;
    });
    regionsOf.set(path, lines);
  }
  return lines[line] ?? path;
}

/** A source file's area: the package under node_modules, else its folder under src/ or bench/. */
function areaOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  // A `--before` checkout's files are named from this one's root (`../../tmp/before/src/…`).
  const folder = /(?:^|\/)(src\/(?:elements\/)?[^/]+|bench\/pages)\//.exec(file);
  return folder ? folder[1]! : file;
}

function summariseProfile(profile: Profile, figures: Figures): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const add = (key: string, us: number) => figures.set(key, (figures.get(key) ?? 0) + us / 1000);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === '(idle)') return;
    add('total', us);
    if (!leaf.url && /^\(/.test(leaf.functionName)) {
      add(`area:${leaf.functionName}`, us);
      return;
    }
    // A native or built-in function (Intl, JSON.parse…) is charged to the nearest script calling it.
    let frame = leaf;
    for (let at: number | undefined = id; at !== undefined && !frame.url; at = parent.get(at)) frame = byId.get(at)!.callFrame;
    const file = frame.url ? fileAt(frame.url, frame.lineNumber) : '(native)';
    add(`area:${areaOf(file)}`, us);
    const shown = file.replace(/^.*node_modules\//, '').replace(/^.*?(?=(?:src|bench)\/)/, '');
    // No line: the same function sits on other lines of another build.
    const where = leaf.url ? shown : `native, from ${areaOf(file)}`;
    add(`fn:${areaOf(file)}|${leaf.functionName || '(anonymous)'} (${where})`, us);
  });
}

/** The renderer main thread's own work, from the trace: each kind's time, and layouts forced by scripts. */
function summariseTrace(events: TraceEvent[], figures: Figures): void {
  // Every renderer's main thread: the page's, and others (a new window's own UI) idle by then.
  const threads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const main = events.filter((event) => threads.has(`${event.pid}:${event.tid}`) && event.ph === 'X');
  const kinds = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'v8.compile'];
  for (const event of main) {
    if (!kinds.includes(event.name)) continue;
    // Thread time where the trace has it: under load, wall durations include the time descheduled.
    const msDur = (event.tdur ?? event.dur ?? 0) / 1000;
    figures.set(`rt:${event.name}`, (figures.get(`rt:${event.name}`) ?? 0) + msDur);
    const forced = (event.args?.beginData?.stackTrace?.length ?? 0) > 0 || (event.args?.data?.stackTrace?.length ?? 0) > 0;
    if (forced && (event.name === 'Layout' || event.name === 'UpdateLayoutTree')) {
      figures.set(`rt:${event.name} forced by script`, (figures.get(`rt:${event.name} forced by script`) ?? 0) + msDur);
      figures.set(`rt:${event.name} forced, count`, (figures.get(`rt:${event.name} forced, count`) ?? 0) + 1);
    }
  }
}

/** Each compared page, built into a folder of its own (with the bare page beside the report, whose URLs it needs). */
async function buildPages(): Promise<void> {
  for (const [label, { root: from, page }] of Object.entries(pages)) {
    const names = page === 'report' ? ['report', 'bare'] : [page];
    await build({
      configFile: false,
      root: from,
      base: './',
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: resolve(PAGES_DIR, label),
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        rolldownOptions: { input: Object.fromEntries(names.map((name) => [name, resolve(from, `bench/pages/${name}.html`)])) },
      },
    });
  }
}

async function profileRun(browser: Browser, url: string, saveAs?: string): Promise<{ figures: Figures; result: Record<string, unknown> }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await new Promise((done) => setTimeout(done, 1_000));
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(flags.interval) });
    await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await cdp.send('Profiler.start');
    await page.goto(url);
    const result = (await page.evaluate('window.benchResult')) as Record<string, unknown>;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const trace = await page.tracing.stop();
    if (trace && saveAs) writeFileSync(resolve(root, `data/bench/${saveAs}.trace.json`), trace);
    if (saveAs) writeFileSync(resolve(root, `data/bench/${saveAs}.cpuprofile`), JSON.stringify(profile));
    const figures: Figures = new Map();
    summariseProfile(profile, figures);
    if (trace) summariseTrace((JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, figures);
    return { figures, result };
  } finally {
    await context.close();
  }
}

const startLoad = loadavg()[0]!;
process.stderr.write('building the pages (unminified)…\n');
await buildPages();
const server = await startServerProcess('bench/ui-serve.ts', [SQLITE_FILE, PAGES_DIR]);
const base = `http://127.0.0.1:${server.port}`;
const browser = await launchBenchBrowser();
try {
  const now = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const query = pageName === 'report' ? `?now=${encodeURIComponent(now)}&tz=America%2FMexico_City` : '';
  const urls: Record<string, string> = Object.fromEntries(
    Object.entries(pages).map(([label, { page }]) => [label, `${base}/${label}/bench/pages/${page}.html${query}`]),
  );
  // A warm-up of each (the server's first queries), not counted; the report's gives the bare page its URLs.
  for (const label of pair) {
    const warm = await profileRun(browser, urls[label]!);
    if (pages[label]!.page === 'report' && pages.bare)
      urls.bare = `${base}/bare/bench/pages/bare.html?urls=${encodeURIComponent(JSON.stringify(warm.result.urls))}`;
  }
  const runs: Record<string, Figures[]> = { [pair[0]]: [], [pair[1]]: [] };
  const walls: Record<string, number[]> = { [pair[0]]: [], [pair[1]]: [] };
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`\rrun ${run + 1} of ${RUNS}`);
    for (const name of run % 2 === 0 ? pair : [...pair].reverse()) {
      const { figures, result } = await profileRun(browser, urls[name]!, flags.save && run === RUNS - 1 ? name : undefined);
      runs[name]!.push(figures);
      walls[name]!.push(Number(result.chartsMs ?? result.firstPaintMs ?? 0));
    }
  }
  process.stderr.write('\n');
  const medianOf = (name: string, key: string) => median(runs[name]!.map((figures) => figures.get(key) ?? 0));
  const keys = new Set([...runs[pair[0]]!, ...runs[pair[1]]!].flatMap((figures) => [...figures.keys()]));
  const line = (label: string, a: number, b: number) =>
    console.log(`  ${label.slice(0, 90).padEnd(90)} ${a.toFixed(1).padStart(8)} ${b.toFixed(1).padStart(8)}`);
  console.log(
    `CPU profile, ${RUNS} interleaved runs of each page, load average ${startLoad.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; medians in ms (a sum of medians is not the median of sums)`,
  );
  console.log(`  ${''.padEnd(90)} ${pair[0].padStart(8)} ${pair[1].padStart(8)}`);
  line('wall time of the page’s own figure (chartsMs / firstPaintMs)', median(walls[pair[0]]!), median(walls[pair[1]]!));
  line('CPU time sampled, navigation → result (idle excluded)', medianOf(pair[0], 'total'), medianOf(pair[1], 'total'));
  const section = (title: string, prefix: string, limit: number) => {
    console.log(`\n${title}`);
    [...keys]
      .filter((key) => key.startsWith(prefix) && (prefix !== 'fn:' || !flags.area || key.startsWith(`fn:${flags.area}|`)))
      .map((key) => ({ key, a: medianOf(pair[0], key), b: medianOf(pair[1], key) }))
      .sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b))
      .slice(0, limit)
      .forEach(({ key, a, b }) => line(key.slice(prefix.length).replace(/^[^|]*\|/, ''), a, b));
  };
  section('by package or source folder (self time; natives charged to their caller)', 'area:', 30);
  section('renderer work on the main thread (trace)', 'rt:', 20);
  section(`the ${TOP} costliest functions${flags.area ? ` of ${flags.area}` : ''} (self time)`, 'fn:', TOP);
} finally {
  await browser.close();
  await server.stop();
}
