/**
 * The SQLite store: report queries run in a pool of worker processes (tinypool, `child_process`
 * runtime), each with its own read-only connection, so that they never block the event loop and
 * one long query does not stall the others.
 *
 * Processes rather than threads, because of the deadline: better-sqlite3 cannot interrupt a
 * statement (no `sqlite3_interrupt`, and its build leaves out SQLite's progress handler), and a
 * terminated worker thread keeps running the statement it is in until that ends — holding a core,
 * and holding `process.exit` — whereas a killed process stops at once.
 *
 * Every job has a deadline: the worker checks it before each statement (→ 503); the answer is due
 * at the deadline whatever happens; a worker still busy shortly after it is killed and replaced.
 * Jobs wait in a bounded queue (full → {@link OverloadedError}, answered 429).
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { DatabaseUnavailableError, DEFAULT_QUERY_TIMEOUT_MS, OverloadedError, QueryTimeoutError, type RunOptions } from './api/store.js';
import { prepareSqliteFile } from './db/sqlite.js';
import type { SqliteJob, SqliteReply } from './sqlite-worker.js';
import type { DatabaseStore } from './store.js';

export interface SqliteStoreOptions {
  /** The database file. */
  file: string;
  /**
   * Create the file if need be and apply pending migrations before the first query (in this
   * process, synchronously); default false: the file holds the schema already (./setup.ts made it,
   * or your own tables and views do; `checkSchema()` tells what they lack).
   */
  migrate?: boolean;
  /** Worker processes; default min(4, available cores), at least 2. */
  workers?: number;
  queryTimeoutMs?: number;
  /** Most jobs waiting for a worker before answering 429; default 200. */
  queueLimit?: number;
  /** SQLite page cache per worker, MiB; default 64. */
  cacheMiB?: number;
}

/** SQLite result codes that mean the database file cannot be used right now. */
const UNAVAILABLE_CODES = /^SQLITE_(CANTOPEN|IOERR|BUSY|LOCKED|NOTADB|CORRUPT|PROTOCOL)/;

/** How long past its deadline a job may run before its worker is killed. */
const KILL_GRACE_MS = 250;

// From source (tsx) the worker is the .ts file: forked processes inherit tsx's loader flags.
const workerFile = new URL(`./sqlite-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Runs `job` on the pool; answers {@link QueryTimeoutError} at its deadline. Aborting a job that
 * still waits drops it from the queue; aborting one that runs kills its process. So: a job that
 * waits is dropped at its deadline, or as soon as its client has gone; a job that runs is killed
 * only if it is still running {@link KILL_GRACE_MS} after its deadline (until then the worker's
 * own check between statements may end it cheaply), and never because its client left (a new
 * process costs more than finishing the query).
 */
function runWithDeadline(pool: Tinypool, job: SqliteJob, clientSignal?: AbortSignal): Promise<SqliteReply> {
  const cancel = new AbortController();
  let started = false;
  // Tinypool subscribes to a task's channel when it hands the task to a worker: the job has started.
  const channel = { onMessage: () => void (started = true) };
  const dropIfWaiting = () => {
    if (!started) cancel.abort();
  };
  clientSignal?.addEventListener('abort', dropIfWaiting, { once: true });
  const task = pool.run(job, { signal: cancel.signal, channel }) as Promise<SqliteReply>;
  return new Promise<SqliteReply>((resolve, reject) => {
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const deadlineTimer = setTimeout(() => {
      reject(new QueryTimeoutError(job.timeoutMs));
      if (started) killTimer = setTimeout(() => cancel.abort(), KILL_GRACE_MS);
      else cancel.abort();
    }, job.deadline - Date.now());
    void task
      .then(resolve, (error: unknown) => {
        // Anything but our own abort means the worker process failed (it died, or could not start).
        if (!(error instanceof Error && error.name === 'AbortError')) reject(new DatabaseUnavailableError({ cause: error }));
        else reject(clientSignal?.aborted ? clientSignal.reason : new QueryTimeoutError(job.timeoutMs));
      })
      .finally(() => {
        clearTimeout(deadlineTimer);
        clearTimeout(killTimer);
        clientSignal?.removeEventListener('abort', dropIfWaiting);
      });
  });
}

/** The SQLite store: its worker processes, and the check of a schema it did not create. */
export interface SqliteStore extends DatabaseStore {
  readonly engine: 'sqlite';
  /** How many worker processes answer queries. */
  readonly workers: number;
  /** What the report's queries would miss in the file's tables or views (one sentence each; empty when none). */
  checkSchema(): Promise<string[]>;
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.migrate) prepareSqliteFile(options.file);
  const size = Math.max(1, options.workers ?? Math.max(2, Math.min(4, availableParallelism())));
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const queueLimit = options.queueLimit ?? 200;
  const pool = new Tinypool({
    filename: workerFile.href,
    runtime: 'child_process',
    // Structured clone instead of JSON: about half the cost for a page of rows.
    serialization: 'advanced',
    minThreads: size,
    maxThreads: size,
  });
  // A worker process that dies while idle (killed, out of memory) is reported here, and replaced by
  // the pool; without a listener the event would crash the server. One that dies busy fails its job
  // instead, answered 503 (DatabaseUnavailableError).
  pool.on('error', () => {});
  let closed = false;

  async function submit(op: SqliteJob['op'], workspace: string, params: unknown, run: RunOptions = {}): Promise<unknown> {
    if (closed) throw new Error('The store is closed');
    if (pool.queueSize >= queueLimit) throw new OverloadedError();
    if (run.signal?.aborted) throw run.signal.reason;
    const ms = run.timeoutMs ?? timeoutMs;
    const job: SqliteJob = {
      file: options.file,
      cacheMiB: options.cacheMiB,
      op,
      workspace,
      params,
      hints: run.hints,
      deadline: Date.now() + ms,
      timeoutMs: ms,
    };
    const reply = await runWithDeadline(pool, job, run.signal);
    if (reply.ok) return reply.result;
    if (reply.name === 'QueryTimeoutError') throw new QueryTimeoutError(ms);
    const error = Object.assign(new Error(reply.message), { name: reply.name, code: reply.code });
    // The file cannot be opened or read (deleted, unreadable, a failing disk): not the query's fault.
    if (reply.code !== undefined && UNAVAILABLE_CODES.test(reply.code)) throw new DatabaseUnavailableError({ cause: error });
    throw error;
  }

  return {
    engine: 'sqlite',
    workers: size,
    run: (op, workspace, params, runOptions) => submit(op, workspace, params, runOptions) as never,
    floor: (workspace, query) => submit('floor', workspace, query) as Promise<number>,
    checkSchema: () => submit('schema', '', null, { timeoutMs: 30_000 }) as Promise<string[]>,
    async ping() {
      await submit('ping', '', null, { timeoutMs: 5_000 });
    },
    async close() {
      closed = true;
      // The server has let in-flight requests finish before closing the store.
      await pool.destroy();
    },
  };
}
