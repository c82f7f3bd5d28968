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
 *   QUERY_TIMEOUT_MS (15000), SQLITE_WORKERS (2–4), LOG_LEVEL (info), DEMO_DIR (dist-demo)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandler } from './api/app.js';
import type { CorsOptions } from './api/cors.js';
import { jsonLogger } from './api/log.js';
import { staticTokenAuth } from './auth.js';
import { startHttpServer } from './http.js';
import { progressBar } from './progress.js';
import { DEFAULT_SEED_MESSAGES } from './sample-data.js';
import { setupStore } from './setup.js';
import { createSite } from './site.js';

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    messages: { type: 'string' },
    reseed: { type: 'boolean', default: false },
  },
});

const env = process.env;
const port = Number(flags.port ?? env.PORT ?? 8080);
const host = flags.host ?? env.HOST ?? '127.0.0.1';
const dataDir = env.DATA_DIR ?? 'data';
const demoDir = env.DEMO_DIR ?? 'dist-demo';
const messages = Number(flags.messages ?? env.SEED_MESSAGES ?? DEFAULT_SEED_MESSAGES);
const queryTimeoutMs = env.QUERY_TIMEOUT_MS ? Number(env.QUERY_TIMEOUT_MS) : undefined;
const log = jsonLogger(env.LOG_LEVEL);

function corsFromEnv(): CorsOptions | false {
  const origins = env.CORS_ORIGINS?.trim();
  if (!origins) return false;
  return {
    origins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    credentials: env.CORS_CREDENTIALS === '1' || env.CORS_CREDENTIALS === 'true',
  };
}

const bar = progressBar();
const setup = await setupStore({
  databaseUrl: env.DATABASE_URL || undefined,
  sqliteFile: join(dataDir, 'msg-report.sqlite'),
  workspace: env.WORKSPACE,
  seed: { messages },
  reseed: flags.reseed,
  queryTimeoutMs,
  sqliteWorkers: env.SQLITE_WORKERS ? Number(env.SQLITE_WORKERS) : undefined,
  onProgress: (p) => bar.update(p),
});
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
  cors: corsFromEnv(),
  queryTimeoutMs,
  logger: log,
});
const site = createSite({ api, demoDir, dataEnd: setup.info.dataEnd, auth: Boolean(env.AUTH_TOKEN) });

// Signals are handled before the port opens: a SIGTERM right after "listening" must not kill us.
// `let`, assigned once below: the handler may run before the server exists (a `const` would throw).
// eslint-disable-next-line prefer-const
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

http = await startHttpServer(site.fetch, { port, host });
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const url = `http://${shown}:${http.port}/`;
log({ level: 'info', msg: 'listening', url, database: setup.engine, workers: 'workers' in setup.store ? setup.store.workers : undefined });
process.stderr.write(`\nmsg-report is serving the report at  ${url}\n  endpoint  ${url}api  (${setup.engine}: ${setup.location})\n\n`);
