import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import type { Interval, MessageStatus, ReportQuery, Status } from '../../core/contract/types.js';
import { compareParams } from '../../core/query/comparison.js';
import { INTERVAL_CHOICES, planIntervals, type IntervalChoice, type IntervalPlan } from '../../core/query/intervals.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { formatCount, formatList } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement, swatch } from '../chart/chart-element.js';
import type { ChartKit } from '../chart/echarts.js';
import type { Answer } from '../shared/data-element.js';
import { comparedPeriodText, renderCompareNote, renderTileDetails } from '../shared/metric-tile.js';
import { metricsStyles } from '../shared/metrics.styles.js';
import { openDrill, renderDrillButton } from '../shared/drill.js';
import { drillStyles } from '../shared/drill.styles.js';
import { checkAttributes, oneOf, type CheckedAttributes } from '../shared/problems.js';
import { statusSlot } from '../shared/palette.js';
import { broadcastsInScope, fetchMarks, MARKS_LIMIT, type DeliveryLineData } from './delivery-line.marks.js';
import { presentDelivery, type DeliveryPresentation, type DeliveryRequest } from './delivery-line.present.js';
import { deliveryLineStyles } from './delivery-line.styles.js';

const ATTRIBUTES = { interval: oneOf('interval', INTERVAL_CHOICES) };

interface Config {
  /** What the `interval` attribute asks for, until a person picks one in the report. */
  readonly interval: IntervalChoice;
}

/** The bucket size shown, and why. */
interface IntervalView {
  /** What is asked for: a person's pick in the report, else the `interval` attribute. */
  readonly requested: IntervalChoice;
  /** What is queried: the request when the range allows it, else `auto`'s pick. */
  readonly interval: Interval;
  readonly plan: IntervalPlan;
  /** The requested size does not fit the range, so `auto`'s pick is shown instead. */
  readonly fellBack: boolean;
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
 * Broadcasts in scope (the filters allow broadcast messages) are marked on the line at their send
 * time (`GET /broadcasts`, asked beside `/delivery`): one dashed mark per bucket, numbered when it
 * holds several; their names and sizes are in the tooltip, the arrow keys' announcements and the
 * table. A backend without the resource gets no marks; `no-broadcasts` switches them off.
 *
 * "See these messages": a click (or Enter) on a point narrows the report's lists to that bucket's
 * time window, and each status tile's "See messages" to that status (Delivered and Read also offer
 * "Not delivered" and "Delivered, not read"); a chip on the lists undoes it (also Escape, and Back
 * with `sync-url`). The figures themselves stay as they are.
 *
 * @tag msg-delivery-line
 * @summary Delivery statuses of outgoing messages: metrics and a line chart over time.
 *
 * @fires msg-chart-rendered - The line finished drawing a frame; `detail.chart` is `line`.
 * @fires msg-state-change - Used alone: a person changed the element's own report, e.g. the bucket size.
 * @fires msg-error - A request failed, or an attribute is invalid.
 * @fires msg-ready - The line finished drawing the data (or the element settled in another state); again after each new query.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart metrics - The metrics strip (a list).
 * @csspart metric - One metric: label, count, percent and change; also `total` or `not-reported`.
 * @csspart change - The change against the period compared with, in a metric (a fall in Failed reads as good).
 * @csspart compare-note - Above the metrics: which period the changes compare with, or that it has no data.
 * @csspart note - The 30-day rule, and which part of the range may still change.
 * @csspart interval - The bucket size switch (a fieldset of radio buttons).
 * @csspart interval-option - One option of the bucket size switch.
 * @csspart chart - The chart box; also `line`.
 * @csspart drill-see - A status tile's "See messages" buttons.
 * @csspart not-reported-note - Which statuses draw no line because no channel reports them.
 * @csspart broadcasts-note - Under the chart when broadcasts are marked: what the marks are, how many.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table: one row per bucket (visually hidden unless `table-view`).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 */
export class MsgDeliveryLine extends MsgChartElement<Config, DeliveryRequest, DeliveryLineData, DeliveryPresentation> {
  static override styles = [...MsgChartElement.styles, metricsStyles, deliveryLineStyles, drillStyles];

  /**
   * Bucket size of the line: `auto` (hours for ranges up to 2 days, days up to 92 days, weeks
   * beyond), `hour`, `day`, `week` or `month`. A person's pick in the element's switch is part
   * of the report's state (and its URL) and takes precedence. A size the range does not allow
   * (over 800 buckets, or hours over more than 31 days) shows `auto`'s pick instead and says so.
   */
  @property() interval: IntervalChoice = 'auto';

  /**
   * Leaves out the comparison with the previous period (the one of the same calendar length just
   * before the range, cut at the same elapsed point while the range runs).
   */
  @property({ type: Boolean, attribute: 'no-compare' }) noCompare = false;

  /** Leaves out the broadcasts' marks (and their request, `GET /broadcasts`). */
  @property({ type: Boolean, attribute: 'no-broadcasts' }) noBroadcasts = false;

  #plan: { query: ReportQuery; plan: IntervalPlan } | undefined;

  protected override checkConfig(lang: Lang): CheckedAttributes<Config> {
    return checkAttributes(lang, ATTRIBUTES, { interval: this.interval });
  }

  protected override scopeOf() {
    return 'outgoing' as const;
  }

  protected override requestFor(query: ReportQuery, config: Config, state: ReportSnapshot): DeliveryRequest {
    const { interval } = this.#intervalView(query, config, state);
    return {
      params: { ...query, interval, ...compareParams(this.noCompare ? undefined : state.comparison) },
      pinnedNow: state.now,
      broadcasts: !this.noBroadcasts && broadcastsInScope(query.filters) ? { ...query, limit: MARKS_LIMIT } : undefined,
    };
  }

  protected override async fetchData(request: DeliveryRequest, source: ReportDataSource, signal: AbortSignal): Promise<DeliveryLineData> {
    // Side by side: the marks cost no wait beyond the slower of the two.
    const [delivery, marks] = await Promise.all([
      source.delivery(request.params, { signal }),
      fetchMarks(source, request.broadcasts, signal),
    ]);
    return marks ? { ...delivery, marks } : delivery;
  }

  protected override isEmpty(data: DeliveryLineData): boolean {
    return data.totals.total === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, 'delivery.title');
  }

  protected override loadCharts(): Promise<ChartKit> {
    return import('./delivery-line.echarts.js');
  }

  protected override present(answer: Answer<DeliveryRequest, DeliveryLineData>, lang: Lang): DeliveryPresentation {
    return presentDelivery(answer.request, answer.data, answer.receivedAt, lang, this.displayHeading);
  }

  #intervalView(query: ReportQuery, config: Config, state: ReportSnapshot): IntervalView {
    // The report replaces its query object on every change, so identity tells when to recompute.
    if (this.#plan?.query !== query) this.#plan = { query, plan: planIntervals(Date.parse(query.from), Date.parse(query.to), query.tz) };
    const plan = this.#plan.plan;
    const requested = state.interval ?? config.interval;
    const fits = requested !== 'auto' && plan.available[requested];
    return { requested, interval: fits ? requested : plan.auto, plan, fellBack: requested !== 'auto' && !fits };
  }

  readonly #onIntervalChange = (event: Event): void => {
    this.reportStore?.change({ interval: (event.target as HTMLInputElement).value });
  };

  protected override renderAnswer(answer: Answer<DeliveryRequest, DeliveryLineData>, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const view = this.presentation(answer);
    const data = answer.data;
    const charts = html`<figure class="chart-figure">
        <figcaption class="visually-hidden">
          ${translate(lang, 'delivery.lineChart', { title: this.displayHeading, unit: translate(lang, `delivery.unit.${data.interval}`) })}
        </figcaption>
        ${this.renderChart(view.option, 'line', view.access, (index) => this.#drillToBucket(answer, index), 'drill.keysLine')}
      </figure>
      ${this.#renderNotReported(lang, view.notReported)} ${this.#renderBroadcastsNote(lang, view.marks)}`;
    return html`<div class=${busy ? 'answer busy' : 'answer'}>
      ${this.#renderMetrics(lang, view, answer)}
      <p class="note" part="note">${view.note}</p>
      ${this.#renderIntervalSwitch(lang)} ${this.renderChartsOrTable(charts, view.table)}
    </div>`;
  }

  /**
   * "See these messages" of one bucket: the lists narrow to its time window, cut here to the range
   * (a week's bucket may start before it), so a person's own click never reads as a misfit.
   */
  #drillToBucket(answer: Answer<DeliveryRequest, DeliveryLineData>, index: number): void {
    const { series } = answer.data;
    const { params } = answer.request;
    const bucket = series[index];
    if (!bucket) return;
    const from = Math.max(Date.parse(bucket.start), Date.parse(params.from));
    const to = Math.min(Date.parse(series[index + 1]?.start ?? params.to), Date.parse(params.to));
    if (from >= to) return;
    const box = this.renderRoot.querySelector<HTMLElement>('[part~="chart"][part~="line"]') ?? undefined;
    openDrill(this.reportStore, { window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } }, box);
  }

  /** "See these messages" of one status tile, or of the step it reached without the next. */
  #renderTileDrills(lang: Lang, key: string, label: string): TemplateResult | typeof nothing {
    const drills: Partial<Record<string, readonly MessageStatus[]>> = {
      sent: ['sent'],
      delivered: ['delivered', 'not-delivered'],
      read: ['read', 'not-read'],
      failed: ['failed'],
    };
    const statuses = drills[key];
    if (!statuses) return nothing;
    return html`<span class="drills">
      ${statuses.map((status, i) =>
        i === 0
          ? renderDrillButton(lang, label, (origin) => openDrill(this.reportStore, { status }, origin))
          : html`<button
              type="button"
              class="drill-see"
              part="drill-see"
              aria-label=${translate(lang, 'drill.seeLabel', { what: translate(lang, `drill.status.${status}`) })}
              @click=${(event: Event) => openDrill(this.reportStore, { status }, event.currentTarget as HTMLElement)}
            >
              ${translate(lang, `drill.status.${status}`)}
            </button>`,
      )}
    </span>`;
  }

  #renderNotReported(lang: Lang, notReported: readonly Status[]): TemplateResult | typeof nothing {
    if (notReported.length === 0) return nothing;
    const statuses = formatList(
      lang,
      notReported.map((status) => translate(lang, `status.${status}`)),
    );
    return html`<p class="note" part="not-reported-note">${translate(lang, 'delivery.notReportedNote', { statuses })}</p>`;
  }

  #renderBroadcastsNote(lang: Lang, marks: DeliveryPresentation['marks']): TemplateResult | typeof nothing {
    if (!marks) return nothing;
    const text =
      marks.total > marks.shown
        ? translate(lang, 'delivery.broadcastsCapped', { shown: formatCount(lang, marks.shown), total: formatCount(lang, marks.total) })
        : translate(lang, 'delivery.broadcastsNote', { count: formatCount(lang, marks.shown) });
    return html`<p class="note" part="broadcasts-note">${text}</p>`;
  }

  #renderMetrics(lang: Lang, view: DeliveryPresentation, answer: Answer<DeliveryRequest, DeliveryLineData>): TemplateResult {
    const period = comparedPeriodText(lang, answer.request.params, answer.request.pinnedNow ?? answer.receivedAt) ?? '';
    return html`${renderCompareNote(lang, period, (answer.data.previousTotals?.total ?? 0) > 0)}
      <ul part="metrics" aria-label=${translate(lang, 'chart.metrics', { title: this.displayHeading })}>
        ${view.metrics.map((metric) => {
          const reported = metric.count !== undefined;
          const part = metric.key === 'total' ? 'metric total' : reported ? 'metric' : 'metric not-reported';
          return html`<li part=${part} class="metric-card" data-key=${metric.key}>
            <span class="metric-label"
              >${metric.key === 'total' || !reported ? nothing : swatch(statusSlot(metric.key))}${metric.label}</span
            >
            <span class="metric-value">${reported ? formatCount(lang, metric.count) : translate(lang, 'delivery.notReported')}</span>
            ${
              reported
                ? renderTileDetails(
                    lang,
                    {
                      count: metric.count,
                      share: metric.key === 'total' ? undefined : metric.share,
                      previousCount: metric.previousCount,
                      lowerIsBetter: metric.key === 'failed',
                    },
                    period,
                  )
                : nothing
            }
            ${reported ? this.#renderTileDrills(lang, metric.key, metric.label) : nothing}
          </li>`;
        })}
      </ul>`;
  }

  #renderIntervalSwitch(lang: Lang): TemplateResult | typeof nothing {
    const config = this.config;
    const state = this.report;
    if (!config || !state?.query) return nothing;
    const view = this.#intervalView(state.query, config, state);
    const checked: IntervalChoice = view.fellBack ? 'auto' : view.requested;
    return html`<fieldset part="interval">
        <legend>${translate(lang, 'delivery.interval')}</legend>
        <div class="segments">
          ${INTERVAL_CHOICES.map((choice) => {
            const disabled = choice !== 'auto' && !view.plan.available[choice];
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
      ${view.fellBack ? html`<p class="note" role="status">${translate(lang, 'delivery.intervalFallback')}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-delivery-line': MsgDeliveryLine;
  }
}
