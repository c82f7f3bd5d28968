/**
 * `GET /broadcasts` in SQL: the broadcasts whose outgoing messages match a report query, with the
 * first matching message's time and their count (the delivery line marks them). Same meaning as
 * reference/broadcasts.ts, which the contract suite holds this to.
 *
 * The messages are grouped by `broadcast_id` in the database (the range from the covering index
 * `messages_time`, or a broadcast filter's values from `messages_broadcast_log`); only the kept
 * broadcasts' names are then looked up. SQLite counts month-sized chunks, one short statement
 * each, as the report's other filtered counts, so its worker checks the deadline between them.
 */
import type { Broadcast, BroadcastsParams, BroadcastsResponse } from '../../src/core/contract/types.js';
import { notApplicableFilters } from '../../src/core/query/applicability.js';
import { compareStrings } from '../api/labels.js';
import { DEFAULT_BROADCASTS_LIMIT } from '../api/params.js';
import { asText, asTextOrNull, placeholders, type SqlExecutor } from './sql.js';
import { chunks, scopeWhere, SQLITE_CHUNK_MS, withRange } from './where.js';

export async function broadcastsOf(db: SqlExecutor, workspace: string, params: BroadcastsParams): Promise<BroadcastsResponse> {
  const from = Date.parse(params.from);
  const to = Date.parse(params.to);
  const base = scopeWhere(workspace, 'outgoing', params.filters).add('m.broadcast_id IS NOT NULL');
  const ranges = db.dialect === 'sqlite' ? chunks(from, to, SQLITE_CHUNK_MS) : [[from, to] as [number, number]];
  const seen = new Map<string, { first: number; count: number }>();
  for (const [lo, hi] of ranges) {
    const where = withRange(base, lo, hi);
    const rows = await db.all(
      `SELECT m.broadcast_id AS id, min(m.ts) AS first, count(*) AS n FROM messages m WHERE ${where.sql} GROUP BY m.broadcast_id`,
      where.params,
    );
    for (const row of rows) {
      const id = asText(row.id);
      const first = Number(row.first);
      const count = Number(row.n);
      const entry = seen.get(id);
      if (!entry) seen.set(id, { first, count });
      else {
        entry.first = Math.min(entry.first, first);
        entry.count += count;
      }
    }
  }
  const kept = [...seen]
    .sort(([ia, a], [ib, b]) => b.count - a.count || compareStrings(ia, ib))
    .slice(0, params.limit ?? DEFAULT_BROADCASTS_LIMIT)
    .sort(([ia, a], [ib, b]) => a.first - b.first || compareStrings(ia, ib));
  const names = new Map<string, string>();
  if (kept.length > 0) {
    const ids = kept.map(([id]) => id);
    const rows = await db.all(`SELECT id, name FROM broadcasts WHERE workspace = ? AND id IN (${placeholders(ids.length)})`, [
      workspace,
      ...ids,
    ]);
    for (const row of rows) names.set(asText(row.id), asTextOrNull(row.name) ?? asText(row.id));
  }
  const broadcasts: Broadcast[] = kept.map(([id, { first, count }]) => ({
    id,
    name: names.get(id) ?? id,
    sentAt: new Date(first).toISOString(),
    count,
  }));
  return { total: seen.size, broadcasts, notApplicable: notApplicableFilters('outgoing', params.filters) };
}
