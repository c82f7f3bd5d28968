/**
 * Migrating a seeded SQLite file in place: the planner's statistics follow the new rows, and a new
 * index serves the queries it was made for.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateDataset } from '../../reference/dataset/index.js';
import { COUNT_DIMS } from '../../server/db/count-triggers.js';
import { scopeWhere } from '../../server/db/where.js';
import { migrateSqlite, openSqlite } from '../../server/db/sqlite.js';
import { seedSqlite } from '../../server/seed.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'msg-report-migrations-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('an upgrade in place refreshes the statistics of the rows a migration added', () => {
  const db = openSqlite(join(dir, 'upgrade.sqlite'));
  try {
    migrateSqlite(db);
    seedSqlite(db, generateDataset({ seed: 5, end: Date.UTC(2026, 10, 26, 12), months: 1, messagesPerDay: 30 }), { workspace: 'ws_a' });
    // The file as it was before migration 7 (the subtype set of counts), analyzed then.
    db.exec(`DELETE FROM message_counts WHERE dims = ${COUNT_DIMS.subtype}`);
    db.exec('DELETE FROM schema_migrations WHERE id = 7');
    db.exec('ANALYZE');
    const planned = () =>
      Number((db.prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'message_counts'`).get() as { stat: string }).stat.split(' ')[0]);
    const rows = () => (db.prepare('SELECT count(*) AS n FROM message_counts').get() as { n: number }).n;
    const before = rows();
    assert.equal(planned(), before);

    assert.deepEqual(migrateSqlite(db), [7]);
    assert.ok(rows() > before, 'migration 7 added the subtype set');
    assert.equal(planned(), rows(), 'the planner counts the rows the migration added');
  } finally {
    db.close();
  }
});

test('migration 8 lets a query filtered by user and channel together seek both, on a file migrated in place', () => {
  const db = openSqlite(join(dir, 'user-channel.sqlite'));
  try {
    migrateSqlite(db);
    seedSqlite(db, generateDataset({ seed: 6, end: Date.UTC(2026, 10, 26, 12), months: 1, messagesPerDay: 30 }), { workspace: 'ws_a' });
    // The file as migration 7 left it.
    db.exec('DROP INDEX messages_user_channel');
    db.exec('DELETE FROM schema_migrations WHERE id = 8');
    db.exec('ANALYZE');
    // The count of a list filtered by two people and two channels, as the server writes it.
    const where = scopeWhere('ws_a', 'incoming', { user: ['u_1', 'u_2'], channel: ['ch_1', 'ch_2'] }).add(
      'm.ts >= ? AND m.ts < ?',
      0,
      Date.now(),
    );
    const plan = () =>
      (
        db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) AS n FROM messages m WHERE ${where.sql}`).all(...where.params) as {
          detail: string;
        }[]
      )
        .map((row) => row.detail)
        .join('\n');
    assert.doesNotMatch(plan(), /user_id=\? AND channel_id=\?/);

    assert.deepEqual(migrateSqlite(db), [8]);
    assert.match(plan(), /COVERING INDEX messages_user_channel \(workspace=\? AND direction=\? AND user_id=\? AND channel_id=\?/);
  } finally {
    db.close();
  }
});
