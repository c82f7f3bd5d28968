/**
 * The server as a command, in two modes sharing everything but their defaults:
 *
 * - `demo` (`npm start`, ./cli.ts): the demo page at `/` and the endpoint at `/api`; on first start
 *   the sample data set is generated and seeded (SEED_MESSAGES, 1,000,000 by default) into
 *   DATA_DIR/msg-report.sqlite or the PostgreSQL of DATABASE_URL;
 * - `product` (`msg-report-server`, ./bin.ts, the package's command): the endpoint alone, on a
 *   database of your own — nothing is seeded unless `--seed N` asks for sample data; `--no-migrate`
 *   serves tables or views you made (docs/own-database.md) without creating anything.
 *
 * A start-up fault (a full disk, a read-only data directory, a port in use, PostgreSQL out of
 * reach, a bad setting) ends in one sentence on stderr and exit status 1. Configuration: `--help`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createHandler, type FetchHandler } from './api/app.js';
import { corsConfigurationProblem, type CorsOptions } from './api/cors.js';
import { jsonLogger, LOG_FORMATS, textLogger, type LogFormat, type Logger } from './api/log.js';
import { staticTokenAuth } from './auth.js';
import { startHttpServer } from './http.js';
import { progressBar } from './progress.js';
import { DEFAULT_SEED_MESSAGES } from './sample-data.js';
import { setupStore, StartupError, type SetupResult } from './setup.js';
import { createSite } from './site.js';
import { describeStartupError, type StartupContext } from './startup-errors.js';

export type CommandMode = 'demo' | 'product';

export const PRODUCT_HELP = `msg-report-server — the Messages report's endpoint (openapi.yaml) on your database

Usage:
  DATABASE_URL=postgres://user:password@host:5432/db msg-report-server [options]
  msg-report-server --sqlite reports.sqlite [options]
  msg-report-server --sqlite try.sqlite --seed 100000      (sample data, to try it out)

Database (PostgreSQL when DATABASE_URL is set, SQLite otherwise):
  DATABASE_URL              postgres://… connection URL (keep the password out of the command line)
  --schema <name>           PostgreSQL schema of the tables or views (DATABASE_SCHEMA; default the search_path)
  --sqlite <file>           SQLite file (SQLITE_FILE; default DATA_DIR/msg-report.sqlite, DATA_DIR default data)
  --no-migrate              the tables or views are your own (docs/own-database.md): create nothing,
                            check at start that they provide what the report reads
  --seed <n>                sample data: generate and load n messages when the workspace has none
  --reseed                  with --seed: generate the sample data again

Serving:
  --port <n>                PORT, default 8080 (0: any free port)
  --host <address>          HOST, default 127.0.0.1 (0.0.0.0 in a container)
  --base-path <path>        BASE_PATH, default /api: resources at <path>/breakdown, /delivery, /messages,
                            /options/{field}; health at /healthz and <path>/healthz
  --workspace <id>          WORKSPACE, default ws_1: the workspace every request is answered from
  AUTH_TOKEN                when set, requests need \`Authorization: Bearer <token>\`
  --cors-origins <list>     CORS_ORIGINS: * or comma-separated origins allowed to call the endpoint
  CORS_CREDENTIALS=1        let those origins send cookies (never with *)
  CURSOR_SECRET             key signing list cursors, 32 bytes or more, the same on every instance;
                            default one kept in the database (server_secrets)
  QUERY_TIMEOUT_MS          a query running longer is answered 503 (default 15000)
  SQLITE_WORKERS            worker processes answering SQLite queries (default 2–4, by cores)
  KEEP_ALIVE_TIMEOUT_MS     idle keep-alive connections close after this (default 5000)
  SHUTDOWN_TIMEOUT_MS       longest wait on SIGTERM for requests to finish (default 10000)
  LOG_FORMAT                json: a JSON line per request and event (the default when stdout is not a
                            terminal); text: readable lines, warnings and errors only (the default at a terminal)
  LOG_LEVEL                 debug, info, warn, error; default info for json, warn for text

  --help, --version

Several tenants, your own sessions, or mounting it in your server: import { createHandler } from
'msg-report/server' (docs/server.md).
`;

/** The package's version, from the package.json above this file (source or built). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'msg-report' && pkg.version) return pkg.version;
    } catch {
      // Not here: look one level up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** The logger LOG_FORMAT and LOG_LEVEL ask for, and why LOG_FORMAT is refused if it is. */
export interface Logging {
  format: LogFormat;
  logger: Logger;
  problem?: string;
}

/**
 * Readable text, warnings and errors only, when stdout is a terminal (a person watching `npm start`
 * wants the URL, not a line per request); JSON lines, requests included, when it is not (a log
 * collector) or when `LOG_FORMAT=json` asks. `LOG_LEVEL` overrides the level either way.
 */
export function chooseLogging(format: string | undefined, level: string | undefined, stdoutIsTerminal: boolean): Logging {
  const asked = format?.trim().toLowerCase() || undefined;
  const valid = asked === undefined || (LOG_FORMATS as readonly string[]).includes(asked);
  const chosen: LogFormat = valid && asked ? (asked as LogFormat) : stdoutIsTerminal ? 'text' : 'json';
  const logger = chosen === 'json' ? jsonLogger(level) : textLogger(level);
  return valid
    ? { format: chosen, logger }
    : { format: chosen, logger, problem: `LOG_FORMAT must be ${LOG_FORMATS.join(' or ')}, not ${JSON.stringify(format)}.` };
}

/** A whole number from a setting, or a clear refusal. */
function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new StartupError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}.`);
  return value;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

function corsFrom(origins: string | undefined, credentials: string | undefined): CorsOptions | false {
  const list = origins?.trim();
  if (!list) return false;
  const cors: CorsOptions = {
    origins:
      list === '*'
        ? '*'
        : list
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    credentials: credentials === '1' || credentials === 'true',
  };
  const problem = corsConfigurationProblem(cors);
  if (problem) throw new StartupError(`CORS_ORIGINS is refused: ${problem}.`);
  return cors;
}

const DEMO_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  messages: { type: 'string' },
  reseed: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

const PRODUCT_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  sqlite: { type: 'string' },
  schema: { type: 'string' },
  'no-migrate': { type: 'boolean', default: false },
  seed: { type: 'string' },
  reseed: { type: 'boolean', default: false },
  'base-path': { type: 'string' },
  workspace: { type: 'string' },
  'cors-origins': { type: 'string' },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} satisfies ParseArgsConfig['options'];

interface Flags {
  port?: string;
  host?: string;
  messages?: string;
  reseed?: boolean;
  sqlite?: string;
  schema?: string;
  'no-migrate'?: boolean;
  seed?: string;
  'base-path'?: string;
  workspace?: string;
  'cors-origins'?: string;
  help?: boolean;
  version?: boolean;
}

/** Runs the server until SIGTERM or SIGINT; a start-up fault exits 1 with one sentence. */
export async function runServerCommand(mode: CommandMode, argv: string[] = process.argv.slice(2), env = process.env): Promise<void> {
  const demo = mode === 'demo';
  const logging = chooseLogging(env.LOG_FORMAT, env.LOG_LEVEL, process.stdout.isTTY);
  const log = logging.logger;
  const bar = progressBar();
  let barDrawn = false;

  /** Prints `sentence` (and, at LOG_LEVEL=debug, the stack) and exits 1. */
  function fail(error: unknown, context: StartupContext): never {
    if (barDrawn) bar.done('');
    process.stderr.write(`msg-report could not start: ${describeStartupError(error, context)}\n`);
    if (!(error instanceof StartupError))
      log({ level: 'debug', msg: 'start-up failed', error: error instanceof Error ? error.stack : String(error) });
    process.exit(1);
  }

  let flags: Flags;
  try {
    flags = demo ? parseArgs({ args: argv, options: DEMO_OPTIONS }).values : parseArgs({ args: argv, options: PRODUCT_OPTIONS }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(
      new StartupError(
        demo ? `${message}; the options are --port, --host, --messages and --reseed.` : `${message}; see msg-report-server --help.`,
      ),
      { host: '', port: 0 },
    );
  }
  if (flags.help) {
    process.stdout.write(PRODUCT_HELP);
    process.exit(0);
  }
  if (flags.version) {
    process.stdout.write(`${packageVersion()}\n`);
    process.exit(0);
  }

  const host = flags.host ?? env.HOST ?? '127.0.0.1';
  const dataDir = env.DATA_DIR ?? 'data';
  const sqliteFile = (!demo && (flags.sqlite ?? env.SQLITE_FILE)) || join(dataDir, 'msg-report.sqlite');
  const databaseUrl = env.DATABASE_URL || undefined;
  const schema = demo ? undefined : flags.schema || env.DATABASE_SCHEMA || undefined;
  const migrate = !flags['no-migrate'];
  const workspace = (!demo && flags.workspace) || env.WORKSPACE || undefined;
  const context: StartupContext = {
    host,
    port: 0,
    dataDir: databaseUrl ? undefined : dirname(sqliteFile),
    database: databaseUrl ? redactUrl(databaseUrl) : undefined,
  };

  let port: number;
  let seedMessages: number | undefined;
  let queryTimeoutMs: number | undefined;
  let sqliteWorkers: number | undefined;
  let keepAliveTimeoutMs: number;
  let shutdownTimeoutMs: number;
  let cors: CorsOptions | false;
  let basePath: string;
  try {
    if (logging.problem) throw new StartupError(logging.problem);
    port = integer('PORT (--port)', flags.port ?? env.PORT, 8080, 0, 65_535);
    context.port = port;
    seedMessages = demo
      ? integer('SEED_MESSAGES (--messages)', flags.messages ?? env.SEED_MESSAGES, DEFAULT_SEED_MESSAGES, 0, 100_000_000)
      : flags.seed !== undefined
        ? integer('--seed', flags.seed, 0, 0, 100_000_000)
        : undefined;
    if (!demo && flags.reseed && seedMessages === undefined) throw new StartupError('--reseed goes with --seed <n>.');
    queryTimeoutMs = env.QUERY_TIMEOUT_MS ? integer('QUERY_TIMEOUT_MS', env.QUERY_TIMEOUT_MS, 0, 1, 3_600_000) : undefined;
    sqliteWorkers = env.SQLITE_WORKERS ? integer('SQLITE_WORKERS', env.SQLITE_WORKERS, 0, 1, 64) : undefined;
    keepAliveTimeoutMs = integer('KEEP_ALIVE_TIMEOUT_MS', env.KEEP_ALIVE_TIMEOUT_MS, 5_000, 1_000, 600_000);
    shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000, 0, 600_000);
    cors = corsFrom((!demo && flags['cors-origins']) || env.CORS_ORIGINS, env.CORS_CREDENTIALS);
    basePath = demo ? '/api' : (flags['base-path'] ?? env.BASE_PATH ?? '/api').replace(/\/+$/, '');
    if (basePath !== '' && !/^\/[\w\-./~]*$/.test(basePath))
      throw new StartupError(`BASE_PATH (--base-path) must be a path such as /api, not ${JSON.stringify(basePath)}.`);
  } catch (error) {
    fail(error, context);
  }

  const where = databaseUrl ? 'the database' : sqliteFile;
  const newFile = !databaseUrl && !existsSync(sqliteFile);
  let setup: SetupResult;
  try {
    setup = await setupStore({
      databaseUrl,
      sqliteFile,
      postgresSchema: schema,
      workspace,
      seed: seedMessages === undefined ? false : { messages: seedMessages },
      reseed: flags.reseed,
      migrate,
      queryTimeoutMs,
      sqliteWorkers,
      cursorSecret: env.CURSOR_SECRET || undefined,
      onProgress: (p) => {
        barDrawn = true;
        bar.update(p);
      },
      onWait: (holder) => process.stderr.write(`Waiting for ${holder} to finish seeding ${where}…\n`),
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
  } else if (setup.info) {
    process.stderr.write(
      `Using ${setup.info.messages.toLocaleString('en-US')} seeded messages in ${setup.location} (--reseed to regenerate)\n`,
    );
  } else if (newFile) {
    process.stderr.write(
      `Created ${setup.location} with the report's tables and no messages: load yours into it (docs/own-database.md), ` +
        'or try the server on sample data with --seed 100000.\n',
    );
  }

  const api = createHandler({
    store: setup.store,
    basePath,
    healthPaths: [...new Set(['/healthz', `${basePath}/healthz`])],
    verifyRequest: staticTokenAuth({ workspace: setup.workspace, token: env.AUTH_TOKEN || undefined }),
    cors,
    queryTimeoutMs,
    logger: log,
    cursorSecret: setup.cursorSecret,
  });
  const handler: FetchHandler = demo
    ? createSite({
        api,
        demoDir: env.DEMO_DIR ?? 'dist-demo',
        // Seeded on every demo start, so known; a demo database without it counts from now.
        dataEnd: setup.info?.dataEnd ?? Date.now(),
        auth: Boolean(env.AUTH_TOKEN),
      }).fetch
    : api;

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
    http = await startHttpServer(handler, { port, host, keepAliveTimeoutMs, shutdownTimeoutMs });
  } catch (error) {
    await setup.store.close().catch(() => {});
    fail(error, context);
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${http.port}/`;
  log({
    level: 'info',
    msg: 'listening',
    url,
    database: setup.engine,
    workers: 'workers' in setup.store ? setup.store.workers : undefined,
  });
  if (demo) {
    // The URL last, alone on its line: what a person looks for, and what a terminal makes a link.
    process.stderr.write(`\nendpoint  ${url}api  (${setup.engine}: ${setup.location})\nmsg-report is serving the report at\n${url}\n`);
  } else {
    process.stderr.write(
      `\nmsg-report-server is serving the endpoint at  ${url.slice(0, -1)}${basePath}  ` +
        `(${setup.engine}: ${setup.location}; workspace ${setup.workspace}${env.AUTH_TOKEN ? '; bearer token required' : ''})\n\n`,
    );
  }
}
