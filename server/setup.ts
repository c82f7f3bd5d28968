/**
 * Opening the configured database, ready to serve: SQLite (a file, created and seeded on first
 * use, reused afterwards) or PostgreSQL (`DATABASE_URL`; migrated, and seeded when the workspace
 * has no data yet). Shared by the CLI, the tests and the benchmark.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureSqliteRollup, migrateSqlite, openSqlite, sqliteSchemaVersion } from './db/sqlite.js';
import { SCHEMA_VERSION } from './db/schema.js';
import { generateSeedData, type SeedPlan } from './sample-data.js';
import { postgresSeedInfo, seedPostgres, seedSqlite, sqliteSeedInfo, type SeedInfo, type SeedProgress } from './seed.js';
import { createSqliteStore } from './sqlite-pool.js';
import { createPostgresStore, type DatabaseStore } from './store.js';

export interface SetupOptions {
  /** `postgres://…` to use PostgreSQL; otherwise SQLite at {@link sqliteFile}. */
  databaseUrl?: string;
  sqliteFile?: string;
  /** Workspace the seeded data belongs to; default the data set's (`ws_1`). */
  workspace?: string;
  seed?: SeedPlan;
  /** Drop the workspace's data and seed again. */
  reseed?: boolean;
  queryTimeoutMs?: number;
  sqliteWorkers?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SetupResult {
  store: DatabaseStore;
  engine: 'sqlite' | 'postgres';
  workspace: string;
  info: SeedInfo;
  /** Set when this start seeded the data. */
  seeded?: { messages: number; generateMs: number; loadMs: number };
  /** Where the data lives: the SQLite file or the PostgreSQL URL without its password. */
  location: string;
}

const DEFAULT_WORKSPACE = 'ws_1';

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export async function setupStore(options: SetupOptions): Promise<SetupResult> {
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  if (options.databaseUrl) return setupPostgres(options.databaseUrl, options, workspace);
  return setupSqlite(options, workspace);
}

function setupSqlite(options: SetupOptions, workspace: string): SetupResult {
  const file = options.sqliteFile ?? 'data/msg-report.sqlite';
  let seeded: SetupResult['seeded'];
  let usable = false;
  if (existsSync(file) && !options.reseed) {
    const db = openSqlite(file);
    try {
      usable = sqliteSchemaVersion(db) === SCHEMA_VERSION && sqliteSeedInfo(db, workspace) !== undefined;
    } finally {
      db.close();
    }
  }
  if (!usable) {
    // Seed into a temporary file and rename it into place: an interrupted seed leaves nothing half-done.
    mkdirSync(dirname(file) || '.', { recursive: true });
    const temp = `${file}.seeding`;
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
    const t0 = performance.now();
    options.onProgress?.({ phase: 'generate', done: 0, total: 1 });
    const dataset = generateSeedData(options.seed);
    const generateMs = performance.now() - t0;
    options.onProgress?.({ phase: 'generate', done: 1, total: 1 });
    const db = openSqlite(temp);
    try {
      // A fresh file that is renamed only when complete needs no journal while loading.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -262144');
      // Lets SQLite's sorter use a helper thread for the index builds.
      db.pragma('threads = 2');
      migrateSqlite(db);
      const result = seedSqlite(db, dataset, { workspace, onProgress: options.onProgress });
      seeded = { messages: result.messages, generateMs, loadMs: result.ms };
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    renameSync(temp, file);
  }
  const db = openSqlite(file);
  let info: SeedInfo | undefined;
  try {
    // (A file from an older schema version was re-seeded above.) The rollup triggers must exist.
    migrateSqlite(db);
    ensureSqliteRollup(db);
    info = sqliteSeedInfo(db, workspace);
  } finally {
    db.close();
  }
  if (!info) throw new Error(`${file} has no seed information for workspace ${workspace} after seeding`);
  const store = createSqliteStore({ file, workers: options.sqliteWorkers, queryTimeoutMs: options.queryTimeoutMs });
  return { store, engine: 'sqlite', workspace, info, seeded, location: file };
}

async function setupPostgres(databaseUrl: string, options: SetupOptions, workspace: string): Promise<SetupResult> {
  const store = await createPostgresStore({ connectionString: databaseUrl, queryTimeoutMs: options.queryTimeoutMs });
  let seeded: SetupResult['seeded'];
  try {
    let info = options.reseed ? undefined : await postgresSeedInfo(store.pool, workspace);
    if (!info) {
      const t0 = performance.now();
      options.onProgress?.({ phase: 'generate', done: 0, total: 1 });
      const dataset = generateSeedData(options.seed);
      const generateMs = performance.now() - t0;
      options.onProgress?.({ phase: 'generate', done: 1, total: 1 });
      const result = await seedPostgres(store.pool, dataset, { workspace, onProgress: options.onProgress });
      seeded = { messages: result.messages, generateMs, loadMs: result.ms };
      info = await postgresSeedInfo(store.pool, workspace);
      if (!info) throw new Error(`PostgreSQL has no seed information for workspace ${workspace} after seeding`);
    }
    return { store, engine: 'postgres', workspace, info, seeded, location: redact(databaseUrl) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
