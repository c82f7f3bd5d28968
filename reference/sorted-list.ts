/**
 * A direction's messages sorted by (ts, id), with their timestamps in a typed array for binary
 * search: how the reference engine finds a range, or a keyset position, without scanning. Apart
 * from the engine because every resource reads through it.
 */
import { at } from './checked.js';
import type { DatasetMessage } from './dataset/types.js';

/** Messages of one kind, sorted by (ts, id), with their timestamps for binary search. */
export interface SortedList {
  messages: DatasetMessage[];
  ts: Float64Array;
}

export function sortedList(messages: DatasetMessage[]): SortedList {
  return { messages, ts: Float64Array.from(messages, (m) => m.ts) };
}

/** First index whose timestamp is ≥ `instant`. */
export function lowerBound(list: SortedList, instant: number): number {
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
export function lowerBoundKey(list: SortedList, ts: number, id: string): number {
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

/** Calls `visit` for every message of `list` in [from, to) that passes `match`. */
export function scan(
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
