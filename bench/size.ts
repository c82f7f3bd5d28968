/**
 * Gzip sizes of what a host's bundler would ship, with budgets: our elements (with Lit and
 * valibot, which they need) and the tree-shaken ECharts they import, counted separately.
 * Bundled by Vite (minified, ES module), gzipped at level 9. Run: npm run size
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const root = resolve(import.meta.dirname, '..');

interface Bundle {
  name: string;
  entry: string;
  /** Module ids left out of this bundle (counted in another line). */
  external: RegExp[];
  budgetKb: number;
}

const echartsOnly = /^echarts(\/|$)/;
const bundles: Bundle[] = [
  { name: 'all elements (msg-report), without ECharts', entry: 'src/index.ts', external: [echartsOnly], budgetKb: 70 },
  {
    name: '<msg-breakdown-chart> entry, without ECharts',
    entry: 'src/elements/breakdown-chart/msg-breakdown-chart.ts',
    external: [echartsOnly],
    budgetKb: 35,
  },
  {
    name: '<msg-delivery-line> entry, without ECharts',
    entry: 'src/elements/delivery-line/msg-delivery-line.ts',
    external: [echartsOnly],
    budgetKb: 35,
  },
  {
    name: '<msg-table> entry',
    entry: 'src/elements/table/msg-table.ts',
    external: [echartsOnly],
    budgetKb: 45,
  },
  { name: '<msg-report-filters> entry', entry: 'src/elements/filters/msg-report-filters.ts', external: [echartsOnly], budgetKb: 35 },
  { name: 'DOM-free core (client, query model)', entry: 'src/core/index.ts', external: [], budgetKb: 15 },
  // Bar, pie and line charts, grid, tooltip, plain legend and markArea on the canvas renderer.
  {
    name: 'ECharts as the elements import it (tree-shaken)',
    entry: 'src/elements/chart/echarts.ts',
    external: [/^lit(\/|$)/],
    budgetKb: 210,
  },
];

async function gzipKb(bundle: Bundle): Promise<{ raw: number; gzip: number }> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(root, bundle.entry), formats: ['es'], fileName: 'bundle' },
      rolldownOptions: { external: bundle.external },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = [result].flat().flatMap((output) => output.output);
  const code = outputs
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
  return { raw: Buffer.byteLength(code) / 1024, gzip: gzipSync(code, { level: 9 }).length / 1024 };
}

let over = 0;
console.log('bundle'.padEnd(52), 'min kB'.padStart(8), 'gzip kB'.padStart(8), 'budget'.padStart(8));
for (const bundle of bundles) {
  const { raw, gzip } = await gzipKb(bundle);
  const verdict = gzip <= bundle.budgetKb ? 'ok' : 'OVER';
  if (verdict === 'OVER') over += 1;
  console.log(bundle.name.padEnd(52), raw.toFixed(1).padStart(8), gzip.toFixed(1).padStart(8), `${bundle.budgetKb}`.padStart(8), verdict);
}
process.exitCode = over > 0 ? 1 : 0;
