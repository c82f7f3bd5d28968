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
 */
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

export interface IndexDef {
  name: string;
  table: string;
  /** Key columns. */
  columns: string[];
  /** Covering columns: `INCLUDE` in PostgreSQL, trailing key columns in SQLite. */
  include?: string[];
  /** Partial index predicate. */
  where?: string;
}

const key = (dialect: Dialect) => (dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT');

/**
 * The message indexes (besides the primary key), chosen from measurements on 1,000,000 messages
 * (docs/server.md) and this server's own bench:
 * - `messages_time`: every range scan — list pages in (ts, id) order, counts, the delivery funnel,
 *   groupings — index-only thanks to its covering columns;
 * - `messages_failed`: the failed log (3 % of outgoing) without scanning the rest;
 * - `messages_channel`, `messages_people`, `messages_contact`, `messages_broadcast`: a filtered
 *   query seeks the filter's values instead of scanning the whole range.
 */
export const MESSAGE_INDEXES: IndexDef[] = [
  {
    name: 'messages_time',
    table: 'messages',
    columns: ['workspace', 'direction', 'ts', 'id'],
    include: ['status', 'channel_id', 'source', 'type', 'subtype', 'user_id', 'team_id', 'contact_id', 'broadcast_id'],
  },
  { name: 'messages_failed', table: 'messages', columns: ['workspace', 'ts', 'id'], where: 'status = 3' },
  {
    name: 'messages_channel',
    table: 'messages',
    columns: ['workspace', 'direction', 'channel_id', 'ts'],
    include: ['status', 'source', 'type', 'subtype'],
  },
  {
    name: 'messages_people',
    table: 'messages',
    columns: ['workspace', 'direction', 'user_id', 'channel_id', 'ts', 'id'],
    include: ['status'],
  },
  { name: 'messages_contact', table: 'messages', columns: ['workspace', 'contact_id', 'ts'] },
  { name: 'messages_broadcast', table: 'messages', columns: ['workspace', 'broadcast_id', 'ts'], where: 'broadcast_id IS NOT NULL' },
];

export function createIndexSql(index: IndexDef, dialect: Dialect): string {
  const include = index.include ?? [];
  const columns = dialect === 'sqlite' ? [...index.columns, ...include] : index.columns;
  let sql = `CREATE INDEX IF NOT EXISTS ${index.name} ON ${index.table} (${columns.join(', ')})`;
  if (dialect === 'postgres' && include.length > 0) sql += ` INCLUDE (${include.join(', ')})`;
  if (index.where) sql += ` WHERE ${index.where}`;
  return sql;
}

export function dropIndexSql(index: IndexDef): string {
  return `DROP INDEX IF EXISTS ${index.name}`;
}

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
      ...MESSAGE_INDEXES.map((index) => createIndexSql(index, d)),
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

/** Milliseconds in the rollup's unit: whole UTC hours. */
export const HOUR_MS = 3_600_000;

const hourOf = (row: 'NEW' | 'OLD') => `${row}.ts - ${row}.ts % ${HOUR_MS}`;
const upsertHour = (row: 'NEW' | 'OLD') =>
  `INSERT INTO message_hours (workspace, direction, hour, status, n) ` +
  `VALUES (${row}.workspace, ${row}.direction, ${hourOf(row)}, coalesce(${row}.status, -1), 1) ` +
  `ON CONFLICT (workspace, direction, hour, status) DO UPDATE SET n = message_hours.n + 1`;
const decrementHour = (row: 'NEW' | 'OLD') =>
  `UPDATE message_hours SET n = n - 1 WHERE workspace = ${row}.workspace AND direction = ${row}.direction ` +
  `AND hour = ${hourOf(row)} AND status = coalesce(${row}.status, -1)`;

/**
 * The triggers that keep `message_hours` equal to `messages` (dropped around a bulk load by the
 * seeder, which then rebuilds the workspace's rollup in one statement).
 */
export function rollupTriggers(dialect: Dialect): { create: string[]; drop: string[] } {
  if (dialect === 'sqlite') {
    return {
      create: [
        `CREATE TRIGGER IF NOT EXISTS message_hours_insert AFTER INSERT ON messages BEGIN ${upsertHour('NEW')}; END`,
        `CREATE TRIGGER IF NOT EXISTS message_hours_delete AFTER DELETE ON messages BEGIN ${decrementHour('OLD')}; END`,
        `CREATE TRIGGER IF NOT EXISTS message_hours_update AFTER UPDATE OF workspace, direction, ts, status ON messages ` +
          `BEGIN ${decrementHour('OLD')}; ${upsertHour('NEW')}; END`,
      ],
      drop: ['message_hours_insert', 'message_hours_delete', 'message_hours_update'].map((t) => `DROP TRIGGER IF EXISTS ${t}`),
    };
  }
  return {
    create: [
      `CREATE OR REPLACE FUNCTION message_hours_track() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrementHour('OLD')}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${upsertHour('NEW')}; END IF;
        RETURN NULL;
      END $fn$`,
      `DROP TRIGGER IF EXISTS message_hours_track ON messages`,
      `CREATE TRIGGER message_hours_track AFTER INSERT OR DELETE OR UPDATE OF workspace, direction, ts, status ON messages ` +
        `FOR EACH ROW EXECUTE FUNCTION message_hours_track()`,
    ],
    drop: ['DROP TRIGGER IF EXISTS message_hours_track ON messages'],
  };
}

/** Recomputes one workspace's rollup from its messages (after a bulk load). */
export const REBUILD_ROLLUP_SQL = [
  'DELETE FROM message_hours WHERE workspace = ?',
  `INSERT INTO message_hours (workspace, direction, hour, status, n) ` +
    `SELECT workspace, direction, ts - ts % ${HOUR_MS}, coalesce(status, -1), count(*) FROM messages WHERE workspace = ? ` +
    `GROUP BY workspace, direction, ts - ts % ${HOUR_MS}, coalesce(status, -1)`,
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

/** The rollup read by range (workspace, direction, hour) without visiting the table. */
export const ROLLUP_INDEX: IndexDef = {
  name: 'message_hours_cover',
  table: 'message_hours',
  columns: ['workspace', 'direction', 'hour'],
  include: ['status', 'n'],
};

MIGRATIONS.push({
  id: 3,
  name: 'covering index for the hourly counts',
  up: (d) => {
    // messages_people gained `id` after `ts` (a filtered page sorts its keys from the index alone).
    const people = MESSAGE_INDEXES.find((i) => i.name === 'messages_people');
    if (!people) throw new Error('Migration 3 rebuilds the messages_people index, which MESSAGE_INDEXES no longer defines');
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
