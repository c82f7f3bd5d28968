/**
 * The rows of `<msg-table>` as it scrolls: the current query's listing, the virtual body's items
 * (rows held, then placeholders), and the pages fetched ahead of the rows on screen.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { RangeChangedEvent } from './table.view.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { describeRequestError } from '../shared/problems.js';
import { MessageListing, type ListingParams } from './table.listing.js';
import { MAX_PAGE_SIZE, type PendingRow, type TableItem } from './table.types.js';

/** Rows beyond the last one on screen that should already be loaded, so scrolling never waits. */
const PREFETCH_ROWS = 100;

type PagingHost = ReactiveControllerHost & HTMLElement;

export interface ScrollPagingOptions {
  /** Rows per page while scrolling (the element's `page-size`). */
  readonly pageSize: () => number;
  /** Tells the host that a page failed (once per failure). */
  readonly reportError: (error: unknown) => void;
}

export class ScrollPaging implements ReactiveController {
  readonly #host: PagingHost;
  readonly #options: ScrollPagingOptions;
  #listing: MessageListing | undefined;
  /** The listing on screen, once it was brought to its first row. */
  #shown: MessageListing | undefined;
  #items: { listing: MessageListing; length: number; expected: number; items: TableItem[] } | undefined;
  /** Placeholders by row index, the same object each time, so rows stay as they are until loaded. */
  readonly #placeholders: PendingRow[] = [];
  #reportedError: unknown;
  /** The last row index the body holds. */
  #wanted = 0;
  #pumping = false;

  constructor(host: PagingHost, options: ScrollPagingOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The current query's listing, or `undefined` before its first page. */
  get listing(): MessageListing | undefined {
    return this.#listing;
  }

  /** Fetches the first page of a new query; the previous query's page loads stop. */
  async open(source: ReportDataSource, params: ListingParams, pageSize: number, signal: AbortSignal): Promise<MessageListing> {
    this.#listing?.dispose();
    this.#listing = undefined;
    const listing = await MessageListing.open(source, params, pageSize, signal, () => this.#host.requestUpdate());
    this.#listing = listing;
    this.#wanted = 0;
    return listing;
  }

  /**
   * After a render with `listing` on screen (`undefined` while none is, or a newer one loads): a
   * page that failed is reported once. (The table's body brings a new query to its first row.)
   */
  shown(listing: MessageListing | undefined): void {
    if (listing && listing !== this.#shown) {
      this.#shown = listing;
      this.#reportedError = undefined;
    }
    if (listing?.error && listing.error !== this.#reportedError) {
      this.#reportedError = listing.error;
      this.#options.reportError(listing.error);
    }
  }

  /** The body's items: the rows held, then placeholders up to the rows expected. */
  itemsOf(listing: MessageListing): TableItem[] {
    const cached = this.#items;
    const expected = listing.expectedCount;
    if (cached && cached.listing === listing && cached.length === listing.rows.length && cached.expected === expected) return cached.items;
    const items: TableItem[] = listing.rows.slice();
    for (let index = items.length; index < expected; index++) items.push((this.#placeholders[index] ??= { pending: true, index }));
    this.#items = { listing, length: listing.rows.length, expected, items };
    return items;
  }

  /** Forgets the failure of the last page, so loading goes on from the same cursor. */
  clearError(): void {
    if (this.#listing) this.#listing.error = undefined;
  }

  hostDisconnected(): void {
    this.#listing?.suspend();
  }

  readonly onRangeChanged = (event: RangeChangedEvent): void => {
    this.#wanted = event.last;
    void this.#pump();
  };

  /** Why the last page of `listing` could not be loaded, with a Retry button; nothing while none failed. */
  renderLoadError(listing: MessageListing, lang: Lang): TemplateResult | typeof nothing {
    if (!listing.error) return nothing;
    return html`<div part="load-error" role="alert">
      <span>${translate(lang, 'table.loadMoreFailed', { reason: describeRequestError(lang, listing.error) })}</span>
      <button type="button" class="action" part="retry" @click=${this.#retry}>${translate(lang, 'state.retry')}</button>
    </div>`;
  }

  readonly #retry = (): void => {
    this.clearError();
    this.#reportedError = undefined;
    this.#host.requestUpdate();
    void this.#pump();
  };

  /** Loads pages until the rows the body holds, and a margin beyond, are held. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const listing = this.#listing;
        if (!listing || listing.complete || listing.error || !this.#host.isConnected) break;
        const pageSize = this.#options.pageSize();
        // Half a page ahead (at most PREFETCH_ROWS): the next page arrives before it is needed,
        // and the first screen never asks for a second page.
        const ahead = Math.min(PREFETCH_ROWS, Math.floor(pageSize / 2));
        if (listing.rows.length > this.#wanted + ahead) break;
        const before = listing.rows.length;
        // A long way past the rows held (a dragged scrollbar), bigger pages get there sooner.
        await listing.loadMore(Math.min(MAX_PAGE_SIZE, Math.max(pageSize, this.#wanted + ahead - before)));
        if (listing !== this.#listing || listing.rows.length === before) break;
      }
    } catch {
      // The listing keeps the error; the element shows it with a retry button.
    } finally {
      this.#pumping = false;
    }
  }
}
