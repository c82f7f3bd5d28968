/**
 * `GET /delivery` in SQL: the funnel per bucket of the delivery line and its totals, from
 * `message_counts` when the filters allow, else from the hourly rollup when there are none, else
 * from `messages` (SQLite: a statement per bucket; PostgreSQL: one LATERAL statement). Its own
 * module as the report's other resources (server/report.ts wires them).
 */
import type { DeliveryParams, DeliveryResponse, DeliveryTotals, Interval } from '../../src/core/contract/types.js';
import { notApplicableFilters, notReportedStatuses } from '../../src/core/query/applicability.js';
import { comparedRange } from '../api/query-params.js';
import { channelsOf } from './channels.js';
import type { CountQueries } from './count-ranges.js';
import { addFunnel, emptyTotals, FUNNEL_COUNTS, rollupFunnels } from './funnels.js';
import { funnelRow } from './message-counts.js';
import { at, iso, num, type Row, type SqlExecutor } from './sql.js';
import { chunks, scopeWhere, SQLITE_CHUNK_MS, unfiltered, withRange, type Where } from './where.js';

/** What the delivery line borrows from the report (server/report.ts). */
export interface DeliveryDeps extends Pick<CountQueries, 'fromCounts' | 'countRanges'> {
  /** The delivery line's bucket starts (cached). */
  bucketStarts(from: number, to: number, tz: string, interval: Interval): readonly number[];
}

export function createDelivery(db: SqlExecutor, deps: DeliveryDeps) {
  const sqlite = db.dialect === 'sqlite';
  const { fromCounts, countRanges } = deps;

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

  return async function delivery(workspace: string, params: DeliveryParams): Promise<DeliveryResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const base = scopeWhere(workspace, 'outgoing', params.filters);
    const starts = deps.bucketStarts(from, to, params.tz, params.interval);
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
      (await rollupFunnels(db, workspace, 'outgoing', ranges)).forEach((row, i) => addFunnel(at(series, i), row));
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

    const known = await channelsOf(db, workspace);

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
        addFunnel(previous, previousRow ?? at(await rollupFunnels(db, workspace, 'outgoing', [previousRange]), 0));
        response.previousTotals = previous;
      } else response.previousTotals = await funnelTotals(base, ...previousRange);
    }
    return response;
  };
}
