/**
 * `GET /delivery-breakdown` in SQL: messages counted per (group, channel, status), which
 * server/api/delivery-groups.ts turns into each group's funnel. The funnel and the 30-day rule are
 * those of `/delivery`: both live in the `status` column (./schema.ts), so a group's figures are
 * `/delivery`'s with the group as a filter.
 *
 * Counted from `message_counts` when it has the dimensions (every grouping but the broadcast, which
 * the rollup does not keep, and filters it can honour — ./message-counts.ts): whole buckets of its
 * grains plus the minutes at the edges. Otherwise from `messages` through its covering indexes, on
 * SQLite in month-sized chunks so that no statement runs long.
 */
import type { DeliveryBreakdownParams, DeliveryBreakdownResponse, DeliveryGroupBy, Status } from '../../src/core/contract/types.js';
import { notApplicableFilters } from '../../src/core/query/applicability.js';
import { deliveryGroups, type FunnelCell } from '../api/delivery-groups.js';
import { COUNT_KEY_SQL, countable, countDims, countPieces, countsWhere } from './message-counts.js';
import { asText, asTextOrNull, placeholders, type Row, type SqlExecutor } from './sql.js';
import { chunks, scopeWhere, SQLITE_CHUNK_MS, withRange } from './where.js';

/** What the resource needs from the rest of the report. */
export interface DeliveryBreakdownDeps {
  channels(workspace: string): Promise<{ id: string; name: string; reports: Status[] }[]>;
  /** Whether the database has `message_counts`. */
  hasCounts(): Promise<boolean>;
}

/** What each grouping reads from `messages` (m) — the broadcast is not in `message_counts`. */
const MESSAGES_KEY: Record<DeliveryGroupBy, string> = {
  channel: COUNT_KEY_SQL.channel.messages,
  source: COUNT_KEY_SQL.source.messages,
  type: COUNT_KEY_SQL.type.messages,
  subtype: COUNT_KEY_SQL.subtype.messages,
  broadcast: 'm.broadcast_id',
};

export function createDeliveryBreakdown(db: SqlExecutor, deps: DeliveryBreakdownDeps) {
  const sqlite = db.dialect === 'sqlite';

  const cellOf = (row: Row): FunnelCell | undefined => {
    const key = asTextOrNull(row.k);
    if (key === null) return undefined; // a message without subtype, or without broadcast
    return { key, channel: asText(row.ch), status: Number(row.s), n: Number(row.n ?? 0) };
  };

  /** Cells from `message_counts` (the query must be countable): rolled-up buckets and raw edges. */
  async function fromCounts(workspace: string, params: DeliveryBreakdownParams, from: number, to: number): Promise<Row[]> {
    const groupBy = params.groupBy === 'broadcast' ? 'channel' : params.groupBy;
    // Per channel too (a group's funnel leaves out the channels that do not report a step): the
    // channel set for channels, else the full set, the only other one that keeps channels.
    const dims = groupBy === 'channel' ? countDims('outgoing', params.filters, 'channel') : 'all';
    const counts = countsWhere(workspace, 'outgoing', params.filters, groupBy, dims);
    const messages = scopeWhere(workspace, 'outgoing', params.filters);
    const key = COUNT_KEY_SQL[groupBy];
    const rows: Row[] = [];
    for (const piece of countPieces(from, to)) {
      if (piece.grain > 0) {
        rows.push(
          ...(await db.all(
            `SELECT ${key.counts} AS k, c.channel_id AS ch, c.status AS s, sum(c.n) AS n FROM message_counts c ` +
              `WHERE ${counts.sql} AND c.grain = ? AND c.bucket >= ? AND c.bucket < ? GROUP BY ${key.countsGroup}, c.channel_id, c.status`,
            [...counts.params, piece.grain, piece.lo, piece.hi],
          )),
        );
      } else rows.push(...(await fromMessages(withRange(messages, piece.lo, piece.hi), params)));
    }
    return rows;
  }

  function fromMessages(where: ReturnType<typeof scopeWhere>, params: DeliveryBreakdownParams): Promise<Row[]> {
    const key = MESSAGES_KEY[params.groupBy];
    return db.all(
      `SELECT ${key} AS k, m.channel_id AS ch, m.status AS s, count(*) AS n FROM messages m WHERE ${where.sql} ` +
        `GROUP BY ${key}, m.channel_id, m.status`,
      where.params,
    );
  }

  async function broadcastNames(workspace: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.all(`SELECT id, name FROM broadcasts WHERE workspace = ? AND id IN (${placeholders(ids.length)})`, [
      workspace,
      ...ids,
    ]);
    return new Map(rows.map((r) => [asText(r.id), asText(r.name)]));
  }

  return async function deliveryBreakdown(workspace: string, params: DeliveryBreakdownParams): Promise<DeliveryBreakdownResponse> {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    const dimsKey = params.groupBy === 'channel' ? 'channel' : 'subtype';
    const rollup = params.groupBy !== 'broadcast' && countable('outgoing', params.filters, dimsKey) && (await deps.hasCounts());
    let rows: Row[];
    if (rollup) rows = await fromCounts(workspace, params, from, to);
    else {
      rows = [];
      const base = scopeWhere(workspace, 'outgoing', params.filters);
      for (const [lo, hi] of sqlite ? chunks(from, to, SQLITE_CHUNK_MS) : [[from, to] as const])
        rows.push(...(await fromMessages(withRange(base, lo, hi), params)));
    }
    const cells = rows.map(cellOf).filter((cell) => cell !== undefined);
    const broadcasts =
      params.groupBy === 'broadcast' ? await broadcastNames(workspace, [...new Set(cells.map((cell) => cell.key))]) : undefined;
    return {
      groupBy: params.groupBy,
      groups: deliveryGroups(params.groupBy, cells, { channels: await deps.channels(workspace), ...(broadcasts ? { broadcasts } : {}) }),
      notApplicable: notApplicableFilters('outgoing', params.filters),
    };
  };
}
