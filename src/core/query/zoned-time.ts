/**
 * Calendar arithmetic in an IANA time zone, on top of `Intl` alone.
 *
 * Why not a library: the report needs four operations (the local date of an instant, the instant a
 * local day starts, bucket edges, zone validation). Temporal polyfills weigh ~50 kB gzip; these
 * fit in one small module that runs in browsers, workers and Node, and tests pin them on DST days.
 *
 * Instants are epoch milliseconds; local days are {@link PlainDate} values.
 */
import type { Interval } from '../contract/types.js';

/** A calendar day with no time zone. `month` is 1–12. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface LocalParts extends PlainDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Date.UTC` without its mapping of years 0–99 to 1900–1999. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day, hour, minute, second);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone (or `UTC`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  // Runtimes with ES2024 offset zones accept '+05:00' too; those are not IANA names.
  if (/^[+\-\u2212]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `instant` in `timeZone`. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  // Years before 1 CE come back as a positive year with era "BC"; no report reaches them, but
  // keeping arithmetic proleptic costs one line.
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (local − UTC). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The local calendar day `instant` falls on in `timeZone`. */
export function localDate(instant: number, timeZone: string): PlainDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

/** Compares two days: negative, zero or positive. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: PlainDate, days: number): PlainDate {
  const moved = new Date(utc(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** `date` moved by `months` calendar months, to the 1st of that month. */
export function firstOfMonth(date: PlainDate, months = 0): PlainDate {
  const moved = new Date(utc(date.year, date.month - 1 + months, 1));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: 1 };
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((utc(b.year, b.month - 1, b.day) - utc(a.year, a.month - 1, a.day)) / DAY);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: PlainDate): number {
  return ((new Date(utc(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The first instant of local day `date` in `timeZone`. Usually local midnight; where a DST gap
 * swallows midnight (America/Santiago springs from 00:00 to 01:00) it is the first instant that
 * exists on that day.
 */
export function startOfDay(date: PlainDate, timeZone: string): number {
  const wallMidnight = utc(date.year, date.month - 1, date.day);
  // Two passes settle the offset unless a transition sits between the guess and midnight.
  let guess = wallMidnight - offsetAt(wallMidnight, timeZone);
  guess = wallMidnight - offsetAt(guess, timeZone);
  const p = localParts(guess, timeZone);
  if (compareDates(p, date) === 0 && p.hour === 0 && p.minute === 0 && p.second === 0) return guess;
  // Midnight falls in a gap (or a transition confused the guess): the day starts at the first
  // instant whose local date is `date`. Offsets move by at most a day, so search around the guess.
  let low = guess - DAY; // local date before `date`
  let high = guess + DAY; // local date on or after `date`
  if (compareDates(localDate(low, timeZone), date) >= 0) low -= DAY;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (compareDates(localDate(mid, timeZone), date) >= 0) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The instant local `date` at `timeOfDay` (ms after the wall-clock midnight) in `timeZone`. A time
 * that falls in a DST gap moves forward by the gap (02:30 on a spring-forward day is 03:30); a
 * time that occurs twice is the first of the two — as Temporal's `disambiguation: 'compatible'`.
 */
export function zonedInstant(date: PlainDate, timeOfDay: number, timeZone: string): number {
  const wall = utc(date.year, date.month - 1, date.day) + timeOfDay;
  // The offsets on either side of any transition near this wall time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([before, offsetAt(wall, timeZone), after])]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  // No instant shows this wall time (a gap): read it with the offset in force before the gap.
  return candidates[0] ?? wall - before;
}

/** Parses `YYYY-MM-DD` into a real calendar day, or returns `undefined`. */
export function parsePlainDate(text: unknown): PlainDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = addDays(date, 0);
  return compareDates(roundTrip, date) === 0 ? date : undefined;
}

/** Formats a day as `YYYY-MM-DD`. */
export function formatPlainDate(date: PlainDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The first instant of the bucket of size `interval` that `instant` falls in, in `timeZone`.
 * Hours are wall-clock hours (a fall-back day has 25), weeks start on Monday, months on the 1st.
 */
export function bucketStart(instant: number, timeZone: string, interval: Interval): number {
  const day = localDate(instant, timeZone);
  switch (interval) {
    case 'hour': {
      // The last whole-hour boundary of the local clock at or before `instant`.
      const offset = offsetAt(instant, timeZone);
      let start = Math.floor((instant + offset) / HOUR) * HOUR - offset;
      if (offsetAt(start, timeZone) !== offset) {
        // The offset changed inside this local hour (a half-hour shift, as on Lord Howe): the hour
        // began at the change. Offsets change on whole seconds; search between the two.
        let low = start;
        let high = instant - (((instant % 1000) + 1000) % 1000);
        while (high - low > 1000) {
          const mid = low + Math.floor((high - low) / 2000) * 1000;
          if (offsetAt(mid, timeZone) === offset) high = mid;
          else low = mid;
        }
        start = high;
      }
      return Math.max(start, startOfDay(day, timeZone));
    }
    case 'day':
      return startOfDay(day, timeZone);
    case 'week':
      return startOfDay(addDays(day, 1 - isoWeekday(day)), timeZone);
    case 'month':
      return startOfDay(firstOfMonth(day), timeZone);
  }
}

/**
 * Every bucket start of `[from, to)` in order. The first is the start of the bucket that holds
 * `from` (for weeks, the Monday on or before it), so a range that does not begin on a boundary
 * still gets whole buckets, as the contract's `series` does.
 */
export function bucketStarts(from: number, to: number, timeZone: string, interval: Interval): number[] {
  const starts: number[] = [];
  if (!(from < to)) return starts;
  let start = bucketStart(from, timeZone, interval);
  starts.push(start);
  for (;;) {
    start = nextBucketStart(start, timeZone, interval);
    if (start >= to) break;
    starts.push(start);
  }
  return starts;
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, timeZone: string, interval: Interval): number {
  if (interval === 'hour') {
    // Step one real hour, then snap to the local clock's hour (half-hour zones keep their :30).
    return bucketStart(start + HOUR, timeZone, 'hour');
  }
  const day = localDate(start, timeZone);
  if (interval === 'day') return startOfDay(addDays(day, 1), timeZone);
  if (interval === 'week') return startOfDay(addDays(day, 8 - isoWeekday(day)), timeZone);
  return startOfDay(firstOfMonth(day, 1), timeZone);
}

/** How many buckets of `interval` cover `[from, to)`, computed without listing them for big counts. */
export function bucketCount(from: number, to: number, timeZone: string, interval: Interval): number {
  if (!(from < to)) return 0;
  const first = localDate(from, timeZone);
  const last = localDate(to - 1, timeZone);
  switch (interval) {
    case 'hour':
      // Hours are counted from real time; a DST day moves this by one at most.
      return Math.ceil((to - bucketStart(from, timeZone, 'hour')) / HOUR);
    case 'day':
      return daysBetween(first, last) + 1;
    case 'week':
      return Math.floor(daysBetween(addDays(first, 1 - isoWeekday(first)), last) / 7) + 1;
    case 'month':
      return (last.year - first.year) * 12 + (last.month - first.month) + 1;
  }
}
