/**
 * `msg-report/server`: the reporting endpoint (openapi.yaml) for Node hosts.
 *
 * ```js
 * import { createHandler, createPostgresStore, startHttpServer } from 'msg-report/server';
 *
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * const handler = createHandler({ store, basePath: '/api/reports/messages', verifyRequest });
 * await startHttpServer(handler, { port: 8080 });
 * ```
 *
 * - {@link createHandler}: the endpoint as a Fetch handler, `(Request) => Promise<Response>`, for
 *   node:http ({@link toNodeListener} or {@link startHttpServer}), Express, Hono, or any Fetch runtime;
 * - {@link createPostgresStore} (needs `pg`) and {@link createSqliteStore} (needs `better-sqlite3`):
 *   the database behind it. The drivers are optional peer dependencies, loaded when a store first
 *   needs one: install the one you use.
 *
 * docs/server.md has the options and examples; docs/own-database.md maps your own message table
 * onto the schema the stores read.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler } from './api/app.js';

export {
  API_SECURITY_HEADERS,
  createApi,
  createHandler,
  type ApiOptions,
  type FetchHandler,
  type Principal,
  type Refusal,
  type VerifyRequest,
} from './api/app.js';
export { corsConfigurationProblem, type CorsOptions } from './api/cors.js';
export { cursorSecretProblem, hmacCursorSigner, MIN_CURSOR_SECRET_BYTES, type CursorSigner } from './api/cursor.js';
export { jsonLogger, silentLogger, textLogger, type LogEntry, type LogFormat, type Logger, type LogLevel } from './api/log.js';
export {
  DatabaseUnavailableError,
  DEFAULT_QUERY_TIMEOUT_MS,
  OverloadedError,
  QueryTimeoutError,
  type MessagesHints,
  type Operation,
  type Operations,
  type ReportStore,
  type RunOptions,
} from './api/store.js';
export { staticTokenAuth } from './auth.js';
export { REPORT_COLUMNS } from './db/check.js';
export { startHttpServer, type HttpServerOptions, type RunningHttpServer } from './http.js';
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-pool.js';
export { createPostgresStore, type DatabaseStore, type PostgresStore, type PostgresStoreOptions } from './store.js';

/**
 * The handler as a node:http request listener — `http.createServer(toNodeListener(handler))`, or
 * an Express route: `app.all('/api/reports/messages/*', toNodeListener(handler))`.
 * {@link startHttpServer} adds bounded requests, problem+json for what Node refuses, and a
 * graceful shutdown.
 */
export function toNodeListener(handler: FetchHandler): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return getRequestListener((request) => handler(request));
}
