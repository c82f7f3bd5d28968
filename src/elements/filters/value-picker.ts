/**
 * "Add filter" of `<msg-report-filters>`: a menu button (WAI-ARIA practices) and its popup, which
 * lists the seven fields, each opening a searchable multi-select combobox of that field's values
 * (value-picker.panel.ts).
 *
 * The popup's inside loads on first use (issue 11: a page with filters does not carry it until a
 * person reaches for it): its download starts as soon as the pointer or focus reaches the button,
 * and the popup opens once it is in — never empty — with focus on its first item, as before.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { loadOnce } from '../shared/load-once.js';
import { PopoverController } from '../shared/popover-controller.js';
import type { FilterLabels } from './filter-labels.js';
import type { FiltersHost } from './report-filters.types.js';
import type { ValuePanel } from './value-picker.panel.js';
import type * as PanelModule from './value-picker.panel.js';

/** The panel's module, fetched once; a failed fetch may be tried again on the next opening. */
const loadPanelModule = loadOnce((): Promise<typeof PanelModule> => import('./value-picker.panel.js'));

export class ValuePicker {
  readonly #host: FiltersHost;
  readonly #labels: FilterLabels;
  readonly #popover: PopoverController;
  #panel: ValuePanel | undefined;
  /** The opening under way while the panel loads; a second press (or a close) cancels it. */
  #opening: object | undefined;

  constructor(host: FiltersHost, labels: FilterLabels) {
    this.#host = host;
    this.#labels = labels;
    this.#popover = new PopoverController(host.element, {
      popup: () => host.find('#add-popup'),
      opener: () => host.find('#add-button'),
      onClose: () => this.#panel?.forget(),
    });
  }

  /** Closes the popup (or an opening under way), focus staying where it is. */
  close(): void {
    this.#opening = undefined;
    this.#popover.hide();
  }

  /** The panel, loading it the first time; `undefined` when its module could not be fetched. */
  async #loadPanel(): Promise<ValuePanel | undefined> {
    if (this.#panel) return this.#panel;
    try {
      const { ValuePanel } = await loadPanelModule();
      this.#panel ??= new ValuePanel(this.#host, this.#labels, this.#popover);
    } catch (error) {
      console.error('msg-report: the filter picker could not be loaded', error);
    }
    return this.#panel;
  }

  /** Opens the popup on the menu of fields once the panel is in, focus on its first or last item. */
  #open(focus: 'first' | 'last'): void {
    const opening = {};
    this.#opening = opening;
    const open = this.#loadPanel().then((panel) => {
      if (this.#opening !== opening || !panel || !this.#host.element.isConnected) return;
      this.#opening = undefined;
      this.#popover.show();
      panel.showMenu(focus);
    });
    this.#host.loading(open);
  }

  readonly #prefetch = (): void => {
    void this.#loadPanel();
  };

  readonly #onButtonClick = (): void => {
    if (this.#popover.open || this.#opening) this.close();
    else this.#open('first');
  };

  readonly #onButtonKeyDown = (event: KeyboardEvent): void => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !this.#popover.open) {
      event.preventDefault();
      this.#open(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  readonly #onPopupKeyDown = (event: KeyboardEvent): void => {
    this.#popover.handleEscape(event);
  };

  /** The "Add filter" button and its popup: the menu of fields, or one field's values. */
  render(state: ReportSnapshot, lang: Lang): TemplateResult {
    const open = this.#popover.open;
    return html`<button
        id="add-button"
        type="button"
        part="add-button"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="add-popup"
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeyDown}
        @pointerenter=${this.#prefetch}
        @focus=${this.#prefetch}
      >
        ${translate(lang, 'filters.add')}
      </button>
      <div id="add-popup" popover="manual" part="popup add-popup" tabindex="-1" ?hidden=${!open} @keydown=${this.#onPopupKeyDown}>
        ${open && this.#panel ? this.#panel.render(state, lang) : nothing}
      </div>`;
  }
}
