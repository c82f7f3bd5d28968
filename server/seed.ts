/**
 * Loads a sample data set (./sample-data.ts) into one workspace of the database, SQLite or
 * PostgreSQL, reporting progress. Into an empty `messages` table it loads the fast way: indexes
 * dropped, rows bulk-inserted, indexes built once, statistics gathered. Into a table that already
 * holds other workspaces it inserts with the indexes in place.
 */
import type pg from 'pg';
import { furthestStep } from '../src/core/query/status-filter.js';
import { foldForSearch } from './api/labels.js';
import { countTriggers, rebuildCountsSql } from './db/count-triggers.js';
import { createIndexSql, dropIndexSql, MESSAGE_INDEXES } from './db/indexes.js';
import { STATUS_CODE } from './db/schema.js';
import { asText, numberPlaceholders, placeholders } from './db/sql.js';
import type { SqliteDatabase } from './db/sqlite.js';
import type { Dataset, DatasetMessage } from './sample-data.js';

export type SeedPhase = 'generate' | 'lookups' | 'messages' | 'indexes' | 'rollup' | 'statistics';

export interface SeedProgress {
  phase: SeedPhase;
  done: number;
  total: number;
}

export interface SeedOptions {
  /** Workspace id to load into; default the data set's own (`ws_1`). */
  workspace?: string;
  onProgress?: (progress: SeedProgress) => void;
  /** Rows per insert batch; default 20,000. */
  batchSize?: number;
}

export interface SeedResult {
  workspace: string;
  messages: number;
  /** Whether indexes were dropped and rebuilt around the load. */
  bulk: boolean;
  ms: number;
}

const MESSAGE_COLUMNS = [
  'workspace',
  'id',
  'ts',
  'direction',
  'channel_id',
  'contact_id',
  'content',
  'source',
  'type',
  'subtype',
  'user_id',
  'team_id',
  'broadcast_id',
  'delivered_at',
  'read_at',
  'error_code',
  'error_message',
  'status',
] as const;
const PG_TYPES = [
  'text',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'bigint',
  'bigint',
  'text',
  'text',
  'smallint',
];

/**
 * The funnel step a message reached within 30 days of sending (the core's rule), as `messages.status`
 * stores it (the schema's CHECK holds every writer to the same rule): 3 failed, 2 read, 1 delivered,
 * 0 sent; null for incoming messages.
 */
export function statusOf(m: Pick<DatasetMessage, 'direction' | 'ts' | 'deliveredAt' | 'readAt' | 'error'>): number | null {
  if (m.direction !== 'outgoing') return null;
  return STATUS_CODE[furthestStep({ ts: m.ts, deliveredAt: m.deliveredAt, readAt: m.readAt, failed: Boolean(m.error) })];
}

const LOOKUP_TABLES = ['channels', 'teams', 'users', 'contacts', 'broadcasts'] as const;

function messageValues(workspace: string, m: DatasetMessage): unknown[] {
  return [
    workspace,
    m.id,
    m.ts,
    m.direction,
    m.channelId,
    m.contactId,
    m.content,
    m.source,
    m.type,
    m.subtype,
    m.userId,
    m.teamId,
    m.broadcastId,
    m.deliveredAt,
    m.readAt,
    m.error?.code ?? null,
    m.error?.message ?? null,
    statusOf(m),
  ];
}

/** The lookup rows of a data set, as [table, columns, rows]. */
function lookupRows(workspace: string, dataset: Dataset): [string, string[], unknown[][]][] {
  return [
    ['workspaces', ['id', 'name', 'timezone'], [[workspace, dataset.workspace.name, dataset.workspace.timezone]]],
    [
      'channels',
      ['workspace', 'id', 'name', 'folded', 'kind', 'reports'],
      dataset.channels.map((c) => [workspace, c.id, c.name, foldForSearch(c.name), c.kind, c.reports.join(',')]),
    ],
    ['teams', ['workspace', 'id', 'name', 'folded'], dataset.teams.map((t) => [workspace, t.id, t.name, foldForSearch(t.name)])],
    [
      'users',
      ['workspace', 'id', 'name', 'folded', 'team_id'],
      dataset.users.map((u) => [workspace, u.id, u.name, foldForSearch(u.name), u.teamId]),
    ],
    ['contacts', ['workspace', 'id', 'name', 'folded'], dataset.contacts.map((c) => [workspace, c.id, c.name, foldForSearch(c.name)])],
    [
      'broadcasts',
      ['workspace', 'id', 'name', 'folded', 'channel_id', 'sent_at'],
      dataset.broadcasts.map((b) => [workspace, b.id, b.name, foldForSearch(b.name), b.channelId, b.sentAt]),
    ],
  ];
}

function seedInfoValues(workspace: string, dataset: Dataset): unknown[] {
  return [workspace, JSON.stringify(dataset.options), dataset.messages.length, dataset.end, Date.now()];
}

const SEED_INFO_SQL =
  'INSERT INTO seed_info (workspace, options, messages, data_end, seeded_at) VALUES (?, ?, ?, ?, ?) ' +
  'ON CONFLICT (workspace) DO UPDATE SET options = excluded.options, messages = excluded.messages, ' +
  'data_end = excluded.data_end, seeded_at = excluded.seeded_at';

// ---- SQLite ----------------------------------------------------------------------------------------

export function seedSqlite(db: SqliteDatabase, dataset: Dataset, options: SeedOptions = {}): SeedResult {
  const started = performance.now();
  const workspace = options.workspace ?? dataset.workspace.id;
  const progress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? 20_000;
  const total = dataset.messages.length;

  progress({ phase: 'lookups', done: 0, total: 1 });
  // The message counts are rebuilt for the workspace after the load, not row by row. (Seed while no
  // other process writes messages.)
  const triggers = countTriggers('sqlite');
  for (const statement of triggers.drop) db.exec(statement);
  db.transaction(() => {
    db.prepare('DELETE FROM messages WHERE workspace = ?').run(workspace);
    for (const table of LOOKUP_TABLES) db.prepare(`DELETE FROM ${table} WHERE workspace = ?`).run(workspace);
    db.prepare('DELETE FROM workspaces WHERE id = ?').run(workspace);
    for (const [table, columns, rows] of lookupRows(workspace, dataset)) {
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`);
      for (const row of rows) insert.run(...row);
    }
  })();
  progress({ phase: 'lookups', done: 1, total: 1 });

  const bulk = db.prepare('SELECT 1 FROM messages LIMIT 1').get() === undefined;
  if (bulk) for (const index of MESSAGE_INDEXES) db.exec(dropIndexSql(index));

  // Several rows per statement: fewer round trips through the VDBE per row.
  const perStatement = 40;
  const one = `(${placeholders(MESSAGE_COLUMNS.length)})`;
  const insertMany = db.prepare(`INSERT INTO messages (${MESSAGE_COLUMNS.join(', ')}) VALUES ${Array(perStatement).fill(one).join(', ')}`);
  const insertOne = db.prepare(`INSERT INTO messages (${MESSAGE_COLUMNS.join(', ')}) VALUES ${one}`);
  const load = db.transaction((batch: readonly DatasetMessage[]) => {
    let i = 0;
    for (; i + perStatement <= batch.length; i += perStatement) {
      insertMany.run(...batch.slice(i, i + perStatement).flatMap((message) => messageValues(workspace, message)));
    }
    for (const message of batch.slice(i)) insertOne.run(...messageValues(workspace, message));
  });
  progress({ phase: 'messages', done: 0, total });
  for (let i = 0; i < total; i += batchSize) {
    load(dataset.messages.slice(i, i + batchSize));
    progress({ phase: 'messages', done: Math.min(i + batchSize, total), total });
  }

  if (bulk) {
    progress({ phase: 'indexes', done: 0, total: MESSAGE_INDEXES.length });
    MESSAGE_INDEXES.forEach((index, i) => {
      db.exec(createIndexSql(index, 'sqlite'));
      progress({ phase: 'indexes', done: i + 1, total: MESSAGE_INDEXES.length });
    });
  }
  // One step per statement that counts, so the bar moves through the rebuild.
  const rebuild = rebuildCountsSql(true);
  progress({ phase: 'rollup', done: 0, total: rebuild.length });
  db.transaction(() => {
    rebuild.forEach((statement, i) => {
      db.prepare(statement).run(workspace);
      progress({ phase: 'rollup', done: i + 1, total: rebuild.length });
    });
    for (const statement of triggers.create) db.exec(statement);
    db.prepare(SEED_INFO_SQL).run(...seedInfoValues(workspace, dataset));
  })();
  // Full statistics: sampled ones (analysis_limit) saved 2 s here but misled the planner into
  // scanning the time index for user filters (5× slower filtered breakdowns). Table by table, as
  // a bare ANALYZE would, so that the bar moves; the largest first.
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all()
    .map((row) => row.name)
    .sort((a, b) => Number(b === 'messages') - Number(a === 'messages') || a.localeCompare(b));
  progress({ phase: 'statistics', done: 0, total: tables.length });
  tables.forEach((table, i) => {
    db.exec(`ANALYZE "${table.replaceAll('"', '""')}"`);
    progress({ phase: 'statistics', done: i + 1, total: tables.length });
  });
  return { workspace, messages: total, bulk, ms: performance.now() - started };
}

// ---- PostgreSQL ------------------------------------------------------------------------------------

export async function seedPostgres(pool: pg.Pool, dataset: Dataset, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const workspace = options.workspace ?? dataset.workspace.id;
  const progress = options.onProgress ?? (() => {});
  const batchSize = options.batchSize ?? 20_000;
  const total = dataset.messages.length;
  const client = await pool.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(numberPlaceholders(sql), params);
  let bulk: boolean;
  try {
    // A loading session: no waiting for WAL flushes, room to sort for index builds, no timeout.
    await q('SET synchronous_commit = off');
    await q(`SET maintenance_work_mem = '256MB'`);
    await q('SET statement_timeout = 0');

    progress({ phase: 'lookups', done: 0, total: 1 });
    const triggers = countTriggers('postgres');
    for (const statement of triggers.drop) await q(statement);
    await q('BEGIN');
    await q('DELETE FROM messages WHERE workspace = ?', [workspace]);
    for (const table of LOOKUP_TABLES) await q(`DELETE FROM ${table} WHERE workspace = ?`, [workspace]);
    await q('DELETE FROM workspaces WHERE id = ?', [workspace]);
    for (const [table, columns, rows] of lookupRows(workspace, dataset)) {
      for (const row of rows) await q(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`, row);
    }
    await q('COMMIT');
    progress({ phase: 'lookups', done: 1, total: 1 });

    bulk = (await q('SELECT 1 FROM messages LIMIT 1')).rowCount === 0;
    if (bulk) for (const index of MESSAGE_INDEXES) await q(dropIndexSql(index));

    // Column arrays through unnest(): one statement per batch, no COPY dependency.
    const unnest = PG_TYPES.map((type) => `?::${type}[]`).join(', ');
    const insert = `INSERT INTO messages (${MESSAGE_COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest})`;
    progress({ phase: 'messages', done: 0, total });
    for (let i = 0; i < total; i += batchSize) {
      const end = Math.min(i + batchSize, total);
      const rows = dataset.messages.slice(i, end).map((message) => messageValues(workspace, message));
      const columns = MESSAGE_COLUMNS.map((_, c) => rows.map((row) => row[c]));
      await q(insert, columns);
      progress({ phase: 'messages', done: end, total });
    }

    if (bulk) {
      progress({ phase: 'indexes', done: 0, total: MESSAGE_INDEXES.length });
      for (const [i, index] of MESSAGE_INDEXES.entries()) {
        await q(createIndexSql(index, 'postgres'));
        progress({ phase: 'indexes', done: i + 1, total: MESSAGE_INDEXES.length });
      }
    }
    const rebuild = rebuildCountsSql(true);
    progress({ phase: 'rollup', done: 0, total: rebuild.length });
    await q('BEGIN');
    for (const [i, statement] of rebuild.entries()) {
      await q(statement, [workspace]);
      progress({ phase: 'rollup', done: i + 1, total: rebuild.length });
    }
    for (const statement of triggers.create) await q(statement);
    await q(SEED_INFO_SQL, seedInfoValues(workspace, dataset));
    await q('COMMIT');
    progress({ phase: 'statistics', done: 0, total: 1 });
    // VACUUM sets the visibility map, which index-only scans need; ANALYZE gives the planner stats.
    await q('VACUUM (ANALYZE) messages');
    await q('VACUUM (ANALYZE) message_counts');
    for (const table of ['workspaces', ...LOOKUP_TABLES, 'seed_info']) await q(`ANALYZE ${table}`);
    progress({ phase: 'statistics', done: 1, total: 1 });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { workspace, messages: total, bulk, ms: performance.now() - started };
}

export interface SeedInfo {
  workspace: string;
  options: unknown;
  messages: number;
  dataEnd: number;
  seededAt: number;
}

type SeedInfoRow = Record<string, unknown>;

function toSeedInfo(row: SeedInfoRow | undefined): SeedInfo | undefined {
  if (!row) return undefined;
  const options: unknown = JSON.parse(asText(row.options));
  return {
    workspace: asText(row.workspace),
    options,
    messages: Number(row.messages),
    dataEnd: Number(row.data_end),
    seededAt: Number(row.seeded_at),
  };
}

export function sqliteSeedInfo(db: SqliteDatabase, workspace: string): SeedInfo | undefined {
  try {
    return toSeedInfo(db.prepare<[string], SeedInfoRow>('SELECT * FROM seed_info WHERE workspace = ?').get(workspace));
  } catch {
    return undefined;
  }
}

export async function postgresSeedInfo(pool: pg.Pool, workspace: string): Promise<SeedInfo | undefined> {
  try {
    return toSeedInfo((await pool.query<SeedInfoRow>('SELECT * FROM seed_info WHERE workspace = $1', [workspace])).rows[0]);
  } catch {
    return undefined;
  }
}
