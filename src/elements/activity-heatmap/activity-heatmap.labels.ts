/**
 * Day and hour names of the heatmap, through `Intl` in the report's language and region: `lun`,
 * `Mon`; `9`, `9 a.m.`, `9 AM` — each region's own clock. Computed on fixed UTC dates (Monday
 * 1 January 2024), so they never depend on the report's zone; cached per language.
 */
import { intlLocales, type Lang } from '../../i18n/locales.js';

/** A Monday at 00:00 UTC: day `d` and hour `h` of the week are `MONDAY + d days + h hours`. */
const MONDAY = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

export interface WeekLabels {
  /** Short weekday names, Monday first (`lun`, `Mon`). */
  readonly days: readonly string[];
  /** Full weekday names, Monday first, for the tooltip, the table and screen readers. */
  readonly longDays: readonly string[];
  /** The 24 hours as the region writes them on a clock (`9`, `9 a.m.`). */
  readonly hours: readonly string[];
  /** An hour as a span (`09:00–10:00`), for the tooltip and screen readers. */
  readonly spans: readonly string[];
}

const cache = new Map<string, WeekLabels>();

const capitalize = (lang: Lang, text: string) => text.charAt(0).toLocaleUpperCase(intlLocales(lang)) + text.slice(1);

export function weekLabels(lang: Lang): WeekLabels {
  let labels = cache.get(lang);
  if (!labels) {
    const locales = intlLocales(lang);
    const short = new Intl.DateTimeFormat(locales, { weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locales, { weekday: 'long', timeZone: 'UTC' });
    const hour = new Intl.DateTimeFormat(locales, { hour: 'numeric', timeZone: 'UTC' });
    const clock = new Intl.DateTimeFormat(locales, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    const week = Array.from({ length: 7 }, (_, d) => MONDAY + d * 24 * HOUR);
    const day = Array.from({ length: 24 }, (_, h) => MONDAY + h * HOUR);
    labels = {
      days: week.map((t) => capitalize(lang, short.format(t))),
      longDays: week.map((t) => capitalize(lang, long.format(t))),
      hours: day.map((t) => hour.format(t)),
      // Two formats joined, not formatRange: 23:00–00:00 crosses a day, and would print dates.
      spans: day.map((t) => `${clock.format(t)}–${clock.format(t + HOUR)}`),
    };
    cache.set(lang, labels);
  }
  return labels;
}
