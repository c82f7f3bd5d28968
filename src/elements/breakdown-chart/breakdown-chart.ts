import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import {
  DIRECTIONS,
  GROUP_BYS,
  MESSAGE_TYPES,
  SOURCES,
  type BreakdownResponse,
  type Direction,
  type GroupBy,
  type ReportQuery,
} from '../../core/contract/types.js';
import type { ReportState } from '../../core/query/report-state.js';
import { formatChange, formatCount, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement, type ChartTable, type DataTableColumn } from '../chart/chart-element.js';
import { fire } from '../shared/events.js';
import { metricsStyles } from '../shared/metrics.styles.js';
import { describeBadAttribute } from '../shared/report-model.js';
import { barOption, foldSmallGroups, MAX_BARS, MAX_PIE_SLICES, pieOption } from './breakdown-chart.options.js';
import { breakdownStyles } from './breakdown-chart.styles.js';
import { BREAKDOWN_PARTS, type BreakdownItem, type BreakdownPart } from './breakdown-chart.types.js';

/** The element's own attributes, checked: either usable values or the messages saying why not. */
type Config = { ok: true; direction: Direction; groupBy: GroupBy; show: readonly BreakdownPart[] } | { ok: false; messages: string[] };

/**
 * Incoming or outgoing message counts for one grouping — channel, source, type or subtype — as a
 * metrics strip (count per group and the total), a bar chart and a pie chart with percentages.
 * Inside a `<msg-report>` it shows the report's query; alone, give it `endpoint` (and any other
 * attribute of `<msg-report>`).
 *
 * @tag msg-breakdown-chart
 * @summary Messages by channel, source, type or subtype: metrics, bar and pie.
 *
 * @fires msg-error - A request failed, or an attribute is invalid.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart metrics - The metrics strip (a list).
 * @csspart metric - One metric: label and count.
 * @csspart total - The total metric.
 * @csspart chart - Each chart box; also `bar` or `pie`.
 * @csspart table - The visually hidden data table mirroring the charts.
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 *
 * @cssprop --msg-font-family - Font of text and charts.
 * @cssprop --msg-font-size - Base font size (default 14px).
 * @cssprop --msg-text-color - Text colour.
 * @cssprop --msg-muted-color - Secondary text colour.
 * @cssprop --msg-surface-color - Background of tooltips and slice borders.
 * @cssprop --msg-border-color - Lines and borders.
 * @cssprop --msg-accent-color - Buttons and focus rings.
 * @cssprop --msg-error-color - Error text.
 * @cssprop --msg-radius - Corner radius.
 * @cssprop --msg-gap - Space between parts.
 * @cssprop --msg-chart-height - Height of each chart (default 280px).
 * @cssprop --msg-animation-duration - Chart animation; `0ms` turns it off.
 * @cssprop --msg-color-1 - First series colour; `--msg-color-2` … `--msg-color-10` follow.
 */
export class MsgBreakdownChart extends MsgChartElement<BreakdownResponse> {
  static override styles = [...MsgChartElement.styles, metricsStyles, breakdownStyles];

  /** `incoming` or `outgoing` messages. */
  @property() direction: string = 'incoming';

  /** `channel`, `source`, `type` or `subtype`; incoming messages only group by channel. */
  @property({ attribute: 'group-by' }) groupBy: string = 'channel';

  /** Which parts to show, space-separated: any of `metrics bar pie`. Default all three. */
  @property() show: string = BREAKDOWN_PARTS.join(' ');

  /** Leaves out the comparison with the previous period of the same length. */
  @property({ type: Boolean, attribute: 'no-compare' }) noCompare = false;

  #config: Config = { ok: true, direction: 'incoming', groupBy: 'channel', show: BREAKDOWN_PARTS };

  protected override get scope() {
    return this.#config.ok ? this.#config.direction : 'incoming';
  }

  protected override queryArgs(): readonly unknown[] {
    return this.#config.ok ? [this.#config.direction, this.#config.groupBy, this.noCompare] : ['invalid'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Cheap, and its messages follow the report's language, so it is checked on every update.
    this.#config = this.#checkConfig(this.reportLang);
  }

  protected override attributeErrors(): readonly string[] {
    return this.#config.ok ? [] : this.#config.messages;
  }

  #checkConfig(lang: Lang): Config {
    const messages: string[] = [];
    const bad = (name: string, value: string, allowed: readonly string[]) =>
      messages.push(describeBadAttribute(lang, name, value, allowed));
    const direction = this.direction as Direction;
    const groupBy = this.groupBy as GroupBy;
    if (!DIRECTIONS.includes(direction)) bad('direction', this.direction, DIRECTIONS);
    if (!GROUP_BYS.includes(groupBy)) bad('group-by', this.groupBy, GROUP_BYS);
    else if (direction === 'incoming' && groupBy !== 'channel') bad('group-by', this.groupBy, ['channel']);
    const tokens = this.show.split(/\s+/).filter(Boolean);
    const unknown = tokens.filter((token) => !(BREAKDOWN_PARTS as readonly string[]).includes(token));
    if (unknown.length > 0 || tokens.length === 0) bad('show', this.show, BREAKDOWN_PARTS);
    if (messages.length > 0) return { ok: false, messages };
    const show = BREAKDOWN_PARTS.filter((part) => tokens.includes(part));
    return { ok: true, direction, groupBy, show };
  }

  protected override fetchData(query: ReportQuery, source: ReportDataSource, signal: AbortSignal): Promise<BreakdownResponse> {
    const config = this.#config;
    if (!config.ok) return Promise.reject(new Error('invalid configuration'));
    return source.breakdown(
      { ...query, direction: config.direction, groupBy: config.groupBy, ...(this.noCompare ? {} : { compare: 'previous' as const }) },
      { signal },
    );
  }

  protected override isEmpty(data: BreakdownResponse): boolean {
    return data.total === 0 || data.groups.length === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    const direction = this.#config.ok ? this.#config.direction : 'incoming';
    const groupBy = this.#config.ok ? this.#config.groupBy : 'channel';
    return translate(lang, direction === 'incoming' ? 'title.incoming' : 'title.outgoing', {
      groupBy: translate(lang, `groupBy.${groupBy}`),
    });
  }

  /** Localised label of a group: enum keys through the i18n layer, names as the endpoint sent them. */
  #label(lang: Lang, key: string, label: string): string {
    if (this.#config.ok && this.#config.groupBy === 'source' && (SOURCES as readonly string[]).includes(key)) {
      return translate(lang, `source.${key as (typeof SOURCES)[number]}`);
    }
    if (this.#config.ok && this.#config.groupBy === 'type' && (MESSAGE_TYPES as readonly string[]).includes(key)) {
      return translate(lang, `type.${key as (typeof MESSAGE_TYPES)[number]}`);
    }
    return label || key;
  }

  protected override renderData(data: BreakdownResponse, state: ReportState): TemplateResult {
    const lang = state.lang;
    const show = this.#config.ok ? this.#config.show : BREAKDOWN_PARTS;
    // The previous period lies before any data when it has none: then no change is shown.
    const compared = data.previousTotal !== undefined && data.previousTotal > 0;
    const items: BreakdownItem[] = data.groups.map((group) => ({
      key: group.key,
      label: this.#label(lang, group.key, group.label),
      count: group.count,
      share: data.total > 0 ? group.count / data.total : 0,
      ...(compared ? { previousCount: group.previousCount ?? 0 } : {}),
    }));
    const total: BreakdownItem = {
      key: TOTAL_KEY,
      label: translate(lang, 'chart.total'),
      count: data.total,
      share: data.total > 0 ? 1 : 0,
      ...(compared ? { previousCount: data.previousTotal } : {}),
    };
    const format = { count: (n: number) => formatCount(lang, n), percent: (s: number) => formatPercent(lang, s) };
    const theme = this.theme();
    const other = translate(lang, 'chart.other');
    const barItems = foldSmallGroups(items, MAX_BARS, other);
    const pieItems = foldSmallGroups(items, MAX_PIE_SLICES, other);
    const charts = html`<div class="charts">
      ${
        show.includes('bar')
          ? html`<figure class="chart-figure">
              <figcaption class="visually-hidden">${translate(lang, 'chart.bar', { title: this.displayHeading })}</figcaption>
              ${this.renderChart(barOption(barItems, theme, format), 'bar', (index) => this.#select(barItems[index]))}
            </figure>`
          : nothing
      }
      ${
        show.includes('pie')
          ? html`<figure class="chart-figure">
              <figcaption class="visually-hidden">${translate(lang, 'chart.pie', { title: this.displayHeading })}</figcaption>
              ${this.renderChart(pieOption(pieItems, theme, format), 'pie', (index) => this.#select(pieItems[index]))}
              <p class="pie-total" aria-hidden="true">${translate(lang, 'chart.total')}: ${formatCount(lang, data.total)}</p>
            </figure>`
          : nothing
      }
    </div>`;
    return html`
      ${show.includes('metrics') ? this.#renderMetrics([total, ...items], lang, state) : nothing}
      ${show.includes('bar') || show.includes('pie') ? this.renderChartsOrTable(charts, this.#table([...items, total], lang, compared)) : nothing}
    `;
  }

  #table(rows: BreakdownItem[], lang: Lang, compared: boolean): ChartTable<BreakdownItem> {
    const groupBy = this.#config.ok ? this.#config.groupBy : 'channel';
    const columns: DataTableColumn<BreakdownItem>[] = [
      { header: capitalize(lang, translate(lang, `groupBy.${groupBy}`)), cell: (item) => item.label },
      { header: translate(lang, 'chart.count'), cell: (item) => formatCount(lang, item.count), value: (item) => item.count, numeric: true },
      {
        header: translate(lang, 'chart.percent'),
        cell: (item) => formatPercent(lang, item.share),
        value: (item) => round(item.share),
        numeric: true,
      },
    ];
    if (compared) {
      columns.push(
        {
          header: translate(lang, 'chart.previous'),
          cell: (item) => formatCount(lang, item.previousCount ?? 0),
          value: (item) => item.previousCount ?? 0,
          numeric: true,
        },
        {
          header: translate(lang, 'chart.changeColumn'),
          cell: (item) => this.#changeText(lang, item) ?? '',
          value: (item) => (item.previousCount ? round((item.count - item.previousCount) / item.previousCount) : null),
          numeric: true,
        },
      );
    }
    return { caption: translate(lang, 'chart.tableCaption', { title: this.displayHeading }), columns, rows };
  }

  /** `+12,5 %` against the previous period, or `undefined` when there is nothing to compare. */
  #changeText(lang: Lang, item: BreakdownItem): string | undefined {
    if (!item.previousCount) return undefined;
    return formatChange(lang, (item.count - item.previousCount) / item.previousCount);
  }

  /** Tells the host (and a cross-filtering report) that the user picked a group. */
  #select(item: BreakdownItem | undefined): void {
    if (!item || item.key === TOTAL_KEY || item.key === OTHER_KEY || !this.#config.ok) return;
    const { direction, groupBy } = this.#config;
    fire(this, 'msg-point-select', {
      direction,
      groupBy,
      field: groupBy === 'subtype' ? undefined : groupBy,
      value: item.key,
      label: item.label,
    });
  }

  #renderMetrics(items: readonly BreakdownItem[], lang: Lang, state: ReportState): TemplateResult {
    const groupBy = this.#config.ok ? this.#config.groupBy : 'channel';
    const selectable = groupBy !== 'subtype';
    const active = selectable ? (state.filters[groupBy] ?? []) : [];
    return html`<ul part="metrics" aria-label=${translate(lang, 'chart.metrics', { title: this.displayHeading })}>
      ${items.map((item) => {
        const change = this.#changeText(lang, item);
        const content = html`<span class="metric-label" title=${item.label}>${item.label}</span>
          <span class="metric-value">${formatCount(lang, item.count)}</span>
          ${item.key === TOTAL_KEY ? nothing : html`<span class="metric-share">${formatPercent(lang, item.share)}</span>`}
          ${
            change
              ? html`<span class="metric-change" part="change">
                  <span aria-hidden="true">${change}</span>
                  <span class="visually-hidden">${translate(lang, 'chart.change', { change })}</span>
                </span>`
              : nothing
          }`;
        const isTotal = item.key === TOTAL_KEY;
        return html`<li part=${isTotal ? 'metric total' : 'metric'} data-key=${item.key}>
          ${
            selectable && !isTotal
              ? html`<button
                  type="button"
                  class="metric-card metric-button"
                  aria-pressed=${active.includes(item.key) ? 'true' : 'false'}
                  @click=${() => this.#select(item)}
                >
                  ${content}
                </button>`
              : html`<div class="metric-card">${content}</div>`
          }
        </li>`;
      })}
    </ul>`;
  }
}

/** `canal` → `Canal`, for a column header made from a word used mid-sentence in titles. */
const capitalize = (lang: Lang, word: string) => word.charAt(0).toLocaleUpperCase(lang) + word.slice(1);

/** Shares in CSV: a fraction with four decimals (0.1234 = 12.34 %). */
const round = (share: number) => Math.round(share * 10_000) / 10_000;

/** Keys of the synthetic rows: the total, and the sum of the groups too small to draw. */
const TOTAL_KEY = '__total__';
const OTHER_KEY = '__other__';

declare global {
  interface HTMLElementTagNameMap {
    'msg-breakdown-chart': MsgBreakdownChart;
  }
}
