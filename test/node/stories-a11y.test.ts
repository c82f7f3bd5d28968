/**
 * Every story of the documentation site passes axe with no violation: Storybook is built as it
 * is published (`storybook build`, into a temporary directory), each story opened alone in Chromium, axe-core run on
 * what it renders (its default rules: WCAG 2 A and AA, and best practices).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const root = resolve(import.meta.dirname, '../..');
// Built apart from storybook-static, so that nothing else building the site meanwhile can change it.
const site = mkdtempSync(resolve(tmpdir(), 'msg-report-storybook-'));
const axeSource = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
/** How long a story may take to draw its data on the mocked endpoint before axe looks. */
const DRAWN_MS = 1_000;

/** The story ids of the built site, in its order. */
function storyIds(): string[] {
  const index = JSON.parse(readFileSync(resolve(site, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
}

/** axe's violations on the story `id`, each as `rule (nodes): first targets`. */
async function violations(page: Page, origin: string, id: string): Promise<string[]> {
  // a11y.manual: the a11y addon runs axe by itself on each story, and one page runs one axe at a time.
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load' });
  await page.waitForFunction("document.querySelector('#storybook-root')?.children.length > 0").catch(() => {
    throw new Error(`story ${id} rendered nothing`);
  });
  await new Promise((done) => setTimeout(done, DRAWN_MS));
  await page.evaluate(axeSource);
  // Page code as text: this Node project has no DOM types.
  return (await page.evaluate(`axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' > ')).join('; ')))`)) as string[];
}

describe('the documentation site', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';

  before(async () => {
    execFileSync(resolve(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', site], { cwd: root, stdio: 'pipe' });
    server = createServer((request, response) => {
      const path = resolve(site, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)}`);
      try {
        const body = readFileSync(path.endsWith('/') ? resolve(path, 'index.html') : path);
        response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });

  after(async () => {
    await browser.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('has no axe violation in any story', { timeout: 600_000 }, async () => {
    const ids = storyIds();
    assert.ok(ids.length > 50, `${ids.length} stories`);
    // Two tabs share the work: about half the time on these two cores. Each in a context of its
    // own: the mocks' service worker is one per origin and context, and routes a tab's requests
    // to the handlers of the story open in the other.
    const queue = [...ids];
    const found: string[] = [];
    await Promise.all(
      [0, 1].map(async () => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        for (let id = queue.shift(); id; id = queue.shift()) {
          for (const violation of await violations(page, origin, id)) found.push(`${id}: ${violation}`);
        }
        await context.close();
      }),
    );
    assert.deepEqual(found, []);
  });
});
