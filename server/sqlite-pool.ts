/**
 * The SQLite store: a small pool of worker threads (./sqlite-worker.ts), each with its own
 * connection, so report queries never run on the event loop and one long query does not stall the
 * others. Jobs wait in a bounded queue (full: {@link OverloadedError}, answered 429). Every job has
 * a deadline: the worker checks it before each statement, and a worker still busy shortly after it
 * is terminated and replaced, so a slow query is cut off rather than left running.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_QUERY_TIMEOUT_MS,
  OverloadedError,
  QueryTimeoutError,
  type MessagesHints,
  type Operation,
  type RunOptions,
} from './api/store.js';
import type { DatabaseStore } from './store.js';

export interface WorkerJob {
  id: number;
  op: Operation | 'floor' | 'ping';
  workspace: string;
  params: unknown;
  hints?: MessagesHints;
  /** Epoch ms. */
  deadline: number;
  timeoutMs: number;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string } };

export interface SqliteStoreOptions {
  /** The database file (migrated and seeded beforehand; see ./setup.ts). */
  file: string;
  /** Worker threads; default min(4, available cores), at least 2. */
  workers?: number;
  queryTimeoutMs?: number;
  /** Most jobs waiting for a worker before answering 429; default 200. */
  queueLimit?: number;
  /** SQLite page cache per worker, MiB; default 64. */
  cacheMiB?: number;
}

interface Pending {
  job: WorkerJob;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  signal?: AbortSignal;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  started?: boolean;
  /** Why the worker failed to start, while it waits to be replaced. */
  broken?: unknown;
  busy?: { pending: Pending; timer: ReturnType<typeof setTimeout> };
}

/** How long past its deadline a job may run before its worker is terminated. */
const KILL_GRACE_MS = 250;

/** From source (tsx), the worker goes through a tiny bootstrap that registers tsx in the thread. */
const fromSource = import.meta.url.endsWith('.ts');
const workerEntry = new URL(`./sqlite-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
const workerStart = fromSource ? new URL('./worker-boot.mjs', import.meta.url) : workerEntry;

function rebuildError(error: { name: string; message: string }, timeoutMs: number): Error {
  if (error.name === 'QueryTimeoutError') return new QueryTimeoutError(timeoutMs);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

export function createSqliteStore(options: SqliteStoreOptions): DatabaseStore & { workers: number } {
  const size = Math.max(1, options.workers ?? Math.max(2, Math.min(4, availableParallelism())));
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const queueLimit = options.queueLimit ?? 200;
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(workerStart, { workerData: { entry: workerEntry.href, file: options.file, cacheMiB: options.cacheMiB } });
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        const onMessage = (message: { ready?: boolean }) => {
          if (message.ready) {
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
          }
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      }),
    };
    slot.ready.catch(() => {});
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.started = true;
        return dispatch();
      }
      const busy = slot.busy;
      if (!busy || busy.pending.job.id !== reply.id) return;
      clearTimeout(busy.timer);
      slot.busy = undefined;
      if (reply.ok) busy.pending.resolve(reply.result);
      else busy.pending.reject(rebuildError(reply.error, busy.pending.job.timeoutMs));
      dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job and is replaced.
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.pending.reject(error);
        slot.busy = undefined;
      }
      if (!slot.started) {
        // It could not even start (a missing file, a bad build): fail what waits, and retry
        // later rather than in a tight loop.
        for (const pending of queue.splice(0)) pending.reject(error);
        slot.broken = error;
        setTimeout(() => replace(slot), 1_000).unref();
        return;
      }
      replace(slot);
    });
    return slot;
  }

  function replace(slot: Slot): void {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    void slot.worker.terminate();
    if (closed) {
      slots.splice(index, 1);
      return;
    }
    slots[index] = spawn();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.busy || slot.broken || queue.length === 0) continue;
      let pending: Pending | undefined;
      while ((pending = queue.shift()) && pending.signal?.aborted) pending.reject(pending.signal.reason);
      if (!pending) return;
      const now = Date.now();
      if (now > pending.job.deadline) {
        // It waited in the queue past its deadline.
        pending.reject(new QueryTimeoutError(pending.job.timeoutMs));
        continue;
      }
      const timer = setTimeout(
        () => {
          // Still busy after its deadline: one statement is running long. Cut it off.
          if (slot.busy?.pending !== pending) return;
          slot.busy = undefined;
          pending!.reject(new QueryTimeoutError(pending!.job.timeoutMs));
          replace(slot);
          dispatch();
        },
        pending.job.deadline - now + KILL_GRACE_MS,
      );
      slot.busy = { pending, timer };
      slot.worker.postMessage(pending.job);
    }
  }

  function submit(op: WorkerJob['op'], workspace: string, params: unknown, runOptions: RunOptions = {}): Promise<unknown> {
    if (closed) return Promise.reject(new Error('The store is closed'));
    if (queue.length >= queueLimit) return Promise.reject(new OverloadedError());
    if (slots.length > 0 && slots.every((s) => s.broken)) return Promise.reject(slots[0]!.broken);
    if (runOptions.signal?.aborted) return Promise.reject(runOptions.signal.reason);
    const ms = runOptions.timeoutMs ?? timeoutMs;
    return new Promise((resolve, reject) => {
      const job: WorkerJob = { id: nextId++, op, workspace, params, hints: runOptions.hints, deadline: Date.now() + ms, timeoutMs: ms };
      queue.push({ job, resolve, reject, signal: runOptions.signal });
      dispatch();
    });
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    engine: 'sqlite',
    workers: size,
    run: (op, workspace, params, runOptions) => submit(op, workspace, params, runOptions) as never,
    floor: (workspace, direction, from, to) => submit('floor', workspace, { direction, from, to }) as Promise<number>,
    async ping() {
      await Promise.all(slots.map((s) => s.ready));
      await submit('ping', '', null, { timeoutMs: 5_000 });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The store is closed'));
      // In-flight jobs finish (graceful shutdown waits for requests first); then the threads end.
      await Promise.all(
        slots.map(async (slot) => {
          while (slot.busy) await new Promise((r) => setTimeout(r, 10));
          await slot.worker.terminate();
        }),
      );
      slots.length = 0;
    },
  };
}
