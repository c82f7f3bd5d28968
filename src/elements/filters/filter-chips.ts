/** The active filter values of `<msg-report-filters>` as chips, each with a button that removes it. */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { FILTER_FIELDS, type FilterField } from '../../core/contract/types.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import type { FilterLabels } from './filter-labels.js';
import { withValues } from './report-filters.model.js';
import type { FiltersHost } from './report-filters.types.js';

export class FilterChips implements ReactiveController {
  readonly #host: FiltersHost;
  readonly #labels: FilterLabels;
  /** The chip whose remove button was pressed, until it is gone from the screen. */
  #removed: { field: FilterField; value: string; index: number } | undefined;

  constructor(host: FiltersHost, labels: FilterLabels) {
    this.#host = host;
    this.#labels = labels;
    host.element.addController(this);
  }

  #remove(field: FilterField, value: string, index: number): void {
    this.#removed = { field, value, index };
    const filters = this.#host.report()?.filters ?? {};
    this.#host.change({
      filters: withValues(
        filters,
        field,
        (filters[field] ?? []).filter((item) => item !== value),
      ),
    });
  }

  /**
   * Once the removed chip is gone, focus goes to the remove button now in its place (or the one
   * before, when it was the last), or to "Add filter" when no chip is left: never to the page.
   */
  hostUpdated(): void {
    const removed = this.#removed;
    if (!removed) return;
    const chips = this.#host.findAll('[part~="chip"]');
    if (chips.some((chip) => chip.dataset.field === removed.field && chip.dataset.value === removed.value)) return;
    this.#removed = undefined;
    const buttons = chips.map((chip) => chip.querySelector<HTMLElement>('[part~="chip-remove"]'));
    (buttons[Math.min(removed.index, buttons.length - 1)] ?? this.#host.find('#add-button'))?.focus();
  }

  render(state: ReportSnapshot, lang: Lang): TemplateResult | typeof nothing {
    const chips = FILTER_FIELDS.flatMap((field) => (state.filters[field] ?? []).map((value) => ({ field, value })));
    if (chips.length === 0) return nothing;
    return html`<ul part="chips" aria-label=${translate(lang, 'filters.active')}>
      ${chips.map(({ field, value }, index) => {
        const name = translate(lang, `field.${field}`);
        const label = this.#labels.labelFor(lang, field, value);
        return html`<li part="chip" data-field=${field} data-value=${value}>
          <span class="chip-field">${name}:</span>
          <bdi class="chip-value" title=${translate(lang, 'filters.chip', { field: name, value: label })}>${label}</bdi>
          <button
            type="button"
            part="chip-remove"
            aria-label=${translate(lang, 'filters.remove', { field: name, value: label })}
            @click=${() => this.#remove(field, value, index)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
