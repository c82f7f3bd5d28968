/**
 * The published package: `npm run build` produces every file the `exports` map names, with
 * types, and the DOM-free core runs in Node as it is published.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as Core from '../../src/core/index.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  customElements: string;
  sideEffects: string[];
  unpkg: string;
  jsdelivr: string;
};

const TAGS = ['msg-breakdown-chart', 'msg-delivery-line', 'msg-messages-report', 'msg-report', 'msg-report-filters', 'msg-table'];

/** The strict policy the elements promise to work under (as in test/elements/csp.test.ts). */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

describe('the package', () => {
  before(() => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
  });

  it('builds every file its exports map names, each with its .d.ts', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) assert.ok(existsSync(resolve(root, file)), `${entry} → ${file} is missing`);
    }
  });

  it('lists what `npm pack` would publish, and nothing from the demo or the mocks', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(output) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
    assert.ok(files.includes('dist/index.js'));
    assert.ok(files.includes(pkg.customElements));
    assert.ok(files.includes('openapi.yaml'));
    // Editor data generated from the manifest: VS Code's custom data and JetBrains' web-types.
    for (const file of [
      'dist/editors/vscode.html-custom-data.json',
      'dist/editors/vscode.css-custom-data.json',
      'dist/editors/web-types.json',
    ]) {
      assert.ok(files.includes(file), file);
    }
    assert.deepEqual(
      files.filter((file) => /mockServiceWorker|^mock\/|^reference\/|^demo\/|^test\//.test(file)),
      [],
    );
  });

  it('runs the DOM-free core in Node as published', async () => {
    const core = (await import(resolve(root, 'dist/core.js'))) as typeof Core;
    const state = core.buildReportState({
      endpoint: 'https://reports.example/api',
      timezone: 'America/Santiago',
      now: '2026-09-06T12:00:00Z',
      preset: 'today',
    });
    // Santiago springs forward at 24:00 on 5 Sep 2026: 6 Sep starts at 01:00 −03 = 04:00Z.
    assert.deepEqual(state.query, {
      from: '2026-09-06T04:00:00.000Z',
      to: '2026-09-07T03:00:00.000Z',
      tz: 'America/Santiago',
      filters: {},
    });
  });

  it('has a manifest that documents every element', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, pkg.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(tags.map((d) => d.tagName).sort(), [
      'msg-breakdown-chart',
      'msg-delivery-line',
      'msg-messages-report',
      'msg-report',
      'msg-report-filters',
      'msg-table',
    ]);
    const chart = tags.find((d) => d.tagName === 'msg-breakdown-chart')!;
    for (const name of ['direction', 'group-by', 'show', 'endpoint', 'for']) {
      assert.ok(
        chart.attributes?.some((a) => a.name === name),
        `attribute ${name}`,
      );
    }
  });

  it('imports in Node without throwing, for server-rendered host pages', async () => {
    const entry = (await import(resolve(root, 'dist/index.js'))) as Record<string, unknown>;
    assert.equal(typeof entry.MsgReport, 'function');
  });

  it('has one file for a <script type="module"> tag that defines every element under a strict CSP', async () => {
    assert.equal(pkg.unpkg, './dist/cdn/msg-report.js');
    assert.equal(pkg.jsdelivr, pkg.unpkg);
    const bundle = readFileSync(resolve(root, pkg.unpkg));
    assert.doesNotMatch(bundle.toString('utf8'), /^import\s|\bfrom\s*["']lit/m, 'no import left for a bundler');
    const page = `<!doctype html><html lang="es"><body>
      <msg-messages-report endpoint="/nowhere" timezone="UTC"></msg-messages-report>
      <script type="module" src="/msg-report.js"></script></body></html>`;
    const server = createServer((request, response) => {
      const isScript = request.url === '/msg-report.js';
      response.writeHead(isScript || request.url === '/' ? 200 : 404, {
        'Content-Type': isScript ? 'text/javascript' : 'text/html',
        'Content-Security-Policy': STRICT_CSP,
      });
      response.end(isScript ? bundle : request.url === '/' ? page : '');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(String(error)));
      // Page code as text: this Node project has no DOM types, the page has the DOM.
      await tab.evaluateOnNewDocument(
        "document.addEventListener('securitypolicyviolation', (event) => console.error('CSP: ' + event.violatedDirective));",
      );
      tab.on('console', (message) => {
        if (message.type() === 'error' && message.text().startsWith('CSP')) errors.push(message.text());
      });
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await tab.waitForFunction("customElements.get('msg-messages-report') !== undefined");
      const defined = (await tab.evaluate(`${JSON.stringify(TAGS)}.filter((tag) => customElements.get(tag))`)) as string[];
      assert.deepEqual(defined, TAGS);
      // It renders: the report draws its sections, the filters among them.
      await tab.waitForFunction("document.querySelector('msg-messages-report')?.shadowRoot?.querySelector('msg-report-filters')");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  });

  it('passes publint and arethetypeswrong, as the ES-module-only package it is', () => {
    const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
    // Each throws, with its report, when it finds a problem.
    execFileSync(bin('publint'), ['run', root, '--strict', '--pack', 'npm'], { cwd: root, stdio: 'pipe' });
    const folder = mkdtempSync(resolve(tmpdir(), 'msg-report-pack-'));
    try {
      const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
        cwd: root,
        encoding: 'utf8',
      });
      const tarball = resolve(folder, (JSON.parse(packed) as [{ filename: string }])[0].filename);
      // openapi.yaml is a document, not a module: no types to resolve.
      execFileSync(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './openapi.yaml'], {
        cwd: root,
        stdio: 'pipe',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
