import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { isAbortError } from '../../core/client/errors.js';
import type { FilterField, ReportQuery } from '../../core/contract/types.js';
import { notApplicableFilters, type QueryScope } from '../../core/query/applicability.js';
import type { ReportState } from '../../core/query/report-state.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { fire } from '../shared/events.js';
import { ReportConsumerElement } from '../shared/report-consumer-element.js';
import type { ReportContextValue } from '../shared/report-context.js';
import { describeProblem } from '../shared/report-model.js';
import { emptyView, errorView, invalidView, loadingView, notApplicableView, stateStyles } from '../shared/state-views.js';
import { AbortOnDisconnect } from '../shared/task-lifecycle.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { chart } from './echarts-directive.js';
import { chartsToPng } from './chart-export.js';
import { downloadBlob, fileNameFrom } from '../shared/download.js';
import { CSV_MEDIA_TYPE, toCsv, type CsvValue } from '../../core/csv/index.js';
import type { EChartsCoreOption } from './echarts.js';
import { readChartTheme, type ChartTheme } from './chart-theme.js';

/** A column of the data table that mirrors a chart. */
export interface DataTableColumn<Row> {
  header: string;
  cell: (row: Row) => string;
  /** The raw value for CSV (a number stays a number); default: the cell's text. */
  value?: (row: Row) => CsvValue;
  /** Numeric columns align right. */
  numeric?: boolean;
}

/**
 * The numbers behind an element's charts, as a table: read by screen readers (visually hidden),
 * shown in place of the charts ("view as table"), and downloaded as CSV.
 */
export interface ChartTable<Row> {
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: readonly Row[];
}

export const chartElementStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  [part~='chart'] {
    width: 100%;
    height: var(--_chart-height);
    min-width: 0;
  }
  .busy {
    opacity: 0.55;
    transition: opacity 150ms;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }
  [part~='toolbar'] button {
    font: inherit;
    font-size: 0.9em;
    color: var(--_text-color);
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 10px;
    cursor: pointer;
  }
  [part~='toolbar'] button[aria-pressed='true'] {
    border-color: var(--_accent-color);
    color: var(--_accent-color);
  }
  [part~='toolbar'] button:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .table-view {
    overflow-x: auto;
  }
  .table-view table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table-view caption {
    text-align: start;
    color: var(--_muted-color);
    padding-bottom: 4px;
  }
  .table-view th,
  .table-view td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border-color);
    overflow-wrap: anywhere;
  }
  .table-view .numeric {
    text-align: end;
  }
`;

/**
 * Base of every chart element (a template method: Material's progress base, Vaadin's chart mixin).
 * It finds the report, checks filter applicability, runs the query through a `@lit/task` whose
 * `AbortSignal` reaches `fetch`, renders the shared states, aborts on disconnect and runs again on
 * reconnect. ECharts itself lives in the `chart()` directive: init once sized, resize, dispose.
 *
 * @fires msg-chart-rendered - A chart finished drawing a frame; `detail.chart` names it (`bar`, `pie`…).
 * @fires msg-error - A request failed after its retries (`detail.source: 'request'`).
 *
 * Subclasses say what to fetch (`fetchData`), when an answer is empty (`isEmpty`) and how to draw it
 * (`renderData`, with `renderChart` and `renderDataTable` as building blocks).
 */
export abstract class MsgChartElement<TData> extends ReportConsumerElement {
  static override styles = [tokenStyles, stateStyles, chartElementStyles];

  /** Replaces the element's default, localised title. */
  @property() heading = '';

  /** Hides the toolbar (view as table, PNG and CSV downloads). */
  @property({ type: Boolean, attribute: 'no-toolbar' }) noToolbar = false;

  /** Shows the numbers as a table in place of the charts. */
  @property({ type: Boolean, attribute: 'table-view', reflect: true }) tableView = false;

  #table: ChartTable<unknown> | undefined;

  readonly #task = new Task(this, {
    args: () => [this.report, ...this.queryArgs()] as const,
    task: async ([report], { signal }) => {
      const query = report?.state.query;
      if (!report || !query || !report.dataSource || this.notApplicable(report.state).length > 0) return initialState;
      try {
        return await this.fetchData(query, report.dataSource, signal);
      } catch (error) {
        if (!isAbortError(error) && !signal.aborted) this.reportRequestError(error, report.state.lang);
        throw error;
      }
    },
  });

  /** Which filters this element's query can honour. */
  protected abstract get scope(): QueryScope;

  /** Element inputs, besides the report, that change the query (e.g. `group-by`). */
  protected abstract queryArgs(): readonly unknown[];

  protected abstract fetchData(query: ReportQuery, source: ReportDataSource, signal: AbortSignal): Promise<TData>;

  protected abstract isEmpty(data: TData): boolean;

  /** The default, localised title. */
  protected abstract defaultHeading(lang: Lang): string;

  /**
   * What is wrong with the element's own attributes, one message each; none by default. While
   * there is any, the element shows them instead of querying, and reports them as `msg-error`.
   */
  protected attributeErrors(): readonly string[] {
    return [];
  }

  protected abstract renderData(data: TData, state: ReportState): TemplateResult;

  /** The current title: `heading`, else the default. */
  protected get displayHeading(): string {
    return this.heading || this.defaultHeading(this.reportLang);
  }

  /** Runs the query again (what the error state's Retry button does). */
  refresh(): void {
    void this.#task.run();
  }

  /** Resolves once the current query has settled, whether it succeeded or failed. */
  get loadComplete(): Promise<void> {
    return this.#task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  constructor() {
    super();
    new AbortOnDisconnect(this, this.#task);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reportAttributeErrors(this.attributeErrors());
  }

  protected notApplicable(state: ReportState): FilterField[] {
    return notApplicableFilters(this.scope, state.filters);
  }

  /** A chart for `option`, drawn by ECharts in a box hidden from assistive technology. */
  protected renderChart(option: EChartsCoreOption, name: string, onClick?: (index: number) => void): TemplateResult {
    return html`<div
      part="chart ${name}"
      aria-hidden="true"
      ${chart({
        option,
        ...(onClick ? { onClick: (event) => onClick(event.dataIndex) } : {}),
        onRendered: () => fire(this, 'msg-chart-rendered', { chart: name }),
      })}
    ></div>`;
  }

  /**
   * The charts, with their numbers in a visually hidden table for screen readers; or, in table
   * view, the same table shown in their place. Subclasses call it from `renderData`.
   */
  protected renderChartsOrTable<Row>(charts: TemplateResult, table: ChartTable<Row>): TemplateResult {
    this.#table = table as ChartTable<unknown>;
    return html`${this.noToolbar ? nothing : this.#renderToolbar()}
    ${
      this.tableView
        ? html`<div class="table-view">${this.#renderTable(table)}</div>`
        : html`${charts}
            <div class="visually-hidden">${this.#renderTable(table)}</div>`
    }`;
  }

  #renderTable<Row>({ caption, columns, rows }: ChartTable<Row>): TemplateResult {
    // The hidden copy sits in a wrapper: a table box never shrinks below its content's width, so a
    // long name would stretch a visually hidden table (and the page's scroll width) however clipped.
    return html`<table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col" class=${column.numeric ? 'numeric' : ''}>${column.header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${columns.map((column, i) =>
                i === 0
                  ? html`<th scope="row">${column.cell(row)}</th>`
                  : html`<td class=${column.numeric ? 'numeric' : ''}>${column.cell(row)}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #renderToolbar(): TemplateResult {
    const lang = this.reportLang;
    return html`<div part="toolbar" role="toolbar" aria-label=${translate(lang, 'chart.toolbar', { title: this.displayHeading })}>
      <button
        type="button"
        part="toolbar-button table-toggle"
        aria-pressed=${this.tableView ? 'true' : 'false'}
        @click=${this.#toggleTable}
      >
        ${translate(lang, 'chart.viewTable')}
      </button>
      <button type="button" part="toolbar-button download-png" ?disabled=${this.tableView} @click=${this.#downloadPng}>
        ${translate(lang, 'chart.downloadPng')}
      </button>
      <button type="button" part="toolbar-button download-csv" @click=${this.#downloadCsv}>${translate(lang, 'chart.downloadCsv')}</button>
    </div>`;
  }

  #toggleTable = (): void => {
    this.tableView = !this.tableView;
  };

  #downloadPng = async (): Promise<void> => {
    downloadBlob(await this.toPng(), fileNameFrom(this.displayHeading, 'png'));
  };

  /**
   * The element's charts as one PNG image, with its title. Rejects when no chart is drawn (in
   * table view, or before the data arrived).
   */
  async toPng(): Promise<Blob> {
    const boxes = [...(this.renderRoot as ShadowRoot).querySelectorAll<HTMLElement>('[part~="chart"]')];
    if (boxes.length === 0) throw new Error('msg-report: no chart is drawn');
    return chartsToPng(boxes, this.displayHeading, this.theme());
  }

  #downloadCsv = (): void => {
    const csv = this.toCsv();
    if (csv !== undefined) downloadBlob(new Blob([csv], { type: CSV_MEDIA_TYPE }), fileNameFrom(this.displayHeading, 'csv'));
  };

  /**
   * The numbers behind the charts as CSV (RFC 4180, UTF-8 with BOM, formula-safe): exactly the
   * rows of the data table, numbers unformatted. `undefined` before data arrived.
   */
  toCsv(): string | undefined {
    const table = this.#table;
    if (!table) return undefined;
    return toCsv(
      table.columns.map((column) => column.header),
      table.rows.map((row) => table.columns.map((column) => (column.value ?? column.cell)(row))),
      { bom: true },
    );
  }

  /** The table behind the charts now shown, or `undefined` before data arrived. */
  get chartTable(): ChartTable<unknown> | undefined {
    return this.#table;
  }

  /** The element's theming tokens, resolved now. */
  protected theme(): ChartTheme {
    return readChartTheme(this);
  }

  protected override render(): TemplateResult {
    const attributeErrors = this.attributeErrors();
    if (attributeErrors.length > 0) {
      return html`<section part="base">
        <h3 part="title">${this.displayHeading}</h3>
        ${invalidView(this.reportLang, attributeErrors)}
      </section>`;
    }
    const report = this.report;
    const lang = this.reportLang;
    return html`<section
      part="base"
      aria-label=${this.displayHeading}
      aria-busy=${this.#task.status === TaskStatus.PENDING ? 'true' : 'false'}
    >
      <h3 part="title">${this.displayHeading}</h3>
      ${this.#renderBody(report, lang)}
    </section>`;
  }

  #renderBody(report: ReportContextValue | undefined, lang: Lang): TemplateResult {
    if (this.missingReportId) {
      return invalidView(lang, [translate(lang, 'problem.noReport', { value: this.missingReportId })]);
    }
    if (!report) return invalidView(lang, [translate(lang, 'problem.noEndpoint')]);
    const errors = report.state.problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0)
      return invalidView(
        lang,
        errors.map((problem) => describeProblem(lang, problem)),
      );
    const notApplicable = this.notApplicable(report.state);
    if (notApplicable.length > 0) return notApplicableView(lang, notApplicable);
    return this.#task.render({
      initial: () => loadingView(lang),
      pending: () =>
        this.#task.value !== undefined && !this.isEmpty(this.#task.value)
          ? html`<div class="busy">${this.renderData(this.#task.value, report.state)}</div>`
          : loadingView(lang),
      complete: (data) => (this.isEmpty(data) ? emptyView(lang) : this.renderData(data, report.state)),
      error: (error) => (isAbortError(error) ? loadingView(lang) : errorView(lang, error, () => this.refresh())),
    });
  }
}
