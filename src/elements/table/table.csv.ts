/** The CSV of a message list: the table's columns, headers and cells, one record per row. */
import type { MessageKind, MessageRow } from '../../core/contract/types.js';
import { toCsv } from '../../core/csv/csv.js';
import type { PlainDate } from '../../core/query/zoned-time.js';
import { formatPlainDate } from '../../core/query/zoned-time.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { cellText, columnHeader, columnsOf } from './table.columns.js';
import type { LoadOptions, MessageListing } from './table.listing.js';
import { BULK_PAGE_SIZE } from './table.types.js';

export interface MessagesCsvOptions {
  kind: MessageKind;
  lang: Lang;
  timeZone: string;
  /** Start with a UTF-8 byte-order mark. Default `true`: spreadsheets then read UTF-8. */
  bom?: boolean;
}

/** RFC 4180 text of `rows` with the list's localised headers; formula-like cells neutralised. */
export function messagesCsv(rows: readonly MessageRow[], options: MessagesCsvOptions): string {
  const columns = columnsOf(options.kind);
  return toCsv(
    columns.map((column) => columnHeader(options.lang, column)),
    rows.map((row) => columns.map((column) => cellText(row, column, options.lang, options.timeZone, 'csv'))),
    { bom: options.bom ?? true },
  );
}

/** The CSV of every row `listing` will hold: the pages not loaded yet are fetched first, in the largest size. */
export async function listingCsv(
  listing: MessageListing,
  options: { lang: Lang; bom: boolean } & Pick<LoadOptions, 'signal' | 'onProgress'>,
): Promise<string> {
  const { lang, bom, ...load } = options;
  await listing.loadAll({ ...load, limit: BULK_PAGE_SIZE });
  return messagesCsv(listing.rows, { kind: listing.params.kind, lang, timeZone: listing.params.tz, bom });
}

/** `mensajes-salientes-2026-11-20_2026-11-26.csv`: the list and its local days, in the report's language. */
export function messagesCsvFileName(kind: MessageKind, lang: Lang, firstDay: PlainDate, lastDay: PlainDate): string {
  const name = translate(lang, `table.fileName.${kind}`);
  return `${name}-${formatPlainDate(firstDay)}_${formatPlainDate(lastDay)}.csv`;
}
