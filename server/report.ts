/**
 * The four resources of the contract answered in SQL, for one workspace at a time. Same meaning as
 * the in-memory reference engine (reference/engine.ts), which the contract suite holds this to:
 * - aggregation happens in the database (counts per group, per status, per bucket); JavaScript only
 *   merges a handful of partial counts and sorts a few dozen groups;
 * - bucket edges are computed in the query's zone with src/core/query/zoned-time.ts (DST-correct,
 *   never a fixed offset) and passed to SQL as epoch-ms numbers;
 * - the 30-day rule and the funnel live in the `status` column (see db/schema.ts);
 * - lists page by keyset on (ts, id) and stop at the 10,000-row cap.
 *
 * The two engines get the query shape that suits them, measured with bench/server.ts: PostgreSQL one
 * statement per answer (`GROUP BY`; the buckets as a LATERAL join of index range counts); SQLite a
 * few short statements (one per bucket, one per channel, month-sized chunks of long ranges,
 * conditional counts instead of a sort), which also lets the worker check the deadline between
 * statements.
 */
import {
  MESSAGE_TYPES,
  ROW_CAP,
  type ActivityParams,
  type ActivityResponse,
  type BreakdownTrendParams,
  type BreakdownTrendResponse,
  SOURCES,
  type BreakdownGroup,
  type BreakdownParams,
  type BreakdownResponse,
  type DeliveryBreakdownParams,
  type DeliveryBreakdownResponse,
  type BroadcastsParams,
  type BroadcastsResponse,
  type DeliveryParams,
  type DeliveryResponse,
  type DeliveryTotals,
  type Direction,
  type FilterField,
  type FilterOption,
  type Filters,
  type GroupBy,
  type Interval,
  type MessageKind,
  type MessageRow,
  type MessagesParams,
  type MessagesResponse,
  type OptionsParams,
  type OptionsResponse,
  type Order,
  type Status,
} from '../src/core/contract/types.js';
import { notApplicableFilters, notReportedStatuses } from '../src/core/query/applicability.js';
import { bucketStarts } from '../src/core/query/zoned-time.js';
import { decodeCursor, encodeCursor } from './api/cursor.js';
import { LruCache } from './api/lru.js';
import { compareStrings, foldForSearch, labelOf, SOURCE_LABELS, subtypeGroup, TYPE_LABELS } from './api/labels.js';
import { comparedRange, DEFAULT_MESSAGES_LIMIT, DEFAULT_OPTIONS_LIMIT } from './api/params.js';
import type { ExportPageParams, KeysetPosition, MessagesHints } from './api/store.js';
import {
  COUNT_KEY_SQL,
  countable,
  countPieces,
  countsWhere,
  funnelRow,
  withTotal,
  type CountKey,
  type Piece,
} from './db/message-counts.js';
import { createDeliveryBreakdown } from './db/delivery-breakdown.js';
import { broadcastsOf } from './db/broadcasts.js';
import { STATUS_WINDOW_MS } from './db/schema.js';
import { asText, asTextOrNull, escapeLike, placeholders, type Row, type SqlExecutor } from './db/sql.js';
import { createTrendQueries } from './db/trends.js';
import { chunks, hourPieces, scopeWhere, statusCodes, unfiltered, Where, withRange, withStatusCodes, type Scope } from './db/where.js';

/** Longest range one SQLite statement scans; longer ranges are counted in chunks and summed. */
const SQLITE_CHUNK_MS = 32 * 24 * 3_600_000;

/** The resources for one workspace; params are assumed valid (./api/params.ts). */
export interface Report {
  breakdown(workspace: string, params: BreakdownParams): Promise<BreakdownResponse>;
  delivery(workspace: string, params: DeliveryParams): Promise<DeliveryResponse>;
  /** The delivery funnel per group (./db/delivery-breakdown.ts). */
  deliveryBreakdown(workspace: string, params: DeliveryBreakdownParams): Promise<DeliveryBreakdownResponse>;
  messages(workspace: string, params: MessagesParams, hints?: MessagesHints): Promise<MessagesResponse>;
  broadcasts(workspace: string, params: BroadcastsParams): Promise<BroadcastsResponse>;
  exportPage(workspace: string, params: ExportPageParams): Promise<MessageRow[]>;
  options(workspace: string, params: OptionsParams): Promise<OptionsResponse>;
  /** `/breakdown-trend` and `/activity` (issue 12): server/db/trends.ts. */
  breakdownTrend(workspace: string, params: BreakdownTrendParams): Promise<BreakdownTrendResponse>;
  activity(workspace: string, params: ActivityParams): Promise<ActivityResponse>;
  /** The benchmark's floor: a bare `GROUP BY` (or count) over a query's messages; returns how many it counted. */
  floor(workspace: string, query: FloorQuery): Promise<number>;
}

/** The rows a query counts, for {@link Report.floor}: scope, range, filters, and what it groups by. */
export interface FloorQuery {
  scope: Direction | 'failed';
  from: number;
  to: number;
  filters?: Filters;
  groupBy?: GroupBy | 'status';
}

/** Whether `error` says the relation a statement reads does not exist. */
function isMissingRelation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && /no such table/i.test(message));
}

/**
 * The delivery line's bucket edges (src/core/query/zoned-time.ts: exact in every zone, but each
 * local day costs a few `Intl` calls — 10 ms for a year of days here), computed once per range.
 * Pure functions of their arguments, so the answers cannot go stale; the report asks the same
 * ranges over and over (its presets).
 */
const bucketEdges = new LruCache<string, readonly number[]>(256);
function cachedBucketStarts(from: number, to: number, tz: string, interval: Interval): readonly number[] {
  const key = `${tz} ${interval} ${from} ${to}`;
  let starts = bucketEdges.get(key);
  if (!starts) {
    starts = bucketStarts(from, to, tz, interval);
    bucketEdges.set(key, starts);
  }
  return starts;
}

const iso = (instant: number) => new Date(instant).toISOString();
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/**
 * `list[i]` where the caller built `list` to have it (one entry per range or bucket, or an index a
 * statement echoes back); a clear error instead of a wrong answer if that ever stops being true.
 */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`Index ${i} is outside a list of ${list.length}`);
  return item;
}

function emptyTotals(): DeliveryTotals {
  return { total: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
}

interface ChannelInfo {
  id: string;
  name: string;
  kind: string;
  reports: Status[];
}

/** Which table backs each lookup field's options. */
const OPTION_TABLES: Partial<Record<FilterField, string>> = {
  channel: 'channels',
  contact: 'contacts',
  team: 'teams',
  user: 'users',
  broadcast: 'broadcasts',
};

export function createReport(db: SqlExecutor): Report {
  const sqlite = db.dialect === 'sqlite';

  async function channels(workspace: string): Promise<ChannelInfo[]> {
    const rows = await db.all<{ id: string; name: string; kind: string; reports: string }>(
      'SELECT id, name, kind, reports FROM channels WHERE workspace = ?',
      [workspace],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, reports: (r.reports ? r.reports.split(',') : []) as Status[] }));
  }

  // ---- message counts ----------------------------------------------------------------------------

  /**
   * Whether the database has `message_counts` (the server's own schema does; views over a host's
   * tables need not): looked up once, on the first query that could use it.
   */
  let countsPresent: Promise<boolean> | undefined;
  function hasCounts(): Promise<boolean> {
    countsPresent ??= db.all('SELECT 1 FROM message_counts WHERE 1 = 0').then(
      () => true,
      (error: unknown) => {
        countsPresent = undefined;
        if (isMissingRelation(error)) {
          countsPresent = Promise.resolve(false);
          return false;
        }
        throw error;
      },
    );
    return countsPresent;
  }

  /** Whether a query over `scope` with `filters`, grouped by `key`, is answered from `message_counts`. */
  async function fromCounts(scope: Scope, filters: Filters, key: CountKey): Promise<boolean> {
    return countable(scope, filters, key) && (await hasCounts());
  }

  /**
   * Counts per `key` of each of `ranges`, from whole buckets of `message_counts` and the messages at
   * the ranges' edges (the scope and filters must be {@link countable}). Keys that mean "none" (an
   * incoming message's source, a message without subtype) are left out. SQLite: a short statement
   * per piece; PostgreSQL: one statement.
   */
  async function countRanges(
    workspace: string,
    scope: Scope,
    filters: Filters,
    ranges: readonly (readonly [number, number])[],
    key: CountKey,
  ): Promise<Map<string, number>[]> {
    const out = ranges.map(() => new Map<string, number>());
    const pieces = ranges.flatMap(([lo, hi], i) => countPieces(lo, hi, i));
    const add = (i: number, k: string | null, n: unknown) => {
      const count = num(n);
      if (k === null || count === 0) return;
      const counts = at(out, i);
      counts.set(k, (counts.get(k) ?? 0) + count);
    };
    const counts = countsWhere(workspace, scope, filters, key);
    const messages = scopeWhere(workspace, scope, filters);
    const sql = COUNT_KEY_SQL[key];
    const grouped = key !== 'none';
    const countsSelect = `SELECT ${sql.counts} AS k, sum(c.n) AS n FROM message_counts c WHERE ${counts.sql}`;
    const messagesSelect = `SELECT ${sql.messages} AS k, count(*) AS n FROM messages m WHERE ${messages.sql}`;
    const countsGroup = grouped ? ` GROUP BY ${sql.countsGroup}` : '';
    const messagesGroup = grouped ? ` GROUP BY ${sql.messages}` : '';
    const rolled = pieces.filter((p) => p.grain > 0);
    const raw = pieces.filter((p) => p.grain === 0);
    const keyOf = (k: unknown) => (k === null || k === undefined ? null : asText(k));
    if (sqlite) {
      if (rolled.length === 1) {
        const [p] = rolled as [Piece];
        const rows = await db.all(`${countsSelect} AND c.grain = ? AND c.bucket >= ? AND c.bucket < ?${countsGroup}`, [
          ...counts.params,
          p.grain,
          p.lo,
          p.hi,
        ]);
        for (const row of rows) add(p.i, keyOf(row.k), row.n);
      } else if (rolled.length > 1) {
        // One statement for every piece (a delivery line has hundreds): the pieces as a JSON array
        // of [grain, lo, hi, i], each joined to its primary-key range — as PostgreSQL's LATERAL.
        const rows = await db.all(
          `SELECT p.value ->> 3 AS i, ${sql.counts} AS k, sum(c.n) AS n FROM json_each(?) p JOIN message_counts c ` +
            `ON ${counts.sql} AND c.grain = p.value ->> 0 AND c.bucket >= p.value ->> 1 AND c.bucket < p.value ->> 2 ` +
            `GROUP BY p.value ->> 3${grouped ? `, ${sql.countsGroup}` : ''}`,
          [JSON.stringify(rolled.map((p) => [p.grain, p.lo, p.hi, p.i])), ...counts.params],
        );
        for (const row of rows) add(num(row.i), keyOf(row.k), row.n);
      }
      for (const p of raw) {
        const rows = await db.all(`${messagesSelect} AND m.ts >= ? AND m.ts < ?${messagesGroup}`, [...messages.params, p.lo, p.hi]);
        for (const row of rows) add(p.i, keyOf(row.k), row.n);
      }
      return out;
    }
    // PostgreSQL: every piece in one statement, each counted by a LATERAL index range scan.
    const parts: string[] = [];
    const params: unknown[] = [];
    if (rolled.length > 0) {
      parts.push(
        `SELECT p.i, x.k::text AS k, x.n FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[]) AS p(grain, lo, hi, i) ` +
          `CROSS JOIN LATERAL (${countsSelect} AND c.grain = p.grain AND c.bucket >= p.lo AND c.bucket < p.hi${countsGroup}) x`,
      );
      params.push(
        rolled.map((p) => p.grain),
        rolled.map((p) => p.lo),
        rolled.map((p) => p.hi),
        rolled.map((p) => p.i),
        ...counts.params,
      );
    }
    if (raw.length > 0) {
      parts.push(
        `SELECT p.i, x.k::text AS k, x.n FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS p(lo, hi, i) ` +
          `CROSS JOIN LATERAL (${messagesSelect} AND m.ts >= p.lo AND m.ts < p.hi${messagesGroup}) x`,
      );
      params.push(
        raw.map((p) => p.lo),
        raw.map((p) => p.hi),
        raw.map((p) => p.i),
        ...messages.params,
      );
    }
    if (parts.length === 0) return out;
    for (const row of await db.all(parts.join(' UNION ALL '), params)) add(num(row.i), keyOf(row.k), row.n);
    return out;
  }

  // ---- breakdown ---------------------------------------------------------------------------------

  /** SQL for the counts of one grouping over one range: rows of (k, n). */
  function groupSql(groupBy: GroupBy, where: Where): { sql: string; params: unknown[]; wide?: readonly string[] } {
    const enumValues = groupBy === 'source' ? SOURCES : groupBy === 'type' ? MESSAGE_TYPES : undefined;
    if (sqlite && enumValues) {
      // One pass of conditional counts: SQLite would otherwise sort every row for GROUP BY.
      const column = groupBy === 'source' ? 'm.source' : 'm.type';
      const counts = enumValues.map((value, i) => `count(*) FILTER (WHERE ${column} = '${value}') AS c${i}`);
      return { sql: `SELECT ${counts.join(', ')} FROM messages m WHERE ${where.sql}`, params: where.params, wide: enumValues };
    }
    if (groupBy === 'subtype') {
      // As subtypeCountKey: the type, '|', the subtype.
      return {
        sql: `SELECT m.type || '|' || m.subtype AS k, count(*) AS n FROM messages m WHERE ${where.sql} AND m.subtype IS NOT NULL GROUP BY m.type, m.subtype`,
        params: where.params,
      };
    }
    const column = { channel: 'm.channel_id', source: 'm.source', type: 'm.type' }[groupBy];
    return {
      sql: `SELECT ${column} AS k, count(*) AS n FROM messages m WHERE ${where.sql} GROUP BY ${column}`,
      params: where.params,
    };
  }

  /**
   * SQLite, by channel: one indexed range count per channel (messages_channel) instead of sorting
   * every row for GROUP BY — 5-7× faster on long ranges. Only when the filters are covered by that
   * index (channel, source, type); messages whose channel is missing from `channels` still count.
   */
  async function countPerChannel(workspace: string, params: BreakdownParams, from: number, to: number, known: string[]) {
    const base = withRange(scopeWhere(workspace, params.direction, params.filters), from, to);
    const filtered = params.filters.channel?.length ? [...params.filters.channel] : undefined;
    const keys = filtered ?? known;
    const counts = new Map<string, number>();
    let sum = 0;
    for (const key of keys) {
      const where = base.clone().add('m.channel_id = ?', key);
      const [row] = await db.all(`SELECT count(*) AS n FROM messages m WHERE ${where.sql}`, where.params);
      const n = num(row?.n);
      if (n > 0) counts.set(key, n);
      sum += n;
    }
    if (!filtered) {
      const [row] = await db.all(`SELECT count(*) AS n FROM messages m WHERE ${base.sql}`, base.params);
      if (num(row?.n) !== sum) {
        const rest = keys.length > 0 ? base.clone().add(`m.channel_id NOT IN (${placeholders(keys.length)})`, ...keys) : base;
        const rows = await db.all(
          `SELECT m.channel_id AS k, count(*) AS n FROM messages m WHERE ${rest.sql} GROUP BY m.channel_id`,
          rest.params,
        );
        for (const r of rows) {
          const key = asText(r.k);
          counts.set(key, (counts.get(key) ?? 0) + num(r.n));
        }
      }
    }
    let total = 0;
    for (const n of counts.values()) total += n;
    return { counts, total };
  }

  async function countGroups(workspace: string, params: BreakdownParams, from: number, to: number, known?: ChannelInfo[]) {
    const f = params.filters;
    const coveredFilters =
      !f.contact?.length && !f.team?.length && !f.user?.length && (params.direction === 'incoming' || !f.broadcast?.length);
    if (sqlite && params.groupBy === 'channel' && coveredFilters) {
      return countPerChannel(
        workspace,
        params,
        from,
        to,
        (known ?? (await channels(workspace))).map((c) => c.id),
      );
    }
    const base = scopeWhere(workspace, params.direction, params.filters);
    const counts = new Map<string, number>();
    const ranges = sqlite ? chunks(from, to, SQLITE_CHUNK_MS) : [[from, to] as [number, number]];
    for (const [start, end] of ranges) {
      const { sql, params: values, wide } = groupSql(params.groupBy, withRange(base, start, end));
      const rows = await db.all(sql, values);
      if (wide) {
        const row = rows[0] ?? {};
        wide.forEach((key, i) => {
          const n = num(row[`c${i}`]);
          if (n > 0) counts.set(key, (counts.get(key) ?? 0) + n);
        });
      } else {
        for (const row of rows) {
          const key = asTextOrNull(row.k);
          if (key === null) continue;
          counts.set(key, (counts.get(key) ?? 0) + num(row.n));
        }
      }
    }
    let total = 0;
    for (const n of counts.values()) total += n;
    return { counts, total };
  }

  async function breakdown(workspace: string, params: BreakdownParams): Promise<BreakdownResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const known = params.groupBy === 'channel' ? await channels(workspace) : undefined;
    const previousRange = comparedRange(params);
    let current: { counts: Map<string, number>; total: number };
    let previous: { counts: Map<string, number>; total: number } | undefined;
    if (await fromCounts(params.direction, params.filters, params.groupBy)) {
      const ranges: [number, number][] = previousRange ? [[from, to], previousRange] : [[from, to]];
      const counted = (await countRanges(workspace, params.direction, params.filters, ranges, params.groupBy)).map(withTotal);
      current = at(counted, 0);
      previous = counted[1];
    } else {
      current = await countGroups(workspace, params, from, to, known);
      if (previousRange) previous = await countGroups(workspace, params, ...previousRange, known);
    }
    const names = known ? new Map(known.map((c) => [c.id, c.name])) : undefined;
    const label = (key: string): string => {
      switch (params.groupBy) {
        case 'channel':
          return names?.get(key) ?? key;
        case 'source':
          return labelOf(SOURCE_LABELS, key);
        case 'type':
          return labelOf(TYPE_LABELS, key);
        case 'subtype':
          return key;
      }
    };
    const sorted = [...current.counts].sort(([ka, a], [kb, b]) => b - a || compareStrings(ka, kb));
    const groups: BreakdownGroup[] = sorted.map(([key, count]) =>
      params.groupBy === 'subtype' ? subtypeGroup(key, count) : { key, label: label(key), count },
    );
    const response: BreakdownResponse = {
      direction: params.direction,
      groupBy: params.groupBy,
      total: current.total,
      groups,
      notApplicable: notApplicableFilters(params.direction, params.filters),
    };
    if (previous) {
      groups.forEach((group, i) => (group.previousCount = previous.counts.get(at(sorted, i)[0]) ?? 0));
      response.previousTotal = previous.total;
    }
    return response;
  }

  // ---- delivery ----------------------------------------------------------------------------------

  const FUNNEL_COUNTS =
    'count(*) AS n, count(*) FILTER (WHERE m.status = 1) AS d, count(*) FILTER (WHERE m.status = 2) AS r, ' +
    'count(*) FILTER (WHERE m.status = 3) AS f';

  /** Adds one funnel row (n, d, r, f) to `totals`. */
  function addFunnel(totals: { sent: number; delivered: number; read: number; failed: number; total?: number }, row: Row): void {
    const n = num(row.n);
    const read = num(row.r);
    const failed = num(row.f);
    if (totals.total !== undefined) totals.total += n;
    totals.failed += failed;
    totals.sent += n - failed;
    totals.delivered += num(row.d) + read;
    totals.read += read;
  }

  const ROLLUP_COUNTS =
    'sum(h.n) AS n, sum(h.n) FILTER (WHERE h.status = 1) AS d, sum(h.n) FILTER (WHERE h.status = 2) AS r, ' +
    'sum(h.n) FILTER (WHERE h.status = 3) AS f';

  /**
   * Unfiltered funnel counts (n, d, r, f) for each of `ranges`, from the hourly rollup plus the
   * partial hours at each range's edges. SQLite: a statement per piece; PostgreSQL: two statements.
   */
  async function rollupFunnels(workspace: string, direction: Direction, ranges: [number, number][]): Promise<Row[]> {
    const out: Row[] = ranges.map(() => ({ n: 0, d: 0, r: 0, f: 0 }));
    const add = (i: number, row: Row | undefined) => {
      if (!row) return;
      const o = at(out, i);
      for (const k of ['n', 'd', 'r', 'f']) o[k] = num(o[k]) + num(row[k]);
    };
    const hours: [number, number, number][] = [];
    const raw: [number, number, number][] = [];
    ranges.forEach(([lo, hi], i) => {
      const pieces = hourPieces(lo, hi);
      if (pieces.hours) hours.push([pieces.hours[0], pieces.hours[1], i]);
      for (const [a, b] of pieces.raw) raw.push([a, b, i]);
    });
    const base = scopeWhere(workspace, direction, {});
    const hourWhere = `h.workspace = ? AND h.direction = '${direction}'`;
    if (sqlite) {
      for (const [lo, hi, i] of hours) {
        const [row] = await db.all(`SELECT ${ROLLUP_COUNTS} FROM message_hours h WHERE ${hourWhere} AND h.hour >= ? AND h.hour < ?`, [
          workspace,
          lo,
          hi,
        ]);
        add(i, row);
      }
      for (const [lo, hi, i] of raw) {
        const where = withRange(base, lo, hi);
        const [row] = await db.all(`SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${where.sql}`, where.params);
        add(i, row);
      }
      return out;
    }
    const columns = (list: [number, number, number][]) => [list.map((p) => p[0]), list.map((p) => p[1]), list.map((p) => p[2])];
    if (hours.length > 0) {
      const rows = await db.all(
        `SELECT b.i AS i, c.n, c.d, c.r, c.f FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS b(lo, hi, i) ` +
          `CROSS JOIN LATERAL (SELECT ${ROLLUP_COUNTS} FROM message_hours h WHERE ${hourWhere} AND h.hour >= b.lo AND h.hour < b.hi) c`,
        [...columns(hours), workspace],
      );
      for (const row of rows) add(num(row.i), row);
    }
    if (raw.length > 0) {
      const rows = await db.all(
        `SELECT b.i AS i, c.n, c.d, c.r, c.f FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS b(lo, hi, i) ` +
          `CROSS JOIN LATERAL (SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${base.sql} AND m.ts >= b.lo AND m.ts < b.hi) c`,
        [...columns(raw), ...base.params],
      );
      for (const row of rows) add(num(row.i), row);
    }
    return out;
  }

  async function funnelTotals(base: Where, from: number, to: number): Promise<DeliveryTotals> {
    const totals = emptyTotals();
    const ranges = sqlite ? chunks(from, to, SQLITE_CHUNK_MS) : [[from, to] as [number, number]];
    for (const [start, end] of ranges) {
      const where = withRange(base, start, end);
      const [row] = await db.all(`SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${where.sql}`, where.params);
      if (row) addFunnel(totals, row);
    }
    return totals;
  }

  async function delivery(workspace: string, params: DeliveryParams): Promise<DeliveryResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const base = scopeWhere(workspace, 'outgoing', params.filters);
    const starts = cachedBucketStarts(from, to, params.tz, params.interval);
    const series = starts.map((start) => ({ start: iso(start), sent: 0, delivered: 0, read: 0, failed: 0 }));
    const totals = emptyTotals();
    // Each bucket's [lo, hi): [max(start, from), next start or to).
    const ranges = starts.map((start, i): [number, number] => [Math.max(start, from), starts[i + 1] ?? to]);
    const plain = unfiltered('outgoing', params.filters);
    const counted = await fromCounts('outgoing', params.filters, 'status');
    const previousRange = comparedRange(params);
    let previousRow: Row | undefined;
    if (counted) {
      // Buckets (and the previous period) from message_counts, by status.
      const rows = (
        await countRanges(workspace, 'outgoing', params.filters, previousRange ? [...ranges, previousRange] : ranges, 'status')
      ).map(funnelRow);
      ranges.forEach((_, i) => addFunnel(at(series, i), at(rows, i)));
      if (previousRange) previousRow = at(rows, ranges.length);
    } else if (plain) {
      // No filters: sums of the hourly rollup (plus the partial hours at the edges).
      (await rollupFunnels(workspace, 'outgoing', ranges)).forEach((row, i) => addFunnel(at(series, i), row));
    } else if (sqlite) {
      // One short indexed statement per bucket.
      for (const [i, [lo, hi]] of ranges.entries()) {
        const where = withRange(base, lo, hi);
        const [row] = await db.all(`SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${where.sql}`, where.params);
        if (row) addFunnel(at(series, i), row);
      }
    } else {
      // One statement: each bucket's [lo, hi) counted by an index range scan (LATERAL), which
      // PostgreSQL runs faster than bucketing every row (width_bucket + hash aggregate).
      const lo = ranges.map((range) => range[0]);
      const hi = ranges.map((range) => range[1]);
      const rows = await db.all(
        `SELECT b.i AS i, c.n, c.d, c.r, c.f FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS b(lo, hi, i) ` +
          `CROSS JOIN LATERAL (SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${base.sql} AND m.ts >= b.lo AND m.ts < b.hi) c`,
        [lo, hi, ...base.params],
      );
      // WITH ORDINALITY counts from 1.
      for (const row of rows) addFunnel(at(series, num(row.i) - 1), row);
    }
    for (const slot of series) {
      totals.sent += slot.sent;
      totals.delivered += slot.delivered;
      totals.read += slot.read;
      totals.failed += slot.failed;
    }
    totals.total = totals.sent + totals.failed;

    const known = await channels(workspace);

    const response: DeliveryResponse = {
      interval: params.interval,
      totals,
      series,
      notReported: notReportedStatuses(params.filters.channel, known),
      notApplicable: notApplicableFilters('outgoing', params.filters),
    };
    if (previousRange) {
      if (counted || plain) {
        const previous = emptyTotals();
        addFunnel(previous, previousRow ?? at(await rollupFunnels(workspace, 'outgoing', [previousRange]), 0));
        response.previousTotals = previous;
      } else response.previousTotals = await funnelTotals(base, ...previousRange);
    }
    return response;
  }

  // ---- messages ----------------------------------------------------------------------------------

  const ROW_COLUMNS = [
    'm.id',
    'm.ts',
    'm.contact_id',
    'c.name AS contact_name',
    'm.channel_id',
    'ch.name AS channel_name',
    'ch.kind AS channel_kind',
    'm.content',
    'm.source',
    'm.user_id',
    'u.name AS user_name',
    'm.type',
    'm.subtype',
    'm.broadcast_id',
    'b.name AS broadcast_name',
    'm.delivered_at',
    'm.read_at',
    'm.error_code',
    'm.error_message',
  ].join(', ');
  const ROW_JOINS = [
    'LEFT JOIN contacts c ON c.workspace = m.workspace AND c.id = m.contact_id',
    'LEFT JOIN channels ch ON ch.workspace = m.workspace AND ch.id = m.channel_id',
    'LEFT JOIN users u ON u.workspace = m.workspace AND u.id = m.user_id',
    'LEFT JOIN broadcasts b ON b.workspace = m.workspace AND b.id = m.broadcast_id',
  ].join(' ');

  /** A receipt's instant when it came within the status window of an unfailed message, else null. */
  function receipt(instant: unknown, ts: number, failed: boolean): string | null {
    if (failed || instant === null || instant === undefined) return null;
    const at = num(instant);
    return at - ts <= STATUS_WINDOW_MS ? iso(at) : null;
  }

  function toRow(r: Row, kind: MessageKind): MessageRow {
    const ts = num(r.ts);
    const contactId = asText(r.contact_id);
    const channelId = asText(r.channel_id);
    // The lookups are LEFT JOINs: a message whose contact or channel is missing shows its id.
    const contact = { id: contactId, name: asTextOrNull(r.contact_name) ?? contactId };
    const channel = { id: channelId, name: asTextOrNull(r.channel_name) ?? channelId, kind: asTextOrNull(r.channel_kind) ?? 'unknown' };
    if (kind === 'incoming') return { id: asText(r.id), timestamp: iso(ts), contact, channel, content: asText(r.content) };
    const errorCode = asTextOrNull(r.error_code);
    const failed = errorCode !== null;
    const source = r.source as MessageRow['source'];
    const userId = asTextOrNull(r.user_id);
    const broadcastId = asTextOrNull(r.broadcast_id);
    const row: MessageRow = {
      id: asText(r.id),
      timestamp: iso(ts),
      contact,
      channel,
      content: asText(r.content),
      source,
      user: source === 'user' && userId !== null ? { id: userId, name: asTextOrNull(r.user_name) ?? userId } : null,
      type: r.type as MessageRow['type'],
      subtype: asTextOrNull(r.subtype),
      broadcast: broadcastId !== null ? { id: broadcastId, name: asTextOrNull(r.broadcast_name) ?? broadcastId } : null,
      deliveredAt: receipt(r.delivered_at, ts, failed),
      readAt: receipt(r.read_at, ts, failed),
    };
    if (kind === 'failed' && errorCode !== null) row.error = { code: errorCode, message: asTextOrNull(r.error_message) ?? '' };
    return row;
  }

  /** Narrows `page` to the rows after `position` in the list's order. */
  function after(page: Where, order: Order, position: KeysetPosition): void {
    const { ts, id } = position;
    if (sqlite) {
      // Spelled out: with a row value SQLite 3.53 sometimes skip-scans the covering index and
      // sorts (200 ms instead of 0.2 ms); the plain bound on ts keeps the scan at the cursor.
      if (order === 'asc') page.add('m.ts >= ? AND (m.ts > ? OR (m.ts = ? AND m.id > ?))', ts, ts, ts, id);
      else page.add('m.ts <= ? AND (m.ts < ? OR (m.ts = ? AND m.id < ?))', ts, ts, ts, id);
    } else page.add(order === 'asc' ? '(m.ts, m.id) > (?, ?)' : '(m.ts, m.id) < (?, ?)', ts, id);
  }

  /** The first `limit` rows of `page` in the list's order, with their lookups. */
  function pageRows(workspace: string, page: Where, order: Order, limit: number): Promise<Row[]> {
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    // A deferred join: the page's keys come from an index alone (sorted there when a filter
    // index does not give the order), then only those rows are read and joined to the lookups.
    return db.all(
      `SELECT ${ROW_COLUMNS} FROM (SELECT m.id AS pid FROM messages m WHERE ${page.sql} ` +
        `ORDER BY m.ts ${direction}, m.id ${direction} LIMIT ?) p JOIN messages m ON m.workspace = ? AND m.id = p.pid ${ROW_JOINS} ` +
        `ORDER BY m.ts ${direction}, m.id ${direction}`,
      [...page.params, limit, workspace],
    );
  }

  /**
   * The total of a status-filtered list: from the counts by status (`message_counts`, or the
   * hourly rollup when unfiltered) as the delivery line counts them, else one count over
   * `filtered` (which has the status condition).
   */
  async function statusListTotal(
    workspace: string,
    scope: Scope,
    params: MessagesParams,
    codes: number[],
    filtered: Where,
  ): Promise<number> {
    if (codes.length === 0) return 0;
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    if (await fromCounts(scope, params.filters, 'status')) {
      const byStatus = at(await countRanges(workspace, scope, params.filters, [[from, to]], 'status'), 0);
      return codes.reduce((sum, code) => sum + (byStatus.get(String(code)) ?? 0), 0);
    }
    if (unfiltered('outgoing', params.filters)) {
      const row = at(await rollupFunnels(workspace, 'outgoing', [[from, to]]), 0);
      const [n, d, r, f] = [num(row.n), num(row.d), num(row.r), num(row.f)];
      const byCode = [n - d - r - f, d, r, f];
      return codes.reduce((sum, code) => sum + (byCode[code] ?? 0), 0);
    }
    const [row] = await db.all(`SELECT count(*) AS n FROM messages m WHERE ${filtered.sql}`, filtered.params);
    return num(row?.n);
  }

  async function messages(workspace: string, params: MessagesParams, hints: MessagesHints = {}): Promise<MessagesResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const kind = params.kind;
    const order = params.order ?? 'desc';
    const limit = params.limit ?? DEFAULT_MESSAGES_LIMIT;
    const scope: Scope = kind === 'failed' ? 'failed' : kind;
    const filtered = withRange(scopeWhere(workspace, scope, params.filters), from, to);
    const codes = params.status !== undefined ? statusCodes(kind, params.status) : undefined;
    if (codes) withStatusCodes(filtered, codes);

    let total = hints.knownTotal;
    if (total === undefined && codes) total = await statusListTotal(workspace, scope, params, codes, filtered);
    if (total === undefined && (await fromCounts(scope, params.filters, 'none'))) {
      total = withTotal(at(await countRanges(workspace, scope, params.filters, [[from, to]], 'none'), 0)).total;
    }
    if (total === undefined && unfiltered(kind === 'incoming' ? 'incoming' : 'outgoing', params.filters)) {
      const row = at(await rollupFunnels(workspace, kind === 'incoming' ? 'incoming' : 'outgoing', [[from, to]]), 0);
      total = num(kind === 'failed' ? row.f : row.n);
    }
    if (total === undefined) {
      const [row] = await db.all(`SELECT count(*) AS n FROM messages m WHERE ${filtered.sql}`, filtered.params);
      total = num(row?.n);
    }

    let returned = 0;
    const page = filtered.clone();
    if (params.cursor !== undefined) {
      const cursor = decodeCursor(params.cursor);
      if (!cursor || cursor.kind !== kind || cursor.order !== order) throw new RangeError('Invalid cursor');
      returned = cursor.returned;
      after(page, order, cursor);
    }
    const take = Math.max(0, Math.min(limit, ROW_CAP - returned));
    // A status with no messages would otherwise scan the whole range for the first row.
    const rows = take > 0 && !(codes && total === 0) ? await pageRows(workspace, page, order, take + 1) : [];
    const more = rows.length > take && returned + take < ROW_CAP;
    const shown = rows.slice(0, take);
    const last = shown[shown.length - 1];
    return {
      kind,
      total,
      cap: ROW_CAP,
      nextCursor:
        more && last ? encodeCursor({ ts: num(last.ts), id: asText(last.id), returned: returned + shown.length, kind, order }) : null,
      rows: shown.map((r) => toRow(r, kind)),
    };
  }

  /** A page of a Data Export: no cap and no total, one keyset statement (see {@link ExportPageParams}). */
  async function exportPage(workspace: string, params: ExportPageParams): Promise<MessageRow[]> {
    const { query } = params;
    const order = query.order ?? 'desc';
    const scope: Scope = query.kind === 'failed' ? 'failed' : query.kind;
    const page = withRange(scopeWhere(workspace, scope, query.filters), Date.parse(query.from), Date.parse(query.to));
    if (query.status !== undefined) withStatusCodes(page, statusCodes(query.kind, query.status));
    if (params.after) after(page, order, params.after);
    const rows = await pageRows(workspace, page, order, params.limit);
    return rows.map((r) => toRow(r, query.kind));
  }

  // ---- options -----------------------------------------------------------------------------------

  async function options(workspace: string, params: OptionsParams): Promise<OptionsResponse> {
    const limit = params.limit ?? DEFAULT_OPTIONS_LIMIT;
    const needle = params.q ? foldForSearch(params.q.trim()) : '';
    const table = OPTION_TABLES[params.field];
    if (!table) {
      // Enum fields keep their menu order and English fallback labels, as the reference does.
      const list: FilterOption[] =
        params.field === 'source'
          ? SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))
          : MESSAGE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));
      return { field: params.field, options: list.filter((o) => !needle || foldForSearch(o.label).includes(needle)).slice(0, limit) };
    }
    const where = new Where().add('workspace = ?', workspace);
    if (needle) where.add(`folded LIKE ? ESCAPE '\\'`, `%${escapeLike(needle)}%`);
    const columns = params.field === 'channel' ? 'id, name, kind, reports' : 'id, name';
    const rows = await db.all(`SELECT ${columns} FROM ${table} WHERE ${where.sql} ORDER BY folded, name, id LIMIT ?`, [
      ...where.params,
      limit,
    ]);
    return {
      field: params.field,
      options: rows.map((r) => {
        const option: FilterOption = { value: asText(r.id), label: asText(r.name) };
        if (params.field === 'channel') {
          const reports = asText(r.reports);
          option.kind = asText(r.kind);
          option.reports = (reports ? reports.split(',') : []) as Status[];
        }
        return option;
      }),
    };
  }

  async function floor(workspace: string, query: FloorQuery): Promise<number> {
    const where = withRange(scopeWhere(workspace, query.scope, query.filters ?? {}), query.from, query.to);
    const column = query.groupBy ? COUNT_KEY_SQL[query.groupBy].messages : undefined;
    const rows = await db.all(
      column
        ? `SELECT ${column} AS k, count(*) AS n FROM messages m WHERE ${where.sql} GROUP BY ${column}`
        : `SELECT count(*) AS n FROM messages m WHERE ${where.sql}`,
      where.params,
    );
    return rows.reduce((sum, row) => sum + num(row.n), 0);
  }

  const deliveryBreakdown = createDeliveryBreakdown(db, { channels, hasCounts });
  const broadcasts = (workspace: string, params: BroadcastsParams) => broadcastsOf(db, workspace, params);

  const trends = createTrendQueries({
    db,
    fromCounts,
    countRanges,
    channelNames: async (workspace) => new Map((await channels(workspace)).map((c) => [c.id, c.name])),
    bucketStarts: cachedBucketStarts,
  });

  return { breakdown, delivery, deliveryBreakdown, messages, broadcasts, exportPage, options, floor, ...trends };
}
