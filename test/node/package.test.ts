/**
 * The published package: `npm run build` produces every file the `exports` map names, with
 * types, and the DOM-free core runs in Node as it is published. The server as published:
 * `msg-report-server` and `msg-report/server` from the packed tarball, with nothing but the
 * package's declared dependencies and the driver it uses.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as Core from '../../src/core/index.js';
import { assertDocumented } from './contract-ajv.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  customElements: string;
  sideEffects: string[];
  unpkg: string;
  jsdelivr: string;
};

const TAGS = [
  'msg-activity-heatmap',
  'msg-breakdown-chart',
  'msg-delivery-line',
  'msg-messages-report',
  'msg-report',
  'msg-report-filters',
  'msg-table',
];

/** The strict policy the elements promise to work under (as in test/elements/csp.test.ts). */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

let built = false;
/** `npm run build`, once for both suites of this file (two files building at once would race on dist/). */
function build(): void {
  if (built) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
  built = true;
}

describe('the package', () => {
  before(build);

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
      'msg-activity-heatmap',
      'msg-breakdown-chart',
      'msg-delivery-breakdown',
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

/**
 * Links into `modules` (a node_modules directory) each of `names` and, recursively, their own
 * dependencies, from the repository's node_modules: what `npm install` would give a host, without
 * the registry (better-sqlite3 would take 75 s to compile).
 */
function linkModules(modules: string, names: string[]): void {
  const seen = new Set<string>();
  const queue = [...names];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const source = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(source, join(modules, name), 'dir');
    queue.push(...Object.keys(manifest.dependencies ?? {}));
  }
}

interface Child {
  /** Resolves with the first match of `pattern` in stdout; rejects with the output if it exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  stderr(): string;
  stop(): Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}, cwd = root): Child {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return {
    waitFor: (pattern) =>
      new Promise((done, fail) => {
        const look = () => {
          const match = pattern.exec(stdout);
          if (match) done(match);
          return Boolean(match);
        };
        if (look()) return;
        child.stdout.on('data', () => look());
        void exited.then((code) => fail(new Error(`exited ${code} before ${pattern}: ${stderr}${stdout}`)));
      }),
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('the server as published: msg-report-server and msg-report/server from the packed tarball', () => {
  const folder = mkdtempSync(join(tmpdir(), 'msg-report-server-pack-'));
  const unpacked = join(folder, 'package');
  const cli = join(unpacked, 'dist/server/cli.js');
  const database = join(folder, 'data', 'reports.sqlite');
  const hour = 3_600_000;
  const to = new Date(Math.ceil(Date.now() / hour) * hour);
  const from = new Date(to.getTime() - 30 * 24 * hour);
  const range = `from=${from.toISOString()}&to=${to.toISOString()}&tz=America/Mexico_City`;
  const QUERIES = [
    `/breakdown?${range}&direction=outgoing&groupBy=channel&compareFrom=${new Date(from.getTime() - 30 * 24 * hour).toISOString()}&compareTo=${from.toISOString()}`,
    `/delivery?${range}&interval=day`,
    `/messages?${range}&kind=failed&limit=5`,
    `/options/channel?limit=10`,
  ];

  before(() => {
    build();
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: root,
      encoding: 'utf8',
    });
    const tarball = join(folder, (JSON.parse(packed) as [{ filename: string }])[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', folder]);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.bin['msg-report-server'], 'dist/server/cli.js');
    // The declared dependencies and the SQLite driver; not pg, not the repository's dev tools.
    linkModules(join(unpacked, 'node_modules'), [...Object.keys(manifest.dependencies), 'better-sqlite3']);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('msg-report-server --help prints the options', () => {
    assert.match(readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    for (const option of [
      'DATABASE_URL',
      '--sqlite',
      '--schema',
      '--no-migrate',
      '--seed',
      '--port',
      '--host',
      '--base-path',
      '--workspace',
    ])
      assert.ok(help.includes(option), option);
    for (const setting of ['AUTH_TOKEN', 'CORS_ORIGINS', 'CORS_CREDENTIALS', 'CURSOR_SECRET', 'QUERY_TIMEOUT_MS', 'LOG_LEVEL'])
      assert.ok(help.includes(setting), setting);
  });

  it('msg-report-server serves the contract on a fresh SQLite file it seeds with --seed', { timeout: 60_000 }, async () => {
    const server = run([cli, '--sqlite', database, '--seed', '4000', '--port', '0'], {
      DATABASE_URL: '',
      AUTH_TOKEN: 'package-token',
      CORS_ORIGINS: 'https://crm.example',
    });
    try {
      const url = (await server.waitFor(/"msg":"listening","url":"([^"]+)"/))[1]!;
      assert.match(server.stderr(), /Seeded [\d,]+ messages/);
      assert.equal((await fetch(`${url}healthz`)).status, 200);
      const refused = await fetch(`${url}api/breakdown?${range}&direction=outgoing&groupBy=channel`);
      assert.equal(refused.status, 401);
      assertDocumented(
        { path: '/breakdown', status: 401, contentType: refused.headers.get('content-type') ?? '', body: await refused.json() },
        '401',
      );
      const headers = { Authorization: 'Bearer package-token', Origin: 'https://crm.example' };
      for (const query of QUERIES) {
        const response = await fetch(`${url}api${query}`, { headers });
        assert.equal(response.status, 200, query);
        assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example', query);
        const body = (await response.json()) as Record<string, unknown>;
        assertDocumented({ path: query.split('?')[0]!, status: 200, contentType: response.headers.get('content-type') ?? '', body }, query);
      }
      const breakdown = (await (await fetch(`${url}api${QUERIES[0]}`, { headers })).json()) as { total: number };
      assert.ok(breakdown.total > 0, 'the seeded messages are counted');
      // A list pages on with its signed cursor.
      const first = (await (await fetch(`${url}api/messages?${range}&kind=outgoing&limit=2`, { headers })).json()) as {
        nextCursor: string;
        rows: { id: string }[];
      };
      const next = await fetch(`${url}api/messages?${range}&kind=outgoing&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, {
        headers,
      });
      assert.equal(next.status, 200);
      const second = (await next.json()) as { rows: { id: string }[] };
      assert.notEqual(second.rows[0]!.id, first.rows[0]!.id);
      assert.match(
        server.stderr(),
        /serving the endpoint at {2}http:\/\/127\.0\.0\.1:\d+\/api {2}\(sqlite: .*reports\.sqlite; workspace ws_1; bearer token required\)/,
      );
    } finally {
      assert.equal(await server.stop(), 0, server.stderr());
    }
  });

  it(
    'msg-report/server imports in a Node host, mounted on node:http, without the driver it does not use',
    { timeout: 60_000 },
    async () => {
      // A host project that installed the package: `msg-report` in its node_modules.
      const host = join(folder, 'host');
      mkdirSync(join(host, 'node_modules'), { recursive: true });
      symlinkSync(unpacked, join(host, 'node_modules', 'msg-report'), 'dir');
      writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', type: 'module', private: true }));
      writeFileSync(
        join(host, 'server.js'),
        `import { createServer } from 'node:http';
import { createHandler, createPostgresStore, createSqliteStore, toNodeListener } from 'msg-report/server';

// pg is an optional peer this host did not install: asking for PostgreSQL says so.
const missing = await createPostgresStore({ connectionString: 'postgres://nowhere/db' }).then(() => 'opened', (error) => error.message);
const store = createSqliteStore({ file: process.argv[2] });
const handler = createHandler({
  store,
  basePath: '/api/reports/messages',
  verifyRequest: (request) => request.headers.get('authorization') === 'Bearer host-token' ? { workspace: 'ws_1' } : { status: 401 },
  logger: false,
});
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port, missing })));
process.on('SIGTERM', () => server.close(() => store.close().then(() => process.exit(0))));
`,
      );
      const server = run([join(host, 'server.js'), database], {}, host);
      try {
        const started = JSON.parse((await server.waitFor(/^\{.*\}$/m))[0]) as { port: number; missing: string };
        assert.equal(started.missing, 'PostgreSQL needs the pg package, which is not installed: run `npm install pg`.');
        const base = `http://127.0.0.1:${started.port}/api/reports/messages`;
        assert.equal((await fetch(`${base}${QUERIES[0]}`)).status, 401);
        for (const query of QUERIES) {
          const response = await fetch(`${base}${query}`, { headers: { Authorization: 'Bearer host-token' } });
          assert.equal(response.status, 200, query);
          assertDocumented(
            {
              path: query.split('?')[0]!,
              status: 200,
              contentType: response.headers.get('content-type') ?? '',
              body: await response.json(),
            },
            query,
          );
        }
      } finally {
        assert.equal(await server.stop(), 0, server.stderr());
      }
    },
  );
});
