import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DELIVERY_GROUP_BYS,
  DIRECTIONS,
  GROUP_BYS,
  type DeliveryGroupBy,
  type Direction,
  type GroupBy,
} from '../../core/contract/types.js';
import type { ReportSettings } from '../../core/store/report-store.js';
import { formatTimeOfDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate, type MessageParams } from '../../i18n/translate.js';
import { ReportProviderElement } from '../shared/report-provider.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { messagesReportStyles } from './messages-report.styles.js';
import { loadView, VIEW_TAGS, type LazyView } from './messages-report.views.js';

/**
 * The whole Messages report in one tag, laid out as the original page: filters on top; incoming
 * messages; outgoing messages with a grouping switch (channel, source, type, subtype); outgoing
 * delivery over time; the incoming list, the outgoing list and the failed log. Beside the parts of
 * the original page it shows, each after the part it explains: the outgoing messages' grouping
 * over time (`no-trend`), broadcasts as marks on the delivery line (`no-broadcasts`), delivery per
 * group with its own grouping switch (`no-delivery-breakdown`), and incoming or outgoing messages
 * per weekday and hour (`no-activity`). A view switched off costs neither its request nor, for
 * the last two, its code. Sections stack in one column at any width.
 *
 * It is a report itself: it takes every attribute and property of `<msg-report>`, and hands its
 * store to the elements it composes (and to any element naming it with `for`).
 *
 * The filters, charts and lists it composes must be defined: `import 'msg-report'` (or
 * `msg-report/messages-report`) defines them. It imports `<msg-delivery-breakdown>` and
 * `<msg-activity-heatmap>` itself when it first shows them.
 *
 * @tag msg-messages-report
 * @summary The complete Messages report.
 *
 * @fires msg-state-change - A person changed the report (see `<msg-report>`).
 * @fires msg-error - A setting is invalid or a request failed.
 * @fires msg-point-select - A bar, slice or metric was picked.
 * @fires msg-contact-select - A contact was picked in a list.
 * @fires msg-data-export - The "Data Export" action of a capped list was used.
 * @fires msg-ready - Every section drew what it has to show: filters, charts finished, lists' first
 *   rows; again after each change of the report once all are drawn (see `ready`).
 *
 * @csspart report - The box holding every section.
 * @csspart section - Each section; also `filters`, `incoming`, `outgoing`, `outgoing-trend`,
 *   `delivery`, `delivery-breakdown`, `activity`, `incoming-list`, `outgoing-list` and
 *   `failed-list`.
 * @csspart heading - Each section's heading.
 * @csspart grouping - A section's switch: the outgoing grouping, the delivery breakdown's
 *   grouping, the activity's direction.
 * @csspart view-failed - The notice of a view whose code could not be loaded.
 * @csspart updated - "Updated 15:04": when the figures on screen were loaded (see `lastUpdated`),
 *   in the report's time zone and language.
 */
export class MsgMessagesReport extends ReportProviderElement {
  static override styles = [tokenStyles, messagesReportStyles];

  /**
   * Grouping of the outgoing messages: `channel` (the default), `source`, `type` or `subtype`. An
   * input, as every attribute: a person's pick in the grouping switch goes to the report's state
   * (`state.outgoingGroupBy`, the URL with `sync-url`) and fires `msg-state-change`; setting this
   * again changes it for everyone, without the event. Another value shows `channel` and is
   * reported with `msg-error`.
   */
  @property({ attribute: 'outgoing-group-by' }) outgoingGroupBy?: GroupBy;

  /** Link of the "Data Export" action shown when a list reaches its 10,000-row cap. */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  /**
   * Hides the section "Outgoing messages by … over time": the outgoing grouping's top groups per
   * bucket of the delivery line, as stacked bars. Without it, no `/breakdown-trend` request.
   */
  @property({ type: Boolean, attribute: 'no-trend' }) noTrend = false;

  /**
   * Hides the broadcasts marked on the delivery line (see `<msg-delivery-line no-broadcasts>`).
   * Without them, no `/broadcasts` request.
   */
  @property({ type: Boolean, attribute: 'no-broadcasts' }) noBroadcasts = false;

  /**
   * Hides the section "Delivery by group" (`<msg-delivery-breakdown>`: sent, delivered, read and
   * failed per channel, source, type, subtype or broadcast, with its own grouping switch, channel
   * first). Without it, no `/delivery-breakdown` request, and its code is never loaded.
   */
  @property({ type: Boolean, attribute: 'no-delivery-breakdown' }) noDeliveryBreakdown = false;

  /**
   * Hides the section "Activity by day and hour" (`<msg-activity-heatmap>`: messages per weekday
   * and hour in the report's zone, incoming first, with a switch to outgoing; for shift planning).
   * Without it, no `/activity` request, and its chart code is never loaded.
   */
  @property({ type: Boolean, attribute: 'no-activity' }) noActivity = false;

  /** The delivery breakdown's grouping, as the person last picked it (not part of the state). */
  @state() private deliveryGroupBy: DeliveryGroupBy = 'channel';
  /** The activity heatmap's direction, as the person last picked it (not part of the state). */
  @state() private activityDirection: Direction = 'incoming';
  /** Views whose code could not be fetched: they say so instead of staying blank. */
  @state() private failedViews: ReadonlySet<LazyView> = new Set();
  /** Imports of the views shown, until they settle: `ready` waits for them. */
  readonly #viewImports = new Set<Promise<void>>();

  /** As every report's `ready`, once the code of the views it shows is in too. */
  override get ready(): Promise<void> {
    const imports = [...this.#viewImports];
    return imports.length === 0 ? super.ready : Promise.allSettled(imports).then(() => this.ready);
  }

  /** The views shown now whose code is loaded on demand. */
  get #lazyViews(): LazyView[] {
    return [...(this.noDeliveryBreakdown ? [] : ['deliveryBreakdown' as const]), ...(this.noActivity ? [] : ['activity' as const])];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    for (const view of this.#lazyViews) this.#load(view);
  }

  #load(view: LazyView): void {
    if (this.failedViews.has(view) || customElements.get(VIEW_TAGS[view])) return;
    const loading = loadView(view).then(
      () => {
        this.#viewImports.delete(loading);
      },
      () => {
        this.#viewImports.delete(loading);
        this.failedViews = new Set([...this.failedViews, view]);
      },
    );
    this.#viewImports.add(loading);
  }

  /** The grouping shown: the report's (a person's pick, else `outgoing-group-by`), else `channel`. */
  get #groupBy(): GroupBy {
    return this.store.state.outgoingGroupBy ?? 'channel';
  }

  /** The report's settings from the attributes, with the grouping: a report setting like the range. */
  protected override inputSettings(changed: PropertyValues, all: boolean): ReportSettings | undefined {
    const settings = super.inputSettings(changed, all);
    if (!all && !changed.has('outgoingGroupBy')) return settings;
    return { ...settings, outgoingGroupBy: this.outgoingGroupBy };
  }

  readonly #onGroupingChange = (event: Event): void => {
    // A person's pick: part of the report's state (and its URL), announced with msg-state-change.
    this.store.change({ outgoingGroupBy: (event.target as HTMLInputElement).value });
  };

  #section(
    name: string,
    title: Parameters<typeof translate>[1] | [Parameters<typeof translate>[1], MessageParams],
    content: TemplateResult,
  ): TemplateResult {
    const id = `heading-${name}`;
    const [titleKey, values] = typeof title === 'string' ? [title, {}] : title;
    // A group, not a section: the elements inside are labelled regions already, and two regions
    // with one name would confuse landmark navigation.
    return html`<div class="section" role="group" part="section ${name}" aria-labelledby=${id}>
      ${this.#stringsIn ? html`<h2 part="heading" id=${id}>${translate(this.reportLang, titleKey, values)}</h2>` : nothing} ${content}
    </div>`;
  }

  /** Whether the strings of the report's language are in (see `rendersBeforeStrings`). */
  get #stringsIn(): boolean {
    return this.displayLang !== undefined;
  }

  /** When the figures were loaded, as a CRM manager reads a dashboard: one line under the filters. */
  #updatedLine(lang: Lang): TemplateResult | typeof nothing {
    const at = this.lastUpdated;
    if (!at || !this.#stringsIn) return nothing;
    const time = formatTimeOfDay(lang, this.store.state.timezone, at.getTime());
    return html`<p class="updated" part="updated">
      <time datetime=${at.toISOString()}>${translate(lang, 'report.updated', { time })}</time>
    </p>`;
  }

  #grouping(lang: Lang, groupBy: GroupBy): TemplateResult | typeof nothing {
    return this.#switch(
      'outgoing-group-by',
      translate(lang, 'report.groupBy'),
      GROUP_BYS,
      groupBy,
      (option) => translate(lang, `groupBy.${option}`),
      this.#onGroupingChange,
    );
  }

  /** A radio group choosing one of `options`: a section's grouping or direction. */
  #switch<T extends string>(
    name: string,
    legend: string,
    options: readonly T[],
    current: T,
    label: (option: T) => string,
    onChange: (event: Event) => void,
  ): TemplateResult | typeof nothing {
    if (!this.#stringsIn) return nothing;
    return html`<fieldset class="grouping" part="grouping">
      <legend>${legend}</legend>
      ${options.map(
        (option) =>
          html`<label>
            <input type="radio" name=${name} value=${option} .checked=${option === current} @change=${onChange} />
            ${label(option)}
          </label>`,
      )}
    </fieldset>`;
  }

  readonly #onDeliveryGroupingChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    // Only the radios' own values reach here; anything else keeps the grouping shown.
    this.deliveryGroupBy = DELIVERY_GROUP_BYS.find((option) => option === value) ?? this.deliveryGroupBy;
  };

  readonly #onActivityDirectionChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.activityDirection = DIRECTIONS.find((option) => option === value) ?? this.activityDirection;
  };

  /** A view loaded on demand: its element once the code came, or what went wrong. */
  #lazy(view: LazyView, lang: Lang, element: TemplateResult): TemplateResult {
    if (!this.failedViews.has(view)) return element;
    return html`<p class="view-failed" part="view-failed" role="alert">${translate(lang, 'report.viewFailed')}</p>`;
  }

  #trendSection(lang: Lang, groupBy: GroupBy): TemplateResult | typeof nothing {
    if (this.noTrend) return nothing;
    const values = { groupBy: translate(lang, `groupBy.${groupBy}`) };
    const title = translate(lang, 'report.outgoingTrend', values);
    // Its heading names the chart's region, which would otherwise share the outgoing chart's name.
    return this.#section(
      'outgoing-trend',
      ['report.outgoingTrend', values],
      html`<msg-breakdown-chart
        no-heading
        heading=${this.#stringsIn ? title : ''}
        direction="outgoing"
        group-by=${groupBy}
        show="trend"
      ></msg-breakdown-chart>`,
    );
  }

  #deliveryBreakdownSection(lang: Lang): TemplateResult | typeof nothing {
    if (this.noDeliveryBreakdown) return nothing;
    const groupBy = this.deliveryGroupBy;
    const word = (option: DeliveryGroupBy) =>
      translate(lang, option === 'broadcast' ? 'deliveryBreakdown.groupBy.broadcast' : `groupBy.${option}`);
    return this.#section(
      'delivery-breakdown',
      ['report.deliveryBreakdown', {}],
      html`${this.#switch('delivery-group-by', translate(lang, 'report.groupBy'), DELIVERY_GROUP_BYS, groupBy, word, this.#onDeliveryGroupingChange)}
      ${this.#lazy('deliveryBreakdown', lang, html`<msg-delivery-breakdown no-heading group-by=${groupBy}></msg-delivery-breakdown>`)}`,
    );
  }

  #activitySection(lang: Lang): TemplateResult | typeof nothing {
    if (this.noActivity) return nothing;
    const direction = this.activityDirection;
    return this.#section(
      'activity',
      ['report.activity', {}],
      html`${this.#switch(
        'activity-direction',
        translate(lang, 'report.activityOf'),
        DIRECTIONS,
        direction,
        (option) => translate(lang, `report.activity.${option}`),
        this.#onActivityDirectionChange,
      )}
      ${this.#lazy('activity', lang, html`<msg-activity-heatmap no-heading direction=${direction}></msg-activity-heatmap>`)}`,
    );
  }

  protected override get rendersBeforeStrings(): boolean {
    return true;
  }

  protected override render(): TemplateResult {
    const lang = this.reportLang;
    const groupBy = this.#groupBy;
    // Until its strings are in, the report holds only the elements it composes, hidden: they are
    // created at once and load their data and ECharts meanwhile, instead of after the strings.
    return html`<div part="report" class=${this.#stringsIn ? '' : 'awaiting-strings'}>
      <msg-report-filters part="section filters"></msg-report-filters>
      ${this.#updatedLine(lang)}
      ${this.#section('incoming', 'report.incoming', html`<msg-breakdown-chart no-heading direction="incoming" group-by="channel"></msg-breakdown-chart>`)}
      ${this.#section(
        'outgoing',
        'report.outgoing',
        html`${this.#stringsIn ? this.#grouping(lang, groupBy) : nothing}
          <msg-breakdown-chart no-heading direction="outgoing" group-by=${groupBy}></msg-breakdown-chart>`,
      )}
      ${this.#trendSection(lang, groupBy)}
      ${this.#section('delivery', 'report.delivery', html`<msg-delivery-line no-heading ?no-broadcasts=${this.noBroadcasts}></msg-delivery-line>`)}
      ${this.#deliveryBreakdownSection(lang)} ${this.#activitySection(lang)}
      ${this.#section('incoming-list', 'report.incomingList', html`<msg-table no-heading kind="incoming" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('outgoing-list', 'report.outgoingList', html`<msg-table no-heading kind="outgoing" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('failed-list', 'report.failedList', html`<msg-table no-heading kind="failed" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-messages-report': MsgMessagesReport;
  }
}
