/**
 * The benchmark's server process: the handler over an already seeded database, on a free port,
 * in a process of its own so that the measuring client does not share its event loop. Prints
 * `listening <port>` on stdout. Used by bench/server.ts.
 *
 *   node --import tsx bench/server-serve.ts sqlite data/bench/bench.sqlite
 *   node --import tsx bench/server-serve.ts postgres <schema>        (DATABASE_URL from the environment)
 */
import { createServer } from 'node:http';
import { createHandler } from '../server/handler.js';
import { silentLogger } from '../server/log.js';
import { toNodeListener } from '../server/node.js';
import { createSqliteStore } from '../server/sqlite-pool.js';
import { createPostgresStore, type ReportStore } from '../server/store.js';

const [engine, where] = process.argv.slice(2);
const store: ReportStore =
  engine === 'sqlite'
    ? createSqliteStore({ file: where! })
    : await createPostgresStore({ connectionString: process.env.DATABASE_URL!, schema: where, migrate: false });
await store.ping();
const handler = createHandler({ store, basePath: '/api', verifyRequest: () => ({ workspace: 'ws_1' }), logger: silentLogger });
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void store.close().then(() => process.exit(0));
});
