/**
 * English fallback labels for enum keys (clients localise them), and the search normalisation the
 * options resource uses.
 */
import { SUBTYPE_KINDS, type BreakdownGroup, type MessageType, type Source } from '../../src/core/contract/types.js';

export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  user: 'User',
  bot: 'Bot',
  broadcast: 'Broadcast',
  workflow: 'Workflow',
  api: 'API',
  zapier: 'Zapier',
  echo: 'Echo',
};

export const TYPE_LABELS: Readonly<Record<MessageType, string>> = {
  session: 'Session',
  facebook_message_tag: 'Facebook Message Tag',
  whatsapp_template: 'WhatsApp Message Template',
};

/**
 * The label `labels` gives `key`, or the key itself for a value the list does not know (data newer
 * than the labels). Only the table's own keys count: `constructor` is not a source.
 */
export function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return (Object.hasOwn(labels, key) ? labels[key] : undefined) ?? key;
}

/** Case- and accent-insensitive form of `text`: NFD, combining marks removed, lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Code-unit comparison: the same order in every runtime (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A subtype group while counting: the message's type, `|`, then the subtype — so a name used as a
 * Facebook tag and as a WhatsApp template counts as two groups. Types never hold a `|`.
 */
export const subtypeCountKey = (type: string, subtype: string): string => `${type}|${subtype}`;

/** The group a {@link subtypeCountKey} names: the subtype as key and label, and its kind. */
export function subtypeGroup(countKey: string, count: number): BreakdownGroup {
  const split = countKey.indexOf('|');
  const type = countKey.slice(0, split);
  const key = countKey.slice(split + 1);
  const kind = SUBTYPE_KINDS.find((known) => known === type);
  return { key, label: key, count, ...(kind ? { subtypeKind: kind } : {}) };
}
