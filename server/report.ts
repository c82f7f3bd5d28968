/**
 * The contract's resources answered in SQL, for one workspace at a time: this module wires one
 * module per resource (./db/breakdown.ts, delivery.ts, delivery-breakdown.ts, messages.ts,
 * broadcasts.ts, options.ts, trends.ts) to what they share — the counts from `message_counts`
 * (./db/count-ranges.ts), the delivery line's bucket edges, the channels. Same meaning as the
 * in-memory reference engine (reference/engine.ts), which the contract suite holds this to:
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
import type {
  ActivityParams,
  ActivityResponse,
  BreakdownTrendParams,
  BreakdownTrendResponse,
  BreakdownParams,
  BreakdownResponse,
  DeliveryBreakdownParams,
  DeliveryBreakdownResponse,
  BroadcastsParams,
  BroadcastsResponse,
  DeliveryParams,
  DeliveryResponse,
  Direction,
  Filters,
  GroupBy,
  Interval,
  MessageRow,
  MessagesParams,
  MessagesResponse,
  OptionsParams,
  OptionsResponse,
} from '../src/core/contract/types.js';
import { bucketStarts } from '../src/core/query/zoned-time.js';
import { LruCache } from './api/lru.js';
import type { ExportPageParams, MessagesHints } from './api/store.js';
import { createBreakdown } from './db/breakdown.js';
import { broadcastsOf } from './db/broadcasts.js';
import { channelsOf } from './db/channels.js';
import { createCountQueries } from './db/count-ranges.js';
import { createDelivery } from './db/delivery.js';
import { createDeliveryBreakdown } from './db/delivery-breakdown.js';
import { COUNT_KEY_SQL } from './db/message-counts.js';
import { createMessageLists } from './db/messages.js';
import { optionsOf } from './db/options.js';
import { num, type SqlExecutor } from './db/sql.js';
import { createTrendQueries } from './db/trends.js';
import { scopeWhere, withRange } from './db/where.js';

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

export function createReport(db: SqlExecutor): Report {
  const channels = (workspace: string) => channelsOf(db, workspace);
  const counts = createCountQueries(db);
  const { fromCounts, countRanges, hasCounts } = counts;

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

  const breakdown = createBreakdown(db, counts);
  const delivery = createDelivery(db, { ...counts, bucketStarts: cachedBucketStarts });
  const { messages, exportPage } = createMessageLists(db, counts);
  const options = (workspace: string, params: OptionsParams) => optionsOf(db, workspace, params);
  const deliveryBreakdown = createDeliveryBreakdown(db, { channels, hasCounts });
  const broadcasts = (workspace: string, params: BroadcastsParams) => broadcastsOf(db, workspace, params);

  const trends = createTrendQueries({
    db,
    fromCounts,
    countRanges,
    bucketStarts: cachedBucketStarts,
  });

  return { breakdown, delivery, deliveryBreakdown, messages, broadcasts, exportPage, options, floor, ...trends };
}
