import type { MessageRow } from '../../core/contract/types.js';

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
