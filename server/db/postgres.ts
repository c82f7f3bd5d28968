/**
 * PostgreSQL through pg: a pool with a server-side `statement_timeout` (a slow query is cancelled
 * by the server, not merely abandoned), BIGINT parsed as numbers (epoch ms and counts fit in a
 * double), migrations under an advisory lock so several instances can start at once.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DatabaseUnavailableError, QueryTimeoutError } from '../api/store.js';
import { pgDriver } from './driver.js';
import { countTriggers, rebuildCountsSql } from './count-triggers.js';
import { MIGRATIONS, MIGRATIONS_TABLE_SQL } from './schema.js';
import { numberPlaceholders, type Row, type SqlExecutor } from './sql.js';

/** Any lock id works as long as every instance uses the same one. */
const MIGRATION_LOCK = 0x6d73_6772;

let types: pg.TypeOverrides | undefined;

/** BIGINT and NUMERIC as numbers for this module's pools only; other types keep pg's parsers. */
function numberTypes(driver: typeof pg): pg.TypeOverrides {
  if (types) return types;
  types = new driver.TypeOverrides();
  types.setTypeParser(driver.types.builtins.INT8, Number);
  types.setTypeParser(driver.types.builtins.NUMERIC, Number);
  return types;
}

export interface PostgresOptions {
  connectionString: string;
  /** Pool size; default 10. */
  max?: number;
  /** Server-side statement timeout, ms; default 15,000. */
  statementTimeoutMs?: number;
  applicationName?: string;
  /** Schema for the tables (created if missing); default the server's `search_path`. */
  schema?: string;
}

/** A schema name as a quoted identifier (names are configuration, never request data). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function createPgPool(options: PostgresOptions): pg.Pool {
  const driver = pgDriver();
  const pool = new driver.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    application_name: options.applicationName ?? 'msg-report',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: numberTypes(driver),
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema).replace(/ /g, '\\ ')}` } : {}),
  });
  // An idle client's connection dropping must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a checked-out one's. When PostgreSQL ends a session (pg_terminate_backend, a restart)
  // right after a query's last answer, the FATAL notice can arrive in the same packet: pg emits
  // it as 'error' on a client that is checked out but has no query running, where the pool does
  // not listen, and an 'error' nobody listens to ends the Node process. Nothing else is needed
  // here: the client is then marked unusable, and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** PostgreSQL's "canceling statement due to statement timeout". */
function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '57014';
}

/** Network errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether `error` says the database is out of reach rather than that the query is wrong: the
 * connection was refused, lost or timed out (pg's own messages carry no code), or PostgreSQL ended
 * the session — SQLSTATE class 08 (connection exception), 57P01–57P05 (administrator shutdown or
 * `pg_terminate_backend`, crash, cannot connect now, idle timeouts), 53300 (too many connections).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (code.startsWith('08') || /^57P0[1-5]$/.test(code) || code === '53300') return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Connection ended unexpectedly/i.test(
      message,
    )
  );
}

/** Rethrows a lost connection as {@link DatabaseUnavailableError} (answered 503), anything else as it is. */
export function unavailableIfConnectionLost(error: unknown): never {
  if (error instanceof QueryTimeoutError || error instanceof DatabaseUnavailableError) throw error;
  if (isConnectionLoss(error)) throw new DatabaseUnavailableError({ cause: error });
  throw error;
}

/** Most statements prepared on one connection; later ones run unnamed (parsed and planned each time). */
const PREPARED_PER_CONNECTION = 200;
/** The names prepared on each pooled connection (a new connection starts with none). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
const statementNames = new Map<string, string>();

/** A prepared statement's name: a hash of its text, so that the same text always gets the same name. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `msg_report_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (statementNames.size > 2000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

export interface PostgresExecutorOptions {
  timeoutMs?: number;
  /**
   * Run statements as named prepared statements on each connection (default true): PostgreSQL
   * then parses a statement once per connection, and after five runs may keep a generic plan
   * instead of planning it again — the planning of a list page costs about as much as running it.
   * At most {@link PREPARED_PER_CONNECTION} per connection. False behind a pooler that cannot keep
   * them (PgBouncer in transaction mode before 1.21).
   */
  preparedStatements?: boolean;
}

export class PostgresExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;
  readonly timeoutMs: number;
  readonly #prepare: boolean;

  constructor(
    readonly pool: pg.Pool | pg.PoolClient,
    options: PostgresExecutorOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { timeoutMs: options } : options;
    this.timeoutMs = o.timeoutMs ?? 15_000;
    this.#prepare = o.preparedStatements ?? true;
  }

  async all<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const text = numberPlaceholders(sql);
    try {
      if (!this.#prepare || !isPool(this.pool)) return (await this.pool.query(text, params as unknown[])).rows as T[];
      const client = await this.pool.connect();
      let failure: Error | undefined;
      try {
        let names = preparedOn.get(client);
        if (!names) preparedOn.set(client, (names = new Set()));
        const name = statementName(text);
        const prepared = names.has(name) || names.size < PREPARED_PER_CONNECTION;
        const result = await client.query(prepared ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] });
        if (prepared) names.add(name);
        return result.rows as T[];
      } catch (error) {
        // As pg's pool.query does: a connection whose query failed is not reused.
        failure = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(failure);
      }
    } catch (error) {
      if (isStatementTimeout(error)) throw new QueryTimeoutError(this.timeoutMs);
      throw error;
    }
  }
}

function isPool(pool: pg.Pool | pg.PoolClient): pool is pg.Pool {
  return 'totalCount' in pool;
}

/** Applies pending migrations (one transaction each) under an advisory lock. Returns ids applied. */
export async function migratePostgres(pool: pg.Pool, schema?: string): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(MIGRATIONS_TABLE_SQL);
    // `id` is an INTEGER, which pg parses as a number.
    const done = new Set((await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        for (const statement of migration.up('postgres')) await client.query(statement);
        await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
          migration.id,
          migration.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.id);
    }
    // An upgrade in place: fresh statistics for the planner (see migrateSqlite); a fresh database is
    // analyzed by its seed.
    if (applied.length > 0 && done.size > 0) await client.query('ANALYZE');
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}

/**
 * Makes sure the trigger that keeps `message_counts` exists; if it was missing (an interrupted
 * seed), rebuilds all the counts from `messages`, since writes may have gone uncounted meanwhile.
 */
export async function ensurePostgresRollup(pool: pg.Pool): Promise<boolean> {
  const { names, create } = countTriggers('postgres');
  const { rows } = await pool.query(`SELECT 1 FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass('messages')`, [names[0]]);
  if (rows.length > 0) return false;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE messages IN SHARE ROW EXCLUSIVE MODE');
    for (const statement of rebuildCountsSql(false)) await client.query(statement);
    for (const statement of create) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return true;
}
