import type { MessageKind, MessageRow } from '../../core/contract/types.js';

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

/** Columns whose cells are instants. */
export const TIME_COLUMNS: readonly ColumnId[] = ['timestamp', 'deliveredAt', 'readAt'];

/** Rows per page while scrolling (the default of `page-size`). */
export const DEFAULT_PAGE_SIZE = 250;
/** Rows per page when every row is wanted (CSV, grouping): the contract's largest page. */
export const BULK_PAGE_SIZE = 1000;
/** The contract's page size limits. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 1000;

/** One row of the failures-by-error-code summary. */
export interface ErrorGroup {
  code: string;
  /** The distinct messages reported with this code, most frequent first. */
  messages: { message: string; count: number }[];
  count: number;
  /** The channel kinds that reported it, for the sentence that explains the code per provider. */
  kinds: string[];
}

/** A row that is not loaded yet: a placeholder with a stable identity for the virtual body. */
export interface PendingRow {
  readonly pending: true;
  readonly index: number;
}

export type TableItem = MessageRow | PendingRow;

export function isPendingRow(item: TableItem): item is PendingRow {
  return (item as Partial<PendingRow>).pending === true;
}
