/**
 * What the router needs from a backend: run one validated query for one workspace. The SQLite and
 * PostgreSQL stores (server/) and the in-memory reference engine behind the mocks (mock/) all
 * implement it, so they are answered through the same router.
 */
import type {
  ActivityParams,
  ActivityResponse,
  BreakdownParams,
  BreakdownTrendParams,
  BreakdownTrendResponse,
  BreakdownResponse,
  DeliveryBreakdownParams,
  DeliveryBreakdownResponse,
  BroadcastsParams,
  BroadcastsResponse,
  DeliveryParams,
  DeliveryResponse,
  MessageRow,
  MessagesExportParams,
  MessagesParams,
  MessagesResponse,
  OptionsParams,
  OptionsResponse,
} from '../../src/core/contract/types.js';

export interface Operations {
  breakdown: { params: BreakdownParams; result: BreakdownResponse };
  delivery: { params: DeliveryParams; result: DeliveryResponse };
  deliveryBreakdown: { params: DeliveryBreakdownParams; result: DeliveryBreakdownResponse };
  messages: { params: MessagesParams; result: MessagesResponse };
  /** `GET /broadcasts`: the broadcasts the query counts. */
  broadcasts: { params: BroadcastsParams; result: BroadcastsResponse };
  options: { params: OptionsParams; result: OptionsResponse };
  breakdownTrend: { params: BreakdownTrendParams; result: BreakdownTrendResponse };
  activity: { params: ActivityParams; result: ActivityResponse };
  /** One page of a Data Export (`GET /export/messages`): the rows after `after`, in the list's order. */
  exportPage: { params: ExportPageParams; result: MessageRow[] };
}

/** A row's place in a list's keyset order: its timestamp (epoch ms) and id. */
export interface KeysetPosition {
  ts: number;
  id: string;
}

/**
 * A page of a list with no cap and no total, for the export: short statements one after the
 * other, so that no statement or worker is held for the whole file, and the export stops between
 * pages when its client leaves.
 */
export interface ExportPageParams {
  query: Omit<MessagesExportParams, 'lang'>;
  /** The last row of the previous page; absent for the first page. */
  after?: KeysetPosition;
  /** Rows per page; fewer back means the list has ended. */
  limit: number;
}
export type Operation = keyof Operations;

export interface MessagesHints {
  /** The listing's total, already known from its first page (skips the count). */
  knownTotal?: number;
}

export interface RunOptions {
  /** Cut the query off after this long; default the store's. */
  timeoutMs?: number;
  hints?: MessagesHints;
  /** The request's signal: a query not started when it aborts need not run. */
  signal?: AbortSignal;
}

export interface ReportStore {
  /** Named in the health answer: `sqlite`, `postgres`, `memory`. */
  readonly engine: string;
  run<O extends Operation>(
    op: O,
    workspace: string,
    params: Operations[O]['params'],
    options?: RunOptions,
  ): Promise<Operations[O]['result']>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;

/** Thrown when a query runs past its deadline; the router answers 503 with Retry-After. */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The query took longer than ${timeoutMs} ms and was cancelled`);
  }
}

/** Thrown when too many queries wait already; the router answers 429 with Retry-After. */
export class OverloadedError extends Error {
  override readonly name = 'OverloadedError';
  constructor() {
    super('Too many queries are waiting; retry shortly');
  }
}

/**
 * Thrown when the database cannot be reached or dropped the connection (PostgreSQL restarted or
 * terminated the session, the network failed, a worker process died): the router answers 503 with
 * Retry-After, and the client retries. The cause stays in the log, never in the answer.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('The database is unavailable; retry shortly', options);
  }
}
