/**
 * The benchmark's server process: the handler over an already seeded database, on a free port,
 * in a process of its own so that the measuring client does not share its event loop. Prints
 * `listening <port>` on stdout. Used by bench/server.ts.
 *
 *   node --import tsx bench/server-serve.ts sqlite data/bench/bench.sqlite
 *   node --import tsx bench/server-serve.ts postgres <schema>        (DATABASE_URL from the environment)
 */
import { createHandler } from '../server/api/app.js';
import { silentLogger } from '../server/api/log.js';
import { startHttpServer } from '../server/http.js';
import { createSqliteStore } from '../server/sqlite-pool.js';
import { createPostgresStore, type DatabaseStore } from '../server/store.js';

const [engine, where] = process.argv.slice(2);
const store: DatabaseStore =
  engine === 'sqlite'
    ? createSqliteStore({ file: where! })
    : await createPostgresStore({ connectionString: process.env.DATABASE_URL!, schema: where, migrate: false });
// The first job starts the worker processes, which on a loaded machine (or a cold 5 GB file) can
// take longer than one ping's 5 s deadline: a few tries before giving up.
for (let attempt = 1; ; attempt++) {
  try {
    await store.ping();
    break;
  } catch (error) {
    if (attempt === 5) throw error;
  }
}
const handler = createHandler({ store, basePath: '/api', verifyRequest: () => ({ workspace: 'ws_1' }), logger: silentLogger });
const server = await startHttpServer(handler);
process.stdout.write(`listening ${server.port}\n`);
process.on('SIGTERM', () => {
  void server
    .shutdown()
    .then(() => store.close())
    .then(() => process.exit(0));
});
