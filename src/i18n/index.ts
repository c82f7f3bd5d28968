export { LANGS, DEFAULT_LANG, matchLang, canonicalLang, stringsLanguage, intlLocales, type Lang, type Language } from './locales.js';
export { translate, loadMessages, hasMessages, type MessageKey, type MessageParams, type StringsPart } from './translate.js';
export { formatCount, formatPercent, formatChange, formatDateTime, formatDateTimeSeconds, formatDay, formatList } from './format.js';
