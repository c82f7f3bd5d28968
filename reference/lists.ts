/**
 * `GET /messages` and the Data Export's pages in memory: a list's rows in (ts, id) order from a
 * keyset position, up to the 10,000-row cap, with the same opaque cursor as the SQL server, and
 * its total (cached per query, as the server's). Apart from the engine (./engine.ts) because paging
 * is its own concern, shared by both.
 */
import {
  FILTER_FIELDS,
  ROW_CAP,
  type MessageKind,
  type MessageRow,
  type MessagesParams,
  type MessagesResponse,
  type Order,
} from '../src/core/contract/types.js';
import type { QueryScope } from '../src/core/query/applicability.js';
import { decodeCursor, encodeCursor } from '../server/api/cursor.js';
import { DEFAULT_MESSAGES_LIMIT } from '../server/api/params.js';
import type { ExportPageParams, KeysetPosition } from '../server/api/store.js';
import { at, required } from './checked.js';
import type { Dataset, DatasetMessage } from './dataset/types.js';
import { compileFilters, reachedAt, withStatus } from './message-rules.js';
import { lowerBound, lowerBoundKey, type SortedList } from './sorted-list.js';

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

/** The lists over `dataset`, whose messages `lists` holds sorted per kind. */
export function createLists(dataset: Dataset, lists: Record<MessageKind, SortedList>) {
  const channels = new Map(dataset.channels.map((c) => [c.id, c]));
  const contacts = new Map(dataset.contacts.map((c) => [c.id, c]));
  const users = new Map(dataset.users.map((u) => [u.id, u]));
  const broadcasts = new Map(dataset.broadcasts.map((b) => [b.id, b]));
  const totalsCache = new Map<string, number>();

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

  return { messages, exportPage };
}
