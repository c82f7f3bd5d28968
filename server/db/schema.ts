/**
 * The schema, as ordered migrations shared by SQLite and PostgreSQL. The DDL is the same text for
 * both engines except for two spelled-out differences:
 * - key text columns sort byte-wise: `COLLATE "C"` in PostgreSQL (whatever the database's locale),
 *   SQLite's default BINARY collation;
 * - index "covering" columns: PostgreSQL's `INCLUDE (…)`, extra key columns in SQLite (which has no
 *   INCLUDE).
 *
 * Multi-tenant: every table carries `workspace` and every key starts with it, which is also what a
 * distributed PostgreSQL (Citus) needs: `messages` and the lookups are distributed by `workspace`
 * and co-located, `workspaces` is a reference table (see docs/server.md). No foreign keys between
 * distributed tables, no sequences, no cross-workspace statements.
 *
 * Timestamps are epoch milliseconds in BIGINT columns: the report's bucket edges are computed in
 * JavaScript (zone rules from Intl) and passed as numbers, so both engines compare plain integers.
 *
 * This module holds the tables' DDL and the migrations; the indexes are in ./indexes.ts, the
 * rollups' triggers and rebuild statements in ./count-triggers.ts.
 */
import { buildCountDimsSql, COUNT_DIMS, COUNT_KEY, countTriggers, HOUR_MS, rebuildCountsSql, rollupTriggers } from './count-triggers.js';
import { createIndexSql, dropIndexSql, ROLLUP_INDEX, USER_CHANNEL_INDEX, V1_MESSAGE_INDEXES, V6_MESSAGE_INDEXES } from './indexes.js';
import type { Dialect } from './sql.js';

/** Days after sending during which a delivery status may still change (docs/decisions.md, "The delivery funnel and the 30-day rule"). */
export const STATUS_WINDOW_MS = 30 * 24 * 3_600_000;

/** `messages.status` values: the furthest funnel step within the 30-day window. */
export const STATUS_CODE = { sent: 0, delivered: 1, read: 2, failed: 3 } as const;

/** The funnel rule over a message's own columns; `messages.status` must equal it. */
export const STATUS_EXPR =
  `CASE WHEN direction <> 'outgoing' THEN NULL WHEN error_code IS NOT NULL THEN 3 ` +
  `WHEN read_at - ts <= ${STATUS_WINDOW_MS} THEN 2 WHEN delivered_at - ts <= ${STATUS_WINDOW_MS} THEN 1 ELSE 0 END`;

export interface Migration {
  id: number;
  name: string;
  /** Statements, in order. */
  up(dialect: Dialect): string[];
}

const key = (dialect: Dialect) => (dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');

export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'messages and lookups',
    up: (d) => [
      `CREATE TABLE workspaces (
        id ${key(d)} PRIMARY KEY,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL
      )`,
      `CREATE TABLE channels (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        name ${key(d)} NOT NULL,
        folded ${key(d)} NOT NULL,
        kind TEXT NOT NULL,
        reports TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      )`,
      `CREATE TABLE teams (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        name ${key(d)} NOT NULL,
        folded ${key(d)} NOT NULL,
        PRIMARY KEY (workspace, id)
      )`,
      `CREATE TABLE users (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        name ${key(d)} NOT NULL,
        folded ${key(d)} NOT NULL,
        team_id ${key(d)},
        PRIMARY KEY (workspace, id)
      )`,
      `CREATE TABLE contacts (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        name ${key(d)} NOT NULL,
        folded ${key(d)} NOT NULL,
        PRIMARY KEY (workspace, id)
      )`,
      `CREATE TABLE broadcasts (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        name ${key(d)} NOT NULL,
        folded ${key(d)} NOT NULL,
        channel_id ${key(d)},
        sent_at BIGINT,
        PRIMARY KEY (workspace, id)
      )`,
      // status: the furthest funnel step reached within 30 days of sending (0 sent, 1 delivered,
      // 2 read, 3 failed; NULL for incoming). Writers set it (see statusOf in ../seed.ts) and the
      // CHECK holds them to the rule, so it can never be stale: a receipt arriving later is an
      // UPDATE of delivered_at/read_at *and* status, or it fails. A plain column rather than a
      // generated one: SQLite does not read generated columns from a covering index.
      `CREATE TABLE messages (
        workspace ${key(d)} NOT NULL,
        id ${key(d)} NOT NULL,
        ts BIGINT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        channel_id ${key(d)} NOT NULL,
        contact_id ${key(d)} NOT NULL,
        content TEXT NOT NULL,
        source TEXT,
        type TEXT,
        subtype ${key(d)},
        user_id ${key(d)},
        team_id ${key(d)},
        broadcast_id ${key(d)},
        delivered_at BIGINT,
        read_at BIGINT,
        error_code TEXT,
        error_message TEXT,
        status SMALLINT CHECK (status IS NOT DISTINCT FROM (${STATUS_EXPR})),
        PRIMARY KEY (workspace, id)
      )`,
      ...V1_MESSAGE_INDEXES.map((index) => createIndexSql(index, d)),
      // Seeding bookkeeping: what data set a workspace was seeded from.
      `CREATE TABLE seed_info (
        workspace ${key(d)} PRIMARY KEY,
        options TEXT NOT NULL,
        messages BIGINT NOT NULL,
        data_end BIGINT NOT NULL,
        seeded_at BIGINT NOT NULL
      )`,
    ],
  },
];

MIGRATIONS.push({
  id: 2,
  name: 'hourly message counts',
  // Messages per workspace, direction, UTC hour and status (-1 for incoming), kept by triggers.
  // Unfiltered totals and delivery funnels sum a few rows per hour instead of counting every
  // message; the partial hours at a range's edges (zones with :30 or :45 offsets) are counted
  // from `messages`. Distributed by workspace and co-located with `messages` on Citus.
  up: (d) => [
    `CREATE TABLE message_hours (
      workspace ${key(d)} NOT NULL,
      direction TEXT NOT NULL,
      hour BIGINT NOT NULL,
      status SMALLINT NOT NULL,
      n BIGINT NOT NULL,
      PRIMARY KEY (workspace, direction, hour, status)
    )`,
    `INSERT INTO message_hours (workspace, direction, hour, status, n) ` +
      `SELECT workspace, direction, ts - ts % ${HOUR_MS}, coalesce(status, -1), count(*) FROM messages ` +
      `GROUP BY workspace, direction, ts - ts % ${HOUR_MS}, coalesce(status, -1)`,
    ...rollupTriggers(d).create,
  ],
});

MIGRATIONS.push({
  id: 3,
  name: 'covering index for the hourly counts',
  up: (d) => {
    // messages_people gained `id` after `ts` (a filtered page sorts its keys from the index alone).
    const people = V1_MESSAGE_INDEXES.find((i) => i.name === 'messages_people');
    if (!people) throw new Error('Migration 3 rebuilds the messages_people index, which V1_MESSAGE_INDEXES no longer defines');
    return [createIndexSql(ROLLUP_INDEX, d), dropIndexSql(people), createIndexSql(people, d)];
  },
});

MIGRATIONS.push({
  id: 4,
  name: 'server secrets',
  // Secrets the server generates once and every instance on this database shares: the key that
  // signs the listings' cursors. Not per workspace (a local table on a Citus coordinator, like
  // schema_migrations).
  up: () => [
    `CREATE TABLE server_secrets (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`,
  ],
});

MIGRATIONS.push({
  id: 5,
  name: 'message counts by 16 days, day and hour',
  // Messages per workspace, grain, direction, bucket, channel, source, type, subtype and status,
  // kept by triggers. Totals, groupings, funnels and list totals whose filters are on these columns
  // sum a few whole buckets per grain instead of counting messages (../report.ts). They replace the
  // hourly status counts of migration 2, which stay readable as a view of the same name.
  up: (d) => [
    ...rollupTriggers(d).drop,
    ...(d === 'postgres' ? ['DROP FUNCTION IF EXISTS message_hours_track()'] : []),
    'DROP TABLE message_hours',
    `CREATE TABLE message_counts (
      workspace ${key(d)} NOT NULL,
      dims SMALLINT NOT NULL,
      grain BIGINT NOT NULL,
      direction TEXT NOT NULL,
      bucket BIGINT NOT NULL,
      channel_id ${key(d)} NOT NULL,
      source TEXT NOT NULL,
      type TEXT NOT NULL,
      subtype ${key(d)} NOT NULL,
      user_id ${key(d)} NOT NULL,
      team_id ${key(d)} NOT NULL,
      status SMALLINT NOT NULL,
      n BIGINT NOT NULL,
      PRIMARY KEY (${COUNT_KEY.join(', ')})${d === 'postgres' ? ' INCLUDE (n)' : ''}
    )${d === 'sqlite' ? ' WITHOUT ROWID' : ''}`,
    ...rebuildCountsSql(false).slice(1),
    `CREATE VIEW message_hours AS SELECT workspace, direction, bucket AS hour, status, n FROM message_counts ` +
      `WHERE dims = ${COUNT_DIMS.status} AND grain = ${HOUR_MS}`,
    ...countTriggers(d).create,
  ],
});

MIGRATIONS.push({
  id: 6,
  name: 'indexes for the filters message_counts does not have',
  // Channel, source and type counts come from message_counts now: the channel index goes, and the
  // people index splits into user and team indexes in (ts, id) order; the contact, broadcast and
  // failed indexes gain id and the counted columns, so that filtered totals, groupings and pages
  // read them alone.
  up: (d) => [
    ...V1_MESSAGE_INDEXES.filter((index) => !V6_MESSAGE_INDEXES.some((current) => current.name === index.name)).map(dropIndexSql),
    ...V6_MESSAGE_INDEXES.map((index) => createIndexSql(index, d)),
  ],
});

MIGRATIONS.push({
  id: 7,
  name: 'message counts by source, type and subtype',
  // A set of message_counts for subtypes without a channel filter (COUNT_DIMS.subtype), built from
  // the full set, and the triggers again to keep it. Breakdowns by subtype read the full set before,
  // one row per channel, source, type, subtype and status in each bucket: on 10 M messages a
  // year's breakdown with the previous year reads 8,254 rows of this set, 23,285 of that one.
  // Its rows are deleted first: on a database older than migration 5, that migration (written with
  // today's set list) has built this set already.
  up: (d) => [
    ...countTriggers(d).drop,
    `DELETE FROM message_counts WHERE dims = ${COUNT_DIMS.subtype}`,
    ...buildCountDimsSql('subtype'),
    ...countTriggers(d).create,
  ],
});

MIGRATIONS.push({
  id: 8,
  name: 'index for user and channel filters together',
  // See USER_CHANNEL_INDEX: queries filtered by people and channels read messages, now by both.
  up: (d) => [createIndexSql(USER_CHANNEL_INDEX, d)],
});

/**
 * The oldest schema a seeded SQLite file may have and still be migrated in place: later migrations
 * add what the data does not depend on. An older file is seeded again.
 */
export const SEEDED_SCHEMA_VERSION = 3;

/** SQL that stores a secret unless one is stored already (the first instance to start wins). */
export const INSERT_SECRET_SQL = 'INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING';
export const SELECT_SECRET_SQL = 'SELECT value FROM server_secrets WHERE name = ?';

function latestMigration(): number {
  const last = MIGRATIONS.at(-1);
  if (!last) throw new Error('No migrations are defined');
  return last.id;
}

export const SCHEMA_VERSION = latestMigration();

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;
