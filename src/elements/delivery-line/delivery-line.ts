import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import {
  STATUSES,
  type DeliveryBucket,
  type DeliveryResponse,
  type Interval,
  type ReportQuery,
  type Status,
} from '../../core/contract/types.js';
import type { ReportState } from '../../core/query/report-state.js';
import { formatChange, formatCount, formatDateTime, formatList, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import type { EChartsCoreOption } from '../chart/echarts.js';
import { describeBadAttribute } from '../shared/report-model.js';
import { metricsStyles } from '../shared/metrics.styles.js';
import { axisLabel, bucketIso, bucketLabel } from './delivery-line.format.js';
import { openStatusWindow, planIntervals } from './delivery-line.model.js';
import { lineOption } from './delivery-line.options.js';
import { deliveryLineStyles } from './delivery-line.styles.js';
import {
  INTERVAL_CHOICES,
  type DeliveryMetric,
  type IntervalChoice,
  type IntervalPlan,
  type MsgIntervalChangeDetail,
} from './delivery-line.types.js';

/** The element's own attributes, checked: either usable values or the messages saying why not. */
type Config =
  | {
      ok: true;
      /** What the `interval` attribute asks for. */
      requested: IntervalChoice;
      /** What is queried: the request when the range allows it, else `auto`'s pick. */
      interval: Interval;
      /** `undefined` before the report has a query. */
      plan: IntervalPlan | undefined;
      /** The requested size does not fit the range, so `auto`'s pick is shown instead. */
      fellBack: boolean;
    }
  | { ok: false; messages: string[] };

/** The query an answer was fetched for, and when: what its range, zone and open window read from. */
interface AnswerContext {
  from: number;
  to: number;
  tz: string;
  fetchedAt: number;
}

/**
 * Outgoing message delivery: how many messages of the period were sent, delivered, read or
 * failed — count and percent of all outgoing messages, with the change against the previous
 * period — and a line chart of the four statuses over time, in the report's time zone.
 *
 * Statuses are a funnel (sent ⊇ delivered ⊇ read; failed apart) tracked for 30 days after
 * sending, so the part of the range sent less than 30 days ago may still change: the chart marks
 * it and the text says so. A status that none of the channels in scope reports reads "not
 * reported", never 0 %, and draws no line.
 *
 * @tag msg-delivery-line
 * @summary Delivery statuses of outgoing messages: metrics and a line chart over time.
 *
 * @fires msg-interval-change - The user picked a bucket size in the element; `detail.interval`.
 * @fires msg-error - A request failed, or an attribute is invalid.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart metrics - The metrics strip (a list).
 * @csspart metric - One metric: label, count, percent and change; also `total` or `not-reported`.
 * @csspart change - The change against the previous period, in a metric.
 * @csspart note - The 30-day rule, and which part of the range may still change.
 * @csspart interval - The bucket size switch (a fieldset of radio buttons).
 * @csspart interval-option - One option of the bucket size switch.
 * @csspart chart - The chart box; also `line`.
 * @csspart not-reported-note - Which statuses draw no line because no channel reports them.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table: one row per bucket (visually hidden unless `table-view`).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 *
 * @cssprop --msg-font-family - Font of text and charts.
 * @cssprop --msg-font-size - Base font size (default 14px).
 * @cssprop --msg-text-color - Text colour.
 * @cssprop --msg-muted-color - Secondary text colour, and the mark of the last 30 days.
 * @cssprop --msg-surface-color - Background of metrics, tooltips and the switch.
 * @cssprop --msg-border-color - Lines and borders.
 * @cssprop --msg-accent-color - Buttons, the chosen bucket size and focus rings.
 * @cssprop --msg-error-color - Error text.
 * @cssprop --msg-radius - Corner radius.
 * @cssprop --msg-gap - Space between parts.
 * @cssprop --msg-chart-height - Height of the chart (default 280px).
 * @cssprop --msg-animation-duration - Chart animation; `0ms` turns it off.
 * @cssprop --msg-color-1 - Colour of Sent; Delivered is `--msg-color-2`, Read `--msg-color-5`, Failed `--msg-color-4`.
 */
export class MsgDeliveryLine extends MsgChartElement<DeliveryResponse> {
  static override styles = [...MsgChartElement.styles, metricsStyles, deliveryLineStyles];

  /**
   * Bucket size of the line: `auto` (hours for ranges up to 2 days, days up to 92 days, weeks
   * beyond), `hour`, `day`, `week` or `month`. A size the range does not allow (over 800 buckets,
   * or hours over more than 31 days) shows `auto`'s pick instead and says so. The user can switch
   * it in the element; that sets this property and fires `msg-interval-change`.
   */
  @property() interval: string = 'auto';

  /** Leaves out the comparison with the previous period of the same length. */
  @property({ type: Boolean, attribute: 'no-compare' }) noCompare = false;

  #config: Config = { ok: true, requested: 'auto', interval: 'day', plan: undefined, fellBack: false };
  #plan: { query: ReportQuery; plan: IntervalPlan } | undefined;
  readonly #answers = new WeakMap<DeliveryResponse, AnswerContext>();
  #option: { key: readonly unknown[]; option: EChartsCoreOption } | undefined;

  protected override get scope() {
    return 'outgoing' as const;
  }

  protected override queryArgs(): readonly unknown[] {
    return this.#config.ok ? [this.#config.interval, this.noCompare] : ['invalid'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Cheap (the range's plan is kept per query), and its messages follow the report's language.
    this.#config = this.#checkConfig(this.reportLang);
  }

  protected override attributeErrors(): readonly string[] {
    return this.#config.ok ? [] : this.#config.messages;
  }

  #checkConfig(lang: Lang): Config {
    const requested = this.interval as IntervalChoice;
    if (!INTERVAL_CHOICES.includes(requested)) {
      return { ok: false, messages: [describeBadAttribute(lang, 'interval', this.interval, INTERVAL_CHOICES)] };
    }
    const plan = this.#planFor(this.report?.state.query);
    if (!plan) return { ok: true, requested, interval: requested === 'auto' ? 'day' : requested, plan, fellBack: false };
    const fits = requested !== 'auto' && plan.available[requested];
    return { ok: true, requested, interval: fits ? requested : plan.auto, plan, fellBack: requested !== 'auto' && !fits };
  }

  #planFor(query: ReportQuery | undefined): IntervalPlan | undefined {
    if (!query) return undefined;
    // The report replaces its query object on every change, so identity tells when to recompute.
    if (this.#plan?.query !== query) this.#plan = { query, plan: planIntervals(Date.parse(query.from), Date.parse(query.to), query.tz) };
    return this.#plan.plan;
  }

  protected override async fetchData(query: ReportQuery, source: ReportDataSource, signal: AbortSignal): Promise<DeliveryResponse> {
    const config = this.#config;
    if (!config.ok) throw new Error('invalid configuration');
    const data = await source.delivery(
      { ...query, interval: config.interval, ...(this.noCompare ? {} : { compare: 'previous' as const }) },
      { signal },
    );
    this.#answers.set(data, { from: Date.parse(query.from), to: Date.parse(query.to), tz: query.tz, fetchedAt: Date.now() });
    return data;
  }

  protected override isEmpty(data: DeliveryResponse): boolean {
    return data.totals.total === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, 'delivery.title');
  }

  #onIntervalChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value as IntervalChoice;
    if (value === this.interval) return;
    this.interval = value;
    const detail: MsgIntervalChangeDetail = { interval: value };
    this.dispatchEvent(new CustomEvent('msg-interval-change', { detail, bubbles: true, composed: true }));
  };

  protected override renderData(data: DeliveryResponse, state: ReportState): TemplateResult {
    const lang = state.lang;
    const context = this.#answers.get(data) ?? this.#contextOf(state);
    const now = state.now ?? context.fetchedAt;
    const openWindow = openStatusWindow(context.from, context.to, now);
    const notReported = STATUSES.filter((status) => data.notReported.includes(status));
    const compared = (data.previousTotals?.total ?? 0) > 0;

    const statusLabel = (status: Status) => translate(lang, `status.${status}`);
    const theme = this.theme();
    const key = [data, lang, context, now, JSON.stringify(theme)] as const;
    if (!this.#option || this.#option.key.some((value, i) => value !== key[i])) {
      const option = lineOption({ series: data.series, interval: data.interval, to: context.to, notReported, now, openWindow }, theme, {
        status: statusLabel,
        count: (value) => formatCount(lang, value),
        axisLabel: (instant) => axisLabel(lang, context.tz, data.interval, instant),
        bucketLabel: (instant) => bucketLabel(lang, context.tz, data.interval, instant),
        notReported: translate(lang, 'delivery.notReported'),
        mayChange: translate(lang, 'delivery.mayChange'),
      });
      // A new option redraws the chart from scratch (and resets legend toggles): only on new data.
      this.#option = { key, option };
    }

    const windowText = !openWindow
      ? ''
      : openWindow.start <= context.from
        ? translate(lang, 'delivery.windowAll')
        : translate(lang, 'delivery.windowSince', { start: formatDateTime(lang, context.tz, openWindow.start) });
    const charts = html`<figure class="chart-figure">
        <figcaption class="visually-hidden">
          ${translate(lang, 'delivery.lineChart', { title: this.displayHeading, unit: translate(lang, `delivery.unit.${data.interval}`) })}
        </figcaption>
        ${this.renderChart(this.#option.option, 'line')}
      </figure>
      ${
        notReported.length > 0
          ? html`<p class="note" part="not-reported-note">
              ${translate(lang, 'delivery.notReportedNote', { statuses: formatList(lang, notReported.map(statusLabel)) })}
            </p>`
          : nothing
      }`;

    return html`
      ${this.#renderMetrics(data, lang, notReported, compared)}
      <p class="note" part="note">${translate(lang, 'delivery.tracking')} ${windowText}</p>
      ${this.#renderIntervalSwitch(lang)} ${this.renderChartsOrTable(charts, this.#table(data, lang, context.tz, notReported))}
    `;
  }

  /** The query of the report now, for an answer this element did not fetch itself. */
  #contextOf(state: ReportState): AnswerContext {
    const query = state.query!;
    return { from: Date.parse(query.from), to: Date.parse(query.to), tz: query.tz, fetchedAt: Date.now() };
  }

  #renderMetrics(data: DeliveryResponse, lang: Lang, notReported: readonly Status[], compared: boolean): TemplateResult {
    const { totals } = data;
    const previous = compared ? data.previousTotals : undefined;
    const share = (count: number) => (totals.total > 0 ? count / totals.total : 0);
    const metrics: DeliveryMetric[] = [
      {
        key: 'total',
        label: translate(lang, 'chart.total'),
        count: totals.total,
        share: 1,
        ...(previous ? { previousCount: previous.total } : {}),
      },
      ...STATUSES.map((status) => ({
        key: status,
        label: translate(lang, `status.${status}`),
        count: notReported.includes(status) ? undefined : totals[status],
        share: share(totals[status]),
        ...(previous ? { previousCount: previous[status] } : {}),
      })),
    ];
    return html`<ul part="metrics" aria-label=${translate(lang, 'chart.metrics', { title: this.displayHeading })}>
      ${metrics.map((metric) => {
        const reported = metric.count !== undefined;
        const change =
          reported && metric.previousCount ? formatChange(lang, (metric.count! - metric.previousCount) / metric.previousCount) : undefined;
        const part = metric.key === 'total' ? 'metric total' : reported ? 'metric' : 'metric not-reported';
        return html`<li part=${part} class="metric-card" data-key=${metric.key}>
          <span class="metric-label">${metric.label}</span>
          <span class="metric-value">${reported ? formatCount(lang, metric.count!) : translate(lang, 'delivery.notReported')}</span>
          ${
            reported && metric.key !== 'total'
              ? html`<span class="metric-share">${formatPercent(lang, metric.share)}</span>
                  <span class="visually-hidden">${translate(lang, 'delivery.ofAllOutgoing')}</span>`
              : nothing
          }
          ${
            change
              ? html`<span class="metric-change" part="change">
                  <span aria-hidden="true">${change}</span>
                  <span class="visually-hidden">${translate(lang, 'chart.change', { change })}</span>
                </span>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  #renderIntervalSwitch(lang: Lang): TemplateResult | typeof nothing {
    const config = this.#config;
    if (!config.ok) return nothing;
    const checked: IntervalChoice = config.fellBack ? 'auto' : config.requested;
    return html`<fieldset part="interval">
        <legend>${translate(lang, 'delivery.interval')}</legend>
        <div class="segments">
          ${INTERVAL_CHOICES.map((choice) => {
            const disabled = choice !== 'auto' && config.plan !== undefined && !config.plan.available[choice];
            return html`<label
              class="segment"
              part="interval-option"
              title=${disabled ? translate(lang, 'delivery.intervalUnavailable') : nothing}
            >
              <input
                type="radio"
                name="interval"
                value=${choice}
                .checked=${choice === checked}
                ?disabled=${disabled}
                @change=${this.#onIntervalChange}
              />
              <span>${translate(lang, `delivery.interval.${choice}`)}</span>
            </label>`;
          })}
        </div>
      </fieldset>
      ${config.fellBack ? html`<p class="note" role="status">${translate(lang, 'delivery.intervalFallback')}</p>` : nothing}`;
  }

  #table(data: DeliveryResponse, lang: Lang, tz: string, notReported: readonly Status[]): ChartTable<DeliveryBucket> {
    const interval = data.interval;
    const notReportedText = translate(lang, 'delivery.notReported');
    const columns: DataTableColumn<DeliveryBucket>[] = [
      {
        header: translate(lang, `delivery.interval.${interval}`),
        cell: (bucket) => bucketLabel(lang, tz, interval, Date.parse(bucket.start)),
        value: (bucket) => bucketIso(tz, interval, Date.parse(bucket.start)),
      },
      ...STATUSES.map((status): DataTableColumn<DeliveryBucket> =>
        notReported.includes(status)
          ? { header: translate(lang, `status.${status}`), cell: () => notReportedText, numeric: true }
          : {
              header: translate(lang, `status.${status}`),
              cell: (bucket) => formatCount(lang, bucket[status]),
              value: (bucket) => bucket[status],
              numeric: true,
            },
      ),
    ];
    return { caption: translate(lang, 'chart.tableCaption', { title: this.displayHeading }), columns, rows: data.series };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-delivery-line': MsgDeliveryLine;
  }
}
