import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CSV_MEDIA_TYPE, toCsv, type CsvValue } from '../../core/csv/index.js';
import type { Lang } from '../../i18n/locales.js';
import { translate, type MessageKey } from '../../i18n/translate.js';
import { MsgDataElement, type Answer } from '../shared/data-element.js';
import { downloadBlob, fileNameFrom } from '../shared/download.js';
import { emit } from '../shared/events.js';
import { stateStyles } from '../shared/state-views.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { slotStyles } from './slot.styles.js';
import { chartsToPng } from './chart-export.js';
import { exportCaption } from './export-caption.js';
import { chartElementStyles } from './chart-element.styles.js';
import { readChartTheme, THEME_MEDIA, type ChartOption } from './chart-theme.js';
import { chart } from './echarts-directive.js';
import type { ChartKit } from './echarts.js';

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
 * shown in place of the charts ("view as table"), and downloaded as CSV. Cells are computed once.
 */
export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly { readonly text: string; readonly numeric: boolean }[];
  /** Each row's cells as shown, and as CSV values (numbers unformatted); the colour slot of its key, if drawn in one. */
  readonly rows: readonly { readonly cells: readonly string[]; readonly values: readonly CsvValue[]; readonly slot?: string | undefined }[];
}

/** The table of `rows` through `columns`; `slotOf` gives a row the swatch of its key's colour. */
export function chartTable<Row>(
  caption: string,
  columns: readonly DataTableColumn<Row>[],
  rows: readonly Row[],
  slotOf?: (row: Row) => string | undefined,
): ChartTable {
  return {
    caption,
    headers: columns.map((column) => ({ text: column.header, numeric: column.numeric ?? false })),
    rows: rows.map((row) => ({
      cells: columns.map((column) => column.cell(row)),
      values: columns.map((column) => (column.value ?? column.cell)(row)),
      slot: slotOf?.(row),
    })),
  };
}

/** A key's colour as a legend shows it, beside its name (the colour comes from `data-color`). */
export function swatch(slot: string | undefined): TemplateResult | typeof nothing {
  return slot ? html`<span class="swatch" data-color=${slot} aria-hidden="true"></span>` : nothing;
}

/** What a chart element makes of one answer: at least the table behind its charts. */
export interface Presentation {
  readonly table: ChartTable;
  /** The figures in a sentence, announced (politely) when a new answer replaces them. */
  readonly summary: string;
}

/** How a chart reads to assistive technology and to the keyboard. */
export interface ChartAccess {
  /** ECharts' aria description of the whole chart (the box's accessible name). */
  readonly description: string;
  /** How many items the arrow keys move through. */
  readonly count: number;
  /** What is announced for an item reached by keyboard. */
  readonly describe: (index: number) => string;
  /** Highlights the item (bars and slices); a line shows its axis tooltip only. */
  readonly highlight: boolean;
}

/** How long figures must hold before a change is announced: one announcement for a burst of changes. */
const ANNOUNCE_DELAY_MS = 1_000;

/** Chart elements on the page, told when a theme media query changes (one listener per query). */
const themeWatchers = new Set<{ refreshTheme(): void }>();
let themeMedia: MediaQueryList[] | undefined;

function watchTheme(element: { refreshTheme(): void }): void {
  themeWatchers.add(element);
  if (themeMedia) return;
  themeMedia = THEME_MEDIA.map((query) => matchMedia(query));
  // Media changes are reported before the frame's style and paint: the charts redraw in the same
  // frame as the page's CSS switches.
  for (const list of themeMedia) list.addEventListener('change', () => themeWatchers.forEach((watcher) => watcher.refreshTheme()));
}

/**
 * Base of every chart element. Besides the data element's query and states, it turns each answer
 * into a presentation — ECharts options and the table behind them — once per answer and language
 * (`present`), so a re-render, a loading state or a CSV download reuses it and a chart is only
 * redrawn for new numbers or a new theme (read when the chart draws). ECharts itself lives in the `chart()` directive: init once
 * sized, resize, dispose.
 *
 * @fires msg-chart-rendered - A chart finished drawing a frame; `detail.chart` names it (`bar`, `pie`…).
 *
 * @cssprop --msg-chart-height - Height of each chart (default 280px).
 * @cssprop --msg-animation-duration - Chart animation; `0ms` turns it off.
 * @cssprop --msg-color-1 - First general colour; `--msg-color-2` … `--msg-color-16` follow. Each
 *   key keeps its colour everywhere: statuses (Sent `-1`, Delivered `-2`, Read `-5`, Failed `-4`),
 *   sources and types have fixed ones, subtypes one by a hash of their key.
 * @cssprop --msg-color-whatsapp-1 - A channel's colour is a shade of its kind's family, by a hash of
 *   its key: `--msg-color-whatsapp-1` … `-4`, likewise `facebook` and `instagram` (4 shades),
 *   `telegram`, `webchat`, `email`, `sms`, `google-business`, `line`, `viber` (3 shades).
 * @cssprop --msg-color-other - "Other", the groups too small to draw: neutral grey.
 */
export abstract class MsgChartElement<TConfig, TRequest, TData, TPresentation extends Presentation> extends MsgDataElement<
  TConfig,
  TRequest,
  TData
> {
  static override styles = [tokenStyles, slotStyles, stateStyles, chartElementStyles];

  /** Hides the toolbar (view as table, PNG and CSV downloads). */
  @property({ type: Boolean, attribute: 'no-toolbar' }) noToolbar = false;

  /** Shows the numbers as a table in place of the charts. */
  @property({ type: Boolean, attribute: 'table-view', reflect: true }) tableView = false;

  #presented: { answer: unknown; key: string; value: TPresentation } | undefined;
  /** The option of each chart the last render drew, by chart name. */
  #shown = new Map<string, ChartOption>();
  /** The option each chart last finished drawing. */
  readonly #drawn = new Map<string, ChartOption>();
  /** What the live region says: an item reached by keyboard, or figures that changed. */
  #announcement = '';
  /** The answer whose figures were last on screen, to announce the next one. */
  #announcedAnswer: unknown;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the theme may have changed: the charts read it again (see `refreshTheme`). */
  #themeStamp = 0;

  /**
   * Loads ECharts with this element's charts registered: a dynamic import of its kit module, so
   * ECharts never holds up the rest of the page. Started as soon as the element is connected, in
   * parallel with its data.
   */
  protected abstract loadCharts(): Promise<ChartKit>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadCharts().catch(() => undefined);
    watchTheme(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    themeWatchers.delete(this);
    clearTimeout(this.#announceTimer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Figures that replace others on screen are announced once they have held for a moment, so
    // a burst of changes (a person clicking through filters) is one announcement, not several.
    const answer = this.busy ? undefined : this.shownAnswer;
    if (!answer || answer === this.#announcedAnswer) return;
    const first = this.#announcedAnswer === undefined;
    this.#announcedAnswer = answer;
    if (first) return;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (this.shownAnswer === answer) this.#announce(this.presentation(answer).summary);
    }, ANNOUNCE_DELAY_MS);
  }

  /**
   * Redraws the charts with the theme the element's CSS gives now, in place: the same ECharts
   * instances, recoloured without animation. Charts follow `theme`, `patterns` and the user's
   * colour-scheme, contrast and motion preferences by themselves; call this after changing
   * `--msg-*` properties at run time (or call it on the `<msg-report>`, for all of its charts).
   */
  refreshTheme(): void {
    this.#themeStamp += 1;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Set on the element itself, `theme` and `patterns` reach its charts through its CSS.
    if (changed.has('theme') || changed.has('patterns')) this.#themeStamp += 1;
  }

  /**
   * What to draw for `answer`, titled `displayHeading`: options for its charts (built for the
   * theme when drawn) and the table behind them.
   */
  protected abstract present(answer: Answer<TRequest, TData>, lang: Lang): TPresentation;

  /** The presentation of `answer`, computed once per answer, language and title. */
  protected presentation(answer: Answer<TRequest, TData>): TPresentation {
    const lang = this.reportLang;
    const key = JSON.stringify([lang, this.displayHeading]);
    const cached = this.#presented;
    if (cached?.answer === answer && cached.key === key) return cached.value;
    const value = this.present(answer, lang);
    this.#presented = { answer, key, value };
    return value;
  }

  /** The table behind the charts now shown, or `undefined` when no answer is on screen. */
  get chartTable(): ChartTable | undefined {
    const answer = this.shownAnswer;
    return answer ? this.presentation(answer).table : undefined;
  }

  /**
   * The numbers behind the charts as CSV (RFC 4180, UTF-8 with BOM, formula-safe): exactly the
   * rows of the data table, numbers unformatted. `undefined` when no answer is on screen.
   */
  toCsv(): string | undefined {
    const table = this.chartTable;
    if (!table) return undefined;
    return toCsv(
      table.headers.map((header) => header.text),
      table.rows.map((row) => row.values),
      { bom: true },
    );
  }

  /**
   * The element's charts as one PNG image, with its title, and under it the days, time zone and
   * filters of the report it shows (filter values by name). Rejects when no chart is drawn (in
   * table view, or before the data arrived).
   */
  async toPng(): Promise<Blob> {
    const boxes = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="chart"]')];
    const report = this.report;
    if (boxes.length === 0 || !report) throw new Error('msg-report: no chart is drawn');
    const lang = this.reportLang;
    const title = this.displayHeading;
    const caption = await exportCaption(lang, report, report.dataSource);
    return chartsToPng(boxes, title, caption, readChartTheme(this));
  }

  /**
   * A chart for `option`, drawn by ECharts: an image named by its description (ECharts' aria),
   * reached with Tab and traversed with the arrow keys, each item announced; Enter does what a
   * click does.
   */
  protected renderChart(
    option: ChartOption,
    name: string,
    access: ChartAccess,
    onClick?: (index: number, shiftKey: boolean) => void,
    keysHint?: MessageKey,
  ): TemplateResult {
    this.#shown.set(name, option);
    const hint = `${name}-keys`;
    return html`<div
        part="chart ${name}"
        tabindex="0"
        role="img"
        aria-label=${access.description}
        aria-describedby=${hint}
        ${chart({
          option,
          load: () => this.loadCharts(),
          ...(onClick ? { onClick: (event) => onClick(event.dataIndex, event.shiftKey) } : {}),
          keys: { ...access, announce: this.#announce },
          themeStamp: this.#themeStamp,
          onRendered: () => {
            this.#drawn.set(name, option);
            emit(this, 'msg-chart-rendered', { chart: name });
            this.checkReady();
          },
        })}
      ></div>
      <span id=${hint} hidden>${translate(this.reportLang, keysHint ?? (onClick ? 'a11y.keys' : 'a11y.keysNoSelect'))}</span>`;
  }

  readonly #announce = (text: string): void => {
    this.#announcement = text;
    this.requestUpdate();
  };

  /** The answer is drawn once every chart on screen finished drawing its option. */
  protected override answerDrawn(): boolean {
    for (const [name, option] of this.#shown) if (this.#drawn.get(name) !== option) return false;
    return true;
  }

  /**
   * The charts, with their numbers in a visually hidden table for screen readers; or, in table
   * view, the same table shown in their place. `tableShown`: the element shows its numbers in a
   * table of its own, so the charts need no copy, and table view only hides them.
   */
  protected renderChartsOrTable(charts: TemplateResult, table: ChartTable, options: { tableShown?: boolean } = {}): TemplateResult {
    if (options.tableShown) return html`${this.noToolbar ? nothing : this.#renderToolbar()} ${this.tableView ? nothing : charts}`;
    return html`${this.noToolbar ? nothing : this.#renderToolbar()}
    ${
      this.tableView
        ? html`<div class="table-view">${renderTable(table)}</div>`
        : html`${charts}
            <div class="visually-hidden">${renderTable(table)}</div>`
    }`;
  }

  protected override render(): TemplateResult {
    this.#shown = new Map();
    return html`<section part="base" aria-label=${this.displayHeading} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.noHeading ? nothing : html`<h3 part="title">${this.displayHeading}</h3>`} ${this.renderBody()}
      <p class="visually-hidden announcer" role="status">${this.#announcement}</p>
    </section>`;
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

  readonly #toggleTable = (): void => {
    this.tableView = !this.tableView;
  };

  readonly #downloadPng = async (): Promise<void> => {
    downloadBlob(await this.toPng(), fileNameFrom(this.displayHeading, 'png'));
  };

  readonly #downloadCsv = (): void => {
    const csv = this.toCsv();
    if (csv !== undefined) downloadBlob(new Blob([csv], { type: CSV_MEDIA_TYPE }), fileNameFrom(this.displayHeading, 'csv'));
  };
}

/** The data table; its first column heads each row. */
function renderTable({ caption, headers, rows }: ChartTable): TemplateResult {
  // The hidden copy sits in a wrapper: a table box never shrinks below its content's width, so a
  // long name would stretch a visually hidden table (and the page's scroll width) however clipped.
  const numeric = (i: number) => (headers[i]?.numeric ? 'numeric' : '');
  return html`<table part="table">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((header, i) => html`<th scope="col" class=${numeric(i)}>${header.text}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.cells.map((cell, i) =>
              i === 0 ? html`<th scope="row">${swatch(row.slot)}${cell}</th>` : html`<td class=${numeric(i)}>${cell}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
