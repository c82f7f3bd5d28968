/**
 * English fallback labels for enum keys (clients localise them), the label and group each grouping
 * gives a key (one rule for both servers: the reference engine and SQL), and the search
 * normalisation the options resource uses.
 */
import {
  SUBTYPE_KINDS,
  type BreakdownGroup,
  type DeliveryGroupBy,
  type GroupBy,
  type MessageType,
  type Source,
} from '../../src/core/contract/types.js';

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

/**
 * What a group's label is read from: channel and broadcast names by id (only the grouping's own are
 * needed), and the channels' kinds.
 */
export interface LabelNames {
  channels?: ReadonlyMap<string, { readonly name: string; readonly kind?: string }>;
  broadcasts?: ReadonlyMap<string, string>;
}

/**
 * The label of group `key` under `groupBy`: a channel's or broadcast's name (its id when the name is
 * unknown), an enum key's English fallback, a subtype as it is. `/breakdown`, `/breakdown-trend` and
 * `/delivery-breakdown` label their groups through it, in the reference engine and the SQL server.
 */
export function groupLabel(groupBy: DeliveryGroupBy, key: string, names: LabelNames): string {
  switch (groupBy) {
    case 'channel':
      return names.channels?.get(key)?.name ?? key;
    case 'broadcast':
      return names.broadcasts?.get(key) ?? key;
    case 'source':
      return labelOf(SOURCE_LABELS, key);
    case 'type':
      return labelOf(TYPE_LABELS, key);
    case 'subtype':
      return key;
  }
}

/**
 * A `/breakdown` (and `/breakdown-trend`) group of `count` messages: for subtypes `key` is the
 * {@link subtypeCountKey} they were counted by; a known channel carries its kind, so that clients
 * need not guess it from the name.
 */
export function breakdownGroup(groupBy: GroupBy, key: string, count: number, names: LabelNames): BreakdownGroup {
  if (groupBy === 'subtype') return subtypeGroup(key, count);
  const group: BreakdownGroup = { key, label: groupLabel(groupBy, key, names), count };
  const kind = groupBy === 'channel' ? names.channels?.get(key)?.kind : undefined;
  if (kind) group.kind = kind;
  return group;
}
