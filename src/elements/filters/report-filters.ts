import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import { FILTER_FIELDS, type FilterField, type Filters } from '../../core/contract/types.js';
import { DEFAULT_PRESET, presetDays } from '../../core/query/presets.js';
import { formatPlainDate, localDate, type PlainDate } from '../../core/query/zoned-time.js';
import { formatCount, formatDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import type { StateChange } from '../../core/query/state-change.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import { ReportConsumerElement } from '../shared/report-consumer-element.js';
import { invalidView, stateStyles } from '../shared/state-views.js';
import { AbortOnDisconnect } from '../shared/task-lifecycle.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import {
  checkDraft,
  enumLabel,
  enumOptions,
  foldForSearch,
  isDefaultState,
  isEnumField,
  toggleValue,
  withValues,
} from './report-filters.model.js';
import { filtersStyles } from './report-filters.styles.js';
import {
  LABEL_LOOKUP_LIMIT,
  OPTIONS_LIMIT,
  RANGE_CHOICES,
  SEARCH_DEBOUNCE_MS,
  type DraftProblem,
  type OptionView,
  type PopupName,
  type RangeChoice,
} from './report-filters.types.js';

/** What the options task found, and for which field (so a field switch never shows stale rows). */
interface OptionsResult {
  readonly field: FilterField;
  readonly options: readonly OptionView[];
}

const labelKey = (field: FilterField, value: string) => `${field}\u0000${value}`;

/** Labels kept in memory at most (values of active filters always stay). */
const MAX_LABELS = 2000;

/** A local day as the report's language writes it (`26 nov 2026`). */
function formatPlain(lang: Lang, date: PlainDate): string {
  return formatDay(lang, 'UTC', Date.UTC(date.year, date.month - 1, date.day, 12));
}

function isPrintableKey(event: KeyboardEvent): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Anchor positioning tethers popups in CSS; where it is missing they are placed once on open. */
const supportsAnchoring = () => typeof CSS !== 'undefined' && CSS.supports('position-area', 'block-end');

/**
 * The report's filters, as on the Spanish page: the date range (seven presets or a custom range of
 * local days, in the report's time zone, which it shows), "Add filter" for the seven fields with
 * values searched through the endpoint, the active values as removable chips, and "Clear all".
 *
 * It never changes the report behind its back: every user action becomes one requested change.
 * Inside a `<msg-report>` it fires `msg-filter-change`, which the report applies as one state
 * change (one query per element, one `msg-state-change`). With `for="report-id"` it calls that
 * report's `applyChange()`. Alone (`endpoint` on itself) it applies the change to its own settings
 * and fires the event for the host.
 *
 * Keyboard and screen readers follow the WAI-ARIA practices: the range is a select-only combobox,
 * "Add filter" a menu button whose items open a searchable multi-select combobox; Escape closes a
 * popup and returns focus to its opener. Popups use the Popover API, so no overflow clips them.
 * Option labels from the endpoint are rendered as text only.
 *
 * @tag msg-report-filters
 * @summary Date range, "Add filter" with searchable values, removable chips and "Clear all".
 *
 * @fires msg-filter-change - The user changed the range or the filters; `detail` is the change
 *   (`{ range?: {preset} | {from, to}, filters? }`, days as `YYYY-MM-DD`, `filters` whole). Bubbles
 *   and is composed; the enclosing `<msg-report>` applies and stops it. Not fired with `for`, where
 *   the named report's `applyChange()` is called instead.
 * @fires msg-error - An attribute of the element, used alone, is invalid.
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
 *
 * @cssprop --msg-font-family - Font.
 * @cssprop --msg-font-size - Base font size (default 14px).
 * @cssprop --msg-text-color - Text colour.
 * @cssprop --msg-muted-color - Secondary text: days, time zone, status.
 * @cssprop --msg-surface-color - Background of controls and popups.
 * @cssprop --msg-border-color - Borders.
 * @cssprop --msg-accent-color - Focus rings, the active option, Apply.
 * @cssprop --msg-error-color - Validation messages and invalid inputs.
 * @cssprop --msg-radius - Corner radius.
 * @cssprop --msg-gap - Space between the rows.
 */
export class MsgReportFilters extends ReportConsumerElement {
  static override styles = [tokenStyles, stateStyles, filtersStyles];

  readonly #optionsTask = new Task(this, {
    args: () => [this.pickerField, this.searchQuery, this.report?.dataSource] as const,
    task: async ([field, q, source], { signal }): Promise<OptionsResult | undefined> => {
      if (!field) return undefined;
      // Enumerations are the contract's own lists: labelled in our language, nothing to fetch.
      if (isEnumField(field)) return { field, options: enumOptions(this.reportLang, field, q) };
      if (!source) throw new Error('msg-report: the report has no endpoint to search');
      const answer = await source.options({ field, limit: OPTIONS_LIMIT, ...(q ? { q } : {}) }, { signal });
      for (const option of answer.options) this.#rememberLabel(field, option.value, option.label);
      return { field, options: answer.options.map(({ value, label }) => ({ value, label })) };
    },
  });

  /** Looks up labels of values set from outside (a shared link, the host), once per value. */
  readonly #labelTask = new Task(this, {
    args: () => [this.report?.dataSource, this.#unknownLabels()] as const,
    task: async ([source, unknown], { signal }) => {
      if (!source || !unknown) return;
      const byField = new Map<FilterField, string[]>();
      for (const key of unknown.split('\u0001')) {
        const [field, value] = key.split('\u0000') as [FilterField, string];
        byField.set(field, [...(byField.get(field) ?? []), value]);
      }
      await Promise.all(
        [...byField].map(async ([field, values]) => {
          try {
            const answer = await source.options({ field, limit: LABEL_LOOKUP_LIMIT }, { signal });
            for (const option of answer.options) this.#rememberLabel(field, option.value, option.label);
          } catch (error) {
            if (signal.aborted) throw error;
          }
          // Found or not, never asked again: a value the lookup misses shows as its id.
          for (const value of values) this.#lookedUp.add(labelKey(field, value));
        }),
      );
    },
  });

  @state() private openPopup: PopupName | undefined;
  /** Index in RANGE_CHOICES of the option the range combobox points at. */
  @state() private rangeActive = 0;
  /** The user chose "Custom range" and has not applied one yet. */
  @state() private editingCustom = false;
  @state() private draftFrom = '';
  @state() private draftTo = '';
  @state() private draftProblem: DraftProblem | undefined;
  /** The field whose values the "Add filter" popup shows; `undefined` for the list of fields. */
  @state() private pickerField: FilterField | undefined;
  @state() private searchText = '';
  /** `searchText` once typing paused: what the options task searches. */
  @state() private searchQuery = '';
  @state() private activeOption = -1;

  /** Labels of every value seen in an answer, by field and value: chips show names, not ids. */
  readonly #labels = new Map<string, string>();
  readonly #lookedUp = new Set<string>();
  #seenReport: ReportSnapshot | undefined;
  #seenRange = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #typed = '';
  #typedAt = 0;
  #afterRender: (() => void)[] = [];
  #removedChip: { field: FilterField; value: string; index: number } | undefined;

  constructor() {
    super();
    new AbortOnDisconnect(this, this.#optionsTask);
    new AbortOnDisconnect(this, this.#labelTask);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    clearTimeout(this.#searchTimer);
    this.openPopup = undefined;
    this.pickerField = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const report = this.report;
    if (report === this.#seenReport) return;
    this.#seenReport = report;
    if (!report) {
      this.openPopup = undefined;
      return;
    }
    // A custom range applied or restored elsewhere shows in the inputs, unless the user is typing one.
    const range = report.range;
    const rangeKey = JSON.stringify(range);
    if (rangeKey !== this.#seenRange) {
      this.#seenRange = rangeKey;
      if (!('preset' in range) && !this.editingCustom) {
        this.draftFrom = formatPlainDate(range.from);
        this.draftTo = formatPlainDate(range.to);
        this.draftProblem = undefined;
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const name of ['range', 'add'] as const) this.#syncPopup(name);
    const callbacks = this.#afterRender;
    this.#afterRender = [];
    for (const callback of callbacks) callback();
    if (this.openPopup === 'add' && this.activeOption >= 0) {
      this.#query(`#option-${this.activeOption}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.#focusAfterRemoval();
  }

  // ——— Changes ————————————————————————————————————————————————————————————————

  /** A person's change of range or filters: the report's store applies it as one new state. */
  #requestChange(change: StateChange): void {
    this.reportStore?.change(change);
  }

  get #currentFilters(): Filters {
    return this.report?.filters ?? {};
  }

  #toggleOption(field: FilterField, option: OptionView): void {
    if (!isEnumField(field)) this.#rememberLabel(field, option.value, option.label);
    this.#requestChange({ filters: toggleValue(this.#currentFilters, field, option.value) });
  }

  #removeChip(field: FilterField, value: string, index: number): void {
    this.#removedChip = { field, value, index };
    const current = this.#currentFilters;
    this.#requestChange({
      filters: withValues(
        current,
        field,
        (current[field] ?? []).filter((item) => item !== value),
      ),
    });
  }

  #clearAll = (): void => {
    this.#closePopup(false);
    this.editingCustom = false;
    this.draftProblem = undefined;
    this.#requestChange({ range: { preset: DEFAULT_PRESET }, filters: {} });
    // The button turns disabled; focus goes on to where the user adds filters again.
    this.#focusAfterRender(() => this.#query('#add-button')?.focus());
  };

  // ——— Popups ————————————————————————————————————————————————————————————————

  #query<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  #popup(name: PopupName): HTMLElement | null {
    return this.#query(`#${name}-popup`);
  }

  #opener(name: PopupName): HTMLElement | null {
    return this.#query(name === 'range' ? '#range-combo' : '#add-button');
  }

  #focusAfterRender(callback: () => void): void {
    this.#afterRender.push(callback);
    this.requestUpdate();
  }

  #syncPopup(name: PopupName): void {
    const popup = this.#popup(name);
    if (!popup || !this.isConnected || typeof popup.showPopover !== 'function') return;
    const open = this.openPopup === name;
    const shown = popup.matches(':popover-open');
    if (open && !shown) {
      popup.showPopover();
      const opener = this.#opener(name);
      if (opener && !supportsAnchoring()) {
        // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
        const box = opener.getBoundingClientRect();
        popup.style.left = `${Math.max(8, Math.min(box.left, innerWidth - popup.offsetWidth - 8))}px`;
        popup.style.top = `${box.bottom + 4}px`;
      }
    } else if (!open && shown) {
      popup.hidePopover();
    }
  }

  #closePopup(returnFocus: boolean): void {
    const name = this.openPopup;
    if (!name) return;
    this.openPopup = undefined;
    this.pickerField = undefined;
    this.searchText = '';
    this.searchQuery = '';
    this.activeOption = -1;
    clearTimeout(this.#searchTimer);
    if (returnFocus) this.#focusAfterRender(() => this.#opener(name)?.focus());
  }

  /** A press outside the open popup and its opener closes it (focus stays where the user put it). */
  readonly #onDocumentPointerDown = (event: PointerEvent): void => {
    const name = this.openPopup;
    if (!name) return;
    const path = event.composedPath();
    const popup = this.#popup(name);
    const opener = this.#opener(name);
    if ((popup && path.includes(popup)) || (opener && path.includes(opener))) return;
    this.#closePopup(false);
  };

  /** Focus moving to anything but the open popup and its opener (Tab, Shift+Tab) closes it. */
  #onFocusOut = (event: FocusEvent): void => {
    const name = this.openPopup;
    const next = event.relatedTarget;
    if (!name || !(next instanceof Node)) return;
    if (this.#popup(name)?.contains(next) || this.#opener(name)?.contains(next)) return;
    this.#closePopup(false);
  };

  /** Type-ahead: the next label starting with what was typed in the last half second. */
  #matchTyped(key: string, labels: readonly string[], from: number): number | undefined {
    const now = Date.now();
    this.#typed = now - this.#typedAt > 500 ? key : this.#typed + key;
    this.#typedAt = now;
    const needle = foldForSearch(this.#typed);
    const start = this.#typed.length === 1 ? from + 1 : from;
    for (let step = 0; step < labels.length; step++) {
      const index = (((start + step) % labels.length) + labels.length) % labels.length;
      if (foldForSearch(labels[index]!).startsWith(needle)) return index;
    }
    return undefined;
  }

  // ——— Date range: a select-only combobox (APG) ————————————————————————————————

  #currentChoice(state: ReportSnapshot): RangeChoice {
    if (this.editingCustom || !('preset' in state.range)) return 'custom';
    return state.range.preset;
  }

  #choiceLabel(lang: Lang, choice: RangeChoice): string {
    return choice === 'custom' ? translate(lang, 'filters.custom') : translate(lang, `preset.${choice}`);
  }

  #openRange(active: number): void {
    this.rangeActive = active;
    this.openPopup = 'range';
  }

  #onRangeClick = (): void => {
    const state = this.report;
    if (this.openPopup === 'range') this.#closePopup(false);
    else if (state) this.#openRange(RANGE_CHOICES.indexOf(this.#currentChoice(state)));
  };

  #onRangeKeyDown = (event: KeyboardEvent): void => {
    const state = this.report;
    if (!state) return;
    const last = RANGE_CHOICES.length - 1;
    const labels = RANGE_CHOICES.map((choice) => this.#choiceLabel(state.lang, choice));
    if (this.openPopup !== 'range') {
      const current = RANGE_CHOICES.indexOf(this.#currentChoice(state));
      const opening: Record<string, number> = { ArrowDown: current, ArrowUp: current, Enter: current, ' ': current, Home: 0, End: last };
      if (event.key in opening) {
        event.preventDefault();
        this.#openRange(opening[event.key]!);
      } else if (isPrintableKey(event)) {
        event.preventDefault();
        this.#openRange(this.#matchTyped(event.key, labels, current) ?? current);
      }
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: Math.min(this.rangeActive + 1, last),
      ArrowUp: Math.max(this.rangeActive - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(this.rangeActive + 10, last),
      PageUp: Math.max(this.rangeActive - 10, 0),
    };
    if ((event.key === 'ArrowUp' && event.altKey) || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#chooseRange(RANGE_CHOICES[this.rangeActive]!);
    } else if (event.key === 'Tab') {
      // APG: Tab takes the option pointed at, closes the list and moves on (no preventDefault).
      this.#chooseRange(RANGE_CHOICES[this.rangeActive]!, false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.#closePopup(false);
    } else if (event.key in moves) {
      event.preventDefault();
      this.rangeActive = moves[event.key]!;
    } else if (isPrintableKey(event)) {
      event.preventDefault();
      this.rangeActive = this.#matchTyped(event.key, labels, this.rangeActive) ?? this.rangeActive;
    }
  };

  #chooseRange(choice: RangeChoice, moveFocus = true): void {
    const state = this.report;
    this.openPopup = undefined;
    if (!state) return;
    if (choice === 'custom') {
      if (!this.editingCustom && 'preset' in state.range) {
        this.editingCustom = true;
        const days = state.resolved ?? presetDays(state.range.preset, this.#today(state));
        this.draftFrom = formatPlainDate(days.firstDay);
        this.draftTo = formatPlainDate(days.lastDay);
        this.draftProblem = undefined;
      }
      if (moveFocus) this.#focusAfterRender(() => this.#query('#from')?.focus());
      return;
    }
    this.editingCustom = false;
    this.draftProblem = undefined;
    if ('preset' in state.range && state.range.preset === choice) return;
    this.#requestChange({ range: { preset: choice } });
  }

  // ——— Custom range ——————————————————————————————————————————————————————————————

  #today(state: ReportSnapshot): PlainDate {
    return localDate(state.now ?? Date.now(), state.timezone);
  }

  #readDraft(): void {
    this.draftFrom = this.#query<HTMLInputElement>('#from')?.value ?? this.draftFrom;
    this.draftTo = this.#query<HTMLInputElement>('#to')?.value ?? this.draftTo;
  }

  #onDraftInput = (): void => {
    this.#readDraft();
    // Once a message shows, it follows the input, so it disappears as soon as the range is valid.
    const state = this.report;
    if (this.draftProblem && state) this.draftProblem = checkDraft(this.draftFrom, this.draftTo, this.#today(state));
  };

  #onDraftChange = (): void => {
    this.#readDraft();
    const state = this.report;
    if (state && this.draftFrom && this.draftTo) this.draftProblem = checkDraft(this.draftFrom, this.draftTo, this.#today(state));
  };

  #onApplyCustom = (event: SubmitEvent): void => {
    event.preventDefault();
    const state = this.report;
    if (!state) return;
    this.#readDraft();
    const problem = checkDraft(this.draftFrom, this.draftTo, this.#today(state));
    this.draftProblem = problem;
    if (problem) {
      // Nothing is applied; focus goes to the first input the message is about.
      const target = problem.code === 'incomplete' && problem.missing[0] === 'to' ? '#to' : '#from';
      this.#focusAfterRender(() => this.#query(target)?.focus());
      return;
    }
    this.editingCustom = false;
    const unchanged =
      !('preset' in state.range) &&
      formatPlainDate(state.range.from) === this.draftFrom &&
      formatPlainDate(state.range.to) === this.draftTo;
    if (!unchanged) this.#requestChange({ range: { from: this.draftFrom, to: this.draftTo } });
  };

  #onCancelCustom = (): void => {
    this.editingCustom = false;
    this.draftProblem = undefined;
    this.#focusAfterRender(() => this.#query('#range-combo')?.focus());
  };

  #draftMessage(lang: Lang, problem: DraftProblem): string {
    switch (problem.code) {
      case 'incomplete':
        return translate(lang, 'filters.error.incomplete');
      case 'from-after-to':
        return translate(lang, 'filters.error.fromAfterTo');
      case 'range-too-long':
        return translate(lang, 'filters.error.tooLong', { days: formatCount(lang, problem.days), max: formatCount(lang, problem.max) });
      case 'future':
        return translate(lang, 'filters.error.future', { today: formatPlain(lang, problem.today) });
    }
  }

  #invalidInputs(problem: DraftProblem | undefined): { from: boolean; to: boolean } {
    if (!problem) return { from: false, to: false };
    if (problem.code === 'incomplete') return { from: problem.missing.includes('from'), to: problem.missing.includes('to') };
    if (problem.code === 'future') return { from: true, to: false };
    return { from: true, to: true };
  }

  // ——— Add filter: a menu button, then a searchable multi-select combobox (APG) ———————————

  #onAddClick = (): void => {
    if (this.openPopup === 'add') this.#closePopup(false);
    else this.#openAdd('first');
  };

  #onAddKeyDown = (event: KeyboardEvent): void => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.openPopup !== 'add') {
      event.preventDefault();
      this.#openAdd(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  #openAdd(which: 'first' | 'last'): void {
    this.openPopup = 'add';
    this.pickerField = undefined;
    this.#focusAfterRender(() => {
      const items = this.#menuItems();
      items[which === 'first' ? 0 : items.length - 1]?.focus();
    });
  }

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  #onAddPopupKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closePopup(true);
    }
  };

  #onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = this.#menuItems();
    const index = items.indexOf(event.target as HTMLElement);
    const count = items.length;
    const moves: Record<string, number> = { ArrowDown: (index + 1) % count, ArrowUp: (index - 1 + count) % count, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      items[moves[event.key]!]?.focus();
    } else if (isPrintableKey(event)) {
      const found = this.#matchTyped(
        event.key,
        items.map((item) => item.textContent?.trim() ?? ''),
        index,
      );
      if (found !== undefined) items[found]?.focus();
    }
  };

  #chooseField(field: FilterField): void {
    this.pickerField = field;
    this.searchText = '';
    this.searchQuery = '';
    this.activeOption = -1;
    this.#focusAfterRender(() => this.#query('#search')?.focus());
  }

  #onBack = (): void => {
    const field = this.pickerField;
    this.pickerField = undefined;
    this.#focusAfterRender(() =>
      this.#menuItems()
        .find((item) => item.dataset.field === field)
        ?.focus(),
    );
  };

  #onSearchInput = (event: InputEvent): void => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    // The task's AbortSignal cancels the previous search as soon as the next one starts.
    this.#searchTimer = setTimeout(() => {
      this.searchQuery = this.searchText.trim();
      this.activeOption = -1;
    }, SEARCH_DEBOUNCE_MS);
  };

  #shownOptions(): readonly OptionView[] {
    const result = this.#optionsTask.value;
    return result && result.field === this.pickerField ? result.options : [];
  }

  #onSearchKeyDown = (event: KeyboardEvent): void => {
    const options = this.#shownOptions();
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const down = event.key === 'ArrowDown';
      const active = this.activeOption;
      this.activeOption = down ? (active < 0 ? 0 : (active + 1) % count) : active <= 0 ? count - 1 : active - 1;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[this.activeOption];
      if (option && this.pickerField) this.#toggleOption(this.pickerField, option);
    }
  };

  // ——— Rendering ——————————————————————————————————————————————————————————————————

  #unknownLabels(): string {
    const filters = this.report?.filters;
    if (!filters) return '';
    const keys: string[] = [];
    for (const field of FILTER_FIELDS) {
      if (isEnumField(field)) continue;
      for (const value of filters[field] ?? []) {
        const key = labelKey(field, value);
        if (!this.#labels.has(key) && !this.#lookedUp.has(key)) keys.push(key);
      }
    }
    return keys.join('\u0001');
  }

  /** Keeps a label; past a few thousand, the oldest ones no active filter uses are forgotten. */
  #rememberLabel(field: FilterField, value: string, label: string): void {
    const key = labelKey(field, value);
    this.#labels.delete(key);
    this.#labels.set(key, label);
    if (this.#labels.size <= MAX_LABELS) return;
    const filters = this.report?.filters ?? {};
    for (const old of this.#labels.keys()) {
      if (this.#labels.size <= MAX_LABELS) break;
      const [oldField, oldValue] = old.split('\u0000') as [FilterField, string];
      if (!filters[oldField]?.includes(oldValue)) this.#labels.delete(old);
    }
  }

  #labelFor(lang: Lang, field: FilterField, value: string): string {
    if (isEnumField(field)) return enumLabel(lang, field, value) ?? value;
    return this.#labels.get(labelKey(field, value)) ?? value;
  }

  #focusAfterRemoval(): void {
    const removed = this.#removedChip;
    if (!removed) return;
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="chip"]')];
    if (chips.some((chip) => chip.dataset.field === removed.field && chip.dataset.value === removed.value)) return;
    this.#removedChip = undefined;
    const buttons = chips.map((chip) => chip.querySelector<HTMLElement>('[part~="chip-remove"]'));
    (buttons[Math.min(removed.index, buttons.length - 1)] ?? this.#query('#add-button'))?.focus();
  }

  protected override render(): TemplateResult {
    const lang = this.reportLang;
    const state = this.report;
    if (!state) return html`<div part="base">${invalidView(lang, [this.missingReportMessage ?? ''])}</div>`;
    return html`<div part="base" role="group" aria-label=${translate(lang, 'filters.label')} @focusout=${this.#onFocusOut}>
      <div class="row" part="range">${this.#renderRange(state, lang)}</div>
      ${this.editingCustom || !('preset' in state.range) ? this.#renderCustomRange(state, lang) : nothing}
      <div class="row" part="filters">
        ${this.#renderAdd(state, lang)} ${this.#renderChips(state, lang)}
        <button type="button" part="clear" ?disabled=${isDefaultState(state) && !this.editingCustom} @click=${this.#clearAll}>
          ${translate(lang, 'filters.clearAll')}
        </button>
      </div>
    </div>`;
  }

  #renderRange(state: ReportSnapshot, lang: Lang): TemplateResult {
    const current = this.#currentChoice(state);
    const open = this.openPopup === 'range';
    const days = state.resolved ?? ('preset' in state.range ? undefined : { firstDay: state.range.from, lastDay: state.range.to });
    return html`<span id="range-label" part="label">${translate(lang, 'filters.range')}</span>
      <div
        id="range-combo"
        part="range-button"
        role="combobox"
        tabindex="0"
        aria-labelledby="range-label"
        aria-haspopup="listbox"
        aria-controls="range-list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-activedescendant=${open ? `range-option-${RANGE_CHOICES[this.rangeActive]}` : nothing}
        @click=${this.#onRangeClick}
        @keydown=${this.#onRangeKeyDown}
      >
        <span>${this.#choiceLabel(lang, current)}</span><span class="caret" aria-hidden="true"></span>
      </div>
      <div id="range-popup" popover="manual" part="popup range-popup" ?hidden=${!open} @mousedown=${preventDefault}>
        <div id="range-list" role="listbox" aria-labelledby="range-label">
          ${RANGE_CHOICES.map(
            (choice, index) =>
              html`<div
                id="range-option-${choice}"
                role="option"
                part="option range-option"
                class=${index === this.rangeActive ? 'active' : ''}
                aria-selected=${choice === current ? 'true' : 'false'}
                @click=${() => this.#chooseRange(choice)}
              >
                ${this.#choiceLabel(lang, choice)}
              </div>`,
          )}
        </div>
      </div>
      ${
        days && !this.editingCustom
          ? html`<span part="range-days"
              >${translate(lang, 'filters.days', { from: formatPlain(lang, days.firstDay), to: formatPlain(lang, days.lastDay) })}</span
            >`
          : nothing
      }
      <p part="zone">${translate(lang, 'zone.label', { zone: state.timezone })}</p>`;
  }

  #renderCustomRange(state: ReportSnapshot, lang: Lang): TemplateResult {
    const invalid = this.#invalidInputs(this.draftProblem);
    const today = formatPlainDate(this.#today(state));
    return html`<form part="custom-range" novalidate aria-labelledby="custom-title" @submit=${this.#onApplyCustom}>
      <span id="custom-title" class="visually-hidden">${translate(lang, 'filters.custom')}</span>
      <label>
        ${translate(lang, 'filters.from')}
        <input
          id="from"
          part="date-input from"
          type="date"
          required
          max=${today}
          .value=${live(this.draftFrom)}
          aria-invalid=${invalid.from ? 'true' : 'false'}
          aria-describedby="range-error"
          @input=${this.#onDraftInput}
          @change=${this.#onDraftChange}
        />
      </label>
      <label>
        ${translate(lang, 'filters.to')}
        <input
          id="to"
          part="date-input to"
          type="date"
          required
          .value=${live(this.draftTo)}
          aria-invalid=${invalid.to ? 'true' : 'false'}
          aria-describedby="range-error"
          @input=${this.#onDraftInput}
          @change=${this.#onDraftChange}
        />
      </label>
      <button type="submit" part="apply">${translate(lang, 'filters.apply')}</button>
      ${
        this.editingCustom && 'preset' in state.range
          ? html`<button type="button" part="cancel" @click=${this.#onCancelCustom}>${translate(lang, 'filters.cancel')}</button>`
          : nothing
      }
      <p id="range-error" part="range-error" role="alert">${this.draftProblem ? this.#draftMessage(lang, this.draftProblem) : ''}</p>
    </form>`;
  }

  #renderAdd(state: ReportSnapshot, lang: Lang): TemplateResult {
    const open = this.openPopup === 'add';
    return html`<button
        id="add-button"
        type="button"
        part="add-button"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="add-popup"
        @click=${this.#onAddClick}
        @keydown=${this.#onAddKeyDown}
      >
        ${translate(lang, 'filters.add')}
      </button>
      <div id="add-popup" popover="manual" part="popup add-popup" tabindex="-1" ?hidden=${!open} @keydown=${this.#onAddPopupKeyDown}>
        ${open ? (this.pickerField ? this.#renderPicker(this.pickerField, lang) : this.#renderFieldMenu(state, lang)) : nothing}
      </div>`;
  }

  #renderFieldMenu(state: ReportSnapshot, lang: Lang): TemplateResult {
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

  #renderPicker(field: FilterField, lang: Lang): TemplateResult {
    const name = translate(lang, `field.${field}`);
    const options = this.#shownOptions();
    const selected = new Set(this.#currentFilters[field] ?? []);
    const status = this.#optionsTask.status;
    const active = this.activeOption >= 0 && this.activeOption < options.length ? this.activeOption : -1;
    let message: string;
    if (status === TaskStatus.PENDING) message = translate(lang, 'filters.searching');
    else if (status === TaskStatus.ERROR) message = translate(lang, 'filters.loadError');
    else if (options.length === 0) message = translate(lang, 'filters.noMatches');
    else if (options.length >= OPTIONS_LIMIT)
      message = translate(lang, 'filters.moreResults', { count: formatCount(lang, options.length) });
    else message = translate(lang, 'filters.results', { count: formatCount(lang, options.length) });
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
        aria-autocomplete="list"
        aria-expanded=${options.length > 0 ? 'true' : 'false'}
        aria-controls="options"
        aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
        .value=${live(this.searchText)}
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
        @mousedown=${preventDefault}
      >
        ${options.map((option, index) => {
          const label = isEnumField(field) ? (enumLabel(lang, field, option.value) ?? option.label) : option.label;
          return html`<li
            id="option-${index}"
            role="option"
            part="option"
            class=${index === active ? 'active' : ''}
            aria-selected=${selected.has(option.value) ? 'true' : 'false'}
            @click=${() => this.#toggleOption(field, option)}
          >
            <span class="check" aria-hidden="true"></span><bdi class="option-label" title=${label}>${label}</bdi>
          </li>`;
        })}
      </ul>
      <p part="status" role="status">${message}</p>
      <div class="picker-actions">
        ${
          status === TaskStatus.ERROR
            ? html`<button type="button" part="retry" @click=${() => void this.#optionsTask.run()}>
                ${translate(lang, 'filters.retry')}
              </button>`
            : nothing
        }
        <button type="button" part="done" @click=${() => this.#closePopup(true)}>${translate(lang, 'filters.done')}</button>
      </div>
    </div>`;
  }

  #renderChips(state: ReportSnapshot, lang: Lang): TemplateResult | typeof nothing {
    const chips = FILTER_FIELDS.flatMap((field) => (state.filters[field] ?? []).map((value) => ({ field, value })));
    if (chips.length === 0) return nothing;
    return html`<ul part="chips" aria-label=${translate(lang, 'filters.active')}>
      ${chips.map(({ field, value }, index) => {
        const name = translate(lang, `field.${field}`);
        const label = this.#labelFor(lang, field, value);
        return html`<li part="chip" data-field=${field} data-value=${value}>
          <span class="chip-field">${name}:</span>
          <bdi class="chip-value" title=${translate(lang, 'filters.chip', { field: name, value: label })}>${label}</bdi>
          <button
            type="button"
            part="chip-remove"
            aria-label=${translate(lang, 'filters.remove', { field: name, value: label })}
            @click=${() => this.#removeChip(field, value, index)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }
}

/** Keeps DOM focus where it is when a list item is pressed (the combobox keeps focus, APG). */
function preventDefault(event: Event): void {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-report-filters': MsgReportFilters;
  }
}
