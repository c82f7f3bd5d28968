/**
 * A worker thread that answers report queries on its own read-only SQLite connection. One job at a
 * time; the executor checks the job's deadline before every statement, and the pool terminates the
 * thread if a single statement overruns it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BreakdownParams, DeliveryParams, MessagesParams, OptionsParams } from '../src/core/contract/types.js';
import { openSqlite, SqliteExecutor } from './db/sqlite.js';
import { createReport } from './report.js';
import type { WorkerJob, WorkerReply } from './sqlite-pool.js';

const { file, cacheMiB } = workerData as { file: string; cacheMiB?: number };
const db = openSqlite(file, { cacheMiB });
// Reads only: a bug can never write through a report connection.
db.pragma('query_only = 1');
const executor = new SqliteExecutor(db);
const report = createReport(executor);

async function run(job: WorkerJob): Promise<unknown> {
  switch (job.op) {
    case 'breakdown':
      return report.breakdown(job.workspace, job.params as BreakdownParams);
    case 'delivery':
      return report.delivery(job.workspace, job.params as DeliveryParams);
    case 'messages':
      return report.messages(job.workspace, job.params as MessagesParams, job.hints);
    case 'options':
      return report.options(job.workspace, job.params as OptionsParams);
    case 'floor': {
      const { direction, from, to } = job.params as { direction: 'incoming' | 'outgoing'; from: number; to: number };
      return report.floor(job.workspace, direction, from, to);
    }
    case 'ping':
      return executor.allSync('SELECT 1 AS ok');
  }
}

parentPort!.on('message', async (job: WorkerJob) => {
  executor.deadline = job.deadline;
  executor.timeoutMs = job.timeoutMs;
  let reply: WorkerReply;
  try {
    reply = { id: job.id, ok: true, result: await run(job) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: job.id, ok: false, error: { name: e.name, message: e.message } };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
