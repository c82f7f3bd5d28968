/**
 * The date range of `<msg-report-filters>`: a select-only combobox (WAI-ARIA practices) listing
 * the seven presets and "Custom range", the local days the range covers, the report's time zone,
 * and the custom range form.
 *
 * The form's code loads on first use (issue 11): its download starts when the list opens, and
 * "Custom range" shows the form, focus in its first day, once it is in. A custom range the report
 * already holds (a shared link) loads it with the element's first render, which waits for it
 * (`formPending`) so the row never shows without its form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { isPrintableKey, keepFocusOnPress, ListNavigationController } from '../shared/list-navigation-controller.js';
import { loadOnce } from '../shared/load-once.js';
import { PopoverController } from '../shared/popover-controller.js';
import type { CustomRangeForm } from './custom-range.js';
import { formatPlain } from './report-filters.model.js';
import { RANGE_CHOICES, type FiltersHost, type RangeChoice } from './report-filters.types.js';
import type * as FormModule from './custom-range.js';

const LAST = RANGE_CHOICES.length - 1;

/** The form's module, fetched once; a failed fetch may be tried again. */
const loadFormModule = loadOnce((): Promise<typeof FormModule> => import('./custom-range.js'));

function choiceLabel(lang: Lang, choice: RangeChoice): string {
  return choice === 'custom' ? translate(lang, 'filters.custom') : translate(lang, `preset.${choice}`);
}

export class RangePicker {
  readonly #host: FiltersHost;
  #custom: CustomRangeForm | undefined;
  /** The form's module is loading for the range the report holds (not for a person's choice). */
  #loadingForState = false;
  readonly #popover: PopoverController;
  /** The option the combobox points at while the list is open. */
  readonly #options: ListNavigationController;

  constructor(host: FiltersHost) {
    this.#host = host;
    this.#popover = new PopoverController(host.element, {
      popup: () => host.find('#range-popup'),
      opener: () => host.find('#range-combo'),
    });
    this.#options = new ListNavigationController(host.element, { wrap: false, homeEnd: true, pageStep: 10, typeAhead: true });
    // A select always points at one option: the first, until it is opened on the current one.
    this.#options.active = 0;
  }

  /** True while a custom range is being typed and not applied yet. */
  get editingCustom(): boolean {
    return this.#custom?.editing ?? false;
  }

  /**
   * True while the report holds a custom range and the form's code is still loading: the element
   * holds its render until then. Starts the load the first time it is asked.
   */
  formPending(state: ReportSnapshot): boolean {
    if (this.#custom || 'preset' in state.range) return false;
    if (!this.#loadingForState) {
      this.#loadingForState = true;
      this.#host.loading(
        this.#loadForm().finally(() => {
          this.#loadingForState = false;
          this.#host.element.requestUpdate();
        }),
      );
    }
    return this.#loadingForState;
  }

  /** The form, loading its code the first time; `undefined` when it could not be fetched. */
  async #loadForm(): Promise<CustomRangeForm | undefined> {
    if (this.#custom) return this.#custom;
    try {
      const { CustomRangeForm } = await loadFormModule();
      this.#custom ??= new CustomRangeForm(this.#host);
    } catch (error) {
      console.error('msg-report: the custom range form could not be loaded', error);
    }
    return this.#custom;
  }

  /** Closes the list, focus staying where it is. */
  close(): void {
    this.#popover.hide();
  }

  /** Closes the list and drops a custom range being typed (what "Clear all" does to the range). */
  reset(): void {
    this.close();
    this.#custom?.stop();
  }

  #currentChoice(state: ReportSnapshot): RangeChoice {
    if (this.editingCustom || !('preset' in state.range)) return 'custom';
    return state.range.preset;
  }

  #open(active: number): void {
    this.#options.active = active;
    this.#popover.show();
    // A person who opens the list may choose "Custom range": its form's code starts downloading.
    void this.#loadForm();
  }

  #choose(choice: RangeChoice, moveFocus = true): void {
    const state = this.#host.report();
    this.close();
    if (!state) return;
    if (choice === 'custom') {
      this.#host.loading(
        this.#loadForm().then((form) => {
          const now = this.#host.report();
          if (!form || !now) return;
          form.start(now);
          if (moveFocus) this.#host.focusAfterRender(() => this.#host.find('#from'));
        }),
      );
      return;
    }
    this.#custom?.stop();
    if ('preset' in state.range && state.range.preset === choice) return;
    this.#host.change({ range: { preset: choice } });
  }

  readonly #onClick = (): void => {
    const state = this.#host.report();
    if (this.#popover.open) this.close();
    else if (state) this.#open(RANGE_CHOICES.indexOf(this.#currentChoice(state)));
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const state = this.#host.report();
    if (!state) return;
    const labels = RANGE_CHOICES.map((choice) => choiceLabel(state.lang, choice));
    if (!this.#popover.open) {
      const current = RANGE_CHOICES.indexOf(this.#currentChoice(state));
      const opening: Record<string, number> = { ArrowDown: current, ArrowUp: current, Enter: current, ' ': current, Home: 0, End: LAST };
      const index = opening[event.key];
      if (index !== undefined) {
        event.preventDefault();
        this.#open(index);
      } else if (isPrintableKey(event)) {
        event.preventDefault();
        this.#open(this.#options.typeAhead(event.key, labels, current) ?? current);
      }
      return;
    }
    const pointed = RANGE_CHOICES[this.#options.active];
    if (pointed && ((event.key === 'ArrowUp' && event.altKey) || event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#choose(pointed);
    } else if (pointed && event.key === 'Tab') {
      // Tab takes the option pointed at, closes the list and moves on (no preventDefault).
      this.#choose(pointed, false);
    } else if (!this.#popover.handleEscape(event)) {
      this.#options.handleKey(event, labels);
    }
  };

  /** The row: label, combobox and its list, the days covered and the time zone. */
  render(state: ReportSnapshot, lang: Lang): TemplateResult {
    const current = this.#currentChoice(state);
    const open = this.#popover.open;
    const active = this.#options.active;
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
        aria-activedescendant=${open ? `range-option-${RANGE_CHOICES[active]}` : nothing}
        @click=${this.#onClick}
        @keydown=${this.#onKeyDown}
      >
        <span>${choiceLabel(lang, current)}</span><span class="caret" aria-hidden="true"></span>
      </div>
      <div id="range-popup" popover="manual" part="popup range-popup" ?hidden=${!open} @mousedown=${keepFocusOnPress}>
        <div id="range-list" role="listbox" aria-labelledby="range-label">
          ${RANGE_CHOICES.map(
            (choice, index) =>
              // Options never take focus: the combobox handles the keys (aria-activedescendant).
              // eslint-disable-next-line lit-a11y/click-events-have-key-events
              html`<div
                id="range-option-${choice}"
                role="option"
                part="option range-option"
                class=${index === active ? 'active' : ''}
                aria-selected=${choice === current ? 'true' : 'false'}
                @click=${() => this.#choose(choice)}
              >
                ${choiceLabel(lang, choice)}
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

  /** The custom range form, while one is typed or applied. */
  renderCustomRange(state: ReportSnapshot, lang: Lang): TemplateResult | typeof nothing {
    return this.#custom?.isShown(state) ? this.#custom.render(state, lang) : nothing;
  }
}
