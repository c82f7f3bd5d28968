/**
 * `npm run bench`: the time from attaching `<msg-breakdown-chart>` to its first chart frame
 * against the mock, in headless Chromium, with the floors measured in the same run (see
 * first-frame.page.ts). Prints medians.
 */
import { resolve } from 'node:path';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 15);

const server = await createServer({
  configFile: false,
  root,
  publicDir: resolve(root, 'public'),
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
  define: { 'process.env.NODE_ENV': '"production"' },
});
await server.listen();
const address = server.httpServer!.address() as { port: number };
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`http://127.0.0.1:${address.port}/bench/first-frame.html?runs=${runs}`);
  const result = (await page.evaluate('window.benchResult', { timeout: 120_000 } as never)) as Record<string, number>;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`<msg-breakdown-chart> against the mock, headless Chromium, median of ${result.runs} runs`);
  console.log(`  attach → first chart frame        ${f(result.firstFrameMs!)}`);
  console.log(`  attach → both charts (bar + pie)  ${f(result.bothChartsMs!)}`);
  console.log(`  floor: bare fetch of the answer   ${f(result.bareFetchMs!)}`);
  console.log(`  floor: bare ECharts pie, 8 slices ${f(result.bareEChartsPieMs!)}`);
  console.log(
    `  ratio first frame / (fetch + pie) ${(result.firstFrameMs! / (result.bareFetchMs! + result.bareEChartsPieMs!)).toFixed(2)}×`,
  );
  console.log(`<msg-messages-report> against the mock, median of ${result.wholeReportRuns} runs`);
  console.log(`  attach → all 5 charts drawn       ${f(result.wholeReportMs!)}`);
  console.log(`  requests on load (resource timing) ${result.wholeReportRequests}`);
} finally {
  await browser.close();
  await server.close();
}
