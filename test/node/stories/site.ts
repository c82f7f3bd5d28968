/**
 * The documentation site as the story tests open it: Storybook built as it is published (into a
 * temporary directory, apart from storybook-static, so that nothing else building the site
 * meanwhile can change it), served over HTTP on a free port, and one Chromium for every test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const root = resolve(import.meta.dirname, '../../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export interface Site {
  /** `http://127.0.0.1:port` */
  origin: string;
  /** The story ids of the built site, in its order. */
  storyIds: string[];
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the site, serves it and starts Chromium. */
export async function openSite(): Promise<Site> {
  const dir = mkdtempSync(resolve(tmpdir(), 'msg-report-storybook-'));
  execFileSync(resolve(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', dir], { cwd: root, stdio: 'pipe' });
  const server = createServer((request, response) => {
    const path = resolve(dir, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)}`);
    try {
      const body = readFileSync(path.endsWith('/') ? resolve(path, 'index.html') : path);
      response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const index = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    // One UI language and no scrollbars whatever the machine; fonts are Debian's (DejaVu, Liberation).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--hide-scrollbars',
      '--lang=en-US',
      '--font-render-hinting=none',
    ],
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    storyIds: Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id),
    browser,
    async close() {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
