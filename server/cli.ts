/**
 * `npm start`: the whole report on a real database, on one port.
 *
 *   /            the demo page (built by `vite build --mode demo` into dist-demo/)
 *   /api/…       the reporting endpoint (openapi.yaml)
 *   /healthz     health check (also /api/healthz)
 *
 * Configuration (environment; flags override):
 *   PORT (8080, --port), HOST (127.0.0.1, --host)
 *   DATABASE_URL           postgres://… to use PostgreSQL; otherwise SQLite at DATA_DIR/msg-report.sqlite
 *   DATA_DIR (data)        where the SQLite file lives
 *   SEED_MESSAGES (1000000, --messages)  size of the seeded data set; --reseed seeds again
 *   WORKSPACE (ws_1)       the demo's single workspace
 *   AUTH_TOKEN             if set, /api requires `Authorization: Bearer $AUTH_TOKEN`
 *   CORS_ORIGINS           `*` or a comma-separated list of origins; CORS_CREDENTIALS=1 allows cookies
 *                          (never with `*`: refused at start)
 *   CURSOR_SECRET          signs the listings' cursors (≥ 32 bytes); default one kept in the database
 *   QUERY_TIMEOUT_MS (15000), SQLITE_WORKERS (2–4), LOG_LEVEL (info), DEMO_DIR (dist-demo)
 *   KEEP_ALIVE_TIMEOUT_MS (5000)  idle keep-alive connections close after this (above a proxy's idle timeout)
 *   SHUTDOWN_TIMEOUT_MS (10000)   longest wait on SIGTERM for requests and connections to finish
 *
 * A start-up fault (a full disk, a read-only data directory, a port in use, PostgreSQL out of
 * reach, a bad setting) ends in one sentence on stderr and exit status 1.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandler } from './api/app.js';
import { corsConfigurationProblem, type CorsOptions } from './api/cors.js';
import { jsonLogger } from './api/log.js';
import { staticTokenAuth } from './auth.js';
import { startHttpServer } from './http.js';
import { progressBar } from './progress.js';
import { DEFAULT_SEED_MESSAGES } from './sample-data.js';
import { setupStore, StartupError, type SetupResult } from './setup.js';
import { createSite } from './site.js';
import { describeStartupError } from './startup-errors.js';

const env = process.env;
const log = jsonLogger(env.LOG_LEVEL);
const bar = progressBar();
let barDrawn = false;

/** Prints `sentence` (and, at LOG_LEVEL=debug, the stack) and exits 1. */
function fail(error: unknown, context: Parameters<typeof describeStartupError>[1]): never {
  if (barDrawn) bar.done('');
  process.stderr.write(`msg-report could not start: ${describeStartupError(error, context)}\n`);
  if (!(error instanceof StartupError))
    log({ level: 'debug', msg: 'start-up failed', error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
}

/** A whole number from a setting, or a clear refusal. */
function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new StartupError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}.`);
  return value;
}

let flags: { port?: string; host?: string; messages?: string; reseed?: boolean };
try {
  flags = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      messages: { type: 'string' },
      reseed: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(
    new StartupError(`${error instanceof Error ? error.message : String(error)}; the options are --port, --host, --messages and --reseed.`),
    {
      host: '',
      port: 0,
    },
  );
}

const host = flags.host ?? env.HOST ?? '127.0.0.1';
const dataDir = env.DATA_DIR ?? 'data';
const demoDir = env.DEMO_DIR ?? 'dist-demo';
const databaseUrl = env.DATABASE_URL || undefined;
const context = { host, port: 0, dataDir: databaseUrl ? undefined : dataDir, database: databaseUrl ? redactUrl(databaseUrl) : undefined };

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

function corsFromEnv(): CorsOptions | false {
  const origins = env.CORS_ORIGINS?.trim();
  if (!origins) return false;
  const cors: CorsOptions = {
    origins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    credentials: env.CORS_CREDENTIALS === '1' || env.CORS_CREDENTIALS === 'true',
  };
  const problem = corsConfigurationProblem(cors);
  if (problem) throw new StartupError(`CORS_ORIGINS is refused: ${problem}.`);
  return cors;
}

let port: number;
let messages: number;
let queryTimeoutMs: number | undefined;
let sqliteWorkers: number | undefined;
let keepAliveTimeoutMs: number;
let shutdownTimeoutMs: number;
let cors: CorsOptions | false;
try {
  port = integer('PORT (--port)', flags.port ?? env.PORT, 8080, 0, 65_535);
  context.port = port;
  messages = integer('SEED_MESSAGES (--messages)', flags.messages ?? env.SEED_MESSAGES, DEFAULT_SEED_MESSAGES, 0, 100_000_000);
  queryTimeoutMs = env.QUERY_TIMEOUT_MS ? integer('QUERY_TIMEOUT_MS', env.QUERY_TIMEOUT_MS, 0, 1, 3_600_000) : undefined;
  sqliteWorkers = env.SQLITE_WORKERS ? integer('SQLITE_WORKERS', env.SQLITE_WORKERS, 0, 1, 64) : undefined;
  keepAliveTimeoutMs = integer('KEEP_ALIVE_TIMEOUT_MS', env.KEEP_ALIVE_TIMEOUT_MS, 5_000, 1_000, 600_000);
  shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000, 0, 600_000);
  cors = corsFromEnv();
} catch (error) {
  fail(error, context);
}

let setup: SetupResult;
try {
  setup = await setupStore({
    databaseUrl,
    sqliteFile: join(dataDir, 'msg-report.sqlite'),
    workspace: env.WORKSPACE,
    seed: { messages },
    reseed: flags.reseed,
    queryTimeoutMs,
    sqliteWorkers,
    cursorSecret: env.CURSOR_SECRET || undefined,
    onProgress: (p) => {
      barDrawn = true;
      bar.update(p);
    },
    onWait: (holder) =>
      process.stderr.write(
        `Waiting for ${holder} to finish seeding ${databaseUrl ? 'the database' : join(dataDir, 'msg-report.sqlite')}…\n`,
      ),
  });
} catch (error) {
  fail(error, context);
}
if (setup.seeded) {
  const s = setup.seeded;
  bar.done(
    `Seeded ${s.messages.toLocaleString('en-US')} messages in ${((s.generateMs + s.loadMs) / 1000).toFixed(1)} s ` +
      `(generate ${(s.generateMs / 1000).toFixed(1)} s, load + index ${(s.loadMs / 1000).toFixed(1)} s) into ${setup.location}`,
  );
} else {
  process.stderr.write(
    `Using ${setup.info.messages.toLocaleString('en-US')} seeded messages in ${setup.location} (--reseed to regenerate)\n`,
  );
}

const api = createHandler({
  store: setup.store,
  basePath: '/api',
  healthPaths: ['/healthz', '/api/healthz'],
  verifyRequest: staticTokenAuth({ workspace: setup.workspace, token: env.AUTH_TOKEN || undefined }),
  cors,
  queryTimeoutMs,
  logger: log,
  cursorSecret: setup.cursorSecret,
});
const site = createSite({ api, demoDir, dataEnd: setup.info.dataEnd, auth: Boolean(env.AUTH_TOKEN) });

// Signals are handled before the port opens: a SIGTERM right after "listening" must not kill us.
// `let`, assigned once below: the handler may run before the server exists (a `const` would throw).
let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log({ level: 'info', msg: 'shutting down', signal, inFlight: http?.inFlight() ?? 0 });
  const unfinished = http ? await http.shutdown() : 0;
  await setup.store.close().catch(() => {});
  log({ level: 'info', msg: 'stopped', unfinished });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  http = await startHttpServer(site.fetch, { port, host, keepAliveTimeoutMs, shutdownTimeoutMs });
} catch (error) {
  await setup.store.close().catch(() => {});
  fail(error, context);
}
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const url = `http://${shown}:${http.port}/`;
log({ level: 'info', msg: 'listening', url, database: setup.engine, workers: 'workers' in setup.store ? setup.store.workers : undefined });
process.stderr.write(`\nmsg-report is serving the report at  ${url}\n  endpoint  ${url}api  (${setup.engine}: ${setup.location})\n\n`);
