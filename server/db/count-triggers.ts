/**
 * The rollups of `messages` — the hourly counts of migration 2 and `message_counts` of migration 5
 * (its grains, sets of dimensions and key) — and what keeps them equal to it: the triggers, spelled
 * per engine (SQLite's statement lists, PostgreSQL's PL/pgSQL function), and the statements that
 * rebuild the counts after a bulk load. Apart from the DDL (./schema.ts) because it is generated
 * SQL with rules of its own, which the seeder and the tests call directly.
 */
import type { Dialect } from './sql.js';

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

/** Milliseconds in a UTC day. */
export const DAY_MS = 24 * HOUR_MS;

/**
 * The grains of `message_counts`, widest first, in ms: 16-day blocks, UTC days and UTC hours, each
 * aligned to the epoch and a multiple of the next, so that a range splits into a few whole buckets of
 * each (see `countPieces` in ./message-counts.ts). Fixed widths rather than calendar months or days in a
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
 * - `people` (4): source, user, team and status (the user and team filters);
 * - `subtype` (5, migration 7): source, type, subtype and status — subtypes without a channel
 *   filter, which would otherwise read `all`, whose rows per bucket multiply with the channels
 *   (on 10 M messages about 3× this set's).
 */
export const COUNT_DIMS = { all: 0, status: 1, channel: 2, source: 3, people: 4, subtype: 5 } as const;
export type CountDims = keyof typeof COUNT_DIMS;

/** The dimensions each set keeps (the others hold ''). */
const DIMS_COLUMNS: Record<CountDims, readonly string[]> = {
  all: ['channel_id', 'source', 'type', 'subtype', 'status'],
  status: ['status'],
  channel: ['channel_id', 'status'],
  source: ['source', 'type', 'status'],
  people: ['source', 'user_id', 'team_id', 'status'],
  subtype: ['source', 'type', 'subtype', 'status'],
};

/** The sets rebuilt from `all` rather than from the messages (every set but `all` and `people`). */
const NARROWER_DIMS = ['status', 'channel', 'source', 'subtype'] as const;

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
  const statements = [`DELETE FROM message_counts WHERE 1 = 1${only}`];
  for (const base of ['all', 'people'] as const) {
    statements.push(insertCountsSql(countKeyValues('', base, finest), 'messages WHERE 1 = 1', 'count(*)', only));
    grains.forEach((grain, i) => {
      const below = grains[i - 1];
      if (below !== undefined)
        statements.push(
          insertCountsSql(regroupKey(base, grain), `message_counts WHERE dims = ${COUNT_DIMS[base]} AND grain = ${below}`, 'sum(n)', only),
        );
    });
  }
  for (const dims of NARROWER_DIMS) statements.push(...narrowerCountsSql(dims, only));
  return statements;
}

/**
 * Statements that build one narrower set of dimensions of every workspace from the `all` set, grain
 * by grain (a migration adding a set; the set must hold no rows yet).
 */
export function buildCountDimsSql(dims: (typeof NARROWER_DIMS)[number]): string[] {
  return narrowerCountsSql(dims, '');
}

function narrowerCountsSql(dims: CountDims, only: string): string[] {
  return [...COUNT_GRAINS].map((grain) =>
    insertCountsSql(regroupKey(dims, grain), `message_counts WHERE dims = ${COUNT_DIMS.all} AND grain = ${grain}`, 'sum(n)', only),
  );
}

function insertCountsSql(select: string[], from: string, aggregate: string, only: string): string {
  // Constants (the set, the grain, '' for a dimension not kept) are left out of GROUP BY, where an
  // integer names a column by position and PostgreSQL refuses a string.
  const groupBy = select.filter((value) => !/^(''|-?\d+)$/.test(value)).join(', ');
  return `INSERT INTO message_counts (${COUNT_COLUMNS}) SELECT ${select.join(', ')}, ${aggregate} FROM ${from}${only} GROUP BY ${groupBy}`;
}

/** The key of rows of `message_counts` itself, re-keyed: to a wider grain, or to a narrower set of dimensions. */
function regroupKey(dims: CountDims, grain: number): string[] {
  return COUNT_KEY.map((column) => {
    if (column === 'dims') return String(COUNT_DIMS[dims]);
    if (column === 'grain') return String(grain);
    if (column === 'bucket') return bucketSql('bucket', grain);
    if (column === 'workspace' || column === 'direction' || DIMS_COLUMNS[dims].includes(column)) return column;
    return column === 'status' ? '-1' : `''`;
  });
}
