import { ReactiveElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_PRESET } from '../../core/query/presets.js';
import { BASE_STRINGS, translate, type StringsPart } from '../../i18n/translate.js';
import { ReportConsumerElement } from '../shared/report-consumer-element.js';
import { invalidView, stateStyles } from '../shared/state-views.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { FilterChips } from './filter-chips.js';
import { FilterLabels } from './filter-labels.js';
import { RangePicker } from './range-picker.js';
import { isDefaultState } from './report-filters.model.js';
import { filtersStyles } from './report-filters.styles.js';
import type { FiltersHost } from './report-filters.types.js';
import { ValuePicker } from './value-picker.js';

/**
 * The report's filters, as on the Spanish page: the date range (seven presets or a custom range of
 * local days, in the report's time zone, which it shows), "Add filter" for the seven fields with
 * values searched through the endpoint, the active values as removable chips, and "Clear all".
 *
 * Every action of a person becomes one change of the report's store — the enclosing
 * `<msg-report>`'s, the one named by `for="report-id"`, or its own when used alone (`endpoint` on
 * itself) — which applies it as one new state: one query per element, one `msg-state-change`.
 *
 * Keyboard and screen readers follow the WAI-ARIA practices: the range is a select-only combobox,
 * "Add filter" a menu button whose items open a searchable multi-select combobox; Escape closes a
 * popup and returns focus to its opener. Popups use the Popover API, so no overflow clips them.
 * Option labels from the endpoint are rendered as text only.
 *
 * @tag msg-report-filters
 * @summary Date range, "Add filter" with searchable values, removable chips and "Clear all".
 *
 * @fires msg-state-change - Used alone: a person changed the range or the filters of the element's own report (see `<msg-report>`).
 * @fires msg-error - An attribute of the element, used alone, is invalid.
 * @fires msg-ready - The controls are rendered.
 *
 * @csspart base - The element's group of controls.
 * @csspart range - The row with the date range, its days and the time zone.
 * @csspart label - The "Date range" label.
 * @csspart range-button - The date range combobox.
 * @csspart range-days - The local days the range covers.
 * @csspart zone - The time zone note.
 * @csspart popup - Each popup panel; also `range-popup` or `add-popup`.
 * @csspart option - Each option of a list; range options are also `range-option`.
 * @csspart custom-range - The custom range form.
 * @csspart date-input - Each day input; also `from` or `to`.
 * @csspart date-readout - The day chosen in a custom range field, written in the report's locale.
 * @csspart range-error - Why the custom range is not applied.
 * @csspart apply - The custom range's Apply button.
 * @csspart cancel - The custom range's Cancel button.
 * @csspart filters - The row with "Add filter", the chips and "Clear all".
 * @csspart add-button - The "Add filter" button.
 * @csspart menu - The list of filter fields.
 * @csspart menu-item - Each filter field in that list.
 * @csspart picker - The value picker of one field.
 * @csspart back - The picker's button back to the fields.
 * @csspart search - The picker's search combobox.
 * @csspart options - The picker's list of values.
 * @csspart status - The picker's status line (searching, matches, no matches).
 * @csspart retry - Retry after the values failed to load.
 * @csspart done - The picker's Done button.
 * @csspart chips - The list of active filter values.
 * @csspart chip - One active value.
 * @csspart chip-remove - The button that removes it.
 * @csspart clear - The "Clear all" button.
 */
export class MsgReportFilters extends ReportConsumerElement {
  static override styles = [tokenStyles, stateStyles, filtersStyles];

  /** No chart: the base strings only (issue 11). */
  protected override get stringsParts(): readonly StringsPart[] {
    return BASE_STRINGS;
  }

  /** What the parts use of the element: its report, its store's one write path, its shadow root. */
  readonly #host: FiltersHost = {
    element: this,
    report: () => this.report,
    change: (change) => this.reportStore?.change(change),
    find: (selector) => this.renderRoot.querySelector<HTMLElement>(selector),
    findAll: (selector) => [...this.renderRoot.querySelectorAll<HTMLElement>(selector)],
    focusAfterRender: (target) => {
      this.#focusTargets.push(target);
      this.requestUpdate();
    },
    loading: (work) => {
      const tracked: Promise<unknown> = work.catch(() => undefined).finally(() => this.#loads.delete(tracked));
      this.#loads.add(tracked);
    },
  };

  /** Parts' code loading for a person's action, and the render it is for (`updateComplete` waits). */
  readonly #loads = new Set<Promise<unknown>>();

  /** What to focus once the next render is on screen (its popups shown or hidden). */
  #focusTargets: (() => HTMLElement | null | undefined)[] = [];
  readonly #labels = new FilterLabels(this.#host);
  readonly #range = new RangePicker(this.#host);
  readonly #values = new ValuePicker(this.#host, this.#labels);
  readonly #chips = new FilterChips(this.#host, this.#labels);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Without a report there is nothing to pick from: no popup stays open for when one comes.
    if (!this.report) {
      this.#range.close();
      this.#values.close();
    }
  }

  /**
   * Renders nothing new while the custom range form the report's range needs is still loading:
   * the update runs (controllers, data) and the render follows once the form's code is in.
   */
  protected override update(changed: PropertyValues): void {
    const state = this.report;
    if (state && this.#range.formPending(state)) {
      (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
      return;
    }
    super.update(changed);
  }

  /** Until then nothing is drawn: `ready` waits too. */
  protected override drawnState(): ReturnType<ReportConsumerElement['drawnState']> {
    const state = this.report;
    return state && this.#range.formPending(state) ? undefined : super.drawnState();
  }

  /** `updateComplete` also waits for a part's code that a person's action is loading, and its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.isConnected && this.#loads.size > 0) {
      await Promise.all(this.#loads);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const targets = this.#focusTargets;
    this.#focusTargets = [];
    for (const target of targets) target()?.focus();
  }

  readonly #clearAll = (): void => {
    this.#range.reset();
    this.#values.close();
    this.#host.change({ range: { preset: DEFAULT_PRESET }, filters: {} });
    // The button turns disabled; focus goes on to where the user adds filters again.
    this.#host.focusAfterRender(() => this.#host.find('#add-button'));
  };

  protected override render(): TemplateResult {
    const lang = this.reportLang;
    const state = this.report;
    if (!state) return html`<div part="base">${invalidView(lang, [this.missingReportMessage ?? ''])}</div>`;
    return html`<div part="base" role="group" aria-label=${translate(lang, 'filters.label')}>
      <div class="row" part="range">${this.#range.render(state, lang)}</div>
      ${this.#range.renderCustomRange(state, lang)}
      <div class="row" part="filters">
        ${this.#values.render(state, lang)} ${this.#chips.render(state, lang)}
        <button type="button" part="clear" ?disabled=${isDefaultState(state) && !this.#range.editingCustom} @click=${this.#clearAll}>
          ${translate(lang, 'filters.clearAll')}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-report-filters': MsgReportFilters;
  }
}
