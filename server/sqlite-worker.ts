/**
 * The task a SQLite worker process runs: one report query on its own read-only connection (opened
 * on the first job, kept for the next). The executor checks the job's deadline before every
 * statement; a single statement that overruns it is cut off by the pool, which kills the process.
 */
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
import type { ExportPageParams, MessagesHints, Operation } from './api/store.js';
import { schemaProblems } from './db/check.js';
import { openSqlite, SqliteExecutor } from './db/sqlite.js';
import { createReport, type FloorQuery, type Report } from './report.js';

export interface SqliteJob {
  file: string;
  cacheMiB?: number;
  op: Operation | 'floor' | 'ping' | 'schema';
  workspace: string;
  params: unknown;
  hints?: MessagesHints;
  /** Epoch ms. */
  deadline: number;
  timeoutMs: number;
}

/** Errors travel as data: only their name and message survive the trip between processes. */
export type SqliteReply = { ok: true; result: unknown } | { ok: false; name: string; message: string; code?: string };

let connection: { file: string; executor: SqliteExecutor; report: Report } | undefined;

function connect(file: string, cacheMiB?: number): NonNullable<typeof connection> {
  if (connection?.file === file) return connection;
  const db = openSqlite(file, { cacheMiB });
  // Reads only: a bug can never write through a report connection.
  db.pragma('query_only = 1');
  const executor = new SqliteExecutor(db);
  connection = { file, executor, report: createReport(executor) };
  return connection;
}

async function run(job: SqliteJob): Promise<unknown> {
  const { executor, report } = connect(job.file, job.cacheMiB);
  executor.deadline = job.deadline;
  executor.timeoutMs = job.timeoutMs;
  switch (job.op) {
    case 'breakdown':
      return report.breakdown(job.workspace, job.params as BreakdownParams);
    case 'delivery':
      return report.delivery(job.workspace, job.params as DeliveryParams);
    case 'deliveryBreakdown':
      return report.deliveryBreakdown(job.workspace, job.params as DeliveryBreakdownParams);
    case 'messages':
      return report.messages(job.workspace, job.params as MessagesParams, job.hints);
    case 'broadcasts':
      return report.broadcasts(job.workspace, job.params as BroadcastsParams);
    case 'exportPage':
      return report.exportPage(job.workspace, job.params as ExportPageParams);
    case 'options':
      return report.options(job.workspace, job.params as OptionsParams);
    case 'breakdownTrend':
      return report.breakdownTrend(job.workspace, job.params as BreakdownTrendParams);
    case 'activity':
      return report.activity(job.workspace, job.params as ActivityParams);
    case 'floor':
      return report.floor(job.workspace, job.params as FloorQuery);
    case 'ping':
      return executor.allSync('SELECT 1 AS ok');
    case 'schema':
      return schemaProblems(executor);
  }
}

export default async function answer(job: SqliteJob): Promise<SqliteReply> {
  try {
    return { ok: true, result: await run(job) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    return { ok: false, name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
  }
}
