/**
 * Data Export (`/export/messages`, advertised by `/capabilities`) on the reference engine behind
 * the mocks, the server on SQLite and the server on PostgreSQL, on one seeded data set with
 * hostile strings: the file is exactly the table's CSV of the `/messages` pages concatenated, past
 * the cap too; gzip is the same file; bad parameters are the list's 400 problems; a client that
 * leaves stops the reading of pages.
 *
 * PostgreSQL comes from DATABASE_URL (MSG_REPORT_SKIP_POSTGRES=1 skips that half knowingly).
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { engineStore } from '../../mock/engine-store.js';
import { generateDataset } from '../../reference/dataset/index.js';
import { createEngine } from '../../reference/engine.js';
import { createHandler, type FetchHandler } from '../../server/api/app.js';
import { EXPORT_PAGE_ROWS } from '../../server/api/export.js';
import type { LogEntry } from '../../server/api/log.js';
import type { ReportStore } from '../../server/api/store.js';
import { startHttpServer, type RunningHttpServer } from '../../server/http.js';
import { ROW_CAP, type MessageKind, type MessageRow, type MessagesResponse, type Problem } from '../../src/core/contract/types.js';
import { messagesCsv } from '../../src/core/csv/messages-csv.js';
import { parseCsv } from '../../src/core/csv/read.js';
import type { Lang } from '../../src/i18n/locales.js';
import { loadMessages } from '../../src/i18n/translate.js';
import { assertDocumented } from './contract-ajv.js';
import { query, TEST_CURSOR_SECRET } from './contract-suite.js';
import { SKIP_POSTGRES, startPostgresServer, startSqliteServer, type RunningServer, type Tenant } from './contract-suite-servers.js';

const END = Date.UTC(2026, 10, 26, 12);
const dataset = generateDataset({ seed: 7, end: END, messagesPerDay: 180, hostile: true });
const tenants: Tenant[] = [{ workspace: 'ws_1', token: 'token-1', dataset }];
const AUTH = { Authorization: 'Bearer token-1' };

const TZ = 'America/Mexico_City';
/** The last 30 days: under the cap for every list. */
const MONTH = { from: '2026-10-27T06:00:00.000Z', to: '2026-11-26T06:00:00.000Z', tz: TZ };
/** The last year: over the cap for incoming and outgoing. */
const YEAR = { from: '2025-11-26T06:00:00.000Z', to: '2026-11-26T06:00:00.000Z', tz: TZ };

/** One implementation, answered through `fetch(Request)`: in process (the mocks' router) or over HTTP. */
interface Target {
  name: string;
  get(pathAndQuery: string, headers?: Record<string, string>): Promise<Response>;
}

function handlerTarget(name: string, handler: FetchHandler): Target {
  return {
    name,
    get: (pathAndQuery, headers = {}) => Promise.resolve(handler(new Request(`http://reference.test/api${pathAndQuery}`, { headers }))),
  };
}

function httpTarget(name: string, baseUrl: string): Target {
  const send = (pathAndQuery: string, headers: Record<string, string>) =>
    fetch(`${baseUrl}${pathAndQuery}`, { headers: { ...AUTH, ...headers } });
  return {
    name,
    // The servers run in this process: a long synchronous step of the test (parsing a year's CSV)
    // holds back both the client's and the server's keep-alive timers, and the client may then
    // reuse a connection the server is closing. A GET whose connection was reset is sent again once.
    get: (pathAndQuery, headers = {}) =>
      send(pathAndQuery, headers).catch((error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
        return send(pathAndQuery, headers);
      }),
  };
}

/** Every row of a list through `/messages`, page after page, up to the cap. */
async function listRows(target: Target, params: Record<string, string>): Promise<{ rows: MessageRow[]; total: number }> {
  const rows: MessageRow[] = [];
  let cursor: string | undefined;
  let total: number;
  do {
    const response = await target.get(query('/messages', { ...params, limit: 1000, cursor }));
    assert.equal(response.status, 200, `${target.name} /messages`);
    const page = (await response.json()) as MessagesResponse;
    rows.push(...page.rows);
    total = page.total;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { rows, total };
}

/** A raw GET over node:http (no automatic decompression, unlike fetch), its head and body bytes. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { ...AUTH, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe(`Data Export: reference, SQLite and PostgreSQL on ${dataset.messages.length} messages`, () => {
  let sqlite: RunningServer | undefined;
  let postgres: RunningServer | undefined;
  const targets: Target[] = [];

  before(async () => {
    await Promise.all((['es', 'en', 'pt'] as const).map((lang) => loadMessages(lang)));
    sqlite = await startSqliteServer({ tenants });
    if (!SKIP_POSTGRES) postgres = await startPostgresServer({ tenants });
    const reference = createHandler({
      store: engineStore(createEngine(dataset)),
      basePath: '/api',
      verifyRequest: () => ({ workspace: 'ws_1' }),
      logger: false,
      cursorSecret: TEST_CURSOR_SECRET,
    });
    targets.push(handlerTarget('reference (MSW mocks)', reference), httpTarget('SQLite server', sqlite.baseUrl));
    if (postgres) targets.push(httpTarget('PostgreSQL server', postgres.baseUrl));
  });
  after(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  test('every target advertises the export in its capabilities', async () => {
    for (const target of targets) {
      const response = await target.get('/capabilities');
      const body: unknown = await response.json();
      assertDocumented(
        { path: '/capabilities', status: response.status, contentType: response.headers.get('content-type') ?? '', body },
        target.name,
      );
      assert.deepEqual(body, { export: { messages: true } }, target.name);
    }
  });

  test("the file is the table's CSV of the /messages pages concatenated, on every list, order, filter and language", async () => {
    const cases: { params: Record<string, string | string[]>; lang: Lang }[] = [
      { params: { ...MONTH, kind: 'incoming' }, lang: 'es' },
      { params: { ...MONTH, kind: 'outgoing', order: 'asc' }, lang: 'en' },
      { params: { ...MONTH, kind: 'failed' }, lang: 'pt' },
      { params: { ...MONTH, kind: 'outgoing', source: ['broadcast', 'user'], type: 'whatsapp_template' }, lang: 'es' },
      { params: { ...MONTH, kind: 'incoming', channel: dataset.channels.slice(0, 2).map((c) => c.id), tz: 'Asia/Kolkata' }, lang: 'en' },
    ];
    for (const { params, lang } of cases) {
      const kind = params.kind as MessageKind;
      const files: string[] = [];
      for (const target of targets) {
        const { rows, total } = await listRows(target, params as Record<string, string>);
        assert.ok(total < ROW_CAP && rows.length === total, `${target.name}: under the cap`);
        const response = await target.get(query('/export/messages', { ...params, lang }));
        assert.equal(response.status, 200, `${target.name} ${JSON.stringify(params)}`);
        assert.equal(response.headers.get('content-type'), 'text/csv;charset=utf-8');
        assert.match(
          response.headers.get('content-disposition') ?? '',
          /^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"/,
        );
        const file = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
        const expected = messagesCsv(rows, { kind, lang, timeZone: params.tz as string });
        assert.ok(file === expected, `${target.name} ${JSON.stringify(params)}: the export differs from the table's CSV of the pages`);
        files.push(file);
      }
      assert.ok(
        files.every((f) => f === files[0]),
        'the same file everywhere',
      );
    }
    // The hostile strings made it through, neutralised and quoted.
    const failed = await targets[0]!.get(query('/export/messages', { ...YEAR, kind: 'failed' }));
    const records = parseCsv(await failed.text());
    assert.ok(
      records.some((r) => r.some((cell) => cell.startsWith("'="))),
      'a formula-like cell is neutralised',
    );
  });

  test('past the cap: every row, the first 10,000 those of the list', async () => {
    const params = { ...YEAR, kind: 'outgoing' };
    for (const target of targets) {
      const { rows, total } = await listRows(target, params);
      assert.ok(total > ROW_CAP + 2 * EXPORT_PAGE_ROWS, `${target.name}: ${total} rows, over the cap`);
      const response = await target.get(query('/export/messages', params));
      const records = parseCsv(await response.text());
      assert.equal(records.length, total + 1, `${target.name}: the header and every row`);
      const listed = parseCsv(messagesCsv(rows, { kind: 'outgoing', lang: 'es', timeZone: TZ }));
      assert.deepEqual(records.slice(0, ROW_CAP + 1), listed, `${target.name}: the first rows are the list's`);
      const ids = new Set(records.slice(1).map((r) => `${r[0]}|${r[3]}|${r[10]}`));
      assert.ok(ids.size > total * 0.99, `${target.name}: no page repeated`);
    }
  });

  test('gzip when accepted: the same bytes, compressed', async () => {
    for (const server of [sqlite, postgres]) {
      if (!server) continue;
      const url = `${server.baseUrl}${query('/export/messages', { ...MONTH, kind: 'outgoing' })}`;
      const plain = await rawGet(url, {});
      assert.equal(plain.response.headers['content-encoding'], undefined, server.engine);
      const zipped = await rawGet(url, { 'Accept-Encoding': 'br;q=1, gzip;q=0.5' });
      assert.equal(zipped.response.headers['content-encoding'], 'gzip', server.engine);
      assert.equal(zipped.response.headers.vary, 'Accept-Encoding', server.engine);
      assert.ok(zipped.body.length < plain.body.length / 2, `${server.engine}: compressed`);
      assert.ok(gunzipSync(zipped.body).equals(plain.body), `${server.engine}: the same file`);
      const refused = await rawGet(url, { 'Accept-Encoding': 'gzip;q=0, identity' });
      assert.equal(refused.response.headers['content-encoding'], undefined, `${server.engine}: gzip;q=0`);
    }
  });

  test("bad parameters are the list's 400 problems", async () => {
    const list = { ...MONTH, kind: 'outgoing' };
    const bad: Record<string, string | number | undefined>[] = [
      { ...list, from: undefined },
      { ...list, tz: 'Mars/Olympus_Mons' },
      { ...list, from: MONTH.to, to: MONTH.from },
      { ...list, kind: 'sideways' },
      { ...list, order: 'random' },
      { ...list, source: 'carrier-pigeon' },
      { ...list, contact: 'a\u0000b' },
    ];
    for (const target of targets) {
      for (const params of bad) {
        const listed = await target.get(query('/messages', params));
        const exported = await target.get(query('/export/messages', params));
        assert.equal(exported.status, 400, `${target.name} ${JSON.stringify(params)}`);
        const body = (await exported.json()) as Problem;
        assertDocumented(
          { path: '/export/messages', status: 400, contentType: exported.headers.get('content-type') ?? '', body },
          target.name,
        );
        assert.deepEqual(body, await listed.json(), `${target.name}: the same problem as /messages`);
      }
      const response = await target.get(query('/export/messages', { ...list, lang: 'fr' }));
      const body = (await response.json()) as Problem;
      assert.equal(response.status, 400);
      assert.deepEqual(body.invalidParams, [{ name: 'lang', reason: 'must be one of es, en, pt' }], target.name);
      // Paging parameters of the list mean nothing here and are ignored, as unknown ones are.
      assert.equal((await target.get(query('/export/messages', { ...list, limit: 0, cursor: 'x' }))).status, 200, target.name);
    }
  });

  test('a client that leaves stops the reading of pages', async () => {
    for (const server of [sqlite, postgres]) {
      if (!server) continue;
      // The server's store, counting the pages it is asked for, behind a router of its own.
      let pagesRead = 0;
      const counting: ReportStore = {
        engine: server.store.engine,
        ping: () => server.store.ping(),
        run(op, workspace, params, options) {
          if (op === 'exportPage') pagesRead++;
          return server.store.run(op, workspace, params, options);
        },
      };
      let ended!: (entry: LogEntry) => void;
      const exportEnded = new Promise<LogEntry>((resolve) => (ended = resolve));
      const handler = createHandler({
        store: counting,
        verifyRequest: () => ({ workspace: 'ws_1' }),
        logger: (entry) => {
          if (entry.msg === 'export ended') ended(entry);
        },
      });
      const http: RunningHttpServer = await startHttpServer(handler);
      try {
        const { total } = (await (
          await fetch(`http://127.0.0.1:${http.port}${query('/messages', { ...YEAR, kind: 'outgoing', limit: 1 })}`)
        ).json()) as MessagesResponse;
        const pages = Math.ceil(total / EXPORT_PAGE_ROWS);
        const controller = new AbortController();
        const response = await fetch(`http://127.0.0.1:${http.port}${query('/export/messages', { ...YEAR, kind: 'outgoing' })}`, {
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        await reader.read();
        controller.abort();
        const entry = await exportEnded;
        assert.equal(entry.ended, 'cancelled', server.engine);
        const readWhenCancelled = pagesRead;
        assert.ok(readWhenCancelled < pages, `${server.engine}: ${readWhenCancelled} of ${pages} pages read when the client left`);
        // The next request goes through the same store: no page of the export was read meanwhile.
        await fetch(`http://127.0.0.1:${http.port}/healthz`);
        assert.equal(pagesRead, readWhenCancelled, `${server.engine}: no page after the client left`);
      } finally {
        await http.shutdown();
      }
    }
  });
});
