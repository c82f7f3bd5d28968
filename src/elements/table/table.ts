import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import type { MessageKind, MessageRow, Order, ReportQuery } from '../../core/contract/types.js';
import { messagesCsvFileName } from '../../core/csv/messages-csv-name.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { BASE_STRINGS, translate, type StringsPart } from '../../i18n/translate.js';
import { MsgDataElement, type Answer } from '../shared/data-element.js';
import { closeDrillInList, describeDrill, listHonours, renderDrillChip, renderDrillMisfits } from '../shared/drill.js';
import { downloadBlob } from '../shared/download.js';
import { emit } from '../shared/events.js';
import { checkAttributes, type CheckedAttributes } from '../shared/problems.js';
import { scrollCueStyles } from '../shared/scroll-cues.styles.js';
import { stateStyles } from '../shared/state-views.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import type { ProgressCallback } from './table.export.js';
import { RefusedHrefWarning } from './table.export-href.js';
import { OnDemandParts, reportUnloaded } from './table.on-demand.js';
import { FailedLogExtras } from './table.failed-log.js';
import type { MessageListing } from './table.listing.js';
import { ScrollPaging } from './table.paging.js';
import { listOrder, listRequest, TABLE_ATTRIBUTES, type ListRequest, type TableConfig } from './table.request.js';
import { renderTable } from './table.rows.js';
import { tableStyles } from './table.styles.js';
import { drillStyles } from '../shared/drill.styles.js';
import { DEFAULT_PAGE_SIZE } from './table.types.js';

export { safeHttpUrl } from './table.safe-url.js';

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
 * When a person asks a figure of the report to "see these messages" (the state's `drill`), the
 * list narrows to that group, time window or delivery status on top of the report's filters and
 * says so in a chip whose × restores it; the incoming list, which cannot take a status, source,
 * type or broadcast, says that instead of listing every incoming message.
 *
 * @tag msg-table
 * @summary The incoming, outgoing or failed messages list, virtualized, with CSV download.
 *
 * @fires msg-contact-select - A contact cell was activated; `detail` has `contact` ({id, name}), `rowId` and `kind`.
 * @fires msg-data-export - The user asked for Data Export beyond the row cap; `detail` carries the query. Cancelable: `preventDefault()` keeps the link from navigating or downloading.
 * @fires msg-error - A request failed, or an attribute is invalid.
 * @fires msg-ready - The first rows are on screen (or the state it settled in instead); again after each new query.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart toolbar - The actions: download and, on the failed log, grouping.
 * @csspart download - The "Download CSV" button.
 * @csspart group-toggle - The failed log's "Group by error code" toggle button.
 * @csspart summary - The message count and time zone line.
 * @csspart drill-chip - While the report's lists are narrowed to a figure ("see these messages"): what they show.
 * @csspart drill-clear - The chip's × button, which shows every message again (as Escape does).
 * @csspart drill-note - Why the lists do not narrow as a link or saved state asked: its period outside the range, its group outside the filters.
 * @csspart cap-notice - The notice shown when more messages match than the list holds.
 * @csspart data-export - The Data Export link (`data-export-href`, or the endpoint's own export when it advertises one) or button.
 * @csspart progress - Progress of fetching every row, with its cancel button.
 * @csspart cancel - The progress's cancel button.
 * @csspart export-error - Why the CSV or the summary could not be prepared, with a retry button.
 * @csspart groups - The failures-by-error-code table.
 * @csspart error-explanation - In the failures by error code, what a known provider code means, in the report's language.
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
 * @cssprop --msg-table-height - Height of the scrolling table (default 480px).
 * @cssprop --msg-table-row-height - Height of a row (default 36px; a line of the font and its padding if that is taller).
 * @cssprop --msg-table-header-color - Background of the header row.
 * @cssprop --msg-table-stripe-color - Background of every other row.
 */
export class MsgTable extends MsgDataElement<TableConfig, ListRequest, MessageListing> {
  /** No chart: the base strings only (issue 11). */
  protected override get stringsParts(): readonly StringsPart[] {
    return BASE_STRINGS;
  }

  static override styles = [tokenStyles, stateStyles, scrollCueStyles, tableStyles, drillStyles];

  /** Which list: `incoming`, `outgoing` or `failed`. */
  @property() kind: MessageKind = 'incoming';

  /**
   * Time order: `desc` (newest first, the default) or `asc`. An input: the Timestamp header
   * toggles the order in the report's state (`state.listOrder`, the URL with `sync-url`), which
   * then wins over this attribute for this kind of list, and fires `msg-state-change`.
   */
  @property() order: Order = 'desc';

  /** Rows fetched per page while scrolling, 1–1000. Default 250. */
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = DEFAULT_PAGE_SIZE;

  /**
   * Where the cap notice's Data Export action leads: an http(s) or relative URL. Anything else
   * (`javascript:`…) is refused with a `msg-error` warning, and the action stays a button that
   * only fires `msg-data-export`. Unset, the action downloads the endpoint's own export of every
   * row of the query (`/export/messages`, as the list's CSV) when the endpoint's capabilities
   * advertise one and a link can carry the report's credentials (cookies, not a `getToken`);
   * otherwise it is a button that only fires `msg-data-export`.
   */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  /** Ids of the rows whose long content shows in full. */
  @state() private expanded: ReadonlySet<string> = new Set();

  readonly #paging = new ScrollPaging(this, {
    pageSize: () => this.config?.pageSize ?? DEFAULT_PAGE_SIZE,
    reportError: (error) => this.reportRequestError(error),
  });

  /** Fetching every row (with progress) and the cap notice: loaded on first use (table.on-demand.ts). */
  readonly #parts = new OnDemandParts(this, {
    job: {
      // A page that failed is reported once, by the paging; the job does not report it again.
      reportError: (error) => {
        if (error !== this.#paging.listing?.error) this.reportRequestError(error);
      },
      onCancelled: (kind) => {
        if (kind === 'groups') this.#failedLog.groups?.turnOff();
      },
      retry: (kind) => {
        this.#paging.clearError();
        if (kind === 'csv') void this.download();
        else this.#failedLog.groups?.load();
      },
    },
    dataExport: {
      href: () => this.dataExportHref,
      listing: () => this.#paging.listing,
      source: () => this.report?.dataSource,
    },
  });

  readonly #refusedHref = new RefusedHrefWarning(this);

  /** The failed log's error-code sentences and summary by error code, loaded with its first page. */
  readonly #failedLog = new FailedLogExtras(this, {
    job: () => this.#parts.loadJob(),
    lang: () => this.report?.lang ?? this.reportLang,
    listing: () => this.#paging.listing,
  });

  /** The rows the list holds now, in its order (more arrive as it scrolls or downloads). */
  get rows(): readonly MessageRow[] {
    return this.#paging.listing?.rows ?? [];
  }

  /** Every message matching the query (may exceed the 10,000 the list holds); `undefined` before the first page. */
  get total(): number | undefined {
    return this.#paging.listing?.total;
  }

  /** The name the CSV downloads under, e.g. `mensajes-salientes-2026-11-20_2026-11-26.csv`. */
  get csvFileName(): string {
    const kind = this.config?.kind ?? 'incoming';
    const resolved = this.report?.resolved;
    if (!resolved) return `${translate(this.reportLang, `table.fileName.${kind}`)}.csv`;
    return messagesCsvFileName(kind, this.reportLang, resolved.firstDay, resolved.lastDay);
  }

  protected override checkConfig(lang: Lang): CheckedAttributes<TableConfig> {
    return checkAttributes(lang, TABLE_ATTRIBUTES, { kind: this.kind, order: this.order, pageSize: this.pageSize });
  }

  protected override scopeOf(config: TableConfig) {
    return config.kind === 'incoming' ? ('incoming' as const) : ('outgoing' as const);
  }

  protected override requestFor(query: ReportQuery, config: TableConfig, state: ReportSnapshot): ListRequest {
    return listRequest(query, config, state);
  }

  protected override notApplicableNote(config: TableConfig, state: ReportSnapshot, lang: Lang): string | undefined {
    const drill = state.drill;
    if (!drill || listHonours(config.kind, drill)) return undefined;
    return translate(lang, 'drill.notApplicable', { what: describeDrill(lang, state.timezone, drill) });
  }

  /** The chip's × (or Escape on it): focus goes back where the drill began, else to this list. */
  readonly #closeDrill = (): void => closeDrillInList(this.reportStore, this.renderRoot);

  protected override async fetchData(request: ListRequest, source: ReportDataSource, signal: AbortSignal): Promise<MessageListing> {
    // A new query: any fetch of all the previous query's rows stops.
    this.#parts.job?.drop();
    const listing = this.#paging.open(source, request.params, request.pageSize, signal);
    // The failed log shows its rows with what their error codes mean, and its summary by error
    // code, so it loads both with the page; without them (a failed load) it shows the raw codes.
    // The page is awaited in the same Promise.all: awaited after them, a page that failed (or was
    // aborted) first would be a rejection nobody handles yet, reported to the host's console.
    // A list past its cap shows its notice with the rows: its code is in before they show.
    const failed = request.params.kind === 'failed';
    const [opened] = await Promise.all([
      listing,
      failed && this.#failedLog.explainErrors().catch(() => undefined),
      failed && this.#failedLog.loadGroups().catch(() => undefined),
    ]);
    if (opened.capped) await this.#parts.loadDataExport().catch(reportUnloaded);
    return opened;
  }

  protected override isEmpty(listing: MessageListing): boolean {
    return listing.rows.length === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, `table.title.${this.config?.kind ?? 'incoming'}`);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A failed log whose report changed language: the new language's sentences, once.
    if (this.config?.kind === 'failed') this.#failedLog.explainErrors().catch(() => undefined);
    if (this.stringsCurrent) this.#refusedHref.check(this.dataExportHref, this.reportLang);
    const listing = this.shownAnswer && !this.busy ? this.shownAnswer.data : undefined;
    this.#paging.shown(listing);
    // A list whose total grew past its cap while scrolling: its notice, once the code is in.
    if (listing?.capped && !this.#parts.dataExport) this.#parts.loadDataExport().catch(reportUnloaded);
    this.#failedLog.groups?.shown(listing);
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
  async toCSV(options: { signal?: AbortSignal; bom?: boolean; onProgress?: ProgressCallback } = {}): Promise<string> {
    await this.loadComplete;
    const listing = this.shownAnswer?.data;
    if (!listing) throw new Error('msg-table: there is no loaded query to export');
    // The CSV writer loads on the first download: a list on screen never needs it.
    const { listingCsv } = await import('./table.csv.js');
    return listingCsv(listing, { ...options, lang: this.reportLang, bom: options.bom ?? false });
  }

  /** The file the download saves: {@link toCSV} with a UTF-8 byte-order mark, as `text/csv`. */
  async csvBlob(options: { signal?: AbortSignal; onProgress?: ProgressCallback } = {}): Promise<Blob> {
    const csv = await this.toCSV({ ...options, bom: true });
    const { CSV_MEDIA_TYPE } = await import('./table.csv.js');
    return new Blob([csv], { type: CSV_MEDIA_TYPE });
  }

  /**
   * Downloads the CSV (what the Download button does): fetches the missing pages with progress and
   * a cancel button, then saves through a temporary object URL, which a strict CSP allows.
   */
  async download(): Promise<void> {
    const job = await this.#parts.loadJob();
    await job.run('csv', async (signal, onProgress) => {
      const blob = await this.csvBlob({ signal, onProgress });
      downloadBlob(blob, this.csvFileName);
    });
  }

  readonly #toggleOrder = (): void => {
    const config = this.config;
    const state = this.report;
    if (!config || !state) return;
    // A person's change: into the report's state, where every list of this kind reads it.
    const next: Order = listOrder(state, config) === 'asc' ? 'desc' : 'asc';
    this.reportStore?.change({ listOrder: { ...state.listOrder, [config.kind]: next } });
  };

  readonly #toggleExpanded = (id: string): void => {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  };

  protected override render(): TemplateResult {
    // The section stays unnamed (not a landmark): the scroller is the list's one named region.
    return html`<section part="base" aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="top">
        ${this.noHeading ? nothing : html`<h3 part="title" tabindex="-1">${this.displayHeading}</h3>`} ${this.#renderToolbar()}
      </div>
      ${renderDrillChip(this.reportLang, this.report?.timezone ?? 'UTC', this.report?.drill, this.#closeDrill)}
      ${renderDrillMisfits(this.reportLang, this.report?.problems ?? [])} ${this.renderBody()}
    </section>`;
  }

  #renderToolbar(): TemplateResult | typeof nothing {
    // While a new order or query loads, the previous list stays on screen and so do its actions,
    // disabled, so nothing moves under the pointer or loses focus.
    const kind = this.config?.kind;
    if (!this.shownAnswer || !kind) return nothing;
    const busy = this.busy;
    const lang = this.reportLang;
    const groups = this.#failedLog.groups;
    return html`<div part="toolbar">
      ${kind === 'failed' && groups ? groups.renderToggle(lang, busy) : nothing}
      <button
        type="button"
        class="action"
        part="download"
        ?disabled=${busy || this.#parts.job?.running !== undefined}
        @click=${() => void this.download().catch(reportUnloaded)}
        @pointerenter=${this.#parts.prefetchDownload}
        @focus=${this.#parts.prefetchDownload}
      >
        ${translate(lang, 'table.download')}
      </button>
    </div>`;
  }

  protected override renderAnswer(answer: Answer<ListRequest, MessageListing>, busy: boolean): TemplateResult {
    const listing = answer.data;
    const lang = this.reportLang;
    const { kind, order, tz: timeZone } = listing.params;
    const explain = kind === 'failed' ? this.#failedLog.explainer(lang) : undefined;
    const groups = this.#failedLog.groups;
    return html`
      <p part="summary" role="status">
        ${translate(lang, 'table.summary', { count: formatCount(lang, listing.total) })} ·
        ${translate(lang, 'zone.label', { zone: timeZone })}
      </p>
      ${listing.capped ? (this.#parts.dataExport?.render(listing, lang) ?? nothing) : nothing}
      ${this.#parts.job?.renderProgress(lang) ?? nothing} ${this.#parts.job?.renderFailure(lang) ?? nothing}
      ${kind === 'failed' && !busy && groups ? groups.render(listing, lang, explain) : nothing}
      ${renderTable({
        kind,
        order,
        lang,
        explain,
        timeZone,
        label: this.displayHeading,
        items: this.#paging.itemsOf(listing),
        listing,
        busy,
        expanded: this.expanded,
        onToggleOrder: this.#toggleOrder,
        onToggleExpanded: this.#toggleExpanded,
        onSelectContact: (row) =>
          emit(this, 'msg-contact-select', { contact: { id: row.contact.id, name: row.contact.name }, rowId: row.id, kind }),
        onRangeChanged: this.#paging.onRangeChanged,
      })}
      ${this.#paging.renderLoadError(listing, lang)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-table': MsgTable;
  }
}
