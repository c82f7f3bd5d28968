import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import * as v from 'valibot';
import type { ReportDataSource } from '../../core/client/data-source.js';
import {
  DIRECTIONS,
  GROUP_BYS,
  type BreakdownParams,
  type BreakdownResponse,
  type Direction,
  type GroupBy,
  type ReportQuery,
} from '../../core/contract/types.js';
import { compareParams } from '../../core/query/comparison.js';
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
import { presentBreakdown, type BreakdownPresentation } from './breakdown-chart.present.js';
import { breakdownStyles } from './breakdown-chart.styles.js';
import { BREAKDOWN_PARTS, OTHER_KEY, TOTAL_KEY, type BreakdownItem, type BreakdownPart } from './breakdown-chart.types.js';

const ATTRIBUTES = {
  direction: oneOf('direction', DIRECTIONS),
  groupBy: oneOf('group-by', GROUP_BYS),
  show: {
    name: 'show',
    schema: v.pipe(
      v.string(),
      v.transform((text) => text.split(/\s+/).filter(Boolean)),
      v.array(v.picklist(BREAKDOWN_PARTS)),
      v.minLength(1),
    ),
    allowed: BREAKDOWN_PARTS.join(', '),
  },
};

interface Config {
  readonly direction: Direction;
  readonly groupBy: GroupBy;
  readonly show: readonly BreakdownPart[];
}

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
 * @csspart chart - Each chart box; also `bar` or `pie`.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table mirroring the charts (visually hidden unless `table-view`).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 */
export class MsgBreakdownChart extends MsgChartElement<Config, BreakdownParams, BreakdownResponse, BreakdownPresentation> {
  static override styles = [...MsgChartElement.styles, metricsStyles, breakdownStyles, drillStyles];

  /** Which messages: `incoming` or `outgoing`. */
  @property() direction: Direction = 'incoming';

  /** `channel`, `source`, `type` or `subtype`; incoming messages only group by channel. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'channel';

  /** Which parts to show, space-separated: any of `metrics bar pie`. Default all three. */
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

  protected override requestFor(query: ReportQuery, config: Config, state: ReportSnapshot): BreakdownParams {
    return {
      ...query,
      direction: config.direction,
      groupBy: config.groupBy,
      ...compareParams(this.noCompare ? undefined : state.comparison),
    };
  }

  protected override fetchData(request: BreakdownParams, source: ReportDataSource, signal: AbortSignal): Promise<BreakdownResponse> {
    return source.breakdown(request, { signal });
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

  protected override present(answer: Answer<BreakdownParams, BreakdownResponse>, lang: Lang): BreakdownPresentation {
    const period = comparedPeriodText(lang, answer.request, this.report?.now ?? answer.receivedAt) ?? '';
    return presentBreakdown(answer.data, lang, this.displayHeading, period);
  }

  protected override renderAnswer(answer: Answer<BreakdownParams, BreakdownResponse>, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const view = this.presentation(answer);
    const show = this.config?.show ?? BREAKDOWN_PARTS;
    const charts = html`<div class="charts">
      ${
        show.includes('bar')
          ? html`<figure class="chart-figure">
              <figcaption class="visually-hidden">${translate(lang, 'chart.bar', { title: this.displayHeading })}</figcaption>
              ${this.renderChart(view.barOption, 'bar', view.barAccess, (index, shift) => this.#pick(answer.request, view.barItems[index], shift), this.#keysHint(answer.request))}
            </figure>`
          : nothing
      }
      ${
        show.includes('pie')
          ? html`<figure class="chart-figure">
              <figcaption class="visually-hidden">${translate(lang, 'chart.pie', { title: this.displayHeading })}</figcaption>
              ${this.renderChart(view.pieOption, 'pie', view.pieAccess, (index, shift) => this.#pick(answer.request, view.pieItems[index], shift), this.#keysHint(answer.request))}
              <p class="pie-total" aria-hidden="true">${translate(lang, 'chart.total')}: ${formatCount(lang, view.total)}</p>
            </figure>`
          : nothing
      }
    </div>`;
    return html`<div class=${busy ? 'answer busy' : 'answer'}>
      ${show.includes('metrics') ? this.#renderAllMetrics(answer, view, lang) : nothing}
      ${show.includes('bar') || show.includes('pie') ? this.renderChartsOrTable(charts, view.table) : nothing}
    </div>`;
  }

  /** A click or Enter picks a group; with Shift, it shows the group's messages in the lists. */
  #pick(request: BreakdownParams, item: BreakdownItem | undefined, shift: boolean): void {
    if (shift) this.#drill(request, item);
    else this.#select(request, item);
  }

  /** The keys' hint names Shift+Enter where a group can be drilled into (not subtypes). */
  #keysHint(request: BreakdownParams): 'drill.keys' | undefined {
    return request.groupBy === 'subtype' ? undefined : 'drill.keys';
  }

  /**
   * "See these messages": the report's lists narrow to the group (its filter value, on top of the
   * report's filters), the report's figures and filters stay as they are.
   */
  #drill(request: BreakdownParams, item: BreakdownItem | undefined): void {
    if (!item || item.key === TOTAL_KEY || item.key === OTHER_KEY || request.groupBy === 'subtype') return;
    openDrill(this.reportStore, { group: { field: request.groupBy, value: item.key, label: item.label } });
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
  #renderAllMetrics(answer: Answer<BreakdownParams, BreakdownResponse>, view: BreakdownPresentation, lang: Lang): TemplateResult {
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
          ${selectable && !isTotal && item.key !== OTHER_KEY ? renderDrillButton(lang, item.label, () => this.#drill(request, item)) : nothing}
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
