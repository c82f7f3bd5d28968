/**
 * The reporting contract's server side, runtime-agnostic (no Node built-ins): the router, the
 * store interface it calls, parameter decoding, cursors, labels and problem responses. The Node
 * server (server/) and the in-browser mocks (mock/) both serve through it.
 */
export { createApi, createHandler, type ApiOptions, type FetchHandler, type Principal, type Refusal, type VerifyRequest } from './app.js';
export { type CorsOptions } from './cors.js';
export { jsonLogger, silentLogger, type LogEntry, type Logger, type LogLevel } from './log.js';
export { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE, problemBody, problemResponse } from './problem.js';
export {
  DEFAULT_QUERY_TIMEOUT_MS,
  OverloadedError,
  QueryTimeoutError,
  withTimeout,
  type MessagesHints,
  type Operation,
  type Operations,
  type ReportStore,
  type RunOptions,
} from './store.js';
