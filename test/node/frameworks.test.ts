/**
 * The elements as a framework app meets them: a page built by Vite from the framework's own
 * code, loaded in Chromium. React through `msg-report/react`; Vue rendering the tags itself;
 * Angular from a standalone component's template, compiled just in time and zoneless.
 * In each, a data source object reaches the report as a property, the chart draws its label as
 * text, and a person's change reaches the app's listener.
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

/** The hosts: a fixture each, and where it keeps what it saw. */
const HOSTS = [
  { name: 'React, through msg-report/react', fixture: 'test/fixtures/react-host.ts', seen: 'window.reactHost' },
  { name: 'Vue, rendering the tags', fixture: 'test/fixtures/vue-host.ts', seen: 'window.host' },
  { name: 'Angular, compiled just in time', fixture: 'test/fixtures/angular-host.ts', seen: 'window.angularHost' },
];

for (const host of HOSTS)
  describe(`the elements in ${/^[AEIOU]/.test(host.name) ? 'an' : 'a'} ${host.name} app`, () => {
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
          lib: { entry: resolve(root, host.fixture), formats: ['es'], fileName: () => 'host.js' },
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

    it('renders the elements with properties from the app and gives their events to it', async () => {
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
      const states = (await tab.evaluate(`${host.seen}.states`)) as { filters: unknown }[];
      assert.deepEqual(
        states.map((state) => state.filters),
        [{ channel: ['ch_1'] }],
        'the app got msg-state-change',
      );
      assert.deepEqual(errors, []);
    });
  });
