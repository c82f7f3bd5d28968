/**
 * `msg-report/react` as a React app meets it: a page built by Vite from React components, loaded
 * in Chromium. Props reach the elements as properties (the data source is an object), and an
 * element's event reaches its `on…` prop.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

describe('msg-report/react in a React app', () => {
  const folder = mkdtempSync(resolve(tmpdir(), 'msg-report-react-'));
  let server: Server;
  let browser: Browser;
  let url = '';

  before(async () => {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: folder,
        emptyOutDir: true,
        lib: { entry: resolve(root, 'test/fixtures/react-host.ts'), formats: ['es'], fileName: () => 'host.js' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    const script = readFileSync(resolve(folder, 'host.js'));
    const page = '<!doctype html><html><body><div id="root"></div><script type="module" src="/host.js"></script></body></html>';
    server = createServer((request, response) => {
      const isScript = request.url === '/host.js';
      response.writeHead(200, { 'Content-Type': isScript ? 'text/javascript' : 'text/html' });
      response.end(isScript ? script : page);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });

  after(async () => {
    await browser.close();
    server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('renders the elements from props and forwards their events to on… props', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(url);
    // Page code as text: this Node project has no DOM types.
    const metric =
      "document.querySelector('msg-breakdown-chart')?.shadowRoot?.querySelector('[data-key=\"ch_1\"] .metric-label')?.textContent";
    await tab.waitForFunction(`(${metric}) !== undefined`);
    assert.equal(await tab.evaluate(metric), 'Canal <b>uno</b>', 'the data source prop reached the report; the label stays text');
    await tab.evaluate("document.getElementById('report').store.change({ filters: { channel: ['ch_1'] } })");
    const states = (await tab.evaluate('window.reactHost.states')) as { filters: unknown }[];
    assert.deepEqual(
      states.map((state) => state.filters),
      [{ channel: ['ch_1'] }],
      'onStateChange got msg-state-change',
    );
    assert.deepEqual(errors, []);
  });
});
