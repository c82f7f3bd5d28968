/**
 * Bucket labels of the delivery line, through `Intl` in the report's language and time zone:
 * short ones for the x axis, full ones for the tooltip and the table, and local ISO values for
 * the CSV. Formatters are cached per language, zone and style.
 */
import type { Interval } from '../../core/contract/types.js';
import { formatPlainDate, localParts, offsetAt } from '../../core/query/zoned-time.js';
import { formatDateTime, formatDay } from '../../i18n/format.js';
import { intlLocales, type Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, timeZone: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${timeZone}:${style}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocales(lang), { timeZone, ...options });
    cache.set(key, formatter);
  }
  return formatter;
}

const dayMonth = (lang: Lang, timeZone: string, instant: number) =>
  dateFormat(lang, timeZone, 'dm', { day: 'numeric', month: 'short' }).format(instant);

/** `semana del 3 nov` → `Semana del 3 nov`: labels that start a line or a cell. */
export const capitalize = (lang: Lang, text: string) => text.charAt(0).toLocaleUpperCase(intlLocales(lang)) + text.slice(1);

/**
 * The x-axis label of the bucket starting at `instant`: for hours the time, or with `withDate` (a
 * tick that starts a day on the axis) the day, with the time unless it is midnight; `3 nov` for
 * days, `semana del 3 nov` for weeks, `nov 2026` for months.
 */
export function axisLabel(lang: Lang, timeZone: string, interval: Interval, instant: number, withDate = false): string {
  switch (interval) {
    case 'hour': {
      if (!withDate) return dateFormat(lang, timeZone, 'hm', { hour: '2-digit', minute: '2-digit' }).format(instant);
      const { hour, minute } = localParts(instant, timeZone);
      return hour === 0 && minute === 0
        ? dayMonth(lang, timeZone, instant)
        : dateFormat(lang, timeZone, 'dmhm', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(instant);
    }
    case 'day':
      return dayMonth(lang, timeZone, instant);
    case 'week':
      return translate(lang, 'delivery.weekOf', { date: dayMonth(lang, timeZone, instant) });
    case 'month':
      return dateFormat(lang, timeZone, 'my', { month: 'short', year: 'numeric' }).format(instant);
  }
}

/** The full label of a bucket, for the tooltip and the table: `26/11/26, 14:00`, `26 nov 2026`… */
export function bucketLabel(lang: Lang, timeZone: string, interval: Interval, instant: number): string {
  switch (interval) {
    case 'hour':
      return formatDateTime(lang, timeZone, instant);
    case 'day':
      return formatDay(lang, timeZone, instant);
    case 'week':
      return capitalize(lang, translate(lang, 'delivery.weekOf', { date: formatDay(lang, timeZone, instant) }));
    case 'month':
      return capitalize(lang, dateFormat(lang, timeZone, 'MY', { month: 'long', year: 'numeric' }).format(instant));
  }
}

/**
 * The bucket start for the CSV, in the report's zone: `2026-11-03` for days, weeks and months;
 * `2026-11-01T01:00-05:00` for hours, whose offset tells the two 01:00 of a fall-back night apart.
 */
export function bucketIso(timeZone: string, interval: Interval, instant: number): string {
  const parts = localParts(instant, timeZone);
  const date = formatPlainDate(parts);
  if (interval !== 'hour') return date;
  const pad = (n: number) => String(n).padStart(2, '0');
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${pad(parts.hour)}:${pad(parts.minute)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
