import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import * as v from 'valibot';
import type { ReportDataSource } from '../../core/client/data-source.js';
import {
  DIRECTIONS,
  GROUP_BYS,
  type BreakdownParams,
  type BreakdownResponse,
  type BreakdownTrendParams,
  type BreakdownTrendResponse,
  type Direction,
  type GroupBy,
  type ReportQuery,
} from '../../core/contract/types.js';
import { compareParams } from '../../core/query/comparison.js';
import { planIntervals } from '../../core/query/intervals.js';
import { ReportError } from '../../core/client/errors.js';
import { toggleFilterValue } from '../../core/query/state-change.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement, swatch } from '../chart/chart-element.js';
import type { ChartKit } from '../chart/echarts.js';
import type { Answer } from '../shared/data-element.js';
import { openDrill, renderDrillButton } from '../shared/drill.js';
import { drillStyles } from '../shared/drill.styles.js';
import { emit } from '../shared/events.js';
import { comparedPeriodText, renderCompareNote, renderTileDetails } from '../shared/metric-tile.js';
import { metricsStyles } from '../shared/metrics.styles.js';
import { checkAttributes, describeBadAttribute, oneOf, type CheckedAttributes } from '../shared/problems.js';
import { groupLabel, presentBreakdown, type BreakdownPresentation } from './breakdown-chart.present.js';
import type * as TrendCode from './breakdown-chart.trend.js';
import type { TrendPresentation } from './breakdown-chart.trend.js';
import { breakdownStyles } from './breakdown-chart.styles.js';
import { BREAKDOWN_PARTS, OTHER_KEY, SHOW_PARTS, TOTAL_KEY, type BreakdownItem, type ShowPart } from './breakdown-chart.types.js';

const ATTRIBUTES = {
  direction: oneOf('direction', DIRECTIONS),
  groupBy: oneOf('group-by', GROUP_BYS),
  show: {
    name: 'show',
    schema: v.pipe(
      v.string(),
      v.transform((text) => text.split(/\s+/).filter(Boolean)),
      v.array(v.picklist(SHOW_PARTS)),
      v.minLength(1),
    ),
    allowed: SHOW_PARTS.join(', '),
  },
};

interface Config {
  readonly direction: Direction;
  readonly groupBy: GroupBy;
  readonly show: readonly ShowPart[];
}

/** The breakdown's query, and with `show` holding `trend`, the trend's (the delivery line's buckets). */
interface BreakdownRequest extends BreakdownParams {
  readonly trend?: BreakdownTrendParams;
}

/** The breakdown, and the trend when asked for. */
type BreakdownAnswer = BreakdownResponse & { readonly trend?: BreakdownTrendResponse };

type Presented = BreakdownPresentation & { readonly trend?: TrendPresentation };

/**
 * The trend's code, loaded with the first answer that has a trend, so that a breakdown without
 * `show="trend"` — the report's — does not carry it (about 2 kB gz).
 */
let trendCode: typeof TrendCode | undefined;

/**
 * Incoming or outgoing message counts for one grouping — channel, source, type or subtype — as a
 * metrics strip (count per group and the total), a bar chart and a pie chart with percentages.
 * Inside a `<msg-report>` it shows the report's query; alone, give it `endpoint` (and any other
 * attribute of `<msg-report>`). With the report's `cross-filter`, picking a group filters the
 * report by it. "See messages" on a tile (or Shift+click, Shift+Enter on a bar or slice) narrows
 * only the report's lists to that group instead, with a chip that undoes it; subtypes, which no
 * filter takes, offer neither.
 *
 * @tag msg-breakdown-chart
 * @summary Messages by channel, source, type or subtype: metrics, bar and pie.
 *
 * @fires msg-point-select - The user picked a bar, slice or metric; `detail` names the group.
 * @fires msg-chart-rendered - A chart finished drawing a frame; `detail.chart` is `bar` or `pie`.
 * @fires msg-state-change - Used alone: a person changed the element's own report (see `<msg-report>`).
 * @fires msg-error - A request failed, or an attribute is invalid.
 * @fires msg-ready - Both charts finished drawing the data (or the element settled in another state); again after each new query.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart metrics - The metrics strip (a list).
 * @csspart metric - One metric: label and count; also `total` for the total.
 * @csspart change - The change against the period compared with, in a metric (also `up`/`down`/`flat` as a class).
 * @csspart compare-note - Above the metrics: which period the changes compare with, or that it has no data.
 * @csspart kind - Subtypes: the metrics of one kind (Facebook message tags, WhatsApp templates).
 * @csspart kind-title - Subtypes: a kind's name and count, over its metrics.
 * @csspart drill-see - A tile's "See messages" button.
 * @csspart chart - Each chart box; also `bar`, `pie` or `trend`.
 * @csspart trend-legend - With `show="trend"`: the groups' colours and names over the trend.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table mirroring the charts (visually hidden unless `table-view`).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 */
export class MsgBreakdownChart extends MsgChartElement<Config, BreakdownRequest, BreakdownAnswer, Presented> {
  static override styles = [...MsgChartElement.styles, metricsStyles, breakdownStyles, drillStyles];

  /** Which messages: `incoming` or `outgoing`. */
  @property() direction: Direction = 'incoming';

  /** `channel`, `source`, `type` or `subtype`; incoming messages only group by channel. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'channel';

  /**
   * Which parts to show, space-separated: any of `metrics bar pie trend`. Default `metrics bar pie`.
   * `trend` draws the groups over time as stacked bars — the top 5 groups and "Others", in the
   * delivery line's buckets (the report's interval; `auto` by the range) — from `/breakdown-trend`.
   */
  @property() show: string = BREAKDOWN_PARTS.join(' ');

  /**
   * Leaves out the comparison with the previous period (the one of the same calendar length just
   * before the range, cut at the same elapsed point while the range runs).
   */
  @property({ type: Boolean, attribute: 'no-compare' }) noCompare = false;

  protected override checkConfig(lang: Lang): CheckedAttributes<Config> {
    const checked = checkAttributes(lang, ATTRIBUTES, { direction: this.direction, groupBy: this.groupBy, show: this.show });
    if (checked.ok && checked.value.direction === 'incoming' && checked.value.groupBy !== 'channel') {
      return { ok: false, messages: [describeBadAttribute(lang, 'group-by', this.groupBy, 'channel')] };
    }
    return checked;
  }

  protected override scopeOf(config: Config) {
    return config.direction;
  }

  protected override requestFor(query: ReportQuery, config: Config, state: ReportSnapshot): BreakdownRequest {
    const params: BreakdownParams = {
      ...query,
      direction: config.direction,
      groupBy: config.groupBy,
      ...compareParams(this.noCompare ? undefined : state.comparison),
    };
    if (!config.show.includes('trend')) return params;
    // The delivery line's buckets: the report's interval when the range allows it, else auto's.
    const plan = planIntervals(Date.parse(query.from), Date.parse(query.to), query.tz);
    const requested = state.interval ?? 'auto';
    const interval = requested !== 'auto' && plan.available[requested] ? requested : plan.auto;
    return { ...params, trend: { ...query, direction: config.direction, groupBy: config.groupBy, interval } };
  }

  protected override async fetchData(request: BreakdownRequest, source: ReportDataSource, signal: AbortSignal): Promise<BreakdownAnswer> {
    const { trend, ...params } = request;
    if (!trend) return source.breakdown(params, { signal });
    if (!source.breakdownTrend) {
      const detail = translate(this.reportLang, 'trend.unsupported');
      throw new ReportError('http', 'msg-report: this data source has no breakdownTrend()', { status: 404, problem: { detail } });
    }
    const [breakdown, trendAnswer, code] = await Promise.all([
      source.breakdown(params, { signal }),
      source.breakdownTrend(trend, { signal }),
      import('./breakdown-chart.trend.js'),
    ]);
    trendCode = code;
    return { ...breakdown, trend: trendAnswer };
  }

  protected override isEmpty(data: BreakdownResponse): boolean {
    return data.total === 0 || data.groups.length === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    const config = this.config;
    return translate(lang, config?.direction === 'outgoing' ? 'title.outgoing' : 'title.incoming', {
      groupBy: translate(lang, `groupBy.${config?.groupBy ?? 'channel'}`),
    });
  }

  protected override loadCharts(): Promise<ChartKit> {
    return import('./breakdown-chart.echarts.js');
  }

  protected override present(answer: Answer<BreakdownRequest, BreakdownAnswer>, lang: Lang): Presented {
    const period = comparedPeriodText(lang, answer.request, this.report?.now ?? answer.receivedAt) ?? '';
    const view = presentBreakdown(answer.data, lang, this.displayHeading, period);
    const data = answer.data.trend;
    // The code came with the answer (fetchData), so it is here whenever a trend is.
    if (!data || !trendCode) return view;
    // Colours from the breakdown's groups (all of them), so the trend agrees with the bars and metrics.
    const slots = new Map(view.metrics.map((item) => [item.key, item.slot]));
    const trend = trendCode.presentTrend(
      data,
      answer.request.tz,
      lang,
      this.displayHeading,
      (groupBy, key, label) => groupLabel(lang, groupBy, key, label),
      (key) => slots.get(key),
    );
    const show = this.config?.show ?? BREAKDOWN_PARTS;
    // The trend alone: its table is the one behind the chart (screen readers, table view, CSV).
    return { ...view, trend, ...(show.includes('bar') || show.includes('pie') ? {} : { table: trend.table }) };
  }

  protected override renderAnswer(answer: Answer<BreakdownRequest, BreakdownAnswer>, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const view = this.presentation(answer);
    const show: readonly ShowPart[] = this.config?.show ?? BREAKDOWN_PARTS;
    const trend = show.includes('trend') && view.trend ? this.#renderTrend(view.trend, lang) : nothing;
    const charts = html`${trend}
      <div class="charts">
        ${
          show.includes('bar')
            ? html`<figure class="chart-figure">
                <figcaption class="visually-hidden">${translate(lang, 'chart.bar', { title: this.displayHeading })}</figcaption>
                ${this.renderChart(view.barOption, 'bar', view.barAccess, (index, shift) => this.#pick(answer.request, view.barItems[index], shift, 'bar'), this.#keysHint(answer.request))}
              </figure>`
            : nothing
        }
        ${
          show.includes('pie')
            ? html`<figure class="chart-figure">
                <figcaption class="visually-hidden">${translate(lang, 'chart.pie', { title: this.displayHeading })}</figcaption>
                ${this.renderChart(view.pieOption, 'pie', view.pieAccess, (index, shift) => this.#pick(answer.request, view.pieItems[index], shift, 'pie'), this.#keysHint(answer.request))}
                <p class="pie-total" aria-hidden="true">${translate(lang, 'chart.total')}: ${formatCount(lang, view.total)}</p>
              </figure>`
            : nothing
        }
      </div>`;
    return html`<div class=${busy ? 'answer busy' : 'answer'}>
      ${show.includes('metrics') ? this.#renderAllMetrics(answer, view, lang) : nothing}
      ${show.includes('bar') || show.includes('pie') || show.includes('trend') ? this.renderChartsOrTable(charts, view.table) : nothing}
    </div>`;
  }

  /** The groups over time: a legend of swatches (the names as text), then the stacked bars. */
  #renderTrend(trend: TrendPresentation, lang: Lang): TemplateResult {
    return html`<figure class="chart-figure trend-figure">
      <figcaption class="visually-hidden">${translate(lang, 'chart.trend', { title: this.displayHeading })}</figcaption>
      <ul class="trend-legend" part="trend-legend" aria-hidden="true">
        ${trend.series.map((s) => html`<li>${swatch(s.slot)}${s.label}</li>`)}
      </ul>
      ${this.renderChart(trend.option, 'trend', trend.access)}
    </figure>`;
  }

  /** A click or Enter picks a group; with Shift, it shows the group's messages in the lists. */
  #pick(request: BreakdownParams, item: BreakdownItem | undefined, shift: boolean, chart: 'bar' | 'pie'): void {
    if (!shift) {
      this.#select(request, item);
      return;
    }
    // The chart's box takes focus back when the lists' chip closes.
    this.#drill(request, item, this.renderRoot.querySelector<HTMLElement>(`[part~="chart"][part~="${chart}"]`) ?? undefined);
  }

  /** The keys' hint names Shift+Enter where a group can be drilled into (not subtypes). */
  #keysHint(request: BreakdownParams): 'drill.keys' | undefined {
    return request.groupBy === 'subtype' ? undefined : 'drill.keys';
  }

  /**
   * "See these messages": the report's lists narrow to the group (its filter value, on top of the
   * report's filters), the report's figures and filters stay as they are.
   */
  #drill(request: BreakdownParams, item: BreakdownItem | undefined, origin: HTMLElement | undefined): void {
    if (!item || item.key === TOTAL_KEY || item.key === OTHER_KEY || request.groupBy === 'subtype') return;
    openDrill(this.reportStore, { group: { field: request.groupBy, value: item.key, label: item.label } }, origin);
  }

  /** Tells the host that the user picked a group and, when the report cross-filters, filters by it. */
  #select(request: BreakdownParams, item: BreakdownItem | undefined): void {
    if (!item || item.key === TOTAL_KEY || item.key === OTHER_KEY) return;
    const { direction, groupBy } = request;
    const field = groupBy === 'subtype' ? undefined : groupBy;
    emit(this, 'msg-point-select', { direction, groupBy, field, value: item.key, label: item.label });
    const store = this.reportStore;
    if (field && store?.state.crossFilter) store.change({ filters: toggleFilterValue(store.state.filters, field, item.key) });
  }

  /**
   * The note naming the period compared with, then the metrics strip; for subtypes, the total and
   * then one strip per kind, each under its name and count, as the original page describes tags
   * and templates apart.
   */
  #renderAllMetrics(answer: Answer<BreakdownRequest, BreakdownAnswer>, view: BreakdownPresentation, lang: Lang): TemplateResult {
    const request = answer.request;
    const label = translate(lang, 'chart.metrics', { title: this.displayHeading });
    const period = comparedPeriodText(lang, request, this.report?.now ?? answer.receivedAt) ?? '';
    const note = renderCompareNote(lang, period, (answer.data.previousTotal ?? 0) > 0);
    if (view.kinds.length === 0) return html`${note}${this.#renderMetrics(request, view.metrics, lang, label, period)}`;
    return html`${note}
      <div class="kinds">
        ${this.#renderMetrics(request, view.metrics.slice(0, 1), lang, label, period)}
        ${view.kinds.map(
          (group) =>
            html`<div class="kind" part="kind" data-kind=${group.kind}>
              <p class="kind-title" part="kind-title">${group.label} <span class="kind-count">${formatCount(lang, group.count)}</span></p>
              ${this.#renderMetrics(request, group.items, lang, group.label, period)}
            </div>`,
        )}
      </div>`;
  }

  #renderMetrics(request: BreakdownParams, items: readonly BreakdownItem[], lang: Lang, label: string, period: string): TemplateResult {
    const groupBy = request.groupBy;
    const selectable = groupBy !== 'subtype';
    const active = selectable ? (this.report?.filters[groupBy] ?? []) : [];
    return html`<ul part="metrics" aria-label=${label}>
      ${items.map((item) => {
        const isTotal = item.key === TOTAL_KEY;
        const content = html`<span class="metric-label" title=${item.label}>${swatch(item.slot)}${item.label}</span>
          <span class="metric-value">${formatCount(lang, item.count)}</span>
          ${renderTileDetails(lang, { count: item.count, share: isTotal ? undefined : item.share, previousCount: item.previousCount }, period)}`;
        return html`<li part=${isTotal ? 'metric total' : 'metric'} data-key=${item.key}>
          ${
            selectable && !isTotal
              ? html`<button
                  type="button"
                  class="metric-card metric-button"
                  aria-pressed=${active.includes(item.key) ? 'true' : 'false'}
                  @click=${() => this.#select(request, item)}
                >
                  ${content}
                </button>`
              : html`<div class="metric-card">${content}</div>`
          }
          ${selectable && !isTotal && item.key !== OTHER_KEY ? renderDrillButton(lang, item.label, (origin) => this.#drill(request, item, origin)) : nothing}
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-breakdown-chart': MsgBreakdownChart;
  }
}
