/**
 * The indexes of `messages` and of the hourly rollup, as data: each written once and spelled for
 * either engine by {@link createIndexSql} (PostgreSQL's `INCLUDE`, extra key columns in SQLite).
 * Apart from the migrations (./schema.ts) because the seeder drops and rebuilds them around a bulk
 * load, and their choice is measured on its own (docs/server.md, bench/server.ts).
 */
import type { Dialect } from './sql.js';

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

/**
 * The message indexes of migrations 1 and 3 (kept as they were: migrations never change), replaced
 * by {@link MESSAGE_INDEXES} in migration 6.
 */
export const V1_MESSAGE_INDEXES: IndexDef[] = [
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

/** The message indexes migration 6 built (kept as they were: migrations never change). */
export const V6_MESSAGE_INDEXES: IndexDef[] = [
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

/**
 * Migration 8's index: people and channels together. `message_counts` keeps people apart from
 * channels, so a query filtered by both reads messages; through `messages_user` it read every
 * message of those people and dropped the other channels', which cost PostgreSQL up to twice
 * SQLite's time (bench:server, 1 M messages: a year's incoming list 2.00×, outgoing 2.02×).
 */
export const USER_CHANNEL_INDEX: IndexDef = {
  name: 'messages_user_channel',
  table: 'messages',
  columns: ['workspace', 'direction', 'user_id', 'channel_id', 'ts', 'id'],
  include: ['status', 'source', 'type', 'subtype', 'team_id'],
};

/**
 * The message indexes (besides the primary key), chosen from measurements on 1,000,000 and
 * 10,000,000 messages (docs/server.md, bench/server.ts). Counts whose filters are on channel, source
 * or type come from `message_counts`; these serve the list pages and everything filtered otherwise.
 * - `messages_time`: every range scan — list pages in (ts, id) order (a filter on a covered column
 *   is checked in the index as it scans), the floor's counts — index-only thanks to its covering
 *   columns;
 * - `messages_failed_log`: the failed log (3 % of outgoing), covering the same columns;
 * - `messages_user`, `messages_team`, `messages_contact_log`, `messages_broadcast_log`: a query
 *   filtered by one of these seeks its values and reads them in (ts, id) order: totals, groupings,
 *   funnels and pages without visiting the table, whatever the range;
 * - `messages_user_channel`: a query filtered by user and channel seeks both.
 */
export const MESSAGE_INDEXES: IndexDef[] = [...V6_MESSAGE_INDEXES, USER_CHANNEL_INDEX];

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

/** The rollup read by range (workspace, direction, hour) without visiting the table. */
export const ROLLUP_INDEX: IndexDef = {
  name: 'message_hours_cover',
  table: 'message_hours',
  columns: ['workspace', 'direction', 'hour'],
  include: ['status', 'n'],
};
