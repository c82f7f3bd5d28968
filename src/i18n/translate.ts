/**
 * The one localisation layer: every visible string of every element goes through `translate`,
 * every number and date through the formatters of `format.ts`.
 */
import { en, type MessageKey, type Messages } from './messages.en.js';
import { es } from './messages.es.js';
import { pt } from './messages.pt.js';
import type { Lang } from './locales.js';

const catalogs: Record<Lang, Messages> = { en, es, pt };

export type MessageParams = Record<string, string | number>;

/**
 * The message `key` in `lang` with `{name}` placeholders filled from `params`. Values are plain
 * text: templates render them as text nodes, never as markup.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type { MessageKey };
