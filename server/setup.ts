/**
 * Opening the configured database, ready to serve: SQLite (a file) or PostgreSQL (`DATABASE_URL`),
 * migrated unless told not to. With a seed plan (`npm start`, `msg-report-server --seed N`) an SQLite
 * file is created and seeded on first use and reused afterwards, and a PostgreSQL workspace with no
 * data yet is seeded; without one (`msg-report-server` on a database of your own) nothing is seeded.
 * Shared by the CLI, the tests and the benchmark.
 *
 * Several instances may start at once on one database: on SQLite a lock file beside the database
 * lets one seed while the others wait (a lock left by a process that died is taken over); on
 * PostgreSQL an advisory lock does the same. A seed that fails (a full disk, say) removes its
 * temporary files. The secret that signs cursors is generated once and kept in the database
 * (`server_secrets`), unless one is given.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type pg from 'pg';
import { bytesToBase64Url, cursorSecretProblem, randomCursorSecret } from './api/cursor.js';
import { ensureSqliteRollup, migrateSqlite, openSqlite, sqliteSchemaVersion, type SqliteDatabase } from './db/sqlite.js';
import { INSERT_SECRET_SQL, SCHEMA_VERSION, SEEDED_SCHEMA_VERSION, SELECT_SECRET_SQL } from './db/schema.js';
import { numberPlaceholders } from './db/sql.js';
import { generateSeedData, type Dataset, type SeedPlan } from './sample-data.js';
import { postgresSeedInfo, seedPostgres, seedSqlite, sqliteSeedInfo, type SeedInfo, type SeedProgress } from './seed.js';
import { createSqliteStore } from './sqlite-pool.js';
import { createPostgresStore, type DatabaseStore } from './store.js';

export interface SetupOptions {
  /** `postgres://…` to use PostgreSQL; otherwise SQLite at {@link sqliteFile}. */
  databaseUrl?: string;
  sqliteFile?: string;
  /** Workspace the seeded data belongs to; default the data set's (`ws_1`). */
  workspace?: string;
  /**
   * Seed the sample data set when the workspace has none (default: 1,000,000 messages); `false`
   * never seeds — a database of your own, served as it is.
   */
  seed?: SeedPlan | false;
  /** Drop the workspace's data and seed again (with a seed plan). */
  reseed?: boolean;
  /**
   * Create the schema and apply pending migrations; default true. `false`: the tables or views
   * are yours (docs/own-database.md) — nothing is created, and the server checks at start that
   * they provide what the queries read. Not with a seed plan.
   */
  migrate?: boolean;
  queryTimeoutMs?: number;
  sqliteWorkers?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Told once when another instance is seeding and this one waits for it. */
  onWait?: (holder: string) => void;
  /** The secret cursors are signed with (`CURSOR_SECRET`); default the one kept in the database. */
  cursorSecret?: string;
  /** PostgreSQL: the pool's `application_name`; default `msg-report`. */
  applicationName?: string;
  /** PostgreSQL: the schema for the tables; default the `search_path`. */
  postgresSchema?: string;
}

export interface SetupResult {
  store: DatabaseStore;
  engine: 'sqlite' | 'postgres';
  workspace: string;
  /** What the workspace was seeded with; undefined for data that was not seeded by msg-report. */
  info: SeedInfo | undefined;
  /** Set when this start seeded the data. */
  seeded?: { messages: number; generateMs: number; loadMs: number };
  /** Where the data lives: the SQLite file or the PostgreSQL URL without its password. */
  location: string;
  /** The secret that signs cursors: the one given, or the one kept in the database. */
  cursorSecret: string;
}

/** A start-up failure already phrased as one sentence for the operator (the CLI prints it as is). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
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

/** A setup with a seed plan: the workspace holds sample data, and {@link SetupResult.info} says which. */
export type SeededSetupResult = SetupResult & { info: SeedInfo };

export async function setupStore(options: SetupOptions & { seed?: SeedPlan }): Promise<SeededSetupResult>;
export async function setupStore(options: SetupOptions): Promise<SetupResult>;
export async function setupStore(options: SetupOptions): Promise<SetupResult> {
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  if (options.cursorSecret !== undefined) {
    const problem = cursorSecretProblem(options.cursorSecret);
    if (problem) throw new StartupError(`CURSOR_SECRET is too short: ${problem}.`);
  }
  if (options.migrate === false && options.seed !== false)
    throw new StartupError("Sample data is seeded into the server's own tables: seeding and --no-migrate exclude each other.");
  if (options.databaseUrl) return setupPostgres(options.databaseUrl, options, workspace);
  return setupSqlite(options, workspace);
}

/** A new secret as text: 32 random bytes, base64url. */
function newSecret(): string {
  return bytesToBase64Url(randomCursorSecret());
}

/** Why a database without the server's migrations cannot keep the cursor secret. */
const NO_SECRETS_TABLE =
  'The database has no server_secrets table to keep the cursor secret in (it was not migrated): set CURSOR_SECRET ' +
  '(at least 32 bytes, e.g. `openssl rand -base64 48`), the same on every instance.';

/** The stored cursor secret, stored first if there is none yet. */
function sqliteCursorSecret(db: SqliteDatabase): string {
  try {
    db.prepare(INSERT_SECRET_SQL).run('cursor', newSecret(), Date.now());
  } catch (error) {
    if (error instanceof Error && /no such table/.test(error.message)) throw new StartupError(NO_SECRETS_TABLE);
    throw error;
  }
  const row = db.prepare(SELECT_SECRET_SQL).get('cursor') as { value: string } | undefined;
  if (!row) throw new Error('The cursor secret was not stored');
  return row.value;
}

async function postgresCursorSecret(pool: pg.Pool): Promise<string> {
  try {
    await pool.query(numberPlaceholders(INSERT_SECRET_SQL), ['cursor', newSecret(), Date.now()]);
  } catch (error) {
    // 42P01: undefined_table.
    if ((error as { code?: unknown }).code === '42P01') throw new StartupError(NO_SECRETS_TABLE);
    throw error;
  }
  const { rows } = await pool.query<{ value: string }>(numberPlaceholders(SELECT_SECRET_SQL), ['cursor']);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('The cursor secret was not stored');
  return value;
}

/** Refuses a schema the queries cannot run on, naming what it lacks. */
async function checkMappedSchema(store: { checkSchema(): Promise<string[]> }, where: string): Promise<void> {
  const problems = await store.checkSchema();
  if (problems.length > 0)
    throw new StartupError(`${where} does not provide what the report reads (see docs/own-database.md): ${problems.join('; ')}.`);
}

/**
 * Whether the SQLite file holds messages that msg-report did not seed (no `seed_info` at all):
 * a database of someone's own, which seeding must never replace.
 */
function holdsOwnData(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = openSqlite(file);
  try {
    const has = (table: string) =>
      db.prepare(`SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?`).get(table) !== undefined;
    if (!has('messages')) return false;
    if (db.prepare('SELECT 1 FROM messages LIMIT 1').get() === undefined) return false;
    return !has('seed_info') || db.prepare('SELECT 1 FROM seed_info LIMIT 1').get() === undefined;
  } finally {
    db.close();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file `lock` (created exclusively, holding our pid), waiting while another live
 * process holds it; a lock whose process is gone is taken over. Returns its release.
 */
async function takeLock(lock: string, onWait?: (holder: string) => void): Promise<() => void> {
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      // Gone between the two calls, or being written: look again.
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      // Its process died (killed while seeding): take it over. Remove-and-retry is not atomic,
      // but the exclusive create above still lets only one waiter win.
      rmSync(lock, { force: true });
      continue;
    }
    if (!told) {
      told = true;
      onWait?.(Number.isInteger(holder) ? `process ${holder}` : 'another process');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function setupSqlite(options: SetupOptions, workspace: string): Promise<SetupResult> {
  const file = options.sqliteFile ?? 'data/msg-report.sqlite';
  const migrate = options.migrate ?? true;
  const seed = options.seed;
  if (!migrate && !existsSync(file)) throw new StartupError(`${file} does not exist: give the path of your SQLite database.`);
  mkdirSync(dirname(file) || '.', { recursive: true });
  const release = await takeLock(`${file}.lock`, options.onWait);
  let seeded: SetupResult['seeded'];
  let info: SeedInfo | undefined;
  let secret: string;
  try {
    if (seed !== false) {
      let usable = false;
      if (existsSync(file) && !options.reseed) {
        const db = openSqlite(file);
        try {
          const version = sqliteSchemaVersion(db);
          usable = version >= SEEDED_SCHEMA_VERSION && version <= SCHEMA_VERSION && sqliteSeedInfo(db, workspace) !== undefined;
        } finally {
          db.close();
        }
      }
      if (!usable && holdsOwnData(file))
        throw new StartupError(
          `${file} holds messages that msg-report did not seed, which seeding would replace: ` +
            'serve it without seeding, or seed sample data into another file.',
        );
      if (!usable) seeded = seedSqliteFile(file, { ...options, seed }, workspace);
    }
    const db = openSqlite(file);
    try {
      if (migrate) {
        // Later migrations are additive; the rollup triggers must exist.
        migrateSqlite(db);
        ensureSqliteRollup(db);
      }
      info = sqliteSeedInfo(db, workspace);
      secret = options.cursorSecret ?? sqliteCursorSecret(db);
    } finally {
      db.close();
    }
  } finally {
    release();
  }
  if (seed !== false && !info) throw new Error(`${file} has no seed information for workspace ${workspace} after seeding`);
  const store = createSqliteStore({ file, workers: options.sqliteWorkers, queryTimeoutMs: options.queryTimeoutMs });
  if (!migrate) {
    try {
      await checkMappedSchema(store, file);
    } catch (error) {
      await store.close().catch(() => {});
      throw error;
    }
  }
  return { store, engine: 'sqlite', workspace, info, seeded, location: file, cursorSecret: secret };
}

/** Steps the generate phase reports: thousandths, so the bar moves in small steps. */
const GENERATE_STEPS = 1000;

/** The sample data, its generation reported as the `generate` phase from 0 to {@link GENERATE_STEPS}. */
function generateWithProgress(plan: SeedPlan | undefined, onProgress: SetupOptions['onProgress']): Dataset {
  onProgress?.({ phase: 'generate', done: 0, total: GENERATE_STEPS });
  return generateSeedData(plan, (fraction) =>
    onProgress?.({ phase: 'generate', done: Math.round(fraction * GENERATE_STEPS), total: GENERATE_STEPS }),
  );
}

/**
 * Seeds into a temporary file and renames it into place: an interrupted seed leaves nothing
 * half-done, and a failed one (a full disk) removes what it wrote.
 */
function seedSqliteFile(
  file: string,
  options: SetupOptions & { seed: SeedPlan | undefined },
  workspace: string,
): NonNullable<SetupResult['seeded']> {
  const temp = `${file}.seeding`;
  const temporary = [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`];
  for (const f of temporary) rmSync(f, { force: true });
  try {
    const t0 = performance.now();
    const dataset = generateWithProgress(options.seed, options.onProgress);
    const generateMs = performance.now() - t0;
    let seeded: NonNullable<SetupResult['seeded']>;
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
    return seeded;
  } catch (error) {
    for (const f of temporary) rmSync(f, { force: true });
    throw error;
  }
}

/** Any id works as long as every instance uses the same one (the migrations use another). */
const SEED_LOCK = 0x6d73_6773;

async function setupPostgres(databaseUrl: string, options: SetupOptions, workspace: string): Promise<SetupResult> {
  const migrate = options.migrate ?? true;
  const seed = options.seed;
  const store = await createPostgresStore({
    connectionString: databaseUrl,
    queryTimeoutMs: options.queryTimeoutMs,
    applicationName: options.applicationName,
    schema: options.postgresSchema,
    migrate,
  });
  let seeded: SetupResult['seeded'];
  try {
    if (!migrate) await checkMappedSchema(store, options.postgresSchema ? `Schema ${options.postgresSchema}` : 'The database');
    let info = options.reseed && seed !== false ? undefined : await postgresSeedInfo(store.pool, workspace);
    if (!info && seed !== false) {
      // One instance seeds; another one starting meanwhile waits here, then finds the data.
      const lock = await store.pool.connect();
      try {
        const { rows } = await lock.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [SEED_LOCK]);
        const waited = rows[0]?.got !== true;
        if (waited) {
          options.onWait?.('another instance');
          await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
        }
        // After waiting, the other instance has seeded (or reseeded): use its data.
        if (waited || !options.reseed) info = await postgresSeedInfo(store.pool, workspace);
        if (!info) {
          // Reseeding replaces sample data; data that was never seeded is someone's own.
          const ownData =
            (await postgresSeedInfo(store.pool, workspace)) === undefined &&
            (await store.pool.query('SELECT 1 FROM messages WHERE workspace = $1 LIMIT 1', [workspace])).rowCount !== 0;
          if (ownData)
            throw new StartupError(
              `Workspace ${workspace} holds messages that msg-report did not seed, which seeding would replace: ` +
                'serve it without seeding, or seed sample data into another workspace or schema.',
            );
          const t0 = performance.now();
          const dataset = generateWithProgress(seed, options.onProgress);
          const generateMs = performance.now() - t0;
          const result = await seedPostgres(store.pool, dataset, { workspace, onProgress: options.onProgress });
          seeded = { messages: result.messages, generateMs, loadMs: result.ms };
          info = await postgresSeedInfo(store.pool, workspace);
          if (!info) throw new Error(`PostgreSQL has no seed information for workspace ${workspace} after seeding`);
        }
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => {});
        lock.release();
      }
    }
    const cursorSecret = options.cursorSecret ?? (await postgresCursorSecret(store.pool));
    return { store, engine: 'postgres', workspace, info, seeded, location: redact(databaseUrl), cursorSecret };
  } catch (error) {
    await store.close();
    throw error;
  }
}
