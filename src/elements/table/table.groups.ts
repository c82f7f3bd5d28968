/** Failures counted by provider error code, for the failed log's summary. */
import type { MessageRow } from '../../core/contract/types.js';
import type { ErrorGroup } from './table.types.js';

/**
 * One group per error code, most failures first (ties by code). Providers reuse codes (`400`,
 * `429`…) with different messages, so each group lists its distinct messages with their counts.
 */
export function groupFailuresByCode(rows: readonly MessageRow[]): ErrorGroup[] {
  const groups = new Map<string, { count: number; messages: Map<string, number> }>();
  for (const row of rows) {
    if (!row.error) continue;
    let group = groups.get(row.error.code);
    if (!group) {
      group = { count: 0, messages: new Map() };
      groups.set(row.error.code, group);
    }
    group.count += 1;
    group.messages.set(row.error.message, (group.messages.get(row.error.message) ?? 0) + 1);
  }
  const byCountThen =
    <T>(count: (x: T) => number, key: (x: T) => string) =>
    (a: T, b: T) =>
      count(b) - count(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [...groups]
    .map(([code, group]) => ({
      code,
      count: group.count,
      messages: [...group.messages]
        .map(([message, count]) => ({ message, count }))
        .sort(
          byCountThen(
            (m) => m.count,
            (m) => m.message,
          ),
        ),
    }))
    .sort(
      byCountThen(
        (g) => g.count,
        (g) => g.code,
      ),
    );
}
