/**
 * One Vite config, five jobs:
 * - `vite` (npm run start:mock): the demo page in `demo/`, with the MSW worker from `public/`;
 * - `vite build` (npm run build): the library, one ES module per public entry, dependencies external;
 * - `vite build --mode cdn` (npm run build too): every element and its dependencies in one minified
 *   ES module, `dist/cdn/msg-report.js`, for a `<script type="module">` tag without a bundler;
 * - `vite build --mode demo`: the demo page as static files, for the reference server;
 * - `vite build --mode server` (npm run build too): the reference server for Node, `dist/server/`
 *   (`msg-report/server` and the `msg-report-server` command).
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const root = import.meta.dirname;

/** Public entries: `exports` in package.json maps each to its file. */
export const libraryEntries: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  'elements/report/msg-report': 'src/elements/report/msg-report.ts',
  'elements/report/report': 'src/elements/report/report.ts',
  'elements/breakdown-chart/msg-breakdown-chart': 'src/elements/breakdown-chart/msg-breakdown-chart.ts',
  'elements/breakdown-chart/breakdown-chart': 'src/elements/breakdown-chart/breakdown-chart.ts',
  'elements/delivery-line/msg-delivery-line': 'src/elements/delivery-line/msg-delivery-line.ts',
  'elements/delivery-line/delivery-line': 'src/elements/delivery-line/delivery-line.ts',
  'elements/activity-heatmap/msg-activity-heatmap': 'src/elements/activity-heatmap/msg-activity-heatmap.ts',
  'elements/activity-heatmap/activity-heatmap': 'src/elements/activity-heatmap/activity-heatmap.ts',
  'elements/delivery-breakdown/msg-delivery-breakdown': 'src/elements/delivery-breakdown/msg-delivery-breakdown.ts',
  'elements/delivery-breakdown/delivery-breakdown': 'src/elements/delivery-breakdown/delivery-breakdown.ts',
  'elements/table/msg-table': 'src/elements/table/msg-table.ts',
  'elements/table/table': 'src/elements/table/table.ts',
  'elements/filters/msg-report-filters': 'src/elements/filters/msg-report-filters.ts',
  'elements/filters/report-filters': 'src/elements/filters/report-filters.ts',
  'elements/messages-report/msg-messages-report': 'src/elements/messages-report/msg-messages-report.ts',
  'elements/messages-report/messages-report': 'src/elements/messages-report/messages-report.ts',
  'react/index': 'src/react/index.ts',
};

const demo: UserConfig = {
  root: resolve(root, 'demo'),
  publicDir: resolve(root, 'public'),
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  build: { outDir: resolve(root, 'dist-demo'), emptyOutDir: true },
};

const library: UserConfig = {
  // The MSW worker in public/ is for the demo and tests, never for the package.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: Object.fromEntries(Object.entries(libraryEntries).map(([name, file]) => [name, resolve(root, file)])),
      formats: ['es'],
    },
    rolldownOptions: {
      // Dependencies stay imports: the host's bundler shares one Lit and one ECharts.
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^echarts(\/|$)/, /^valibot$/, /^react(\/|$)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

const cdn: UserConfig = {
  publicDir: false,
  // ECharts reads process.env.NODE_ENV; a page without a bundler has no process.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'msg-report.js' },
    // One file, and fully minified: library mode keeps ES modules' whitespace for a host's
    // bundler, and this file has no bundler after it.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
};

/** The server's entries, in dist/server/: package.json's `exports["./server"]` and `bin`, and the SQLite worker. */
const serverEntries: Record<string, string> = {
  index: 'server/index.ts',
  cli: 'server/bin.ts',
  // Loaded by file name in each SQLite worker process (server/sqlite-pool.ts).
  'sqlite-worker': 'server/sqlite-worker.ts',
};

const server: UserConfig = {
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: Object.fromEntries(Object.entries(serverEntries).map(([name, file]) => [name, resolve(root, file)])),
      // The runtime dependencies stay imports (the drivers are optional peers, loaded on use); the
      // core, the server and the sample data generator (the command's --seed) are bundled.
      external: [...builtinModules, /^node:/, 'better-sqlite3', 'pg', /^hono(\/|$)/, /^@hono\/node-server(\/|$)/, 'tinypool', 'valibot'],
      // Chunks beside the entries: the pool finds the worker as `./sqlite-worker.js` next to itself.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') return demo;
  if (mode === 'server') return server;
  return mode === 'cdn' ? cdn : library;
});
