import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { isAbortError } from '../../core/client/errors.js';
import { MESSAGE_KINDS, ORDERS, type MessageKind, type MessageRow, type Order, type ReportQuery } from '../../core/contract/types.js';
import { CSV_MEDIA_TYPE } from '../../core/csv/csv.js';
import { formatCount, formatDateTimeSeconds, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgDataElement, type Answer } from '../shared/data-element.js';
import { downloadBlob } from '../shared/download.js';
import { emit } from '../shared/events.js';
import { checkAttributes, describeBadAttribute, describeRequestError, oneOf, type CheckedAttributes } from '../shared/problems.js';
import { stateStyles } from '../shared/state-views.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { cellText, columnHeader, columnsOf } from './table.columns.js';
import { messagesCsv, messagesCsvFileName } from './table.csv.js';
import { groupFailuresByCode } from './table.groups.js';
import { MessageListing, type ListingParams } from './table.listing.js';
import { tableStyles } from './table.styles.js';
import {
  BULK_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MIN_PAGE_SIZE,
  isPendingRow,
  type ColumnId,
  type PendingRow,
  type TableItem,
} from './table.types.js';

const ATTRIBUTES = {
  kind: oneOf('kind', MESSAGE_KINDS),
  order: oneOf('order', ORDERS),
  pageSize: {
    name: 'page-size',
    schema: v.pipe(v.number(), v.integer(), v.minValue(MIN_PAGE_SIZE), v.maxValue(MAX_PAGE_SIZE)),
    allowed: `${MIN_PAGE_SIZE}–${MAX_PAGE_SIZE}`,
  },
};

interface Config {
  readonly kind: MessageKind;
  readonly order: Order;
  readonly pageSize: number;
}

/** What the list asks: the first page of one query, in one order. */
interface ListRequest {
  readonly params: ListingParams;
  readonly pageSize: number;
}

/** A long-running fetch of every row: for the CSV, or for the failures summary. */
interface Job {
  readonly kind: 'csv' | 'groups';
  readonly controller: AbortController;
  loaded: number;
  expected: number;
}

/** Rows beyond the last one on screen that should already be loaded, so scrolling never waits. */
const PREFETCH_ROWS = 100;
/** Content longer than this (or with a line break) gets a "show all" toggle. */
const CONTENT_PREVIEW = 120;
/** Characters of a collapsed cell put in the DOM; the cell shows one line of them anyway. */
const CELL_TEXT_LIMIT = 400;

/** At most `limit` UTF-16 units of `text`, never splitting a surrogate pair. */
function clip(text: string, limit = CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/**
 * `value` as an http(s) URL resolved against `base`: `undefined` when unset, `null` when it is
 * anything else (`javascript:`, `data:`…), so no script URL can ever reach an `href`.
 */
export function safeHttpUrl(value: string | undefined, base: string): string | undefined | null {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * One of the report's three message lists — incoming messages, outgoing messages, or the failed
 * messages log — with the columns of the original report in its order. The body is virtualized,
 * so it scrolls through all 10,000 rows a query can show, fetching pages by cursor as it goes;
 * the Timestamp header sorts by time both ways. Beyond 10,000 matching messages it says so with
 * the true total and offers Data Export. It downloads exactly the rows it holds as CSV, and the
 * failed log can count its failures by provider error code.
 *
 * Inside a `<msg-report>` it shows the report's query; alone, give it `endpoint` (and any other
 * attribute of `<msg-report>`).
 *
 * @tag msg-table
 * @summary The incoming, outgoing or failed messages list, virtualized, with CSV download.
 *
 * @fires msg-contact-select - A contact cell was activated; `detail` has `contact` ({id, name}), `rowId` and `kind`.
 * @fires msg-data-export - The user asked for Data Export beyond the row cap; `detail` carries the query. Cancelable: `preventDefault()` keeps a `data-export-href` link from navigating.
 * @fires msg-error - A request failed, or an attribute is invalid.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart toolbar - The actions: download and, on the failed log, grouping.
 * @csspart download - The "Download CSV" button.
 * @csspart group-toggle - The failed log's "Group by error code" toggle button.
 * @csspart summary - The message count and time zone line.
 * @csspart cap-notice - The notice shown when more messages match than the list holds.
 * @csspart data-export - The Data Export link (with `data-export-href`) or button.
 * @csspart progress - Progress of fetching every row, with its cancel button.
 * @csspart cancel - The progress's cancel button.
 * @csspart export-error - Why the CSV or the summary could not be prepared, with a retry button.
 * @csspart groups - The failures-by-error-code table.
 * @csspart scroller - The scrolling box holding the table.
 * @csspart table - The table (`role="table"`).
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart sort - The Timestamp header's sort button.
 * @csspart row - A message row.
 * @csspart cell - A cell of a message row.
 * @csspart contact - A contact cell's button.
 * @csspart expand - The "show all / show less" toggle of long content.
 * @csspart load-error - Why more rows could not be loaded, with a retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - A retry button.
 *
 * @cssprop --msg-font-family - Font.
 * @cssprop --msg-font-size - Base font size (default 14px).
 * @cssprop --msg-text-color - Text colour.
 * @cssprop --msg-muted-color - Secondary text colour.
 * @cssprop --msg-surface-color - Background of buttons.
 * @cssprop --msg-border-color - Lines and borders.
 * @cssprop --msg-accent-color - Links, buttons and focus rings.
 * @cssprop --msg-error-color - Error text.
 * @cssprop --msg-radius - Corner radius.
 * @cssprop --msg-gap - Space between parts.
 * @cssprop --msg-table-height - Height of the scrolling table (default 480px).
 * @cssprop --msg-table-row-height - Least height of a row (default 36px).
 * @cssprop --msg-table-header-color - Background of the header row.
 * @cssprop --msg-table-stripe-color - Background of every other row.
 */
export class MsgTable extends MsgDataElement<Config, ListRequest, MessageListing> {
  static override styles = [tokenStyles, stateStyles, tableStyles];

  /** Which list: `incoming`, `outgoing` or `failed`. */
  @property() kind: MessageKind = 'incoming';

  /** Time order: `desc` (newest first, the default) or `asc`. The Timestamp header toggles it. */
  @property() order: Order = 'desc';

  /** Rows fetched per page while scrolling, 1–1000. Default 250. */
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = DEFAULT_PAGE_SIZE;

  /**
   * Where the cap notice's Data Export action leads: an http(s) or relative URL. Anything else
   * (`javascript:`…) is refused with a `msg-error` warning, and the action stays a button that
   * only fires `msg-data-export`.
   */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  @state() private job: Job | undefined;
  @state() private jobError: { kind: Job['kind']; error: unknown } | undefined;
  /** Whether the failed log shows its failures by error code. */
  @state() private grouped = false;
  @state() private expanded: ReadonlySet<string> = new Set();

  #reportedHref: string | undefined;
  #listing: MessageListing | undefined;
  #shownListing: MessageListing | undefined;
  #items: { listing: MessageListing; length: number; expected: number; items: TableItem[] } | undefined;
  #pending: PendingRow[] = [];
  #reportedPageError: unknown;
  /** The last row index the virtualizer renders. */
  #wanted = 0;
  #pumping = false;

  /** The rows the list holds now, in its order (more arrive as it scrolls or downloads). */
  get rows(): readonly MessageRow[] {
    return this.#listing?.rows ?? [];
  }

  /** Every message matching the query (may exceed the 10,000 the list holds); `undefined` before the first page. */
  get total(): number | undefined {
    return this.#listing?.total;
  }

  /** The name the CSV downloads under, e.g. `mensajes-salientes-2026-11-20_2026-11-26.csv`. */
  get csvFileName(): string {
    const kind = this.config?.kind ?? 'incoming';
    const resolved = this.report?.resolved;
    if (!resolved) return `${translate(this.reportLang, `table.fileName.${kind}`)}.csv`;
    return messagesCsvFileName(kind, this.reportLang, resolved.firstDay, resolved.lastDay);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listing?.suspend();
    this.#cancelJob();
  }

  protected override checkConfig(lang: Lang): CheckedAttributes<Config> {
    return checkAttributes(lang, ATTRIBUTES, { kind: this.kind, order: this.order, pageSize: Number(this.pageSize) });
  }

  protected override scopeOf(config: Config) {
    return config.kind === 'incoming' ? ('incoming' as const) : ('outgoing' as const);
  }

  protected override requestFor(query: ReportQuery, config: Config): ListRequest {
    return { params: { ...query, kind: config.kind, order: config.order }, pageSize: config.pageSize };
  }

  protected override async fetchData(request: ListRequest, source: ReportDataSource, signal: AbortSignal): Promise<MessageListing> {
    this.#retire();
    const listing = await MessageListing.open(source, request.params, request.pageSize, signal, () => this.requestUpdate());
    this.#listing = listing;
    this.#wanted = 0;
    return listing;
  }

  protected override isEmpty(listing: MessageListing): boolean {
    return listing.rows.length === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, `table.title.${this.config?.kind ?? 'incoming'}`);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#reportHref();
    const listing = this.shownAnswer && !this.busy ? this.shownAnswer.data : undefined;
    if (listing && listing !== this.#shownListing) {
      // A new query (or order) starts at its first row.
      this.#shownListing = listing;
      const scroller = this.renderRoot.querySelector<HTMLElement>('[part~="scroller"]');
      if (scroller) scroller.scrollTop = 0;
      this.#reportedPageError = undefined;
    }
    if (listing?.error && listing.error !== this.#reportedPageError) {
      this.#reportedPageError = listing.error;
      this.reportRequestError(listing.error);
    }
    if (this.grouped && listing?.params.kind === 'failed' && !listing.complete && !this.job && !this.jobError) this.#loadGroups();
  }

  /**
   * The CSV of every row the list holds for the current query — all pages up to the cap, fetched
   * now if not loaded yet — with the list's columns and localised headers, RFC 4180 with CRLF,
   * formula-like cells neutralised and instants as ISO times with their UTC offset in the report's
   * zone. `bom: true` starts it with a UTF-8 byte-order mark.
   *
   * @throws when the list has no query to export (loading failed, invalid or not applicable), a
   * page fails, or `signal` aborts.
   */
  async toCSV(
    options: { signal?: AbortSignal; bom?: boolean; onProgress?: (loaded: number, expected: number) => void } = {},
  ): Promise<string> {
    await this.loadComplete;
    const listing = this.shownAnswer?.data;
    if (!listing) throw new Error('msg-table: there is no loaded query to export');
    await listing.loadAll({
      limit: BULK_PAGE_SIZE,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return messagesCsv(listing.rows, {
      kind: listing.params.kind,
      lang: this.reportLang,
      timeZone: listing.params.tz,
      bom: options.bom ?? false,
    });
  }

  /** The file the download saves: {@link toCSV} with a UTF-8 byte-order mark, as `text/csv`. */
  async csvBlob(options: { signal?: AbortSignal; onProgress?: (loaded: number, expected: number) => void } = {}): Promise<Blob> {
    return new Blob([await this.toCSV({ ...options, bom: true })], { type: CSV_MEDIA_TYPE });
  }

  /**
   * Downloads the CSV (what the Download button does): fetches the missing pages with progress and
   * a cancel button, then saves through a temporary object URL, which a strict CSP allows.
   */
  async download(): Promise<void> {
    await this.#runJob('csv', async (signal, onProgress) => {
      const blob = await this.csvBlob({ signal, onProgress });
      downloadBlob(blob, this.csvFileName);
    });
  }

  async #runJob(
    kind: Job['kind'],
    work: (signal: AbortSignal, onProgress: (loaded: number, expected: number) => void) => Promise<void>,
  ): Promise<void> {
    if (this.job) return;
    const job: Job = { kind, controller: new AbortController(), loaded: 0, expected: 0 };
    this.job = job;
    this.jobError = undefined;
    try {
      await work(job.controller.signal, (loaded, expected) => {
        job.loaded = loaded;
        job.expected = expected;
        this.requestUpdate();
      });
    } catch (error) {
      if (!job.controller.signal.aborted && !isAbortError(error)) {
        this.jobError = { kind, error };
        if (error !== this.#listing?.error) this.reportRequestError(error);
      }
    } finally {
      if (this.job === job) this.job = undefined;
    }
  }

  #cancelJob(): void {
    const job = this.job;
    if (!job) return;
    job.controller.abort(new DOMException('cancelled', 'AbortError'));
    this.job = undefined;
    // The summary needs every row: cancelling its fetch turns grouping off.
    if (job.kind === 'groups') this.grouped = false;
  }

  #loadGroups(): void {
    const listing = this.#listing;
    if (!listing || listing.complete) return;
    void this.#runJob('groups', (signal, onProgress) => listing.loadAll({ signal, onProgress, limit: BULK_PAGE_SIZE }));
  }

  /** Forgets the previous query: its page loads and any fetch of all its rows stop. */
  #retire(): void {
    this.#listing?.dispose();
    this.#listing = undefined;
    this.#cancelJobQuietly();
    this.jobError = undefined;
  }

  #cancelJobQuietly(): void {
    this.job?.controller.abort(new DOMException('query changed', 'AbortError'));
    this.job = undefined;
  }

  get #dataExportUrl(): string | undefined | null {
    return safeHttpUrl(this.dataExportHref, document.baseURI);
  }

  #reportHref(): void {
    const refused = this.#dataExportUrl === null ? this.dataExportHref : undefined;
    if (refused !== undefined && refused !== this.#reportedHref) {
      const message = describeBadAttribute(this.reportLang, 'data-export-href', refused, translate(this.reportLang, 'table.hrefAllowed'));
      console.warn(`msg-report: ${message}`);
      emit(this, 'msg-error', { source: 'input', code: 'badAttribute', severity: 'warning', message });
    }
    this.#reportedHref = refused;
  }

  /** Loads pages until the rows the virtualizer renders, and a margin beyond, are held. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const listing = this.#listing;
        if (!listing || listing.complete || listing.error || !this.isConnected) break;
        const pageSize = this.config?.pageSize ?? DEFAULT_PAGE_SIZE;
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

  readonly #onRangeChanged = (event: RangeChangedEvent): void => {
    this.#wanted = event.last;
    void this.#pump();
  };

  readonly #retryPage = (): void => {
    if (this.#listing) this.#listing.error = undefined;
    this.#reportedPageError = undefined;
    this.requestUpdate();
    void this.#pump();
  };

  readonly #toggleOrder = (): void => {
    this.order = this.config?.order === 'asc' ? 'desc' : 'asc';
  };

  readonly #toggleGroups = (): void => {
    this.grouped = !this.grouped;
    if (this.grouped) {
      this.jobError = undefined;
      this.#loadGroups();
    } else if (this.job?.kind === 'groups') {
      this.#cancelJob();
    }
  };

  readonly #onDownload = (): void => {
    void this.download();
  };

  readonly #onCancel = (): void => {
    this.#cancelJob();
  };

  readonly #onRetryJob = (): void => {
    const failed = this.jobError;
    this.jobError = undefined;
    if (this.#listing) this.#listing.error = undefined;
    if (failed?.kind === 'csv') void this.download();
    else this.#loadGroups();
  };

  #selectContact(row: MessageRow, kind: MessageKind): void {
    emit(this, 'msg-contact-select', { contact: { id: row.contact.id, name: row.contact.name }, rowId: row.id, kind });
  }

  readonly #onDataExport = (event: Event): void => {
    const listing = this.#listing;
    if (!listing) return;
    const { kind, order, tz, from, to, filters } = listing.params;
    const proceed = emit(this, 'msg-data-export', {
      kind,
      order,
      query: { from, to, tz, filters },
      total: listing.total,
      cap: listing.cap,
      href: this.#dataExportUrl ?? undefined,
    });
    if (!proceed) event.preventDefault();
  };

  #toggleExpanded(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  /** The virtualizer's items: the rows held, then placeholders up to the rows expected. */
  #itemsOf(listing: MessageListing): TableItem[] {
    const cached = this.#items;
    const expected = listing.expectedCount;
    if (cached && cached.listing === listing && cached.length === listing.rows.length && cached.expected === expected) return cached.items;
    const items: TableItem[] = listing.rows.slice();
    for (let index = items.length; index < expected; index++) items.push((this.#pending[index] ??= { pending: true, index }));
    this.#items = { listing, length: listing.rows.length, expected, items };
    return items;
  }

  protected override render(): TemplateResult {
    // The section stays unnamed (not a landmark): the scroller is the list's one named region.
    return html`<section part="base" aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="top">
        <h3 part="title">${this.displayHeading}</h3>
        ${this.#renderToolbar()}
      </div>
      ${this.renderBody()}
    </section>`;
  }

  #renderToolbar(): TemplateResult | typeof nothing {
    // While a new order or query loads, the previous list stays on screen and so do its actions,
    // disabled, so nothing moves under the pointer or loses focus.
    const listing = this.shownAnswer?.data;
    const kind = this.config?.kind;
    if (!listing || !kind) return nothing;
    const busy = this.busy;
    const lang = this.reportLang;
    return html`<div part="toolbar">
      ${
        kind === 'failed'
          ? html`<button
              type="button"
              class="action"
              part="group-toggle"
              aria-pressed=${this.grouped ? 'true' : 'false'}
              ?disabled=${busy}
              @click=${this.#toggleGroups}
            >
              ${translate(lang, 'table.groupByError')}
            </button>`
          : nothing
      }
      <button type="button" class="action" part="download" ?disabled=${busy || this.job !== undefined} @click=${this.#onDownload}>
        ${translate(lang, 'table.download')}
      </button>
    </div>`;
  }

  protected override renderAnswer(answer: Answer<ListRequest, MessageListing>, busy: boolean): TemplateResult {
    return this.#renderList(answer.data, busy);
  }

  #renderList(listing: MessageListing, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const kind = listing.params.kind;
    const order = listing.params.order;
    const timeZone = listing.params.tz;
    const columns = columnsOf(kind);
    const heading = this.displayHeading;
    const items = this.#itemsOf(listing);
    return html`
      <p part="summary" role="status">
        ${translate(lang, 'table.summary', { count: formatCount(lang, listing.total) })} ·
        ${translate(lang, 'zone.label', { zone: timeZone })}
      </p>
      ${listing.capped ? this.#renderCapNotice(listing, lang) : nothing} ${this.#renderJob(lang)} ${this.#renderJobError(lang)}
      ${this.grouped && kind === 'failed' && !busy ? this.#renderGroups(listing, lang) : nothing}
      <div part="scroller" class="kind-${kind}${busy ? ' busy' : ''}" role="region" aria-label=${heading} tabindex="0">
        <div part="table" role="table" aria-label=${heading} aria-rowcount=${items.length + 1} aria-colcount=${columns.length}>
          <div class="head" role="rowgroup">
            <div class="row" part="header-row" role="row" aria-rowindex="1">
              ${columns.map((column, i) => this.#renderHeader(column, i, order, lang))}
            </div>
          </div>
          <div class="body" role="rowgroup" @rangeChanged=${this.#onRangeChanged}>
            <div virtualizer-sizer aria-hidden="true"></div>
            ${virtualize({
              items,
              renderItem: (item: TableItem, index: number) => this.#renderRow(item, index, columns, kind, lang, timeZone),
            })}
          </div>
        </div>
      </div>
      ${
        listing.error
          ? html`<div part="load-error" role="alert">
              <span>${translate(lang, 'table.loadMoreFailed', { reason: describeRequestError(lang, listing.error) })}</span>
              <button type="button" class="action" part="retry" @click=${this.#retryPage}>${translate(lang, 'state.retry')}</button>
            </div>`
          : nothing
      }
    `;
  }

  #renderHeader(column: ColumnId, index: number, order: Order, lang: Lang): TemplateResult {
    const label = columnHeader(lang, column);
    if (column !== 'timestamp') {
      return html`<div role="columnheader" part="header-cell" aria-colindex=${index + 1}>${label}</div>`;
    }
    return html`<div
      role="columnheader"
      part="header-cell"
      aria-colindex=${index + 1}
      aria-sort=${order === 'desc' ? 'descending' : 'ascending'}
    >
      <button
        type="button"
        part="sort"
        title=${translate(lang, order === 'desc' ? 'table.sort.showAsc' : 'table.sort.showDesc')}
        @click=${this.#toggleOrder}
      >
        ${label}<span aria-hidden="true">${order === 'desc' ? '↓' : '↑'}</span>
      </button>
    </div>`;
  }

  #renderRow(
    item: TableItem,
    index: number,
    columns: readonly ColumnId[],
    kind: MessageKind,
    lang: Lang,
    timeZone: string,
  ): TemplateResult {
    const odd = index % 2 === 1 ? ' odd' : '';
    if (isPendingRow(item)) {
      return html`<div class="row pending${odd}" part="row" role="row" aria-rowindex=${index + 2}>
        ${columns.map(
          (_, i) =>
            html`<div role="cell" part="cell" aria-colindex=${i + 1}>
              ${i === 0 ? html`<span class="visually-hidden">${translate(lang, 'state.loading')}</span>` : nothing}
            </div>`,
        )}
      </div>`;
    }
    const expanded = this.expanded.has(item.id);
    return html`<div class="row${odd}${expanded ? ' expanded' : ''}" part="row" role="row" aria-rowindex=${index + 2} data-id=${item.id}>
      ${columns.map((column, i) => this.#renderCell(item, column, i, kind, lang, timeZone, expanded))}
    </div>`;
  }

  #renderCell(
    row: MessageRow,
    column: ColumnId,
    index: number,
    kind: MessageKind,
    lang: Lang,
    timeZone: string,
    expanded: boolean,
  ): TemplateResult {
    const colIndex = index + 1;
    switch (column) {
      case 'timestamp':
      case 'deliveredAt':
      case 'readAt': {
        const instant = row[column];
        // The title gives the exact instant with its offset, as the CSV has it.
        return html`<div
          role="cell"
          part="cell"
          class="time"
          aria-colindex=${colIndex}
          title=${instant ? cellText(row, column, lang, timeZone, 'csv') : ''}
        >
          ${instant ? formatDateTimeSeconds(lang, timeZone, instant) : ''}
        </div>`;
      }
      case 'contactId':
      case 'contactName': {
        const text = cellText(row, column, lang, timeZone, 'screen');
        return html`<div role="cell" part="cell" aria-colindex=${colIndex}>
          <button type="button" part="contact" dir="auto" title=${clip(text, 1000)} @click=${() => this.#selectContact(row, kind)}>
            ${clip(text)}
          </button>
        </div>`;
      }
      case 'content': {
        const text = row.content;
        const long = text.length > CONTENT_PREVIEW || /[\r\n]/.test(text);
        return html`<div role="cell" part="cell" class="content" aria-colindex=${colIndex}>
          <span class="text" dir="auto" title=${long && !expanded ? text : ''}>${expanded ? text : clip(text)}</span>
          ${
            long
              ? html`<button
                  type="button"
                  part="expand"
                  aria-expanded=${expanded ? 'true' : 'false'}
                  @click=${() => this.#toggleExpanded(row.id)}
                >
                  ${translate(lang, expanded ? 'table.showLess' : 'table.showMore')}
                </button>`
              : nothing
          }
        </div>`;
      }
      default: {
        const text = cellText(row, column, lang, timeZone, 'screen');
        return html`<div role="cell" part="cell" dir="auto" aria-colindex=${colIndex} title=${text.length > 24 ? clip(text, 1000) : ''}>
          ${clip(text)}
        </div>`;
      }
    }
  }

  #renderCapNotice(listing: MessageListing, lang: Lang): TemplateResult {
    const href = this.#dataExportUrl;
    const label = translate(lang, 'table.dataExport');
    return html`<div part="cap-notice" role="note">
      <p>
        ${translate(lang, 'table.capNotice', {
          shown: formatCount(lang, Math.min(listing.total, listing.cap)),
          total: formatCount(lang, listing.total),
          cap: formatCount(lang, listing.cap),
        })}
      </p>
      ${
        href
          ? html`<a part="data-export" href=${href} @click=${this.#onDataExport}>${label}</a>`
          : html`<button type="button" part="data-export" @click=${this.#onDataExport}>${label}</button>`
      }
    </div>`;
  }

  #renderJob(lang: Lang): TemplateResult | typeof nothing {
    const job = this.job;
    if (!job) return nothing;
    const text = translate(lang, job.kind === 'csv' ? 'table.downloadProgress' : 'table.groupsProgress', {
      loaded: formatCount(lang, job.loaded),
      total: formatCount(lang, job.expected),
    });
    return html`<div part="progress" role="status">
      <progress max=${Math.max(job.expected, 1)} .value=${job.loaded} aria-label=${text}></progress>
      <span>${text}</span>
      <button type="button" class="action" part="cancel" @click=${this.#onCancel}>${translate(lang, 'table.cancel')}</button>
    </div>`;
  }

  #renderJobError(lang: Lang): TemplateResult | typeof nothing {
    const failed = this.jobError;
    if (!failed) return nothing;
    const reason = describeRequestError(lang, failed.error);
    return html`<div part="export-error" role="alert">
      <span>${translate(lang, failed.kind === 'csv' ? 'table.downloadFailed' : 'table.loadMoreFailed', { reason })}</span>
      <button type="button" class="action" part="retry" @click=${this.#onRetryJob}>${translate(lang, 'state.retry')}</button>
    </div>`;
  }

  #renderGroups(listing: MessageListing, lang: Lang): TemplateResult | typeof nothing {
    // Exact counts need every row: until they are all here, the progress bar stands in.
    if (!listing.complete) return nothing;
    const groups = groupFailuresByCode(listing.rows);
    const held = listing.rows.length;
    return html`<div>
      <table part="groups">
        <caption>
          ${translate(lang, 'table.groups.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${translate(lang, 'table.groups.code')}</th>
            <th scope="col">${translate(lang, 'table.groups.message')}</th>
            <th scope="col" class="num">${translate(lang, 'table.groups.count')}</th>
            <th scope="col" class="num">${translate(lang, 'table.groups.percent')}</th>
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            (group) =>
              html`<tr data-code=${group.code}>
                <th scope="row" dir="auto">${group.code}</th>
                <td>
                  <ul>
                    ${group.messages.map(
                      (m) =>
                        html`<li dir="auto">${group.messages.length > 1 ? `${m.message} (${formatCount(lang, m.count)})` : m.message}</li>`,
                    )}
                  </ul>
                </td>
                <td class="num">${formatCount(lang, group.count)}</td>
                <td class="num">${formatPercent(lang, held > 0 ? group.count / held : 0)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="groups-scope">
        ${
          listing.capped
            ? translate(lang, 'table.groups.scopeCapped', { count: formatCount(lang, held), total: formatCount(lang, listing.total) })
            : translate(lang, 'table.groups.scope', { count: formatCount(lang, held) })
        }
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-table': MsgTable;
  }
}
