/**
 * A report's locale is a BCP 47 tag (`es`, `es-MX`, `pt-BR`, `en-GB`): numbers, dates and axes
 * follow the whole tag through `Intl`; strings follow its language, falling back to Spanish.
 */

/** The languages the strings come in. Later work adds entries here and a messages file; templates stay. */
export const LANGS = ['es', 'en', 'pt'] as const;
/** A language the strings come in. */
export type Language = (typeof LANGS)[number];

/**
 * A report's locale: a canonical BCP 47 tag as {@link canonicalLang} returns it (`es-MX`), or a
 * bare language (`es`). Strings follow its language ({@link stringsLanguage}), numbers and dates
 * the whole tag ({@link intlLocales}).
 */
export type Lang = string;

/** The locale of a report whose `lang` is not set, and the language of strings for any other. */
export const DEFAULT_LANG: Language = 'es';

/**
 * The canonical form of a BCP 47 tag (`es-mx` → `es-MX`, `EN-gb` → `en-GB`), or `undefined` when
 * `tag` is not well-formed (`es_MX`, `en-`, `12`).
 */
export function canonicalLang(tag: string): Lang | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/**
 * The language with strings a tag asks for, by its primary subtag (`es-MX` → `es`, `pt-BR` →
 * `pt`), or `undefined` when none matches.
 */
export function matchLang(tag: unknown): Language | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split('-')[0];
  return (LANGS as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** The language of the strings shown for `lang`: its own when they exist, else Spanish. */
export function stringsLanguage(lang: Lang): Language {
  return matchLang(lang) ?? DEFAULT_LANG;
}

/**
 * What `Intl` formats `lang` with: the tag itself, then the language of its strings, so a tag
 * `Intl` has no data for (`xx-MX`) formats as the strings read rather than as the browser's locale.
 */
export function intlLocales(lang: Lang): string[] {
  return [lang, stringsLanguage(lang)];
}
