/**
 * The CSV of everything a message list holds: its pages fetched first, then the core's message CSV.
 * `<msg-table>` imports it on the first download only (issue 11: a list on screen ships no CSV writer).
 */
export { CSV_MEDIA_TYPE } from '../../core/csv/csv.js';
import { messagesCsv } from '../../core/csv/messages-csv.js';
import type { Lang } from '../../i18n/locales.js';
import type { LoadOptions, MessageListing } from './table.listing.js';
import { BULK_PAGE_SIZE } from './table.types.js';

/** The CSV of every row `listing` will hold: the pages not loaded yet are fetched first, in the largest size. */
export async function listingCsv(
  listing: MessageListing,
  options: { lang: Lang; bom: boolean } & Pick<LoadOptions, 'signal' | 'onProgress'>,
): Promise<string> {
  const { lang, bom, ...load } = options;
  await listing.loadAll({ ...load, limit: BULK_PAGE_SIZE });
  return messagesCsv(listing.rows, { kind: listing.params.kind, lang, timeZone: listing.params.tz, bom });
}
