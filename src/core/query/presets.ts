/**
 * Date presets and custom ranges, resolved to instants in the report's time zone
 * (docs/decisions.md, "Date presets and custom ranges"). Local days are inclusive; the resolved range is half-open `[from, to)`.
 */
import { MAX_RANGE_DAYS } from '../contract/types.js';
import { addDays, compareDates, daysBetween, firstOfMonth, localDate, startOfDay, type PlainDate } from './zoned-time.js';

/** The seven date presets, in menu order. */
export const PRESETS = ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'] as const;
export type Preset = (typeof PRESETS)[number];

export const DEFAULT_PRESET: Preset = 'last_7_days';

export function isPreset(value: unknown): value is Preset {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}

/** A range as the user picks it: a preset, or a custom pair of local days (both inclusive). */
export type DateRange = { readonly preset: Preset } | { readonly from: PlainDate; readonly to: PlainDate };

/** A range resolved in a zone: instants `[from, to)` and the inclusive local days they span. */
export interface ResolvedRange {
  readonly from: number;
  readonly to: number;
  readonly firstDay: PlainDate;
  readonly lastDay: PlainDate;
}

/** The inclusive local days a preset covers, counted from the local day `today`. */
export function presetDays(preset: Preset, today: PlainDate): { firstDay: PlainDate; lastDay: PlainDate } {
  switch (preset) {
    case 'today':
      return { firstDay: today, lastDay: today };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { firstDay: yesterday, lastDay: yesterday };
    }
    case 'last_7_days':
      return { firstDay: addDays(today, -6), lastDay: today };
    case 'last_14_days':
      return { firstDay: addDays(today, -13), lastDay: today };
    case 'last_30_days':
      return { firstDay: addDays(today, -29), lastDay: today };
    case 'this_month':
      return { firstDay: firstOfMonth(today), lastDay: today };
    case 'last_month':
      return { firstDay: firstOfMonth(today, -1), lastDay: addDays(firstOfMonth(today), -1) };
  }
}

/** Number of local days in an inclusive range. */
export function dayCount(firstDay: PlainDate, lastDay: PlainDate): number {
  return daysBetween(firstDay, lastDay) + 1;
}

/**
 * Resolves a range in `timeZone`, counting presets from the instant `now`. Assumes a valid zone and
 * a validated custom range (see `validateRange`).
 */
export function resolveRange(range: DateRange, timeZone: string, now: number): ResolvedRange {
  const { firstDay, lastDay } =
    'preset' in range ? presetDays(range.preset, localDate(now, timeZone)) : { firstDay: range.from, lastDay: range.to };
  return {
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(addDays(lastDay, 1), timeZone),
    firstDay,
    lastDay,
  };
}

/** Why a custom range is not accepted; `messages` in the i18n layer turns each into words. */
export type RangeProblem =
  { code: 'from-after-to' } | { code: 'range-too-long'; days: number; max: number } | { code: 'future'; today: PlainDate };

/**
 * Checks a custom range: `from` not after `to`, at most 366 days, and (when `today` is given) not
 * starting in the future.
 */
export function validateRange(from: PlainDate, to: PlainDate, today?: PlainDate): RangeProblem | undefined {
  if (compareDates(from, to) > 0) return { code: 'from-after-to' };
  const days = dayCount(from, to);
  if (days > MAX_RANGE_DAYS) return { code: 'range-too-long', days, max: MAX_RANGE_DAYS };
  if (today && compareDates(from, today) > 0) return { code: 'future', today };
  return undefined;
}
