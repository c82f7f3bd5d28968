import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { ReportError } from '../../core/client/errors.js';
import { DIRECTIONS, type ActivityParams, type ActivityResponse, type Direction, type ReportQuery } from '../../core/contract/types.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { MsgChartElement } from '../chart/chart-element.js';
import type { ChartKit } from '../chart/echarts.js';
import type { Answer } from '../shared/data-element.js';
import { checkAttributes, oneOf, type CheckedAttributes } from '../shared/problems.js';
import { presentActivity, type ActivityPresentation } from './activity-heatmap.present.js';
import { activityHeatmapStyles } from './activity-heatmap.styles.js';

const ATTRIBUTES = { direction: oneOf('direction', DIRECTIONS) };

interface Config {
  readonly direction: Direction;
}

/**
 * When people write: incoming or outgoing messages of the report's range per day of the week and
 * hour of the day, as a heatmap, in the report's time zone (daylight saving included: each message
 * counts at the wall-clock hour it was sent or received in). For shift planning. Weeks start on
 * Monday; day and hour names follow the report's language and region.
 *
 * Inside a `<msg-report>` it shows the report's query; alone, give it `endpoint` (and any other
 * attribute of `<msg-report>`). Its data comes from `GET /activity` (openapi.yaml); a data source
 * without `activity()` shows an error.
 *
 * @tag msg-activity-heatmap
 * @summary Messages per weekday and hour of the day: a heatmap for shift planning.
 *
 * @fires msg-chart-rendered - The heatmap finished drawing a frame; `detail.chart` is `heatmap`.
 * @fires msg-state-change - Used alone: a person changed the element's own report (see `<msg-report>`).
 * @fires msg-error - A request failed, or an attribute is invalid.
 * @fires msg-ready - The heatmap finished drawing the data (or the element settled in another state); again after each new query.
 *
 * @csspart base - The element's section.
 * @csspart title - The heading.
 * @csspart note - The zone the hours are in, and the busiest hour.
 * @csspart chart - The chart box; also `heatmap`.
 * @csspart toolbar - View as table, PNG and CSV downloads; its buttons are `toolbar-button`.
 * @csspart table - The data table: a row per weekday, a column per hour (visually hidden unless `table-view`).
 * @csspart loading - The loading state.
 * @csspart empty - The "no applicable data" state.
 * @csspart not-applicable - The "filters not applicable here" notice.
 * @csspart error - The error state (also `invalid` for bad settings).
 * @csspart retry - The error state's retry button.
 */
export class MsgActivityHeatmap extends MsgChartElement<Config, ActivityParams, ActivityResponse, ActivityPresentation> {
  static override styles = [...MsgChartElement.styles, activityHeatmapStyles];

  /** Which messages: `incoming` (when customers write) or `outgoing` (when the team and automations send). */
  @property() direction: Direction = 'incoming';

  protected override checkConfig(lang: Lang): CheckedAttributes<Config> {
    return checkAttributes(lang, ATTRIBUTES, { direction: this.direction });
  }

  protected override scopeOf(config: Config) {
    return config.direction;
  }

  protected override requestFor(query: ReportQuery, config: Config): ActivityParams {
    return { ...query, direction: config.direction };
  }

  protected override fetchData(request: ActivityParams, source: ReportDataSource, signal: AbortSignal): Promise<ActivityResponse> {
    if (!source.activity) {
      const detail = translate(this.reportLang, 'activity.unsupported');
      return Promise.reject(
        new ReportError('http', 'msg-report: this data source has no activity()', { status: 404, problem: { detail } }),
      );
    }
    return source.activity(request, { signal });
  }

  protected override isEmpty(data: ActivityResponse): boolean {
    return data.total === 0;
  }

  protected override defaultHeading(lang: Lang): string {
    return translate(lang, this.config?.direction === 'outgoing' ? 'activity.title.outgoing' : 'activity.title.incoming');
  }

  protected override loadCharts(): Promise<ChartKit> {
    return import('./activity-heatmap.echarts.js');
  }

  protected override present(answer: Answer<ActivityParams, ActivityResponse>, lang: Lang): ActivityPresentation {
    return presentActivity(answer.request, answer.data, lang, this.displayHeading);
  }

  protected override renderAnswer(answer: Answer<ActivityParams, ActivityResponse>, busy: boolean): TemplateResult {
    const lang = this.reportLang;
    const view = this.presentation(answer);
    const zone = translate(lang, 'activity.zone', { zone: answer.request.tz });
    // No full stop after the hour: a region's clock may end it with one already (`11:00 a.m.`).
    const busiest = view.busiest ? ` ${translate(lang, 'activity.busiest', { cell: view.busiest })}` : '';
    const chart = html`<figure class="chart-figure">
      <figcaption class="visually-hidden">${translate(lang, 'activity.heatmap', { title: this.displayHeading })}</figcaption>
      ${this.renderChart(view.option, 'heatmap', view.access)}
    </figure>`;
    return html`<div class=${busy ? 'answer busy' : 'answer'}>
      <p class="note" part="note">${zone}${busiest}</p>
      ${this.renderChartsOrTable(chart, view.table)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-activity-heatmap': MsgActivityHeatmap;
  }
}
