/**
 * The CSV of a message list: the list's localised headers, one record per row, formula-safe RFC
 * 4180 with a UTF-8 byte-order mark, instants with their UTC offset in the report's zone. Written
 * whole (`<msg-table>`'s download) or a page at a time (the server's streaming export): the
 * header, then each page's records, concatenate to the same file.
 *
 * DOM-free. The headers need the language's strings: `await loadMessages(lang)` first.
 */
import type { MessageKind, MessageRow } from '../contract/types.js';
import type { Lang } from '../../i18n/locales.js';
import { toCsv } from './csv.js';
import { cellText, columnHeader, columnsOf } from './message-columns.js';

export interface MessagesCsvOptions {
  kind: MessageKind;
  lang: Lang;
  timeZone: string;
  /** Start with a UTF-8 byte-order mark. Default `true`: spreadsheets then read UTF-8. */
  bom?: boolean;
}

/** The list's header record (after the byte-order mark, by default), ended by CRLF. */
export function messagesCsvHeader(options: Omit<MessagesCsvOptions, 'timeZone'>): string {
  return toCsv(
    columnsOf(options.kind).map((column) => columnHeader(options.lang, column)),
    [],
    { bom: options.bom ?? true },
  );
}

/** The records of `rows`, each ended by CRLF, with no header: what follows {@link messagesCsvHeader}. */
export function messagesCsvRecords(rows: readonly MessageRow[], options: Omit<MessagesCsvOptions, 'bom'>): string {
  const columns = columnsOf(options.kind);
  return toCsv(
    undefined,
    rows.map((row) => columns.map((column) => cellText(row, column, options.lang, options.timeZone, 'csv'))),
  );
}

/** RFC 4180 text of `rows` with the list's localised headers; formula-like cells neutralised. */
export function messagesCsv(rows: readonly MessageRow[], options: MessagesCsvOptions): string {
  return messagesCsvHeader(options) + messagesCsvRecords(rows, options);
}

export { messagesCsvFileName } from './messages-csv-name.js';
