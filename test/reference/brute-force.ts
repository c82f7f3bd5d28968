/**
 * Independent recounts over `dataset.messages` for the reference tests: plain loops over every
 * message, written from docs/contract.md and docs/decisions.md without the engine's indexes, binary search or
 * helpers, so a bug in the engine shows up as a mismatch.
 */
import type { Dataset, DatasetMessage } from '../../reference/dataset/types.js';

export const DAY_MS = 86_400_000;
const WINDOW_MS = 30 * DAY_MS;

export type BruteFilters = Partial<Record<'channel' | 'contact' | 'source' | 'type' | 'team' | 'user' | 'broadcast', string[]>>;

/** Whether `m` passes `filters` for a query over `direction` messages. */
export function passes(m: DatasetMessage, direction: 'incoming' | 'outgoing', filters: BruteFilters): boolean {
  const has = (values: string[] | undefined, value: string | null) =>
    !values || values.length === 0 || (value !== null && values.includes(value));
  if (!has(filters.channel, m.channelId)) return false;
  if (!has(filters.contact, m.contactId)) return false;
  const peopleFilter = (filters.team?.length ?? 0) > 0 || (filters.user?.length ?? 0) > 0;
  if (peopleFilter && direction === 'outgoing' && m.source !== 'user') return false;
  if (!has(filters.team, m.teamId)) return false;
  if (!has(filters.user, m.userId)) return false;
  if (direction === 'outgoing') {
    if (!has(filters.source, m.source)) return false;
    if (!has(filters.type, m.type)) return false;
    if (!has(filters.broadcast, m.broadcastId)) return false;
  }
  return true;
}

/** Messages of a direction in [from, to) passing the filters, in (ts, id) order. */
export function select(
  dataset: Dataset,
  direction: 'incoming' | 'outgoing',
  from: number,
  to: number,
  filters: BruteFilters,
): DatasetMessage[] {
  const out = dataset.messages.filter((m) => m.direction === direction && m.ts >= from && m.ts < to && passes(m, direction, filters));
  return out.sort((a, b) => (a.ts !== b.ts ? a.ts - b.ts : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function bruteGroups(
  messages: DatasetMessage[],
  groupBy: 'channel' | 'source' | 'type' | 'subtype',
): { key: string; count: number; subtypeKind?: string }[] {
  const counts: Record<string, number> = {};
  for (const m of messages) {
    // Subtypes count per type and name: a name used as a tag and as a template is two groups.
    const key =
      groupBy === 'channel'
        ? m.channelId
        : groupBy === 'source'
          ? m.source
          : groupBy === 'type'
            ? m.type
            : m.subtype === null
              ? null
              : `${m.type}|${m.subtype}`;
    if (key === null) continue;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.entries(counts)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .map(([key, count]) => {
      if (groupBy !== 'subtype') return { key, count };
      const [kind, ...name] = key.split('|');
      return { key: name.join('|'), count, subtypeKind: kind! };
    });
}

/** The furthest status of an outgoing message within 30 days of sending. */
export function bruteStatus(m: DatasetMessage): 'failed' | 'read' | 'delivered' | 'sent' {
  if (m.error) return 'failed';
  if (m.readAt !== null && m.readAt - m.ts <= WINDOW_MS) return 'read';
  if (m.deliveredAt !== null && m.deliveredAt - m.ts <= WINDOW_MS) return 'delivered';
  return 'sent';
}

export function bruteTotals(messages: DatasetMessage[]) {
  const totals = { total: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
  for (const m of messages) {
    const status = bruteStatus(m);
    totals.total++;
    if (status === 'failed') {
      totals.failed++;
      continue;
    }
    totals.sent++;
    if (status === 'delivered' || status === 'read') totals.delivered++;
    if (status === 'read') totals.read++;
  }
  return totals;
}

/** Accent- and case-insensitive folding, written independently of the engine's. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export const iso = (ms: number) => new Date(ms).toISOString();
