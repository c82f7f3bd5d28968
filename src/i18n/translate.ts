/**
 * The one localisation layer: every visible string of every element goes through `translate`,
 * every number and date through the formatters of `format.ts`.
 *
 * Only the strings of the languages in use load: each language is a module of its own, imported on
 * first use (`loadMessages`), so a Spanish page never downloads the English and Portuguese strings;
 * and each language comes in two parts (`StringsPart`), so a page without charts never downloads
 * the charts' strings.
 * The elements load their report's language as soon as they know it, and render nothing until its
 * strings have arrived — never a message key — then keep showing a language until the strings of
 * the next one have arrived.
 */
import type { ChartsMessageKey, ChartsMessages } from './messages.charts.en.js';
import type { MessageKey as BaseMessageKey, Messages } from './messages.en.js';
import { stringsLanguage, type Lang, type Language } from './locales.js';

/** Every message key: the strings of filters, lists and states, and those of the charts. */
export type MessageKey = BaseMessageKey | ChartsMessageKey;

/**
 * The two parts each language's strings come in (issue 11): `base`, what every element uses
 * (filters, lists, states, problems), and `charts`, what only the charts and the composed report
 * use — so a page of filters and lists never downloads the charts' strings.
 */
export type StringsPart = 'base' | 'charts';
/** Both parts: what a caller that does not say gets. */
export const ALL_STRINGS: readonly StringsPart[] = ['base', 'charts'];
/** The part every element uses: what filters, lists, states and problems need. */
export const BASE_STRINGS: readonly StringsPart[] = ['base'];

const catalogs: Partial<Record<Language, Partial<Record<MessageKey, string>>>> = {};
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

export type MessageParams = Record<string, string | number>;

/** One dynamic import per language and part, so a bundler makes each a chunk of its own. */
function importMessages(language: Language, part: StringsPart): Promise<Messages | ChartsMessages> {
  if (part === 'charts') {
    switch (language) {
      case 'es':
        return import('./messages.charts.es.js').then((module) => module.chartsEs);
      case 'en':
        return import('./messages.charts.en.js').then((module) => module.chartsEn);
      case 'pt':
        return import('./messages.charts.pt.js').then((module) => module.chartsPt);
    }
  }
  switch (language) {
    case 'es':
      return import('./messages.es.js').then((module) => module.es);
    case 'en':
      return import('./messages.en.js').then((module) => module.en);
    case 'pt':
      return import('./messages.pt.js').then((module) => module.pt);
  }
}

/** True once the `parts` (both, by default) of `lang`'s language are loaded, so `translate(lang, …)` has them. */
export function hasMessages(lang: Lang, parts: readonly StringsPart[] = ALL_STRINGS): boolean {
  const language = stringsLanguage(lang);
  return parts.every((part) => loaded.has(`${language}/${part}`));
}

/**
 * Loads the `parts` (both, by default) of the strings of `lang`'s language (`es-MX` → `es`;
 * Spanish for a language without strings), once: later calls share the same load. A failed load
 * may be tried again.
 */
export function loadMessages(lang: Lang, parts: readonly StringsPart[] = ALL_STRINGS): Promise<void> {
  const language = stringsLanguage(lang);
  return Promise.all(parts.map((part) => loadPart(language, part))).then(() => undefined);
}

function loadPart(language: Language, part: StringsPart): Promise<void> {
  const id = `${language}/${part}`;
  if (loaded.has(id)) return Promise.resolve();
  let load = loading.get(id);
  if (!load) {
    load = importMessages(language, part).then(
      (messages) => {
        catalogs[language] = { ...catalogs[language], ...messages };
        loaded.add(id);
        loading.delete(id);
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, load);
  }
  return load;
}

/**
 * The message `key` in `lang`'s language with `{name}` placeholders filled from `params`; an empty
 * string until those strings are loaded (`loadMessages`). Values are plain text: templates render
 * them as text nodes, never as markup.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[stringsLanguage(lang)]?.[key];
  if (template === undefined) return '';
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
