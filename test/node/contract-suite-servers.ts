/**
 * The server under test, on SQLite (a temporary file) and on PostgreSQL (`DATABASE_URL`, in a
 * schema of its own that is dropped afterwards), each behind a real node:http listener on a free
 * port. Several data sets can be seeded into separate workspaces; bearer tokens map to them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../reference/dataset/types.js';
import { migrateSqlite, openSqlite } from '../../server/db/sqlite.js';
import { quoteIdent } from '../../server/db/postgres.js';
import { numberPlaceholders } from '../../server/db/sql.js';
import { createHandler, type ApiOptions } from '../../server/api/app.js';
import { TEST_CURSOR_SECRET } from './contract-suite.js';
import { silentLogger, type Logger } from '../../server/api/log.js';
import { startHttpServer, type RunningHttpServer } from '../../server/http.js';
import { seedPostgres, seedSqlite } from '../../server/seed.js';
import { createSqliteStore } from '../../server/sqlite-pool.js';
import { createPostgresStore, type DatabaseStore } from '../../server/store.js';

export interface Tenant {
  workspace: string;
  token: string;
  dataset: Dataset;
}

export interface RunningServer {
  engine: 'sqlite' | 'postgres';
  store: DatabaseStore;
  /** `http://127.0.0.1:port/api` */
  baseUrl: string;
  origin: string;
  /** Seeding time per tenant, ms. */
  seedMs: number[];
  /** Runs a writing statement (`?` placeholders) on the server's database, as a host's app would. */
  write(sql: string, params?: unknown[]): Promise<void>;
  /** Runs a reading statement (`?` placeholders) on the server's database; its rows. */
  read(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface StartOptions {
  tenants: Tenant[];
  handler?: Partial<Omit<ApiOptions, 'store' | 'verifyRequest'>>;
  queryTimeoutMs?: number;
  queueLimit?: number;
  logger?: Logger;
  /** PostgreSQL: the pool's `application_name` (to find its sessions in `pg_stat_activity`). */
  applicationName?: string;
}

/** Whether PostgreSQL tests may be skipped (only when asked for explicitly). */
export const POSTGRES_URL = process.env.DATABASE_URL || undefined;
export const SKIP_POSTGRES = !POSTGRES_URL && process.env.MSG_REPORT_SKIP_POSTGRES === '1';
export const NO_POSTGRES_MESSAGE =
  'DATABASE_URL is not set: the PostgreSQL half of the server tests cannot run. Start PostgreSQL and export DATABASE_URL ' +
  '(.ci/run does), or set MSG_REPORT_SKIP_POSTGRES=1 to skip it knowingly.';

function verifier(tenants: Tenant[]): ApiOptions['verifyRequest'] {
  const byToken = new Map(tenants.map((t) => [t.token, t.workspace]));
  return (request) => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return { status: 401, detail: 'Bearer token required', headers: { 'WWW-Authenticate': 'Bearer' } };
    const workspace = byToken.get(token);
    return workspace ? { workspace } : { status: 403, detail: 'Unknown token' };
  };
}

async function listen(
  store: DatabaseStore,
  options: StartOptions,
): Promise<{ server: RunningHttpServer; baseUrl: string; origin: string }> {
  const handler = createHandler({
    store,
    basePath: '/api',
    verifyRequest: verifier(options.tenants),
    logger: options.logger ?? silentLogger,
    queryTimeoutMs: options.queryTimeoutMs,
    cursorSecret: TEST_CURSOR_SECRET,
    ...options.handler,
  });
  const server = await startHttpServer(handler);
  return { server, baseUrl: `http://127.0.0.1:${server.port}/api`, origin: `http://127.0.0.1:${server.port}` };
}

async function closeServer(server: RunningHttpServer): Promise<void> {
  await server.shutdown();
}

export async function startSqliteServer(options: StartOptions): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'msg-report-test-'));
  const file = join(dir, 'test.sqlite');
  const db = openSqlite(file);
  const seedMs: number[] = [];
  try {
    migrateSqlite(db);
    for (const tenant of options.tenants) seedMs.push(seedSqlite(db, tenant.dataset, { workspace: tenant.workspace }).ms);
  } finally {
    db.close();
  }
  const store = createSqliteStore({ file, workers: 2, queryTimeoutMs: options.queryTimeoutMs, queueLimit: options.queueLimit });
  const { server, baseUrl, origin } = await listen(store, options);
  return {
    engine: 'sqlite',
    store,
    baseUrl,
    origin,
    seedMs,
    write(sql, params = []) {
      // A statement SQLite refuses (a CHECK) rejects, as it does on PostgreSQL.
      return new Promise((resolve) => {
        const writer = openSqlite(file);
        try {
          writer.prepare(sql).run(...params);
        } finally {
          writer.close();
        }
        resolve();
      });
    },
    read(sql, params = []) {
      return new Promise((resolve) => {
        const reader = openSqlite(file, { readonly: true });
        try {
          resolve(reader.prepare(sql).all(...params) as Record<string, unknown>[]);
        } finally {
          reader.close();
        }
      });
    },
    async close() {
      await closeServer(server);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPostgresServer(options: StartOptions): Promise<RunningServer> {
  if (!POSTGRES_URL) throw new Error(NO_POSTGRES_MESSAGE);
  const schema = `msg_report_test_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const store = await createPostgresStore({
    connectionString: POSTGRES_URL,
    schema,
    queryTimeoutMs: options.queryTimeoutMs,
    queueLimit: options.queueLimit,
    applicationName: options.applicationName,
  });
  const seedMs: number[] = [];
  try {
    for (const tenant of options.tenants) seedMs.push((await seedPostgres(store.pool, tenant.dataset, { workspace: tenant.workspace })).ms);
  } catch (error) {
    await store.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => {});
    await store.close();
    throw error;
  }
  const { server, baseUrl, origin } = await listen(store, options);
  return {
    engine: 'postgres',
    store,
    baseUrl,
    origin,
    seedMs,
    async write(sql, params = []) {
      await store.pool.query(numberPlaceholders(sql), params);
    },
    async read(sql, params = []) {
      return (await store.pool.query<Record<string, unknown>>(numberPlaceholders(sql), params)).rows;
    },
    async close() {
      await closeServer(server);
      await store.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => {});
      await store.close();
    },
  };
}
