/** The report's languages. Later work adds entries here and a messages file; templates stay. */
export const LANGS = ['es', 'en', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'es';

/**
 * The supported language a BCP 47 tag asks for, by its primary subtag (`es-MX` → `es`,
 * `pt-BR` → `pt`), or `undefined` when none matches.
 */
export function matchLang(tag: unknown): Lang | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary ?? '') ? (primary as Lang) : undefined;
}

/** The BCP 47 locale `Intl` formats with for each language. */
export const INTL_LOCALE: Record<Lang, string> = { es: 'es', en: 'en', pt: 'pt-BR' };
