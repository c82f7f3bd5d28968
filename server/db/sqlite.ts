/**
 * SQLite through better-sqlite3 (synchronous): opening a file with the server's pragmas, applying
 * migrations, and an executor with a prepared-statement cache and a deadline checked before every
 * statement. Report queries run on it inside worker processes (see ../sqlite-pool.ts), never on the
 * main event loop.
 */
import type Database from 'better-sqlite3';
import { QueryTimeoutError } from '../api/store.js';
import { betterSqlite3 } from './driver.js';
import { countTriggers, rebuildCountsSql } from './count-triggers.js';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './schema.js';
import type { Row, SqlExecutor } from './sql.js';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Page cache per connection, in MiB; default 64. */
  cacheMiB?: number;
}

export function openSqlite(file: string, options: OpenOptions = {}): SqliteDatabase {
  const Driver = betterSqlite3();
  const db = new Driver(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${(options.cacheMiB ?? 64) * 1024}`);
  // Memory-mapped reads: the OS page cache serves index scans without copying into SQLite's cache.
  db.pragma('mmap_size = 2147483648');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Applies the migrations not applied yet, each in its own transaction. Returns the ids applied. */
export function migrateSqlite(db: SqliteDatabase): number[] {
  db.exec(MIGRATIONS_TABLE_SQL);
  const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      for (const statement of migration.up('sqlite')) db.exec(statement);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(migration.id, migration.name, Date.now());
    })();
    applied.push(migration.id);
  }
  // An upgrade in place (a seeded file; a fresh one is analyzed by its seed): the planner's
  // statistics are refreshed, since a migration may have added many rows or indexes. Without them
  // SQLite once turned a join of count pieces inside out and read a whole set of counts.
  if (applied.length > 0 && done.size > 0) db.exec('ANALYZE');
  return applied;
}

/**
 * Makes sure the triggers that keep `message_counts` exist; if one was missing (an interrupted
 * seed), rebuilds all the counts from `messages`, since writes may have gone uncounted meanwhile.
 */
export function ensureSqliteRollup(db: SqliteDatabase): boolean {
  const { names, create } = countTriggers('sqlite');
  const present = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`)
    .get(...names) as { n: number };
  if (present.n === names.length) return false;
  db.transaction(() => {
    for (const statement of rebuildCountsSql(false)) db.exec(statement);
    for (const statement of create) db.exec(statement);
  })();
  return true;
}

/** Creates `file` if need be, applies pending migrations and makes sure the counts' triggers exist. */
export function prepareSqliteFile(file: string): void {
  const db = openSqlite(file);
  try {
    migrateSqlite(db);
    ensureSqliteRollup(db);
  } finally {
    db.close();
  }
}

/** The highest migration applied, or 0 for a database without the migrations table. */
export function sqliteSchemaVersion(db: SqliteDatabase): number {
  const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return 0;
  return (db.prepare('SELECT coalesce(max(id), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

/** An executor over one connection. `deadline` (epoch ms) is checked before each statement. */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  /** Epoch ms after which the next statement throws {@link QueryTimeoutError}; set per job. */
  deadline = Infinity;
  timeoutMs = 0;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: SqliteDatabase) {}

  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      // Maps iterate in insertion order, so the first key is the oldest.
      for (const oldest of this.statements.keys()) {
        if (this.statements.size < 500) break;
        this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  allSync<T extends Row = Row>(sql: string, params: readonly unknown[] = []): T[] {
    if (Date.now() > this.deadline) throw new QueryTimeoutError(this.timeoutMs);
    return this.prepare(sql).all(...params) as T[];
  }

  /** {@link allSync} as the executor interface wants it: a statement that throws rejects. */
  all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return new Promise((resolve) => resolve(this.allSync<T>(sql, params)));
  }
}
