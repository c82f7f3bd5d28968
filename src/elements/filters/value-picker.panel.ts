/**
 * The inside of the "Add filter" popup of `<msg-report-filters>` (see value-picker.ts): the menu
 * (WAI-ARIA practices) of the seven fields, each opening a searchable multi-select combobox of that
 * field's values. Values are searched through the endpoint, except enumerations, which are the
 * contract's own lists.
 *
 * Loaded on the popup's first opening (issue 11): a page shows the button long before, or without,
 * anyone opening it.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { FILTER_FIELDS, type FilterField } from '../../core/contract/types.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { formatCount } from '../../i18n/format.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { keepFocusOnPress, ListNavigationController } from '../shared/list-navigation-controller.js';
import { AbortOnDisconnect } from '../shared/task-lifecycle.js';
import type { FilterLabels } from './filter-labels.js';
import { enumLabel, enumOptions, isEnumField, toggleValue } from './report-filters.model.js';
import { OPTIONS_LIMIT, SEARCH_DEBOUNCE_MS, type FiltersHost, type OptionView } from './report-filters.types.js';

/** What a search found, and for which field (so a field switch never shows stale rows). */
interface SearchResult {
  readonly field: FilterField;
  readonly options: readonly OptionView[];
}

type SearchArgs = readonly [field: FilterField | undefined, q: string, source: ReportDataSource | undefined];

/** What the panel uses of the popup it fills (value-picker.ts's). */
export interface PanelPopup {
  /** True while the popup is open. */
  readonly open: boolean;
  /** Closes it; with `returnFocus`, focus goes back to "Add filter". */
  hide(options?: { returnFocus?: boolean }): void;
}

export class ValuePanel implements ReactiveController {
  readonly #host: FiltersHost;
  readonly #labels: FilterLabels;
  readonly #popover: PanelPopup;
  /** Focus moves through the fields' menu itself. */
  readonly #menu: ListNavigationController;
  /** The value the search combobox points at; focus stays in the search field. */
  readonly #results: ListNavigationController;
  readonly #search: Task<SearchArgs, SearchResult | undefined>;
  /** The field whose values the popup shows; `undefined` for the menu of fields. */
  #field: FilterField | undefined;
  #searchText = '';
  /** `#searchText` once typing paused: what the search asks for. */
  #searchQuery = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: FiltersHost, labels: FilterLabels, popover: PanelPopup) {
    this.#host = host;
    this.#labels = labels;
    this.#popover = popover;
    const element = host.element;
    this.#menu = new ListNavigationController(element, { wrap: true, homeEnd: true, pageStep: 0, typeAhead: true });
    this.#results = new ListNavigationController(element, { wrap: true, homeEnd: false, pageStep: 0, typeAhead: false });
    this.#search = new Task(element, {
      args: (): SearchArgs => [this.#field, this.#searchQuery, host.report()?.dataSource],
      task: async ([field, q, source], { signal }) => {
        if (!field) return undefined;
        // Enumerations are the contract's own lists: labelled in our language, nothing to fetch.
        if (isEnumField(field)) return { field, options: enumOptions(host.report()?.lang ?? DEFAULT_LANG, field, q) };
        if (!source) throw new Error('msg-report: the report has no endpoint to search');
        const answer = await source.options({ field, limit: OPTIONS_LIMIT, ...(q ? { q } : {}) }, { signal });
        for (const option of answer.options) labels.remember(field, option.value, option.label);
        return { field, options: answer.options.map(({ value, label }) => ({ value, label })) };
      },
    });
    new AbortOnDisconnect(element, this.#search);
    element.addController(this);
  }

  hostUpdated(): void {
    const active = this.#results.active;
    if (this.#popover.open && active >= 0) this.#host.find(`#option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
    this.#field = undefined;
  }

  /** Back to the menu of fields, the search forgotten (each time the popup closes). */
  forget(): void {
    this.#forgetSearch(undefined);
  }

  /** Shows `field`'s values (or the menu, for `undefined`) with an empty search. */
  #forgetSearch(field: FilterField | undefined): void {
    this.#field = field;
    this.#searchText = '';
    this.#searchQuery = '';
    this.#results.active = -1;
    clearTimeout(this.#searchTimer);
    this.#host.element.requestUpdate();
  }

  #toggle(field: FilterField, option: OptionView): void {
    if (!isEnumField(field)) this.#labels.remember(field, option.value, option.label);
    this.#host.change({ filters: toggleValue(this.#host.report()?.filters ?? {}, field, option.value) });
  }

  /** The values on screen: the last search's, when it was for the field shown. */
  #shownOptions(): readonly OptionView[] {
    const result = this.#search.value;
    return result && result.field === this.#field ? result.options : [];
  }

  #menuItems(): HTMLElement[] {
    return this.#host.findAll('[role="menuitem"]');
  }

  /** Shows the menu of fields (the popup just opened), focus on its first or last item. */
  showMenu(focus: 'first' | 'last'): void {
    this.#field = undefined;
    this.#host.focusAfterRender(() => {
      const items = this.#menuItems();
      return items[focus === 'first' ? 0 : items.length - 1];
    });
  }

  readonly #onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = this.#menuItems();
    const labels = items.map((item) => item.textContent.trim());
    const next = this.#menu.indexFor(event, items.indexOf(event.target as HTMLElement), labels);
    if (next !== undefined) items[next]?.focus();
  };

  #chooseField(field: FilterField): void {
    this.#forgetSearch(field);
    this.#host.focusAfterRender(() => this.#host.find('#search'));
  }

  readonly #onBack = (): void => {
    const field = this.#field;
    this.#field = undefined;
    this.#host.focusAfterRender(() => this.#menuItems().find((item) => item.dataset.field === field));
  };

  readonly #onDone = (): void => {
    this.#popover.hide({ returnFocus: true });
  };

  readonly #onSearchInput = (event: InputEvent): void => {
    this.#searchText = (event.target as HTMLInputElement).value;
    this.#host.element.requestUpdate();
    clearTimeout(this.#searchTimer);
    // The task's AbortSignal cancels the previous search as soon as the next one starts.
    this.#searchTimer = setTimeout(() => {
      this.#searchQuery = this.#searchText.trim();
      this.#results.active = -1;
      this.#host.element.requestUpdate();
    }, SEARCH_DEBOUNCE_MS);
  };

  readonly #onSearchKeyDown = (event: KeyboardEvent): void => {
    const options = this.#shownOptions();
    if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[this.#results.active];
      if (option && this.#field) this.#toggle(this.#field, option);
      return;
    }
    this.#results.handleKey(
      event,
      options.map((option) => option.label),
    );
  };

  /** The popup's content: the menu of fields, or one field's values. */
  render(state: ReportSnapshot, lang: Lang): TemplateResult {
    return this.#field ? this.#renderValues(this.#field, lang) : this.#renderMenu(state, lang);
  }

  #renderMenu(state: ReportSnapshot, lang: Lang): TemplateResult {
    return html`<div id="field-menu" role="menu" part="menu" aria-label=${translate(lang, 'filters.add')} @keydown=${this.#onMenuKeyDown}>
      ${FILTER_FIELDS.map((field) => {
        const name = translate(lang, `field.${field}`);
        const count = state.filters[field]?.length ?? 0;
        return html`<button
          type="button"
          role="menuitem"
          tabindex="-1"
          part="menu-item"
          data-field=${field}
          @click=${() => this.#chooseField(field)}
        >
          ${count > 0 ? translate(lang, 'filters.fieldCount', { field: name, count: formatCount(lang, count) }) : name}
        </button>`;
      })}
    </div>`;
  }

  #statusMessage(lang: Lang, count: number): string {
    const status = this.#search.status;
    if (status === TaskStatus.PENDING) return translate(lang, 'filters.searching');
    if (status === TaskStatus.ERROR) return translate(lang, 'filters.loadError');
    if (count === 0) return translate(lang, 'filters.noMatches');
    if (count >= OPTIONS_LIMIT) return translate(lang, 'filters.moreResults', { count: formatCount(lang, count) });
    return translate(lang, 'filters.results', { count: formatCount(lang, count) });
  }

  #renderValues(field: FilterField, lang: Lang): TemplateResult {
    const name = translate(lang, `field.${field}`);
    const options = this.#shownOptions();
    const selected = new Set(this.#host.report()?.filters[field] ?? []);
    const status = this.#search.status;
    const active = this.#results.active >= 0 && this.#results.active < options.length ? this.#results.active : -1;
    return html`<div part="picker" role="group" aria-labelledby="picker-title">
      <div class="picker-head">
        <button type="button" part="back" aria-label=${translate(lang, 'filters.back')} @click=${this.#onBack}>
          <span aria-hidden="true">‹</span>
        </button>
        <span id="picker-title">${name}</span>
      </div>
      <input
        id="search"
        part="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-label=${translate(lang, 'filters.search', { field: name })}
        placeholder=${translate(lang, 'filters.searchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded=${options.length > 0 ? 'true' : 'false'}
        aria-controls="options"
        aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
        .value=${live(this.#searchText)}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeyDown}
      />
      <ul
        id="options"
        role="listbox"
        part="options"
        aria-multiselectable="true"
        aria-labelledby="picker-title"
        aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}
        ?hidden=${options.length === 0}
        @mousedown=${keepFocusOnPress}
      >
        ${options.map((option, index) => {
          const label = isEnumField(field) ? (enumLabel(lang, field, option.value) ?? option.label) : option.label;
          // Options never take focus: the search combobox handles the keys (aria-activedescendant).
          // eslint-disable-next-line lit-a11y/click-events-have-key-events
          return html`<li
            id="option-${index}"
            role="option"
            part="option"
            class=${index === active ? 'active' : ''}
            aria-selected=${selected.has(option.value) ? 'true' : 'false'}
            @click=${() => this.#toggle(field, option)}
          >
            <span class="check" aria-hidden="true"></span><bdi class="option-label" title=${label}>${label}</bdi>
          </li>`;
        })}
      </ul>
      <p part="status" role="status">${this.#statusMessage(lang, options.length)}</p>
      <div class="picker-actions">
        ${
          status === TaskStatus.ERROR
            ? html`<button type="button" part="retry" @click=${() => void this.#search.run()}>${translate(lang, 'filters.retry')}</button>`
            : nothing
        }
        <button type="button" part="done" @click=${this.#onDone}>${translate(lang, 'filters.done')}</button>
      </div>
    </div>`;
  }
}
