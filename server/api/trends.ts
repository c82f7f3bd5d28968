/**
 * The shapes of `/breakdown-trend` and `/activity` (openapi.yaml) from counts per time bucket, the
 * same for the reference engine and the SQL server, so that both fold their counts alike: the top
 * groups chosen as `/breakdown` orders them, the rest as others, and local hours folded into a
 * week. Runtime-free.
 */
import {
  DEFAULT_TREND_GROUPS,
  type ActivityResponse,
  type BreakdownGroup,
  type BreakdownTrendParams,
  type BreakdownTrendResponse,
  type Direction,
  type FilterField,
} from '../../src/core/contract/types.js';
import {
  addDays,
  bucketStarts,
  compareDates,
  isoWeekday,
  localDate,
  localParts,
  offsetAt,
  startOfDay,
} from '../../src/core/query/zoned-time.js';

const HOUR = 3_600_000;
import { compareStrings } from './labels.js';
import { LruCache } from './lru.js';

/**
 * The answer of `/breakdown-trend` from each bucket's counts per group key (`perBucket[i]` for the
 * bucket starting at `starts[i]`). `group` makes a key and its count into a group as `/breakdown`
 * shows it (label, subtype kind).
 */
export function trendResponse(
  params: BreakdownTrendParams,
  starts: readonly number[],
  perBucket: readonly Map<string, number>[],
  group: (key: string, count: number) => BreakdownGroup,
  notApplicable: FilterField[],
): BreakdownTrendResponse {
  const totals = new Map<string, number>();
  let total = 0;
  for (const counts of perBucket) {
    for (const [key, n] of counts) {
      totals.set(key, (totals.get(key) ?? 0) + n);
      total += n;
    }
  }
  // As /breakdown orders its groups: count descending, then key.
  const sorted = [...totals].sort(([ka, a], [kb, b]) => b - a || compareStrings(ka, kb));
  const top = sorted.slice(0, params.top ?? DEFAULT_TREND_GROUPS);
  const named = top.reduce((sum, [, n]) => sum + n, 0);
  const series = starts.map((start, i) => {
    const counts = perBucket[i] ?? new Map<string, number>();
    const shown = top.map(([key]) => counts.get(key) ?? 0);
    let all = 0;
    for (const n of counts.values()) all += n;
    return { start: new Date(start).toISOString(), counts: shown, others: all - shown.reduce((a, b) => a + b, 0) };
  });
  return {
    direction: params.direction,
    groupBy: params.groupBy,
    interval: params.interval,
    total,
    groups: top.map(([key, n]) => group(key, n)),
    others: total - named,
    otherGroups: sorted.length - top.length,
    series,
    notApplicable,
  };
}

/** The local hours of a range and the week cell (weekday × 24 + hour, Monday = 0) each one is. */
export interface LocalHours {
  /** Each local hour's first instant (the first one may start before `from`). */
  starts: readonly number[];
  cells: Uint8Array;
}

/** Computing a year of local hours takes ~10⁴ `Intl` calls; reports ask the same ranges again and again. */
const localHoursCache = new LruCache<string, LocalHours>(64);

/**
 * The wall-clock hours of `tz` that cover `[from, to)`: a spring-forward day has 23, a fall-back
 * day 25 (the repeated hour is two buckets, both in the same cell), as the delivery line's hours
 * (the same starts as `bucketStarts(from, to, tz, 'hour')`). Walked a local day at a time: a day of
 * 24 hours under one offset is 24 steps of an hour from its midnight; only the few other days
 * (daylight saving, a zone's change of offset) ask `Intl` for each hour — a year in ~0.1 s
 * instead of ~2 s, on this machine.
 */
export function localHours(from: number, to: number, tz: string): LocalHours {
  const key = `${tz} ${from} ${to}`;
  let hours = localHoursCache.get(key);
  if (!hours) {
    const starts: number[] = [];
    const cells: number[] = [];
    const last = localDate(to - 1, tz);
    for (let day = localDate(from, tz); compareDates(day, last) <= 0; day = addDays(day, 1)) {
      const start = startOfDay(day, tz);
      const end = startOfDay(addDays(day, 1), tz);
      const row = (isoWeekday(day) - 1) * 24;
      if (end - start === 24 * HOUR && offsetAt(start, tz) === offsetAt(end - 1, tz)) {
        for (let h = 0; h < 24; h++) {
          starts.push(start + h * HOUR);
          cells.push(row + h);
        }
      } else {
        for (const hour of bucketStarts(start, end, tz, 'hour')) {
          starts.push(hour);
          cells.push(row + localParts(hour, tz).hour);
        }
      }
    }
    // From the hour that holds `from` (it may begin before it) to the last that begins before `to`.
    let first = 0;
    while (first + 1 < starts.length && (starts[first + 1] ?? Infinity) <= from) first++;
    let end = starts.length;
    while (end > first + 1 && (starts[end - 1] ?? -Infinity) >= to) end--;
    hours = { starts: starts.slice(first, end), cells: Uint8Array.from(cells.slice(first, end)) };
    localHoursCache.set(key, hours);
  }
  return hours;
}

/** The answer of `/activity` from the counts of each local hour of {@link localHours}. */
export function activityResponse(
  direction: Direction,
  hours: LocalHours,
  perHour: ArrayLike<number>,
  notApplicable: FilterField[],
): ActivityResponse {
  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let total = 0;
  for (let i = 0; i < hours.starts.length; i++) {
    const n = perHour[i] ?? 0;
    if (n === 0) continue;
    const cell = hours.cells[i] ?? 0;
    const row = counts[Math.floor(cell / 24)];
    if (row) row[cell % 24] = (row[cell % 24] ?? 0) + n;
    total += n;
  }
  return { direction, total, counts, notApplicable };
}
