/**
 * The period a change is measured against, in words: "ayer hasta las 10:00", "20–26 feb",
 * "febrero de 2026", "1–5 feb hasta las 10:00". Days come from the core
 * (src/core/query/comparison.ts, `describePeriod`), already in the report's zone, so they are
 * formatted as plain calendar days.
 */
import { addDays, compareDates, type PlainDate } from '../core/query/zoned-time.js';
import type { ComparisonPeriod } from '../core/query/comparison.js';
import { intlLocales, type Lang } from './locales.js';
import { translate } from './translate.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}:${key}`;
  let format = formatters.get(id);
  if (!format) {
    // Plain days are read as UTC midnights, so no zone moves them.
    format = new Intl.DateTimeFormat(intlLocales(lang), { ...options, timeZone: 'UTC' });
    formatters.set(id, format);
  }
  return format;
}

const asDate = (day: PlainDate) => {
  const date = new Date(0);
  date.setUTCFullYear(day.year, day.month - 1, day.day);
  return date;
};

/**
 * `period` in words, for a report whose today is `today` (in the same zone): the year only when
 * the period is not all in this year.
 */
export function formatPeriod(lang: Lang, period: ComparisonPeriod, today: PlainDate): string {
  const { firstDay, lastDay } = period;
  const withYear = firstDay.year !== today.year || lastDay.year !== today.year;
  let days: string;
  if (period.wholeMonths) {
    const options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
    days =
      firstDay.month === lastDay.month && firstDay.year === lastDay.year
        ? formatter(lang, 'month', options).format(asDate(firstDay))
        : formatter(lang, 'month', options).formatRange(asDate(firstDay), asDate(lastDay));
  } else if (compareDates(firstDay, lastDay) === 0 && compareDates(firstDay, addDays(today, -1)) === 0) {
    days = translate(lang, 'compare.yesterday');
  } else {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) };
    const format = formatter(lang, withYear ? 'day-year' : 'day', options);
    days = compareDates(firstDay, lastDay) === 0 ? format.format(asDate(firstDay)) : format.formatRange(asDate(firstDay), asDate(lastDay));
  }
  if (!period.until) return days;
  const time = formatter(lang, 'time', { hour: 'numeric', minute: '2-digit' }).format(
    Date.UTC(2000, 0, 1, period.until.hour, period.until.minute),
  );
  return translate(lang, 'compare.until', { period: days, time });
}
