/**
 * `GET /delivery-breakdown`'s answer assembled from counts per (group, channel, status): the funnel
 * of each group, its label, and the statuses none of its channels report. Shared by the reference
 * engine (reference/engine.ts) and the SQL server (server/db/delivery-breakdown.ts), which differ
 * only in how they count.
 */
import type { DeliveryBreakdownGroup, DeliveryGroupBy, Status } from '../../src/core/contract/types.js';
import { notReportedStatuses } from '../../src/core/query/applicability.js';
import { compareStrings, groupLabel, subtypeGroup } from './labels.js';

/** `messages.status`: the furthest funnel step reached within 30 days of sending. */
export const STATUS_CODE = { sent: 0, delivered: 1, read: 2, failed: 3 } as const;

/** Messages of one group, sent on one channel, that reached one status (a {@link STATUS_CODE}). */
export interface FunnelCell {
  /** The group's key; for subtypes the count key `type|subtype` (server/api/labels.ts). */
  key: string;
  channel: string;
  status: number;
  n: number;
}

/** The names the labels come from, and every channel with the statuses it reports. */
export interface GroupNames {
  channels: readonly { id: string; name: string; reports: readonly Status[] }[];
  broadcasts?: ReadonlyMap<string, string>;
}

interface Tally {
  total: number;
  delivered: number;
  read: number;
  failed: number;
  channels: Set<string>;
}

/** The groups of a delivery breakdown, sorted by total descending, then key. */
export function deliveryGroups(groupBy: DeliveryGroupBy, cells: Iterable<FunnelCell>, names: GroupNames): DeliveryBreakdownGroup[] {
  const tallies = new Map<string, Tally>();
  for (const cell of cells) {
    if (cell.n === 0) continue;
    let tally = tallies.get(cell.key);
    if (!tally) tallies.set(cell.key, (tally = { total: 0, delivered: 0, read: 0, failed: 0, channels: new Set() }));
    tally.total += cell.n;
    tally.channels.add(cell.channel);
    // The funnel: a read message was delivered too; failed is disjoint.
    if (cell.status === STATUS_CODE.failed) tally.failed += cell.n;
    if (cell.status === STATUS_CODE.delivered || cell.status === STATUS_CODE.read) tally.delivered += cell.n;
    if (cell.status === STATUS_CODE.read) tally.read += cell.n;
  }
  const labelNames = {
    channels: new Map(names.channels.map((c) => [c.id, c])),
    ...(names.broadcasts ? { broadcasts: names.broadcasts } : {}),
  };
  return [...tallies]
    .sort(([ka, a], [kb, b]) => b.total - a.total || compareStrings(ka, kb))
    .map(([countKey, t]) => {
      const funnel = {
        total: t.total,
        sent: t.total - t.failed,
        delivered: t.delivered,
        read: t.read,
        failed: t.failed,
        notReported: notReportedStatuses([...t.channels].sort(compareStrings), names.channels),
      };
      if (groupBy !== 'subtype') return { key: countKey, label: groupLabel(groupBy, countKey, labelNames), ...funnel };
      const { key, label: name, subtypeKind } = subtypeGroup(countKey, t.total);
      return { key, label: name, ...funnel, ...(subtypeKind ? { subtypeKind } : {}) };
    });
}
