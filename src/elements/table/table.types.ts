import type { MessageKind, MessageRow, NamedRef, Order, ReportQuery } from '../../core/contract/types.js';

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
}

/** Detail of `msg-contact-select`: the contact of the row whose contact cell was activated. */
export interface MsgContactSelectDetail {
  readonly contact: NamedRef;
  /** The message row's id. */
  readonly rowId: string;
  readonly kind: MessageKind;
}

/** Detail of `msg-data-export`: the query whose full result the user wants beyond the row cap. */
export interface MsgDataExportDetail {
  readonly kind: MessageKind;
  readonly order: Order;
  /** The report query (instants, zone and filters), as every resource takes it. */
  readonly query: ReportQuery;
  /** Every message matching the query. */
  readonly total: number;
  /** The most rows the list shows. */
  readonly cap: number;
  /** The validated `data-export-href`, or `undefined` when none is set. */
  readonly href: string | undefined;
}

export type MsgContactSelectEvent = CustomEvent<MsgContactSelectDetail>;
export type MsgDataExportEvent = CustomEvent<MsgDataExportDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'msg-contact-select': MsgContactSelectEvent;
    'msg-data-export': MsgDataExportEvent;
  }
}

/** A row that is not loaded yet: a placeholder with a stable identity for the virtualizer. */
export interface PendingRow {
  readonly pending: true;
  readonly index: number;
}

export type TableItem = MessageRow | PendingRow;

export function isPendingRow(item: TableItem): item is PendingRow {
  return (item as Partial<PendingRow>).pending === true;
}
