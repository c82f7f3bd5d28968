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
 *   QUERY_TIMEOUT_MS (15000), SQLITE_WORKERS (2–4), DEMO_DIR (dist-demo)
 *   LOG_FORMAT             text (at a terminal: warnings and errors only) or json (otherwise: a line per request)
 *   LOG_LEVEL              debug, info, warn, error; default info for json, warn for text
 *   KEEP_ALIVE_TIMEOUT_MS (5000)  idle keep-alive connections close after this (above a proxy's idle timeout)
 *   SHUTDOWN_TIMEOUT_MS (10000)   longest wait on SIGTERM for requests and connections to finish
 *
 * A start-up fault (a full disk, a read-only data directory, a port in use, PostgreSQL out of
 * reach, a bad setting) ends in one sentence on stderr and exit status 1. Once it serves, the last
 * line it prints is the report's URL, alone.
 *
 * The package's command, `msg-report-server` (./bin.ts), is the same server without the demo page
 * and without seeding unless asked (./command.ts).
 */
import { runServerCommand } from './command.js';

await runServerCommand('demo');
