/**
 * `GET /broadcasts` in memory: the broadcasts whose messages a report query counts, for the marks
 * on the delivery line. Kept out of ./engine.ts, which hands it the query's matching messages.
 */
import type { Broadcast, BroadcastsParams, BroadcastsResponse } from '../src/core/contract/types.js';
import { notApplicableFilters } from '../src/core/query/applicability.js';
import { compareStrings } from '../server/api/labels.js';
import { DEFAULT_BROADCASTS_LIMIT } from '../server/api/params.js';
import type { DatasetBroadcast, DatasetMessage } from './dataset/types.js';

/**
 * The answer over `matching`, the outgoing messages of the query in (ts, id) order: per broadcast
 * its first message's time and its count; the `limit` largest (by count, then id), in time order.
 */
export function broadcastsAnswer(
  params: BroadcastsParams,
  matching: Iterable<DatasetMessage>,
  lookups: ReadonlyMap<string, DatasetBroadcast>,
): BroadcastsResponse {
  const seen = new Map<string, { first: number; count: number }>();
  for (const m of matching) {
    if (m.broadcastId === null) continue;
    const entry = seen.get(m.broadcastId);
    if (entry) entry.count++;
    else seen.set(m.broadcastId, { first: m.ts, count: 1 });
  }
  const largest = [...seen]
    .sort(([ia, a], [ib, b]) => b.count - a.count || compareStrings(ia, ib))
    .slice(0, params.limit ?? DEFAULT_BROADCASTS_LIMIT);
  const broadcasts: Broadcast[] = largest
    .sort(([ia, a], [ib, b]) => a.first - b.first || compareStrings(ia, ib))
    .map(([id, { first, count }]) => ({ id, name: lookups.get(id)?.name ?? id, sentAt: new Date(first).toISOString(), count }));
  return { total: seen.size, broadcasts, notApplicable: notApplicableFilters('outgoing', params.filters) };
}
