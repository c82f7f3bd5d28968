import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { ReportError } from '../../core/client/errors.js';
import {
  DELIVERY_GROUP_BYS,
  STATUSES,
  type DeliveryBreakdownParams,
  type DeliveryBreakdownResponse,
  type DeliveryGroupBy,
  type ReportQuery,
} from '../../core/contract/types.js';
import { formatCount, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement, swatch } from '../chart/chart-element.js';
import type { ChartKit } from '../chart/echarts.js';
import type { Answer } from '../shared/data-element.js';
import { statusSlot } from '../shared/palette.js';
import { checkAttributes, oneOf, type CheckedAttributes } from '../shared/problems.js';
import { moreColumnsLabel } from '../shared/scroll-cues.js';
import { scrollCues } from '../shared/scroll-cues.directive.js';
import { scrollCueStyles } from '../shared/scroll-cues.styles.js';
import { groupByWord, presentDeliveryBreakdown, type DeliveryBreakdownPresentation } from './delivery-breakdown.present.js';
import { nextSort } from './delivery-breakdown.sort.js';
import { deliveryBreakdownStyles } from './delivery-breakdown.styles.js';
import { DEFAULT_SORT, type DeliveryRow, type SortKey, type SortOrder } from './delivery-breakdown.types.js';

const SORT_KEYS = ['label', 'total', ...STATUSES] as const;

const ATTRIBUTES = {
  groupBy: oneOf('group-by', DELIVERY_GROUP_BYS),
  sort: {
    name: 'sort',
    // `read ascending`: a column, then optionally its direction.
    schema: v.pipe(
      v.string(),
      v.transform((text) => text.trim().split(/\s+/)),
      v.union([v.tuple([v.picklist(SORT_KEYS)]), v.tuple([v.picklist(SORT_KEYS), v.picklist(['ascending', 'descending'])])]),
    ),
    allowed: `${SORT_KEYS.join(' | ')}, then ascending | descending`,
  },
};

interface Config {
  readonly groupBy: DeliveryGroupBy;
  /** What the `sort` attribute asks for, until a person sorts by a column. */
  readonly sort: SortOrder;
}

/**
 * Delivery of outgoing messages per group — channel, source, type, subtype (template or tag) or
 * broadcast: how many of each group's messages were sent, delivered, read or failed, as counts and
 * as rates of the group's messages, in a table sortable by any column and as 100 % stacked bars
 * in the statuses' colours. Answers "which template is read least" (`group-by="subtype"`, sort by
 * Read) and "which broadcast failed most" (`group-by="broadcast"`, sort by Failed).
 *
 * The funnel and the 30-day rule are the delivery line's. A status none of a group's channels
 * reports reads "not reported", never 0 %, and sorts last.
 *
 * @tag msg-delivery-breakdown
 * @summary Delivery statuses per channel, source, type, subtype or broadcast: sortable table and 100 % bars.
 *
 * @fires msg-chart-rendered - The bars finished drawing a frame; `detail.chart` is `stack`.
 * @fires msg-state-change - Used alone: a person changed the element's own report (see `<msg-report>`).
 * @fires msg-error - A request failed, or an attribute is invalid.
 * @fires msg-ready - The bars finished drawing the data (or the element settled in another state); again after each new query.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart chart - The chart box; also `stack`.
 * @csspart bars-note - Which groups the bars show, when there are more than they draw.
 * @csspart groups - The sortable table of the groups.
 * @csspart sort - A column header's sort button.
 * @csspart not-reported - A cell whose status the group's channels do not report.
 * @csspart not-reported-note - What "not reported" means, when some cell says it.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table for screen readers and CSV (visually hidden).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 */
export class MsgDeliveryBreakdown extends MsgChartElement<
  Config,
  DeliveryBreakdownParams,
  DeliveryBreakdownResponse,
  DeliveryBreakdownPresentation
> {
  static override styles = [...MsgChartElement.styles, scrollCueStyles, deliveryBreakdownStyles];

  /** `channel`, `source`, `type`, `subtype` or `broadcast`. */
  @property({ attribute: 'group-by' }) groupBy: DeliveryGroupBy = 'channel';

  /**
   * The first order of the table and the bars: a column — `label`, `total`, `sent`, `delivered`,
   * `read` or `failed` (a status sorts by its rate) — then optionally `ascending` or `descending`
   * (default: names A–Z, figures largest first). A person's sorting takes precedence until this changes.
   */
  @property() sort = 'total descending';

  /** A person's sorting, from the column headers. */
  @state() private picked: SortOrder | undefined;

  #presented: { answer: unknown; key: string; value: DeliveryBreakdownPresentation } | undefined;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new `sort` from the host replaces a person's sorting.
    if (changed.has('sort') && changed.get('sort') !== undefined) this.picked = undefined;
    super.willUpdate(changed);
  }

  /** The order shown: a person's, else the `sort` attribute's. */
  get sortOrder(): SortOrder {
    return this.picked ?? this.config?.sort ?? DEFAULT_SORT;
  }

  protected override checkConfig(lang: Lang): CheckedAttributes<Config> {
    const checked = checkAttributes(lang, ATTRIBUTES, { groupBy: this.groupBy, sort: this.sort });
    if (!checked.ok) return checked;
    const [key, direction] = checked.value.sort;
    return {
      ok: true,
      value: { groupBy: checked.value.groupBy, sort: { key, direction: direction ?? (key === 'label' ? 'ascending' : 'descending') } },
    };
  }

  protected override scopeOf() {
    return 'outgoing' as const;
  }

  protected override requestFor(query: ReportQuery, config: Config): DeliveryBreakdownParams {
    return { ...query, groupBy: config.groupBy };
  }

  protected override fetchData(params: DeliveryBreakdownParams, source: ReportDataSource, signal: AbortSignal) {
    // Optional in a host's own data source: without it, the element says the resource is missing.
    if (!source.deliveryBreakdown)
      return Promise.reject(new ReportError('http', 'The data source has no deliveryBreakdown()', { status: 404 }));
    return source.deliveryBreakdown(params, { signal });
  }

  protected override isEmpty(data: DeliveryBreakdownResponse): boolean {
    return data.groups.length === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, 'deliveryBreakdown.title', { groupBy: groupByWord(lang, this.config?.groupBy ?? 'channel') });
  }

  protected override loadCharts(): Promise<ChartKit> {
    return import('./delivery-breakdown.echarts.js');
  }

  protected override present(answer: Answer<DeliveryBreakdownParams, DeliveryBreakdownResponse>, lang: Lang) {
    return presentDeliveryBreakdown(answer.data, this.sortOrder, lang, this.displayHeading);
  }

  /** Once per answer, language, title and order: sorting redraws the bars in the table's order. */
  protected override presentation(answer: Answer<DeliveryBreakdownParams, DeliveryBreakdownResponse>): DeliveryBreakdownPresentation {
    const key = JSON.stringify([this.reportLang, this.displayHeading, this.sortOrder]);
    if (this.#presented?.answer !== answer || this.#presented.key !== key)
      this.#presented = { answer, key, value: this.present(answer, this.reportLang) };
    return this.#presented.value;
  }

  #sortBy(key: SortKey): void {
    this.picked = nextSort(this.sortOrder, key);
  }

  protected override renderAnswer(answer: Answer<DeliveryBreakdownParams, DeliveryBreakdownResponse>, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const view = this.presentation(answer);
    const charts = html`<figure class="chart-figure">
        <figcaption class="visually-hidden">${translate(lang, 'deliveryBreakdown.chart', { title: this.displayHeading })}</figcaption>
        ${this.renderChart(view.option, 'stack', view.access)}
      </figure>
      ${
        view.rows.length > view.barRows.length
          ? html`<p class="note" part="bars-note">
              ${translate(lang, 'deliveryBreakdown.barsShown', { shown: view.barRows.length, count: view.rows.length })}
            </p>`
          : nothing
      }`;
    return html`<div class=${busy ? 'answer busy' : 'answer'}>
      ${this.renderChartsOrTable(charts, view.table, { tableShown: true })} ${this.#renderGroups(lang, view)}
      ${
        view.anyNotReported
          ? html`<p class="note" part="not-reported-note">${translate(lang, 'deliveryBreakdown.notReportedNote')}</p>`
          : nothing
      }
    </div>`;
  }

  #renderGroups(lang: Lang, view: DeliveryBreakdownPresentation): TemplateResult {
    const order = this.sortOrder;
    const header = (key: SortKey, text: string, numeric: boolean) => {
      const active = order.key === key;
      return html`<th scope="col" class=${numeric ? 'numeric' : ''} aria-sort=${active ? order.direction : 'none'}>
        <button type="button" part="sort" @click=${() => this.#sortBy(key)}>
          ${key === 'label' || key === 'total' ? nothing : swatch(statusSlot(key))}${text}<span class="arrow" aria-hidden="true"
            >${active ? (order.direction === 'ascending' ? '▲' : '▼') : ''}</span
          >
        </button>
      </th>`;
    };
    return html`<div class="frame">
      <div class="groups-scroll" ${scrollCues()}>
        <table part="groups">
          <caption class="visually-hidden">
            ${translate(lang, 'chart.tableCaption', { title: this.displayHeading })}
          </caption>
          <thead>
            <tr>
              ${header('label', view.table.headers[0]?.text ?? '', false)}
              ${header('total', translate(lang, 'deliveryBreakdown.messages'), true)}
              ${STATUSES.map((status) => header(status, translate(lang, `status.${status}`), true))}
            </tr>
          </thead>
          <tbody>
            ${view.rows.map((row) => this.#renderRow(lang, row))}
          </tbody>
        </table>
      </div>
      ${moreColumnsLabel(lang)}
    </div>`;
  }

  #renderRow(lang: Lang, row: DeliveryRow): TemplateResult {
    return html`<tr data-key=${row.group.key}>
      <th scope="row">${row.label}${row.kind ? html`<span class="kind">${row.kind}</span>` : nothing}</th>
      <td class="numeric">${formatCount(lang, row.group.total)}</td>
      ${STATUSES.map((status) => {
        const rate = row.rates[status];
        if (rate === undefined)
          return html`<td class="numeric" part="not-reported" data-status=${status}>${translate(lang, 'delivery.notReported')}</td>`;
        return html`<td class="numeric" data-status=${status}>
          <span class="rate">${formatPercent(lang, rate)}</span> <span class="count">${formatCount(lang, row.group[status])}</span>
        </td>`;
      })}
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-delivery-breakdown': MsgDeliveryBreakdown;
  }
}
