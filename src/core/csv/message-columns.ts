/**
 * What each column of a message list shows for a row, on screen and in the CSV, from one place so
 * the file equals the screen — and the server's export equals the table's download: the same
 * columns, order, headers, enum labels and names. Only instants differ in form: the screen shows
 * the report's locale, the file an exact ISO time with its UTC offset.
 *
 * DOM-free: `<msg-table>` and the reference server's export both write through it.
 */
import { MESSAGE_TYPES, SOURCES, type MessageKind, type MessageRow } from '../contract/types.js';
import { formatDateTimeSeconds } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import type { ErrorExplainer } from '../../i18n/provider-errors.js';
import { translate, type MessageKey } from '../../i18n/translate.js';
import { formatIsoWithOffset } from './zoned-iso.js';

/** Every column any list has, in no particular order. */
export const COLUMN_IDS = [
  'timestamp',
  'source',
  'user',
  'contactId',
  'contactName',
  'deliveredAt',
  'readAt',
  'channel',
  'type',
  'subtype',
  'content',
  'error',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/**
 * The columns of each list, in the order of the original report's help page ("Lista de mensajes
 * entrantes", "Lista de Mensajes salientes", "Registro de mensajes fallidos").
 */
export const COLUMNS_BY_KIND = {
  incoming: ['timestamp', 'contactId', 'contactName', 'channel', 'content'],
  outgoing: ['timestamp', 'source', 'user', 'contactId', 'contactName', 'deliveredAt', 'readAt', 'channel', 'type', 'subtype', 'content'],
  failed: ['timestamp', 'source', 'user', 'contactId', 'contactName', 'channel', 'type', 'subtype', 'content', 'error'],
} as const satisfies Record<MessageKind, readonly ColumnId[]>;

const HEADER_KEYS: Record<ColumnId, MessageKey> = {
  timestamp: 'table.column.timestamp',
  source: 'table.column.source',
  user: 'table.column.user',
  contactId: 'table.column.contactId',
  contactName: 'table.column.contactName',
  deliveredAt: 'table.column.deliveredAt',
  readAt: 'table.column.readAt',
  channel: 'table.column.channel',
  type: 'table.column.type',
  subtype: 'table.column.subtype',
  content: 'table.column.content',
  error: 'table.column.error',
};

/** The columns of a list, in order. */
export function columnsOf(kind: MessageKind): readonly ColumnId[] {
  return COLUMNS_BY_KIND[kind];
}

/** A column's localised header. */
export function columnHeader(lang: Lang, column: ColumnId): string {
  return translate(lang, HEADER_KEYS[column]);
}

/** A source key's label; an unknown key from a newer backend shows as sent. */
export function sourceLabel(lang: Lang, key: string | undefined): string {
  if (!key) return '';
  return (SOURCES as readonly string[]).includes(key) ? translate(lang, `source.${key as (typeof SOURCES)[number]}`) : key;
}

/** A message type key's label; an unknown key shows as sent. */
export function typeLabel(lang: Lang, key: string | undefined): string {
  if (!key) return '';
  return (MESSAGE_TYPES as readonly string[]).includes(key) ? translate(lang, `type.${key as (typeof MESSAGE_TYPES)[number]}`) : key;
}

/** The error cell: code and provider message, as the provider sent them. */
export function errorText(row: MessageRow): string {
  return row.error ? `${row.error.code}: ${row.error.message}` : '';
}

/**
 * The error cell on screen: the raw code and message, then what a known code means in the report's
 * language (`131026: Message undeliverable — El destinatario no puede…`). The CSV keeps the raw text.
 */
function errorScreenText(row: MessageRow, explain: ErrorExplainer | undefined): string {
  if (!row.error) return '';
  const sentence = explain?.([row.channel.kind], row.error.code)[0];
  return sentence ? `${errorText(row)} — ${sentence}` : errorText(row);
}

/**
 * The text of a cell. `form` picks how instants are written: on screen, or exact for the CSV;
 * on screen, `explain` adds what a known error code means.
 */
export function cellText(
  row: MessageRow,
  column: ColumnId,
  lang: Lang,
  timeZone: string,
  form: 'screen' | 'csv',
  explain?: ErrorExplainer,
): string {
  switch (column) {
    case 'timestamp':
    case 'deliveredAt':
    case 'readAt': {
      const instant = row[column];
      if (!instant) return '';
      return form === 'csv' ? formatIsoWithOffset(instant, timeZone) : formatDateTimeSeconds(lang, timeZone, instant);
    }
    case 'source':
      return sourceLabel(lang, row.source);
    case 'user':
      // The original report fills User only for messages a user sent from the inbox.
      return row.source === 'user' ? (row.user?.name ?? '') : '';
    case 'contactId':
      return row.contact.id;
    case 'contactName':
      return row.contact.name;
    case 'channel':
      return row.channel.name;
    case 'type':
      return typeLabel(lang, row.type);
    case 'subtype':
      return row.subtype ?? '';
    case 'content':
      return row.content;
    case 'error':
      return form === 'csv' ? errorText(row) : errorScreenText(row, explain);
  }
}
