/**
 * `GET /messages` and the Data Export's pages in SQL: a list's rows by keyset on (ts, id) up to the
 * 10,000-row cap, each page's keys from an index alone and then joined to the lookups, and its total
 * from `message_counts` or the hourly rollup where they can answer it. Its own module as the
 * report's other resources (server/report.ts wires them).
 */
import {
  ROW_CAP,
  type MessageKind,
  type MessageRow,
  type MessagesParams,
  type MessagesResponse,
  type Order,
} from '../../src/core/contract/types.js';
import { decodeCursor, encodeCursor } from '../api/cursor.js';
import { DEFAULT_MESSAGES_LIMIT } from '../api/params.js';
import type { ExportPageParams, KeysetPosition, MessagesHints } from '../api/store.js';
import type { CountQueries } from './count-ranges.js';
import { rollupFunnels } from './funnels.js';
import { withTotal } from './message-counts.js';
import { STATUS_WINDOW_MS } from './schema.js';
import { asText, asTextOrNull, at, iso, num, type Row, type SqlExecutor } from './sql.js';
import { scopeWhere, statusCodes, unfiltered, withRange, withStatusCodes, type Scope, type Where } from './where.js';

export function createMessageLists(db: SqlExecutor, deps: Pick<CountQueries, 'fromCounts' | 'countRanges'>) {
  const sqlite = db.dialect === 'sqlite';
  const { fromCounts, countRanges } = deps;

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
      const row = at(await rollupFunnels(db, workspace, 'outgoing', [[from, to]]), 0);
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
      const row = at(await rollupFunnels(db, workspace, kind === 'incoming' ? 'incoming' : 'outgoing', [[from, to]]), 0);
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

  return { messages, exportPage };
}
