/**
 * One truth for three implementations: the contract suite (./contract-suite.ts) against the
 * reference engine the MSW mocks run on, the server on SQLite and the server on PostgreSQL, all on
 * the same seeded data set (≈ 70,000 messages over 13 months, with hostile strings). Every answer is
 * validated against openapi.yaml and must be identical across the three.
 *
 * PostgreSQL comes from DATABASE_URL. Without it this test fails (CI must not pass by skipping the
 * database); MSG_REPORT_SKIP_POSTGRES=1 skips that half knowingly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateDataset } from '../../reference/dataset/index.js';
import { runContractSuite, httpTarget, referenceTarget } from './contract-suite.js';
import {
  NO_POSTGRES_MESSAGE,
  SKIP_POSTGRES,
  startPostgresServer,
  startSqliteServer,
  type RunningServer,
  type Tenant,
} from './contract-suite-servers.js';

const END = Date.UTC(2026, 10, 26, 12);
const dataset = generateDataset({ seed: 7, end: END, messagesPerDay: 180, hostile: true });
// A second tenant in the same tables: its rows must never show up in the first one's answers.
const neighbour = generateDataset({ seed: 8, end: END, messagesPerDay: 80, months: 14 });
// Rows whose channel, contact or user is missing from the lookups (deleted since): they still
// count, under their ids, with the fallbacks the reference uses.
for (let i = 0; i < neighbour.messages.length; i += 97) {
  const m = neighbour.messages[i]!;
  if (i % 3 === 0) m.channelId = 'ch_gone';
  else if (i % 3 === 1) m.contactId = 'c_gone';
  else if (m.userId) m.userId = 'u_gone';
}
const tenants: Tenant[] = [
  { workspace: 'ws_1', token: 'token-1', dataset },
  { workspace: 'ws_2', token: 'token-2', dataset: neighbour },
];

describe(`contract suite: reference, SQLite and PostgreSQL on ${dataset.messages.length} messages`, () => {
  let sqlite: RunningServer | undefined;
  let postgres: RunningServer | undefined;

  before(async () => {
    sqlite = await startSqliteServer({ tenants });
    if (!SKIP_POSTGRES) postgres = await startPostgresServer({ tenants });
  });
  after(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  test('PostgreSQL is available (DATABASE_URL)', (t) => {
    if (SKIP_POSTGRES) {
      t.skip('MSG_REPORT_SKIP_POSTGRES=1');
      return;
    }
    assert.ok(postgres, NO_POSTGRES_MESSAGE);
    t.diagnostic(
      `seeded in ${postgres.seedMs.map((ms) => `${Math.round(ms)} ms`).join(' + ')} (PostgreSQL), ${sqlite!.seedMs.map((ms) => `${Math.round(ms)} ms`).join(' + ')} (SQLite)`,
    );
  });

  test('the same answers everywhere, every answer documented', async (t) => {
    const targets = [
      referenceTarget(dataset, { workspace: 'ws_1' }),
      httpTarget('SQLite server', sqlite!.baseUrl, { Authorization: 'Bearer token-1' }),
    ];
    if (postgres) targets.push(httpTarget('PostgreSQL server', postgres.baseUrl, { Authorization: 'Bearer token-1' }));
    const stats = await runContractSuite(t, targets, dataset);
    t.diagnostic(
      `${stats.requests} requests (${stats.pages} list pages) × ${targets.length} targets; ${stats.validated} answers validated`,
    );
    assert.ok(stats.requests > 500, `only ${stats.requests} requests`);
  });

  test('the second workspace answers from its own rows only', async (t) => {
    const targets = [
      referenceTarget(neighbour, { workspace: 'ws_2' }),
      httpTarget('SQLite server', sqlite!.baseUrl, { Authorization: 'Bearer token-2' }),
    ];
    if (postgres) targets.push(httpTarget('PostgreSQL server', postgres.baseUrl, { Authorization: 'Bearer token-2' }));
    const stats = await runContractSuite(t, targets, neighbour);
    t.diagnostic(`${stats.requests} requests × ${targets.length} targets`);
  });
});
