export { LANGS, DEFAULT_LANG, matchLang, INTL_LOCALE, type Lang } from './locales.js';
export { translate, loadMessages, hasMessages, type MessageKey, type MessageParams } from './translate.js';
export { formatCount, formatPercent, formatChange, formatDateTime, formatDateTimeSeconds, formatDay, formatList } from './format.js';
