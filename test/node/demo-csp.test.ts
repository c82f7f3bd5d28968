/**
 * The demo page as `npm start` serves it, under its strict Content-Security-Policy (issue 9,
 * point 9): the demo is built into a temporary directory, the CLI serves it on a small seeded
 * SQLite database, and Chromium (puppeteer-core) loads it, hovers every chart, and must see zero
 * console errors and zero `securitypolicyviolation` events — while the policy is shown to be in
 * force (a string assigned to innerHTML is refused by Trusted Types).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { PAGE_CSP } from '../../server/site.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Code run in the page, as source text: the page has the DOM this Node project does not type, and
 * a function would be sent with the helpers tsx's transform adds (`__name`), which the page lacks.
 */
const PAGE = {
  collectViolations: `window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(event.violatedDirective + ': ' + event.blockedURI + ' ' + event.sample);
    });`,
  /** The centres of every chart canvas, through open shadow roots. */
  canvasCentres: `(() => {
    const canvases = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLCanvasElement) canvases.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return canvases.map((c) => {
      const r = c.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    });
  })()`,
  violations: 'window.violations',
  backend: 'document.documentElement.dataset.backend',
  /** A plain string as HTML: Trusted Types refuse it with a TypeError. */
  stringAsHtml: `(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'accepted';
    } catch (error) {
      return error.name;
    }
  })()`,
};

test('#9 the demo page renders under its strict CSP: no console error, no CSP violation', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'msg-report-demo-'));
  const demoDir = join(dir, 'demo');
  // As `npm start` builds it: at the warn level, a bundler warning would be the first thing it prints.
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--mode', 'demo', '--logLevel', 'warn', '--outDir', demoDir],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(build.status, 0, build.stderr);
  assert.equal(`${build.stdout}${build.stderr}`.trim(), '', 'the demo builds without a bundler warning');
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: join(dir, 'data'), DEMO_DIR: demoDir, SEED_MESSAGES: '20000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (chunk: string) => (stderr += chunk));
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stderr.on('data', () => {
        const match = /serving the report at\s+(\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the server exited ${code}: ${stderr}`)));
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 2000 });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
    await page.evaluateOnNewDocument(PAGE.collectViolations);
    const response = await page.goto(url, { waitUntil: 'networkidle0' });
    assert.equal(response?.headers()['content-security-policy'], PAGE_CSP);
    // Every chart drawn (two breakdowns per direction and the delivery line), on the real endpoint.
    const centres = async () => (await page.evaluate(PAGE.canvasCentres)) as [number, number][];
    const started = Date.now();
    while ((await centres()).length < 5) {
      assert.ok(Date.now() - started < 30_000, `five charts drawn within 30 s (${(await centres()).length})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(await page.evaluate(PAGE.backend), 'server');
    // Tooltips and hover states under the policy too.
    const charts = await centres();
    for (const [x, y] of charts) {
      await page.mouse.move(x, y);
      await page.mouse.move(x + 12, y + 6);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const violations = (await page.evaluate(PAGE.violations)) as string[];
    t.diagnostic(`${charts.length} charts hovered; ${violations.length} violations; ${problems.length} console problems`);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    // The policy is in force: a plain string is refused as HTML (Trusted Types).
    const refused = await page.evaluate(PAGE.stringAsHtml);
    assert.equal(refused, 'TypeError');
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
