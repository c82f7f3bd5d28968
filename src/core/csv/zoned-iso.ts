/**
 * Instants written as ISO 8601 local times with their UTC offset in a time zone, e.g.
 * `2026-11-26T09:04:05-06:00`: exact (it names one instant), readable in the report's zone, and
 * understood by spreadsheets, databases and `Date.parse`.
 *
 * DOM-free, on top of the zone arithmetic of `zoned-time.ts`.
 */
import { offsetAt } from '../query/zoned-time.js';

const MINUTE = 60_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function year(value: number): string {
  // ISO 8601 expanded years: four digits within 0–9999, else a sign and six digits.
  if (value >= 0 && value <= 9999) return pad(value, 4);
  return `${value < 0 ? '-' : '+'}${pad(Math.abs(value), 6)}`;
}

const QUARTER_HOUR = 15 * MINUTE;

/** Per zone, the offsets of the quarter-hours (UTC) looked up lately; `undefined` where it changes. */
const quarterOffsets = new Map<string, Map<number, number | undefined>>();
/** Quarter-hours kept per zone: a page of rows and its receipts span a few days at most. */
const QUARTERS_KEPT = 1024;

/**
 * The offset of `timeZone` at `ms`. Looking a zone up through `Intl` is most of the cost of writing
 * a row, and a list's rows (and their receipts) come close together in time: so the offset is
 * looked up once per quarter-hour, at its first and last millisecond — equal, it holds all through
 * (no zone changes its offset twice within 15 minutes) — and for the instant itself only in a
 * quarter-hour where it changes.
 */
function offsetNear(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let quarters = quarterOffsets.get(timeZone);
  if (!quarters?.has(quarter)) {
    const start = quarter * QUARTER_HOUR;
    // Looked up first: an unknown zone throws here, before anything is kept for it.
    const first = offsetAt(start, timeZone);
    const last = offsetAt(start + QUARTER_HOUR - 1, timeZone);
    if (!quarters) quarterOffsets.set(timeZone, (quarters = new Map<number, number | undefined>()));
    if (quarters.size >= QUARTERS_KEPT) quarters.clear();
    quarters.set(quarter, first === last ? first : undefined);
  }
  return quarters.get(quarter) ?? offsetAt(ms, timeZone);
}

/**
 * `instant` (epoch ms or an ISO string) as a local date-time in `timeZone` with its offset:
 * `2026-11-26T09:04:05-06:00`, with milliseconds when they are not zero (`…05.943-06:00`), and
 * `+00:00` for UTC. Offsets that are not whole minutes (local mean time before 1900) cannot be
 * written in ISO 8601, so those instants are written in UTC with `Z`.
 *
 * @throws RangeError when `instant` is not a valid date or `timeZone` is unknown.
 */
export function formatIsoWithOffset(instant: number | string, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`msg-report: "${String(instant)}" is not an instant`);
  const offset = offsetNear(ms, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  if (offset % MINUTE !== 0) {
    const date = new Date(ms);
    return `${year(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(
      date.getUTCMinutes(),
    )}:${pad(date.getUTCSeconds())}${fraction}Z`;
  }
  // The wall clock is the instant moved by the offset, read as UTC (offsets are whole seconds).
  const local = new Date(ms + offset);
  const p = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE;
  return `${year(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${sign}${pad(
    Math.floor(minutes / 60),
  )}:${pad(minutes % 60)}`;
}
