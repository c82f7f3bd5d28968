/**
 * Numbers and dates through `Intl`, in the report's locale (the whole `lang` tag: `es-MX` groups
 * `9,768` where `es` writes `9768`) and time zone; formatters are cached per tag.
 */
import { intlLocales, type Lang } from './locales.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, create: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

/** `12345` → `12.345` (es), `12,345` (es-MX, en), `12.345` (pt-BR); `es` leaves 4 digits ungrouped. */
export function formatCount(lang: Lang, value: number): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(intlLocales(lang))).format(value);
}

/** A share in 0–1 as a percent with at most one decimal. */
export function formatPercent(lang: Lang, share: number): string {
  return cached(`p:${lang}`, () => new Intl.NumberFormat(intlLocales(lang), { style: 'percent', maximumFractionDigits: 1 })).format(share);
}

/** A signed change in 0–1 (`+12,5 %`), for comparisons with the previous period. */
export function formatChange(lang: Lang, change: number): string {
  return cached(
    `c:${lang}`,
    () =>
      new Intl.NumberFormat(intlLocales(lang), {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }),
  ).format(change);
}

/** Date and time of an instant in `timeZone`, e.g. `26/11/2026, 15:04`. */
export function formatDateTime(lang: Lang, timeZone: string, instant: number | string): string {
  return cached(
    `dt:${lang}:${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocales(lang), { timeZone, dateStyle: 'short', timeStyle: 'short' }),
  ).format(new Date(instant));
}

/**
 * Date and time to the second of an instant in `timeZone`, the year in full, e.g.
 * `26/11/2026, 09:04:05`: the message lists need the seconds, since many messages share a minute.
 */
export function formatDateTimeSeconds(lang: Lang, timeZone: string, instant: number | string): string {
  return cached(
    `dts:${lang}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocales(lang), {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).format(new Date(instant));
}

/** A local day of an instant in `timeZone`, e.g. `26 nov 2026`. */
export function formatDay(lang: Lang, timeZone: string, instant: number | string): string {
  return cached(`d:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocales(lang), { timeZone, dateStyle: 'medium' })).format(
    new Date(instant),
  );
}

/** `Canal, Contacto y Equipo`. */
export function formatList(lang: Lang, items: readonly string[]): string {
  return cached(`l:${lang}`, () => new Intl.ListFormat(intlLocales(lang), { style: 'long', type: 'conjunction' })).format(items);
}

/** The time of day of an instant in `timeZone`, to the minute: `15:04` (es, pt), `3:04 PM` (en). */
export function formatTimeOfDay(lang: Lang, timeZone: string, instant: number | string): string {
  return cached(`t:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocales(lang), { timeZone, timeStyle: 'short' })).format(
    new Date(instant),
  );
}
