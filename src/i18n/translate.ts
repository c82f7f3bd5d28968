/**
 * The one localisation layer: every visible string of every element goes through `translate`,
 * every number and date through the formatters of `format.ts`.
 *
 * Only the strings of the languages in use load: each language is a module of its own, imported on
 * first use (`loadMessages`), so a Spanish page never downloads the English and Portuguese strings.
 * The elements load their report's language as soon as they know it, and render nothing until its
 * strings have arrived — never a message key — then keep showing a language until the strings of
 * the next one have arrived.
 */
import type { MessageKey, Messages } from './messages.en.js';
import { stringsLanguage, type Lang, type Language } from './locales.js';

const catalogs: Partial<Record<Language, Messages>> = {};
const loading = new Map<Language, Promise<void>>();

export type MessageParams = Record<string, string | number>;

/** One dynamic import per language, so a bundler makes each a chunk of its own. */
function importMessages(language: Language): Promise<Messages> {
  switch (language) {
    case 'es':
      return import('./messages.es.js').then((module) => module.es);
    case 'en':
      return import('./messages.en.js').then((module) => module.en);
    case 'pt':
      return import('./messages.pt.js').then((module) => module.pt);
  }
}

/** True once the strings of `lang`'s language are loaded, so `translate(lang, …)` has them. */
export function hasMessages(lang: Lang): boolean {
  return catalogs[stringsLanguage(lang)] !== undefined;
}

/**
 * Loads the strings of `lang`'s language (`es-MX` → `es`; Spanish for a language without strings),
 * once: later calls share the same load. A failed load may be tried again.
 */
export function loadMessages(lang: Lang): Promise<void> {
  const language = stringsLanguage(lang);
  if (catalogs[language]) return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = importMessages(language).then(
      (messages) => {
        catalogs[language] = messages;
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, load);
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

export type { MessageKey };
