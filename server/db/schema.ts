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
 * The message indexes of migrations 1 and 3 (kept as they were: migrations never change), replaced
 * by {@link MESSAGE_INDEXES} in migration 6.
 */
const V1_MESSAGE_INDEXES: IndexDef[] = [
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

/** What a filtered query reads besides its filter: the groupings, the funnel, the other filters. */
const COUNTED = ['status', 'channel_id', 'source', 'type', 'subtype'];

/**
 * The message indexes (besides the primary key), chosen from measurements on 1,000,000 and
 * 10,000,000 messages (docs/server.md, bench/server.ts). Counts whose filters are on channel, source
 * or type come from `message_counts`; these serve the list pages and everything filtered otherwise.
 * - `messages_time`: every range scan — list pages in (ts, id) order (a filter on a covered column
 *   is checked in the index as it scans), the floor's counts — index-only thanks to its covering
 *   columns;
 * - `messages_failed`: the failed log (3 % of outgoing), covering the same columns;
 * - `messages_user`, `messages_team`, `messages_contact`, `messages_broadcast`: a query filtered by
 *   one of these seeks its values and reads them in (ts, id) order: totals, groupings, funnels and
 *   pages without visiting the table, whatever the range.
 */
export const MESSAGE_INDEXES: IndexDef[] = [
  {
    name: 'messages_time',
    table: 'messages',
    columns: ['workspace', 'direction', 'ts', 'id'],
    include: ['status', 'channel_id', 'source', 'type', 'subtype', 'user_id', 'team_id', 'contact_id', 'broadcast_id'],
  },
  {
    name: 'messages_failed_log',
    table: 'messages',
    columns: ['workspace', 'ts', 'id'],
    include: ['channel_id', 'source', 'type', 'subtype', 'user_id', 'team_id', 'contact_id', 'broadcast_id'],
    where: 'status = 3',
  },
  {
    name: 'messages_user',
    table: 'messages',
    columns: ['workspace', 'direction', 'user_id', 'ts', 'id'],
    include: [...COUNTED, 'team_id'],
  },
  {
    name: 'messages_team',
    table: 'messages',
    columns: ['workspace', 'direction', 'team_id', 'ts', 'id'],
    include: [...COUNTED, 'user_id'],
  },
  {
    name: 'messages_contact_log',
    table: 'messages',
    columns: ['workspace', 'contact_id', 'ts', 'id'],
    include: ['direction', ...COUNTED],
  },
  {
    name: 'messages_broadcast_log',
    table: 'messages',
    columns: ['workspace', 'broadcast_id', 'ts', 'id'],
    include: ['direction', ...COUNTED],
    where: 'broadcast_id IS NOT NULL',
  },
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

/** Migration 2's triggers that kept `message_hours` (a table until migration 5) equal to `messages`. */
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

/** Milliseconds in a UTC day. */
export const DAY_MS = 24 * HOUR_MS;

/**
 * The grains of `message_counts`, widest first, in ms: 16-day blocks, UTC days and UTC hours, each
 * aligned to the epoch and a multiple of the next, so that a range splits into a few whole buckets of
 * each (see `countPieces` in ../report.ts). Fixed widths rather than calendar months or days in a
 * zone: a trigger computes every bucket with integer arithmetic, the same on both engines, whatever
 * the workspace's or the query's zone (whose day and month edges fall on whole hours in every zone
 * but a few :30/:45 ones; those edges are counted from `messages`).
 */
export const COUNT_GRAINS = [16 * DAY_MS, DAY_MS, HOUR_MS] as const;

/** The bucket of width `grain` that epoch-ms expression `ts` falls in (a floor, right for negative instants too). */
export const bucketSql = (ts: string, grain: number): string => `${ts} - ((${ts} % ${grain}) + ${grain}) % ${grain}`;

/**
 * `message_counts.subtype`: '' for a message without one, else the subtype after a '.', so that no
 * subtype (not even an empty one) can be mistaken for none. Source and type are stored as they are,
 * '' for none: the queries only ever ask for the contract's values of those.
 */
export const subtypeKeySql = (column: string): string => `CASE WHEN ${column} IS NULL THEN '' ELSE '.' || ${column} END`;

/** `message_counts.user_id` and `team_id`: as the subtype, '' for none and '.' before an id. */
export const personKeySql = subtypeKeySql;

/**
 * The sets of dimensions `message_counts` is kept by (its `dims` column), each in every grain. A
 * query reads the narrowest set that has its filters and its grouping, so the commonest ones — the
 * unfiltered funnel and totals, the channel breakdown — sum a handful of rows per bucket instead of
 * one per combination of channel, source, type, subtype and status.
 * - `all` (0): channel, source, type, subtype, status;
 * - `status` (1): status alone (the other dimensions '');
 * - `channel` (2): channel and status;
 * - `source` (3): source, type and status;
 * - `people` (4): source, user, team and status (the user and team filters).
 */
export const COUNT_DIMS = { all: 0, status: 1, channel: 2, source: 3, people: 4 } as const;
export type CountDims = keyof typeof COUNT_DIMS;

/** The dimensions each set keeps (the others hold ''). */
const DIMS_COLUMNS: Record<CountDims, readonly string[]> = {
  all: ['channel_id', 'source', 'type', 'subtype', 'status'],
  status: ['status'],
  channel: ['channel_id', 'status'],
  source: ['source', 'type', 'status'],
  people: ['source', 'user_id', 'team_id', 'status'],
};

/** The key of `message_counts`, in index order: a range of buckets of one set and grain, then the dimensions. */
export const COUNT_KEY = [
  'workspace',
  'dims',
  'grain',
  'direction',
  'bucket',
  'channel_id',
  'source',
  'type',
  'subtype',
  'user_id',
  'team_id',
  'status',
] as const;

/**
 * The key values of one message (a trigger's NEW or OLD row, or `messages` itself when `row` is '')
 * for one set of dimensions and one grain, in {@link COUNT_KEY} order.
 */
function countKeyValues(row: string, dims: CountDims, grain: number): string[] {
  const c = (column: string) => (row ? `${row}.${column}` : column);
  const kept = (column: string, value: string) => (DIMS_COLUMNS[dims].includes(column) ? value : column === 'status' ? '-1' : `''`);
  return [
    c('workspace'),
    String(COUNT_DIMS[dims]),
    String(grain),
    c('direction'),
    bucketSql(c('ts'), grain),
    kept('channel_id', c('channel_id')),
    kept('source', `coalesce(${c('source')}, '')`),
    kept('type', `coalesce(${c('type')}, '')`),
    kept('subtype', subtypeKeySql(c('subtype'))),
    kept('user_id', personKeySql(c('user_id'))),
    kept('team_id', personKeySql(c('team_id'))),
    kept('status', `coalesce(${c('status')}, -1)`),
  ];
}

/** Every (set of dimensions, grain) a message is counted in. */
const COUNT_CELLS = (Object.keys(COUNT_DIMS) as CountDims[]).flatMap((dims) => COUNT_GRAINS.map((grain) => [dims, grain] as const));

const COUNT_COLUMNS = `${COUNT_KEY.join(', ')}, n`;

const upsertCounts = (row: 'NEW' | 'OLD') =>
  `INSERT INTO message_counts (${COUNT_COLUMNS}) VALUES ` +
  COUNT_CELLS.map(([dims, grain]) => `(${countKeyValues(row, dims, grain).join(', ')}, 1)`).join(', ') +
  ` ON CONFLICT (${COUNT_KEY.join(', ')}) DO UPDATE SET n = message_counts.n + excluded.n`;

const decrementCounts = (row: 'NEW' | 'OLD') =>
  COUNT_CELLS.map(([dims, grain]) => {
    const conditions = countKeyValues(row, dims, grain).map((value, i) => `${COUNT_KEY[i] ?? ''} = ${value}`);
    return `UPDATE message_counts SET n = n - 1 WHERE ${conditions.join(' AND ')}`;
  });

/** The columns whose change moves a message to another count. */
const COUNTED_COLUMNS = 'workspace, direction, ts, channel_id, source, type, subtype, user_id, team_id, status';

/**
 * The triggers that keep `message_counts` equal to `messages` (dropped around a bulk load by the
 * seeder, which then rebuilds the workspace's counts with {@link rebuildCountsSql}).
 */
export function countTriggers(dialect: Dialect): { create: string[]; drop: string[]; names: string[] } {
  if (dialect === 'sqlite') {
    const names = ['message_counts_insert', 'message_counts_delete', 'message_counts_update'];
    return {
      create: [
        `CREATE TRIGGER IF NOT EXISTS message_counts_insert AFTER INSERT ON messages BEGIN ${upsertCounts('NEW')}; END`,
        `CREATE TRIGGER IF NOT EXISTS message_counts_delete AFTER DELETE ON messages BEGIN ${decrementCounts('OLD').join('; ')}; END`,
        `CREATE TRIGGER IF NOT EXISTS message_counts_update AFTER UPDATE OF ${COUNTED_COLUMNS} ON messages ` +
          `BEGIN ${decrementCounts('OLD').join('; ')}; ${upsertCounts('NEW')}; END`,
      ],
      drop: names.map((t) => `DROP TRIGGER IF EXISTS ${t}`),
      names,
    };
  }
  return {
    create: [
      `CREATE OR REPLACE FUNCTION message_counts_track() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrementCounts('OLD').join('; ')}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${upsertCounts('NEW')}; END IF;
        RETURN NULL;
      END $fn$`,
      `DROP TRIGGER IF EXISTS message_counts_track ON messages`,
      `CREATE TRIGGER message_counts_track AFTER INSERT OR DELETE OR UPDATE OF ${COUNTED_COLUMNS} ON messages ` +
        `FOR EACH ROW EXECUTE FUNCTION message_counts_track()`,
    ],
    drop: ['DROP TRIGGER IF EXISTS message_counts_track ON messages'],
    names: ['message_counts_track'],
  };
}

/**
 * Statements that recompute the counts from `messages` — of one workspace (`?` bound to it, in every
 * statement), or of all when `workspace` is false: the full and the people sets by the hour from the
 * messages, each wider grain from the one below it, and the narrower sets from the full one, grain by
 * grain.
 */
export function rebuildCountsSql(workspace: boolean): string[] {
  const only = workspace ? ' AND workspace = ?' : '';
  const grains = [...COUNT_GRAINS].reverse();
  const finest = grains[0] ?? HOUR_MS;
  // Constants (the set, the grain, '' for a dimension not kept) are left out of GROUP BY, where an
  // integer names a column by position and PostgreSQL refuses a string.
  const groupBy = (values: string[]) => values.filter((value) => !/^(''|-?\d+)$/.test(value)).join(', ');
  const insert = (select: string[], from: string, aggregate: string) =>
    `INSERT INTO message_counts (${COUNT_COLUMNS}) SELECT ${select.join(', ')}, ${aggregate} FROM ${from}${only} GROUP BY ${groupBy(select)}`;
  // Rows of `message_counts` itself, re-keyed: to a wider grain, or to a narrower set of dimensions.
  const regroup = (dims: CountDims, grain: number) =>
    COUNT_KEY.map((column) => {
      if (column === 'dims') return String(COUNT_DIMS[dims]);
      if (column === 'grain') return String(grain);
      if (column === 'bucket') return bucketSql('bucket', grain);
      if (column === 'workspace' || column === 'direction' || DIMS_COLUMNS[dims].includes(column)) return column;
      return column === 'status' ? '-1' : `''`;
    });
  const statements = [`DELETE FROM message_counts WHERE 1 = 1${only}`];
  for (const base of ['all', 'people'] as const) {
    statements.push(insert(countKeyValues('', base, finest), 'messages WHERE 1 = 1', 'count(*)'));
    grains.forEach((grain, i) => {
      const below = grains[i - 1];
      if (below !== undefined)
        statements.push(insert(regroup(base, grain), `message_counts WHERE dims = ${COUNT_DIMS[base]} AND grain = ${below}`, 'sum(n)'));
    });
  }
  for (const grain of grains) {
    for (const dims of ['status', 'channel', 'source'] as const)
      statements.push(insert(regroup(dims, grain), `message_counts WHERE dims = ${COUNT_DIMS.all} AND grain = ${grain}`, 'sum(n)'));
  }
  return statements;
}

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
    ...V1_MESSAGE_INDEXES.filter((index) => !MESSAGE_INDEXES.some((current) => current.name === index.name)).map(dropIndexSql),
    ...MESSAGE_INDEXES.map((index) => createIndexSql(index, d)),
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
