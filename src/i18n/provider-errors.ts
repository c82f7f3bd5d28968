/**
 * A short sentence, in the report's language, for the error codes messaging providers are known
 * to send (WhatsApp Cloud API, Twilio SMS, SMTP bounces, Messenger, Telegram, Viber), shown beside
 * the raw code and text, which stay as the provider sent them.
 *
 * This module and the sentences (data of their own per language, `provider-errors.<language>.ts`)
 * are imported on first use by the failed log only: pages and lists that show no failure never
 * download them.
 */
import { stringsLanguage, type Lang, type Language } from './locales.js';

type Sentences = Readonly<Record<string, string>>;

const loaded: Partial<Record<Language, Sentences>> = {};

/** One dynamic import per language, so a bundler makes each a chunk of its own. */
function importSentences(language: Language): Promise<Sentences> {
  switch (language) {
    case 'es':
      return import('./provider-errors.es.js').then((module) => module.es);
    case 'en':
      return import('./provider-errors.en.js').then((module) => module.en);
    case 'pt':
      return import('./provider-errors.pt.js').then((module) => module.pt);
  }
}

/**
 * What error `code` means for the channel kinds that reported it: each distinct sentence once,
 * none for a code not known for those kinds.
 */
export type ErrorExplainer = (kinds: readonly string[], code: string) => string[];

/** Loads the sentences of `lang`'s language (once) and gives what explains codes in it. */
export async function providerErrors(lang: Lang): Promise<ErrorExplainer> {
  const language = stringsLanguage(lang);
  loaded[language] ??= await importSentences(language);
  return (kinds, code) => [
    ...new Set(kinds.map((kind) => describeProviderError(lang, kind, code)).filter((sentence) => sentence !== undefined)),
  ];
}

/** Channel kinds whose codes are another kind's: Instagram messaging runs on the Messenger platform. */
const SAME_CODES_AS: Readonly<Record<string, string>> = { instagram: 'facebook' };

/** SMTP replies (`550`) and enhanced status codes (`5.1.1`): 4 is a temporary failure, 5 a permanent one. */
const EMAIL_CLASS = /^([45])(\d\d|\.\d{1,3}\.\d{1,3})$/;

/**
 * The sentence for error `code` of a channel of `kind`, or `undefined` when the code is not known
 * for that kind (or the sentences of `lang` are not loaded yet). Codes are per provider (`400`
 * means one thing to Telegram, another to LINE), so the kind is part of the lookup.
 */
export function describeProviderError(lang: Lang, kind: string, code: string): string | undefined {
  const known = loaded[stringsLanguage(lang)];
  if (!known) return undefined;
  const provider = SAME_CODES_AS[kind] ?? kind;
  const trimmed = code.trim();
  const exact = `${provider}.${trimmed}`;
  if (Object.prototype.hasOwnProperty.call(known, exact)) return known[exact];
  if (provider !== 'email') return undefined;
  const bounceClass = EMAIL_CLASS.exec(trimmed)?.[1];
  return bounceClass === undefined ? undefined : known[bounceClass === '5' ? 'email.hard' : 'email.soft'];
}
