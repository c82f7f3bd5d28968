/**
 * `/breakdown-trend` and `/activity` (issue 12) in SQL, beside the report's other resources
 * (server/report.ts), which lends them its counting of `message_counts`. Same meaning as the
 * reference engine (reference/engine.ts), which the contract suite holds these to; the answers are
 * shaped by server/api/trends.ts, shared with it.
 *
 * - A trend is a breakdown counted per bucket of the delivery line: from `message_counts` when the
 *   filters allow (one statement for every bucket, as the delivery line), else per bucket from
 *   `messages` (PostgreSQL: one LATERAL statement; SQLite: a short statement per bucket).
 * - Activity groups messages by UTC quarter-hour in the database and folds the quarter-hours into
 *   the zone's wall-clock hours here: every offset in use since 1970 is a whole number of
 *   quarter-hours (the minute and second are there for any that is not), so no quarter-hour
 *   straddles two local hours and daylight saving is exact.
 */
import {
  type ActivityParams,
  type ActivityResponse,
  type BreakdownGroup,
  type BreakdownTrendParams,
  type BreakdownTrendResponse,
  type Direction,
  type Filters,
  type GroupBy,
  type Interval,
} from '../../src/core/contract/types.js';
import { notApplicableFilters } from '../../src/core/query/applicability.js';
import { breakdownGroup } from '../api/labels.js';
import { channelsOf } from './channels.js';
import { activityResponse, localHours, trendResponse } from '../api/trends.js';
import { COUNT_KEY_SQL, type CountKey } from './message-counts.js';
import { asTextOrNull, num, type SqlExecutor } from './sql.js';
import { chunks, scopeWhere, SQLITE_CHUNK_MS, withRange, type Scope } from './where.js';

/** What the trends borrow from the report (server/report.ts). */
export interface TrendDeps {
  db: SqlExecutor;
  /** Whether `message_counts` can answer a query over `scope` with `filters` grouped by `key`. */
  fromCounts(scope: Scope, filters: Filters, key: CountKey): Promise<boolean>;
  /** Counts per key of each range, from `message_counts` (only when {@link fromCounts}). */
  countRanges(
    workspace: string,
    scope: Scope,
    filters: Filters,
    ranges: readonly (readonly [number, number])[],
    key: CountKey,
  ): Promise<Map<string, number>[]>;
  /** The delivery line's bucket starts (cached). */
  bucketStarts(from: number, to: number, tz: string, interval: Interval): readonly number[];
}

/** The widest slot (quarter-hour, minute, second) that every one of `edges` is a multiple of. */
function slotFor(edges: readonly number[]): number {
  return [900_000, 60_000, 1_000].find((slot) => edges.every((edge) => edge % slot === 0)) ?? 1;
}

/** Index of the last of the sorted `starts` that is ≤ `instant` (0 when none is). */
function bucketOf(starts: readonly number[], instant: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((starts[mid] ?? Infinity) <= instant) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function createTrendQueries(deps: TrendDeps) {
  const { db } = deps;
  const sqlite = db.dialect === 'sqlite';

  /** Counts per group key of each of `ranges`, from `messages`. */
  async function countFromMessages(
    workspace: string,
    direction: Direction,
    filters: Filters,
    groupBy: GroupBy,
    ranges: readonly [number, number][],
  ): Promise<Map<string, number>[]> {
    const out = ranges.map(() => new Map<string, number>());
    const key = COUNT_KEY_SQL[groupBy].messages;
    const base = scopeWhere(workspace, direction, filters);
    const add = (i: number, k: unknown, n: unknown) => {
      const counts = out[i];
      const group = asTextOrNull(k);
      if (!counts || group === null) return; // only subtypes can be missing
      counts.set(group, (counts.get(group) ?? 0) + num(n));
    };
    if (sqlite) {
      for (const [i, [lo, hi]] of ranges.entries()) {
        const where = withRange(base, lo, hi);
        const rows = await db.all(`SELECT ${key} AS k, count(*) AS n FROM messages m WHERE ${where.sql} GROUP BY ${key}`, where.params);
        for (const row of rows) add(i, row.k, row.n);
      }
      return out;
    }
    const rows = await db.all(
      `SELECT b.i AS i, x.k::text AS k, x.n FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS b(lo, hi, i) ` +
        `CROSS JOIN LATERAL (SELECT ${key} AS k, count(*) AS n FROM messages m WHERE ${base.sql} AND m.ts >= b.lo AND m.ts < b.hi GROUP BY ${key}) x`,
      [ranges.map((r) => r[0]), ranges.map((r) => r[1]), ...base.params],
    );
    // WITH ORDINALITY counts from 1.
    for (const row of rows) add(num(row.i) - 1, row.k, row.n);
    return out;
  }

  /** The group `/breakdown` shows for a key (../api/labels.ts), with the channels' names when grouped by them. */
  async function grouper(workspace: string, groupBy: GroupBy): Promise<(key: string, count: number) => BreakdownGroup> {
    const names = groupBy === 'channel' ? { channels: new Map((await channelsOf(db, workspace)).map((c) => [c.id, c])) } : {};
    return (key, count) => breakdownGroup(groupBy, key, count, names);
  }

  async function breakdownTrend(workspace: string, params: BreakdownTrendParams): Promise<BreakdownTrendResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const starts = deps.bucketStarts(from, to, params.tz, params.interval);
    // Each bucket's [lo, hi): [max(start, from), next start or to), as the delivery line.
    const ranges = starts.map((start, i): [number, number] => [Math.max(start, from), starts[i + 1] ?? to]);
    const { direction, filters, groupBy } = params;
    const perBucket = (await deps.fromCounts(direction, filters, groupBy))
      ? await deps.countRanges(workspace, direction, filters, ranges, groupBy)
      : await countFromMessages(workspace, direction, filters, groupBy, ranges);
    return trendResponse(params, starts, perBucket, await grouper(workspace, groupBy), notApplicableFilters(direction, filters));
  }

  async function activity(workspace: string, params: ActivityParams): Promise<ActivityResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const hours = localHours(from, to, params.tz);
    const slot = slotFor(hours.starts);
    const base = scopeWhere(workspace, params.direction, params.filters);
    const perHour = new Float64Array(hours.starts.length);
    // The slot is one of three fixed numbers, never request data.
    const slotSql = `m.ts / ${slot}`;
    for (const [lo, hi] of sqlite ? chunks(from, to, SQLITE_CHUNK_MS) : [[from, to] as [number, number]]) {
      const where = withRange(base, lo, hi);
      const rows = await db.all(
        `SELECT ${slotSql} AS s, count(*) AS n FROM messages m WHERE ${where.sql} GROUP BY ${slotSql}`,
        where.params,
      );
      for (const row of rows) {
        const hour = bucketOf(hours.starts, num(row.s) * slot);
        perHour[hour] = (perHour[hour] ?? 0) + num(row.n);
      }
    }
    return activityResponse(params.direction, hours, perHour, notApplicableFilters(params.direction, params.filters));
  }

  return { breakdownTrend, activity };
}
