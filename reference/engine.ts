/**
 * The reporting contract answered in memory over a {@link Dataset}: breakdowns, the delivery
 * funnel, message lists with keyset paging, and filter options, as openapi.yaml documents them.
 * The test oracle: the MSW mocks answer from it (through the shared router, server/api/), and the
 * contract suite holds the SQL server to its answers. Written for clarity, with none of the
 * server's SQL. This module holds the counting resources; the lists (./lists.ts), the options
 * (./options.ts), the sorted lists they scan (./sorted-list.ts) and what a message counts as
 * (./message-rules.ts) have their own.
 */
import {
  type ActivityParams,
  type ActivityResponse,
  type DeliveryGroupBy,
  type BreakdownParams,
  type BreakdownResponse,
  type DeliveryBreakdownParams,
  type DeliveryBreakdownResponse,
  type BreakdownTrendParams,
  type BreakdownTrendResponse,
  type BroadcastsParams,
  type BroadcastsResponse,
  type DeliveryBucket,
  type DeliveryParams,
  type DeliveryResponse,
  type DeliveryTotals,
  type MessageRow,
  type MessagesParams,
  type MessagesResponse,
  type OptionsParams,
  type OptionsResponse,
} from '../src/core/contract/types.js';
import { notApplicableFilters, notReportedStatuses } from '../src/core/query/applicability.js';
import { bucketStarts } from '../src/core/query/zoned-time.js';
import { breakdownResponse } from '../server/api/breakdown.js';
import { deliveryGroups, STATUS_CODE, type FunnelCell } from '../server/api/delivery-groups.js';
import { breakdownGroup, compareStrings, subtypeCountKey } from '../server/api/labels.js';
import { comparedRange } from '../server/api/query-params.js';
import type { ExportPageParams } from '../server/api/store.js';
import { activityResponse, localHours, trendResponse } from '../server/api/trends.js';
import { broadcastsAnswer } from './broadcasts.js';
import { at } from './checked.js';
import type { Dataset, DatasetMessage } from './dataset/types.js';
import { createLists } from './lists.js';
import { compileFilters, funnel, stepOf } from './message-rules.js';
import { createOptions } from './options.js';
import { scan, sortedList, type SortedList } from './sorted-list.js';

/** The four resources over one data set. Params are assumed valid (see server/api/params.ts). */
export interface Engine {
  readonly dataset: Dataset;
  breakdown(params: BreakdownParams): BreakdownResponse;
  delivery(params: DeliveryParams): DeliveryResponse;
  deliveryBreakdown(params: DeliveryBreakdownParams): DeliveryBreakdownResponse;
  messages(params: MessagesParams): MessagesResponse;
  broadcasts(params: BroadcastsParams): BroadcastsResponse;
  exportPage(params: ExportPageParams): MessageRow[];
  options(params: OptionsParams): OptionsResponse;
  breakdownTrend(params: BreakdownTrendParams): BreakdownTrendResponse;
  activity(params: ActivityParams): ActivityResponse;
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

function emptyTotals(): DeliveryTotals {
  return { total: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
}

/** An engine over `dataset` (whose messages are sorted by (ts, id), as the generator makes them). */
export function createEngine(dataset: Dataset): Engine {
  const sorted = [...dataset.messages].sort((a, b) => a.ts - b.ts || compareStrings(a.id, b.id));
  const lists: Record<'incoming' | 'outgoing' | 'failed', SortedList> = {
    incoming: sortedList(sorted.filter((m) => m.direction === 'incoming')),
    outgoing: sortedList(sorted.filter((m) => m.direction === 'outgoing')),
    failed: sortedList(sorted.filter((m) => m.direction === 'outgoing' && m.error !== null)),
  };
  const channels = new Map(dataset.channels.map((c) => [c.id, c]));
  const broadcasts = new Map(dataset.broadcasts.map((b) => [b.id, b]));

  /** The key a message is counted under when grouped by `groupBy` (null: not in any group). */
  function groupKey(groupBy: DeliveryGroupBy): (m: DatasetMessage) => string | null {
    switch (groupBy) {
      case 'channel':
        return (m) => m.channelId;
      case 'source':
        return (m) => m.source;
      case 'type':
        return (m) => m.type;
      case 'subtype':
        return (m) => (m.subtype === null ? null : subtypeCountKey(m.type ?? '', m.subtype));
      case 'broadcast':
        return (m) => m.broadcastId;
    }
  }

  function breakdown(params: BreakdownParams): BreakdownResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const list = lists[params.direction];
    const match = compileFilters(params.filters, params.direction);
    const keyOf = groupKey(params.groupBy);
    const count = (start: number, end: number) => {
      const counts = new Map<string, number>();
      let total = 0;
      scan(list, start, end, match, (m) => {
        const key = keyOf(m);
        if (key === null) return; // only subtypes can be missing
        counts.set(key, (counts.get(key) ?? 0) + 1);
        total++;
      });
      return { counts, total };
    };
    const compared = comparedRange(params);
    return breakdownResponse(params, count(from, to), compared ? count(...compared) : undefined, { channels });
  }

  function delivery(params: DeliveryParams): DeliveryResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const match = compileFilters(params.filters, 'outgoing');
    const starts = bucketStarts(from, to, params.tz, params.interval);
    const series: DeliveryBucket[] = starts.map((start) => ({ start: iso(start), sent: 0, delivered: 0, read: 0, failed: 0 }));
    const totals = emptyTotals();
    let bucket = 0;
    scan(lists.outgoing, from, to, match, (m) => {
      // Messages arrive in time order, so the bucket index only moves forward (the last bucket has
      // no next start).
      while ((starts[bucket + 1] ?? Infinity) <= m.ts) bucket++;
      const slot = at(series, bucket);
      const state = funnel(m);
      totals.total++;
      if (state.failed) {
        totals.failed++;
        slot.failed++;
        return;
      }
      totals.sent++;
      slot.sent++;
      if (state.delivered) {
        totals.delivered++;
        slot.delivered++;
      }
      if (state.read) {
        totals.read++;
        slot.read++;
      }
    });

    const response: DeliveryResponse = {
      interval: params.interval,
      totals,
      series,
      notReported: notReportedStatuses(params.filters.channel, dataset.channels),
      notApplicable: notApplicableFilters('outgoing', params.filters),
    };
    const compared = comparedRange(params);
    if (compared) {
      const previous = emptyTotals();
      scan(lists.outgoing, ...compared, match, (m) => {
        const state = funnel(m);
        previous.total++;
        if (state.failed) previous.failed++;
        else {
          previous.sent++;
          if (state.delivered) previous.delivered++;
          if (state.read) previous.read++;
        }
      });
      response.previousTotals = previous;
    }
    return response;
  }

  /** The funnel per group: counts per (group, channel, status), then assembled as the server does. */
  function deliveryBreakdown(params: DeliveryBreakdownParams): DeliveryBreakdownResponse {
    const keyOf = groupKey(params.groupBy);
    const cells = new Map<string, FunnelCell>();
    const match = compileFilters(params.filters, 'outgoing');
    scan(lists.outgoing, Date.parse(params.from), Date.parse(params.to), match, (m) => {
      const key = keyOf(m);
      if (key === null) return; // no subtype, or no broadcast
      const status = STATUS_CODE[stepOf(m)];
      const id = JSON.stringify([key, m.channelId, status]);
      const cell = cells.get(id);
      if (cell) cell.n++;
      else cells.set(id, { key, channel: m.channelId, status, n: 1 });
    });
    return {
      groupBy: params.groupBy,
      groups: deliveryGroups(params.groupBy, cells.values(), {
        channels: dataset.channels,
        broadcasts: new Map(dataset.broadcasts.map((b) => [b.id, b.name])),
      }),
      notApplicable: notApplicableFilters('outgoing', params.filters),
    };
  }

  /** `/breakdown-trend`: each bucket's counts per group, scanned as the delivery line's buckets. */
  function breakdownTrend(params: BreakdownTrendParams): BreakdownTrendResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const keyOf = groupKey(params.groupBy);
    const starts = bucketStarts(from, to, params.tz, params.interval);
    const perBucket = starts.map(() => new Map<string, number>());
    let bucket = 0;
    scan(lists[params.direction], from, to, compileFilters(params.filters, params.direction), (m) => {
      while ((starts[bucket + 1] ?? Infinity) <= m.ts) bucket++;
      const key = keyOf(m);
      if (key === null) return; // only subtypes can be missing
      const counts = at(perBucket, bucket);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const group = (key: string, count: number) => breakdownGroup(params.groupBy, key, count, { channels });
    return trendResponse(params, starts, perBucket, group, notApplicableFilters(params.direction, params.filters));
  }

  /** `/activity`: each local hour's messages, folded into the week. */
  function activity(params: ActivityParams): ActivityResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const hours = localHours(from, to, params.tz);
    const perHour = new Float64Array(hours.starts.length);
    let hour = 0;
    scan(lists[params.direction], from, to, compileFilters(params.filters, params.direction), (m) => {
      while ((hours.starts[hour + 1] ?? Infinity) <= m.ts) hour++;
      perHour[hour] = at(perHour, hour) + 1;
    });
    return activityResponse(params.direction, hours, perHour, notApplicableFilters(params.direction, params.filters));
  }

  function broadcastsOf(params: BroadcastsParams): BroadcastsResponse {
    const matching: DatasetMessage[] = [];
    scan(lists.outgoing, Date.parse(params.from), Date.parse(params.to), compileFilters(params.filters, 'outgoing'), (m) => {
      if (m.broadcastId !== null) matching.push(m);
    });
    return broadcastsAnswer(params, matching, broadcasts);
  }

  const { messages, exportPage } = createLists(dataset, lists);
  const options = createOptions(dataset);

  return {
    dataset,
    breakdown,
    delivery,
    deliveryBreakdown,
    messages,
    broadcasts: broadcastsOf,
    exportPage,
    options,
    breakdownTrend,
    activity,
  };
}
