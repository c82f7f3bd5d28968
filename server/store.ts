/**
 * The stores over the SQL report (./report.ts), as the router (./api/) calls them, plus what the
 * benchmark and shutdown need. Two implementations:
 * - {@link createPostgresStore}: the report queries over a pg pool, on the event loop (pg is
 *   asynchronous), cut off server-side by `statement_timeout`;
 * - {@link createSqliteStore} (./sqlite-pool.ts): the same queries in worker processes, because
 *   better-sqlite3 blocks the thread it runs on and cannot be interrupted inside a statement.
 */
import type pg from 'pg';
import type {
  BreakdownParams,
  BroadcastsParams,
  DeliveryBreakdownParams,
  ActivityParams,
  BreakdownTrendParams,
  DeliveryParams,
  MessagesParams,
  OptionsParams,
} from '../src/core/contract/types.js';
import { DEFAULT_QUERY_TIMEOUT_MS, OverloadedError, QueryTimeoutError, type ExportPageParams, type ReportStore } from './api/store.js';
import { schemaProblems } from './db/check.js';
import { createPgPool, ensurePostgresRollup, migratePostgres, PostgresExecutor, unavailableIfConnectionLost } from './db/postgres.js';
import { createIndexSql, MESSAGE_INDEXES } from './db/indexes.js';
import { createReport, type FloorQuery } from './report.js';

export interface DatabaseStore extends ReportStore {
  readonly engine: 'sqlite' | 'postgres';
  /** The benchmark's floor: a bare `GROUP BY` (or count) over the messages a query counts; resolves to how many. */
  floor(workspace: string, query: FloorQuery): Promise<number>;
  close(): Promise<void>;
}

/** The PostgreSQL store: its pg pool, and the check of a schema it did not create. */
export interface PostgresStore extends DatabaseStore {
  readonly engine: 'postgres';
  readonly pool: pg.Pool;
  /**
   * What the report's queries would miss in the tables or views they read (one sentence each;
   * empty when none): for a schema mapped onto a host's own tables (`migrate: false`).
   */
  checkSchema(): Promise<string[]>;
}

/**
 * Rejects with {@link QueryTimeoutError} (naming `ms`, the configured timeout) if `promise` takes
 * longer than `ms`: the bound on the whole answer, waiting for a connection and every statement
 * included (`statement_timeout` bounds each statement alone).
 */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface PostgresStoreOptions {
  connectionString: string;
  /** Pool size; default 10. */
  poolSize?: number;
  queryTimeoutMs?: number;
  /**
   * Apply pending migrations on open (creating the tables in {@link schema}); default true. False
   * for tables or views of your own (see docs/own-database.md): nothing is created or altered, and
   * nothing is asked of the database until the first query.
   */
  migrate?: boolean;
  /** Most queries waiting for a connection before answering 429; default 200. */
  queueLimit?: number;
  /** Schema for the tables (created if missing); default the `search_path`. */
  schema?: string;
  /** The sessions' `application_name` (as `pg_stat_activity` shows it); default `msg-report`. */
  applicationName?: string;
  /**
   * Run the queries as named prepared statements (default true: parsed once per connection, and
   * planned once when PostgreSQL settles on a generic plan). False behind a pooler that cannot
   * keep them: PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
}

/** The report over PostgreSQL (`DATABASE_URL`). Migrates on open unless told not to. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const pool = createPgPool({
    connectionString: options.connectionString,
    max: options.poolSize,
    statementTimeoutMs: timeoutMs,
    schema: options.schema,
    applicationName: options.applicationName,
  });
  try {
    if (options.migrate ?? true) {
      await migratePostgres(pool, options.schema);
      // A seed interrupted between dropping and rebuilding indexes must not leave them missing.
      for (const index of MESSAGE_INDEXES) await pool.query(createIndexSql(index, 'postgres'));
      await ensurePostgresRollup(pool);
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const executor = new PostgresExecutor(pool, { timeoutMs, preparedStatements: options.preparedStatements });
  const report = createReport(executor);
  const queueLimit = options.queueLimit ?? 200;
  let active = 0;
  return {
    engine: 'postgres',
    pool,
    async run(op, workspace, params, runOptions = {}) {
      if (active >= queueLimit) throw new OverloadedError();
      if (runOptions.signal?.aborted) throw runOptions.signal.reason;
      active++;
      try {
        const ms = runOptions.timeoutMs ?? timeoutMs;
        const run = (): Promise<unknown> => {
          switch (op) {
            case 'breakdown':
              return report.breakdown(workspace, params as BreakdownParams);
            case 'delivery':
              return report.delivery(workspace, params as DeliveryParams);
            case 'deliveryBreakdown':
              return report.deliveryBreakdown(workspace, params as DeliveryBreakdownParams);
            case 'messages':
              return report.messages(workspace, params as MessagesParams, runOptions.hints);
            case 'broadcasts':
              return report.broadcasts(workspace, params as BroadcastsParams);
            case 'exportPage':
              return report.exportPage(workspace, params as ExportPageParams);
            case 'options':
              return report.options(workspace, params as OptionsParams);
            case 'breakdownTrend':
              return report.breakdownTrend(workspace, params as BreakdownTrendParams);
            case 'activity':
              return report.activity(workspace, params as ActivityParams);
          }
          throw new Error(`Unknown operation ${String(op)}`);
        };
        // statement_timeout cancels a statement in the server; this bounds the whole answer.
        return (await withTimeout(run().catch(unavailableIfConnectionLost), ms)) as never;
      } finally {
        active--;
      }
    },
    floor: (workspace, query) => report.floor(workspace, query),
    checkSchema: () => schemaProblems(executor).catch(unavailableIfConnectionLost),
    async ping() {
      await withTimeout(pool.query('SELECT 1').catch(unavailableIfConnectionLost), 5_000);
    },
    async close() {
      await pool.end();
    },
  };
}
