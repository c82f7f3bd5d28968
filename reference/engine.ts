/**
 * The reporting contract answered in memory over a {@link Dataset}: breakdowns, the delivery
 * funnel, message lists with keyset paging, and filter options, as openapi.yaml documents them.
 * The test oracle: the MSW mocks answer from it (through the shared router, server/api/), and the
 * contract suite holds the SQL server to its answers. Written for clarity, with none of the
 * server's SQL.
 */
import {
  FILTER_FIELDS,
  MESSAGE_TYPES,
  ROW_CAP,
  SOURCES,
  STATUS_WINDOW_DAYS,
  type ActivityParams,
  type ActivityResponse,
  type BreakdownGroup,
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
  type FilterOption,
  type Filters,
  type MessageKind,
  type MessageRow,
  type MessageStatus,
  type MessagesParams,
  type MessagesResponse,
  type OptionsParams,
  type OptionsResponse,
  type Order,
  type Status,
} from '../src/core/contract/types.js';
import { notApplicableFilters, notReportedStatuses, type QueryScope } from '../src/core/query/applicability.js';
import { statusSteps } from '../src/core/query/status-filter.js';
import { bucketStarts } from '../src/core/query/zoned-time.js';
import { decodeCursor, encodeCursor } from '../server/api/cursor.js';
import { deliveryGroups, STATUS_CODE, type FunnelCell } from '../server/api/delivery-groups.js';
import { compareStrings, foldForSearch, labelOf, SOURCE_LABELS, subtypeCountKey, subtypeGroup, TYPE_LABELS } from '../server/api/labels.js';
import { comparedRange, DEFAULT_MESSAGES_LIMIT, DEFAULT_OPTIONS_LIMIT } from '../server/api/params.js';
import type { ExportPageParams, KeysetPosition } from '../server/api/store.js';
import { activityResponse, localHours, trendResponse } from '../server/api/trends.js';
import { broadcastsAnswer } from './broadcasts.js';
import { at, required } from './checked.js';
import type { Dataset, DatasetMessage } from './dataset/types.js';

const STATUS_WINDOW_MS = STATUS_WINDOW_DAYS * 24 * 3_600_000;

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

/** Messages of one kind, sorted by (ts, id), with their timestamps for binary search. */
interface SortedList {
  messages: DatasetMessage[];
  ts: Float64Array;
}

function sortedList(messages: DatasetMessage[]): SortedList {
  return { messages, ts: Float64Array.from(messages, (m) => m.ts) };
}

/** First index whose timestamp is ≥ `instant`. */
function lowerBound(list: SortedList, instant: number): number {
  let low = 0;
  let high = list.ts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(list.ts, mid) < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose key (ts, id) is ≥ the given key. */
function lowerBoundKey(list: SortedList, ts: number, id: string): number {
  let low = 0;
  let high = list.ts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const t = at(list.ts, mid);
    if (t < ts || (t === ts && at(list.messages, mid).id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** When a status was reached, if that was within the 30-day window after sending; else null. */
function reachedAt(message: DatasetMessage, instant: number | null): number | null {
  return instant !== null && instant - message.ts <= STATUS_WINDOW_MS ? instant : null;
}

/** The funnel position of an outgoing message: failed, or sent with delivered/read flags. */
function funnel(message: DatasetMessage): { failed: boolean; delivered: boolean; read: boolean } {
  if (message.error) return { failed: true, delivered: false, read: false };
  const read = reachedAt(message, message.readAt) !== null;
  // Reading implies delivery, so the funnel holds even for a channel that reports only reads.
  const delivered = read || reachedAt(message, message.deliveredAt) !== null;
  return { failed: false, delivered, read };
}

/** A predicate for the filters a scope honours (the others are reported as not applicable). */
function compileFilters(filters: Filters, scope: QueryScope): (m: DatasetMessage) => boolean {
  const sets = new Map<string, Set<string>>();
  for (const field of FILTER_FIELDS) {
    const values = filters[field];
    if (!values || values.length === 0) continue;
    if (scope === 'incoming' && (field === 'source' || field === 'type' || field === 'broadcast')) continue;
    sets.set(field, new Set(values));
  }
  if (sets.size === 0) return () => true;
  const channel = sets.get('channel');
  const contact = sets.get('contact');
  const team = sets.get('team');
  const user = sets.get('user');
  const source = sets.get('source');
  const type = sets.get('type');
  const broadcast = sets.get('broadcast');
  const senderOnly = scope === 'outgoing';
  return (m) => {
    if (channel && !channel.has(m.channelId)) return false;
    if (contact && !contact.has(m.contactId)) return false;
    if (team || user) {
      // Outgoing: the sender, so only messages a user sent can match.
      if (senderOnly && m.source !== 'user') return false;
      if (team && (m.teamId === null || !team.has(m.teamId))) return false;
      if (user && (m.userId === null || !user.has(m.userId))) return false;
    }
    if (source && (m.source === null || !source.has(m.source))) return false;
    if (type && (m.type === null || !type.has(m.type))) return false;
    if (broadcast && (m.broadcastId === null || !broadcast.has(m.broadcastId))) return false;
    return true;
  };
}

/** The furthest funnel step an outgoing message reached within the window. */
function furthestStep(message: DatasetMessage): Status {
  const { failed, delivered, read } = funnel(message);
  return failed ? 'failed' : read ? 'read' : delivered ? 'delivered' : 'sent';
}

/** `match`, narrowed to a list's status filter when it has one. */
function withStatus(match: (m: DatasetMessage) => boolean, kind: MessageKind, status: MessageStatus | undefined) {
  if (status === undefined) return match;
  const steps = new Set(statusSteps(kind, status));
  return (m: DatasetMessage) => steps.has(furthestStep(m)) && match(m);
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
  const contacts = new Map(dataset.contacts.map((c) => [c.id, c]));
  const users = new Map(dataset.users.map((u) => [u.id, u]));
  const broadcasts = new Map(dataset.broadcasts.map((b) => [b.id, b]));
  const totalsCache = new Map<string, number>();

  /** Calls `visit` for every message of `list` in [from, to) that passes `match`. */
  function scan(
    list: SortedList,
    from: number,
    to: number,
    match: (m: DatasetMessage) => boolean,
    visit: (m: DatasetMessage) => void,
  ): void {
    const end = lowerBound(list, to);
    for (let i = lowerBound(list, from); i < end; i++) {
      const m = at(list.messages, i);
      if (match(m)) visit(m);
    }
  }

  function groupKey(params: Pick<BreakdownParams, 'groupBy'>): (m: DatasetMessage) => string | null {
    switch (params.groupBy) {
      case 'channel':
        return (m) => m.channelId;
      case 'source':
        return (m) => m.source;
      case 'type':
        return (m) => m.type;
      case 'subtype':
        return (m) => (m.subtype === null ? null : subtypeCountKey(m.type ?? '', m.subtype));
    }
  }

  function groupLabel(params: Pick<BreakdownParams, 'groupBy'>, key: string): string {
    switch (params.groupBy) {
      case 'channel':
        return channels.get(key)?.name ?? key;
      case 'source':
        return labelOf(SOURCE_LABELS, key);
      case 'type':
        return labelOf(TYPE_LABELS, key);
      case 'subtype':
        return key;
    }
  }

  function breakdown(params: BreakdownParams): BreakdownResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const list = lists[params.direction];
    const match = compileFilters(params.filters, params.direction);
    const keyOf = groupKey(params);
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
    const current = count(from, to);
    const counted = [...current.counts].sort(([ka, a], [kb, b]) => b - a || compareStrings(ka, kb));
    const groups: BreakdownGroup[] = counted.map(([key, n]) =>
      params.groupBy === 'subtype' ? subtypeGroup(key, n) : { key, label: groupLabel(params, key), count: n },
    );
    const response: BreakdownResponse = {
      direction: params.direction,
      groupBy: params.groupBy,
      total: current.total,
      groups,
      notApplicable: notApplicableFilters(params.direction, params.filters),
    };
    const compared = comparedRange(params);
    if (compared) {
      const previous = count(...compared);
      groups.forEach((group, i) => (group.previousCount = previous.counts.get(at(counted, i)[0]) ?? 0));
      response.previousTotal = previous.total;
    }
    return response;
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
    const keyOf = (m: DatasetMessage): string | null => {
      switch (params.groupBy) {
        case 'channel':
          return m.channelId;
        case 'source':
          return m.source;
        case 'type':
          return m.type;
        case 'subtype':
          return m.subtype === null ? null : subtypeCountKey(m.type ?? '', m.subtype);
        case 'broadcast':
          return m.broadcastId;
      }
    };
    const cells = new Map<string, FunnelCell>();
    const match = compileFilters(params.filters, 'outgoing');
    scan(lists.outgoing, Date.parse(params.from), Date.parse(params.to), match, (m) => {
      const key = keyOf(m);
      if (key === null) return; // no subtype, or no broadcast
      const state = funnel(m);
      const status = state.failed
        ? STATUS_CODE.failed
        : state.read
          ? STATUS_CODE.read
          : state.delivered
            ? STATUS_CODE.delivered
            : STATUS_CODE.sent;
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
    const keyOf = groupKey(params);
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
    const group = (key: string, count: number): BreakdownGroup =>
      params.groupBy === 'subtype' ? subtypeGroup(key, count) : { key, label: groupLabel(params, key), count };
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

  function row(m: DatasetMessage, kind: MessageKind): MessageRow {
    const channel = channels.get(m.channelId);
    const base: MessageRow = {
      id: m.id,
      timestamp: iso(m.ts),
      contact: { id: m.contactId, name: contacts.get(m.contactId)?.name ?? m.contactId },
      channel: { id: m.channelId, name: channel?.name ?? m.channelId, kind: channel?.kind ?? 'unknown' },
      content: m.content,
    };
    if (kind === 'incoming') return base;
    const user = m.source === 'user' && m.userId !== null ? users.get(m.userId) : undefined;
    const broadcast = m.broadcastId !== null ? broadcasts.get(m.broadcastId) : undefined;
    // A failed message shows no receipts.
    const receipt = (instant: number | null) => {
      const reached = m.error ? null : reachedAt(m, instant);
      return reached === null ? null : iso(reached);
    };
    const outgoing: MessageRow = {
      ...base,
      source: required(m.source, `source of outgoing message ${m.id}`),
      user: m.source === 'user' && m.userId !== null ? { id: m.userId, name: user?.name ?? m.userId } : null,
      type: required(m.type, `type of outgoing message ${m.id}`),
      subtype: m.subtype,
      broadcast: m.broadcastId !== null ? { id: m.broadcastId, name: broadcast?.name ?? m.broadcastId } : null,
      deliveredAt: receipt(m.deliveredAt),
      readAt: receipt(m.readAt),
    };
    if (kind === 'failed' && m.error) outgoing.error = { code: m.error.code, message: m.error.message };
    return outgoing;
  }

  /** Where a page of `list` in [lo, hi) starts: its first row, or the first after `after`, in `order`. */
  function firstIndex(list: SortedList, order: Order, lo: number, hi: number, after?: KeysetPosition): number {
    if (!after) return order === 'asc' ? lo : hi - 1;
    const position = lowerBoundKey(list, after.ts, after.id);
    if (order === 'desc') return Math.min(position - 1, hi - 1);
    // Skip the row at `after` itself when it is still there.
    const m = list.messages[position];
    return Math.max(m && m.ts === after.ts && m.id === after.id ? position + 1 : position, lo);
  }

  function messages(params: MessagesParams): MessagesResponse {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const kind = params.kind;
    const order = params.order ?? 'desc';
    const limit = params.limit ?? DEFAULT_MESSAGES_LIMIT;
    const list = lists[kind];
    const scope: QueryScope = kind === 'incoming' ? 'incoming' : 'outgoing';
    const match = withStatus(compileFilters(params.filters, scope), kind, params.status);
    const lo = lowerBound(list, from);
    const hi = lowerBound(list, to);

    const totalKey = JSON.stringify([kind, params.status ?? null, from, to, FILTER_FIELDS.map((f) => params.filters[f] ?? [])]);
    let total = totalsCache.get(totalKey);
    if (total === undefined) {
      total = 0;
      for (let i = lo; i < hi; i++) if (match(at(list.messages, i))) total++;
      // Maps iterate in insertion order, so the first key is the oldest.
      for (const oldest of totalsCache.keys()) {
        if (totalsCache.size < 64) break;
        totalsCache.delete(oldest);
      }
      totalsCache.set(totalKey, total);
    }

    let returned = 0;
    let index: number;
    if (params.cursor !== undefined) {
      const cursor = decodeCursor(params.cursor);
      if (!cursor || cursor.kind !== kind || cursor.order !== order) throw new RangeError('Invalid cursor');
      returned = cursor.returned;
      index = firstIndex(list, order, lo, hi, cursor);
    } else index = firstIndex(list, order, lo, hi);

    const step = order === 'asc' ? 1 : -1;
    const inRange = (i: number) => i >= lo && i < hi;
    const take = Math.max(0, Math.min(limit, ROW_CAP - returned));
    const rows: MessageRow[] = [];
    let last: DatasetMessage | undefined;
    for (; inRange(index) && rows.length < take; index += step) {
      const m = at(list.messages, index);
      if (!match(m)) continue;
      rows.push(row(m, kind));
      last = m;
    }
    let more = false;
    if (last && returned + rows.length < ROW_CAP) {
      for (; inRange(index); index += step) {
        if (match(at(list.messages, index))) {
          more = true;
          break;
        }
      }
    }
    return {
      kind,
      total,
      cap: ROW_CAP,
      nextCursor: more && last ? encodeCursor({ ts: last.ts, id: last.id, returned: returned + rows.length, kind, order }) : null,
      rows,
    };
  }

  /** A page of a Data Export: the rows after `after`, with no cap and no total. */
  function exportPage(params: ExportPageParams): MessageRow[] {
    const { query, limit } = params;
    const order = query.order ?? 'desc';
    const list = lists[query.kind];
    const match = withStatus(compileFilters(query.filters, query.kind === 'incoming' ? 'incoming' : 'outgoing'), query.kind, query.status);
    const lo = lowerBound(list, Date.parse(query.from));
    const hi = lowerBound(list, Date.parse(query.to));
    const step = order === 'asc' ? 1 : -1;
    const rows: MessageRow[] = [];
    for (let index = firstIndex(list, order, lo, hi, params.after); index >= lo && index < hi && rows.length < limit; index += step) {
      const m = at(list.messages, index);
      if (match(m)) rows.push(row(m, query.kind));
    }
    return rows;
  }

  interface Indexed {
    option: FilterOption;
    folded: string;
  }
  const byLabel = (a: Indexed, b: Indexed) =>
    compareStrings(a.folded, b.folded) || compareStrings(a.option.label, b.option.label) || compareStrings(a.option.value, b.option.value);
  const index = (options: FilterOption[], sort: boolean): Indexed[] => {
    const indexed = options.map((option) => ({ option, folded: foldForSearch(option.label) }));
    return sort ? indexed.sort(byLabel) : indexed;
  };
  const optionIndex: Record<(typeof FILTER_FIELDS)[number], Indexed[]> = {
    channel: index(
      dataset.channels.map((c) => ({ value: c.id, label: c.name, kind: c.kind, reports: [...c.reports] })),
      true,
    ),
    contact: index(
      dataset.contacts.map((c) => ({ value: c.id, label: c.name })),
      true,
    ),
    // Enum fields keep their menu order; their labels are the client's to localise anyway.
    source: index(
      SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] })),
      false,
    ),
    type: index(
      MESSAGE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })),
      false,
    ),
    team: index(
      dataset.teams.map((t) => ({ value: t.id, label: t.name })),
      true,
    ),
    user: index(
      dataset.users.map((u) => ({ value: u.id, label: u.name })),
      true,
    ),
    broadcast: index(
      dataset.broadcasts.map((b) => ({ value: b.id, label: b.name })),
      true,
    ),
  };

  function options(params: OptionsParams): OptionsResponse {
    const limit = params.limit ?? DEFAULT_OPTIONS_LIMIT;
    const needle = params.q ? foldForSearch(params.q.trim()) : '';
    const found: FilterOption[] = [];
    for (const { option, folded } of optionIndex[params.field]) {
      if (found.length >= limit) break;
      if (needle && !folded.includes(needle)) continue;
      found.push(option.reports ? { ...option, reports: [...option.reports] } : { ...option });
    }
    return { field: params.field, options: found };
  }

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
