/**
 * The period a report's range is compared with (docs/decisions.md, "Comparison with the previous
 * period"; SPEC "Comparison"): the one of the same calendar length just before `from` — the day
 * before for one day, the N days before for N days, the month(s) before for whole months and for
 * *This month* — in the report's time zone, DST-correct. When the range runs past `now`, only the
 * same elapsed part of that period is compared: the same local time of day, on the day that lies
 * as far into the earlier period as today lies into the range.
 *
 * DOM-free and pure: the elements send the result as `compareFrom`/`compareTo`; the endpoint only
 * counts it.
 */
import type { CompareParams } from '../contract/types.js';
import { resolveRange, type DateRange } from './presets.js';
import {
  addDays,
  compareDates,
  daysBetween,
  firstOfMonth,
  localDate,
  localParts,
  startOfDay,
  zonedInstant,
  type PlainDate,
} from './zoned-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A wall-clock time of day. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** The period compared with: instants `[from, to)` and the local days they touch. */
export interface ComparisonPeriod {
  readonly from: number;
  readonly to: number;
  /** The first local day of the period. */
  readonly firstDay: PlainDate;
  /** The last local day the period reaches (only partly when `until` is set). */
  readonly lastDay: PlainDate;
  /** Where the period stops on `lastDay`, when it is cut short (the range runs past `now`). */
  readonly until?: TimeOfDay;
  /** True when the period is one or more whole calendar months. */
  readonly wholeMonths: boolean;
}

/** How far back the earlier period lies: a number of days or of calendar months. */
type Step = { readonly unit: 'day' | 'month'; readonly count: number };

/** The day `months` calendar months from `date`, or `undefined` when that month is shorter. */
function sameDayMonthsAway(date: PlainDate, months: number): PlainDate | undefined {
  const first = firstOfMonth(date, months);
  const moved = addDays(first, date.day - 1);
  return moved.month === first.month ? moved : undefined;
}

/** Whole months from the 1st `a` to the 1st `b`. */
function monthsBetween(a: PlainDate, b: PlainDate): number {
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The step back from the range to its comparison period. */
function stepOf(range: DateRange, firstDay: PlainDate, lastDay: PlainDate): Step {
  if ('preset' in range && (range.preset === 'this_month' || range.preset === 'last_month')) return { unit: 'month', count: 1 };
  const dayAfter = addDays(lastDay, 1);
  if (firstDay.day === 1 && dayAfter.day === 1) return { unit: 'month', count: monthsBetween(firstDay, dayAfter) };
  return { unit: 'day', count: daysBetween(firstDay, lastDay) + 1 };
}

/**
 * The period `range` is compared with, in `timeZone`, counted from the instant `now` (presets
 * resolve from it; a range that runs past it is compared over the same elapsed part only). The
 * cut is to the minute, so a report's requests stay equal within a minute and the label reads
 * `hh:mm`. `undefined` when nothing of the range has elapsed yet.
 *
 * Month lengths: the earlier period of *This month* (or of whole months) is the previous month(s);
 * on a day that month lacks (the 31st against a 30-day month, the 29th–31st against February),
 * the earlier period is that month whole.
 */
export function comparisonPeriod(range: DateRange, timeZone: string, now: number): ComparisonPeriod | undefined {
  const resolved = resolveRange(range, timeZone, now);
  const step = stepOf(range, resolved.firstDay, resolved.lastDay);
  const back = (date: PlainDate) => (step.unit === 'day' ? addDays(date, -step.count) : firstOfMonth(date, -step.count));
  const firstDay = back(resolved.firstDay);
  const from = startOfDay(firstDay, timeZone);
  // The whole earlier period ends where the range begins.
  const end = resolved.from;
  const whole: ComparisonPeriod = {
    from,
    to: end,
    firstDay,
    lastDay: addDays(resolved.firstDay, -1),
    wholeMonths: step.unit === 'month',
  };
  const cutAt = Math.floor(now / MINUTE) * MINUTE;
  if (cutAt >= resolved.to) return whole;
  if (cutAt <= resolved.from) return undefined;

  const today = localDate(cutAt, timeZone);
  const earlierDay = step.unit === 'day' ? addDays(today, -step.count) : sameDayMonthsAway(today, -step.count);
  // The earlier month is shorter than today's day of the month: it is compared whole.
  if (!earlierDay) return whole;
  const parts = localParts(cutAt, timeZone);
  const timeOfDay = parts.hour * HOUR + parts.minute * MINUTE;
  const to = Math.min(end, Math.max(from, zonedInstant(earlierDay, timeOfDay, timeZone)));
  if (to >= end) return whole;
  if (to <= from) return undefined;
  // A cut at the start of a day (now is local midnight) is the whole days before it.
  const dayStart = startOfDay(earlierDay, timeZone);
  if (to === dayStart) return { from, to, firstDay, lastDay: addDays(earlierDay, -1), wholeMonths: false };
  const cutParts = localParts(to, timeZone);
  return {
    from,
    to,
    firstDay,
    lastDay: earlierDay,
    until: { hour: cutParts.hour, minute: cutParts.minute },
    wholeMonths: false,
  };
}

/**
 * A period given as instants (a request's `compareFrom`/`compareTo`) described in local days:
 * what a label says about it. `until` is set when it ends inside a day.
 */
export function describePeriod(from: number, to: number, timeZone: string): ComparisonPeriod {
  const firstDay = localDate(from, timeZone);
  const endDay = localDate(to, timeZone);
  const endsAtDayStart = startOfDay(endDay, timeZone) === to;
  const lastDay = endsAtDayStart ? addDays(endDay, -1) : endDay;
  const cut = endsAtDayStart ? undefined : localParts(to, timeZone);
  const wholeMonths =
    !cut && firstDay.day === 1 && endDay.day === 1 && startOfDay(firstDay, timeZone) === from && compareDates(firstDay, endDay) < 0;
  return {
    from,
    to,
    firstDay,
    lastDay,
    ...(cut ? { until: { hour: cut.hour, minute: cut.minute } } : {}),
    wholeMonths,
  };
}

/** `compareFrom`/`compareTo` of a request for `period` (none without one). */
export function compareParams(period: ComparisonPeriod | undefined): CompareParams {
  return period ? { compareFrom: new Date(period.from).toISOString(), compareTo: new Date(period.to).toISOString() } : {};
}
