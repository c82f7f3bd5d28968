/**
 * The delivery line's decisions as pure functions: which bucket sizes a range allows, which one
 * `auto` picks (docs/decisions.md, "Bucket size"), and which part of the range may still change
 * its statuses (the 30-day rule). DOM-free, so the same answers hold wherever they are computed.
 */
import { INTERVALS, MAX_BUCKETS, STATUS_WINDOW_DAYS, type Interval } from '../contract/types.js';
import { bucketCount } from './zoned-time.js';

/** What a report's interval may be: `auto` (the default) or a bucket size of the contract. */
export const INTERVAL_CHOICES = ['auto', ...INTERVALS] as const;
export type IntervalChoice = (typeof INTERVAL_CHOICES)[number];

/** Which bucket sizes the range allows, and the one `auto` picks. */
export interface IntervalPlan {
  readonly auto: Interval;
  readonly available: Readonly<Record<Interval, boolean>>;
}

const DAY_MS = 24 * 3_600_000;

/** `auto` picks hours for ranges of up to this many local days… */
export const AUTO_HOUR_MAX_DAYS = 2;
/** …days up to this many, and weeks beyond. */
export const AUTO_DAY_MAX_DAYS = 92;
/** Hour buckets are offered for ranges of up to this many days: a longer line is unreadable. */
export const HOUR_MAX_DAYS = 31;

/** The bucket sizes `[from, to)` allows in `timeZone` (at most {@link MAX_BUCKETS}), and `auto`'s pick. */
export function planIntervals(from: number, to: number, timeZone: string): IntervalPlan {
  const days = bucketCount(from, to, timeZone, 'day');
  const available = Object.fromEntries(
    INTERVALS.map((interval) => [
      interval,
      bucketCount(from, to, timeZone, interval) <= MAX_BUCKETS && (interval !== 'hour' || days <= HOUR_MAX_DAYS),
    ]),
  ) as Record<Interval, boolean>;
  const auto: Interval = days <= AUTO_HOUR_MAX_DAYS ? 'hour' : days <= AUTO_DAY_MAX_DAYS ? 'day' : 'week';
  return { auto, available };
}

/**
 * The part of `[from, to)` sent less than 30 days before `now`, whose statuses can still change;
 * `undefined` when the whole range is older (or lies after `now`).
 */
export function openStatusWindow(from: number, to: number, now: number): { start: number; end: number } | undefined {
  const start = Math.max(from, now - STATUS_WINDOW_DAYS * DAY_MS);
  const end = Math.min(to, now);
  return start < end ? { start, end } : undefined;
}
