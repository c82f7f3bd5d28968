import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { serializeState, type SerializableState } from '../../core/query/report-state.js';
import { parseStateChange, toggleFilterValue, type StateChange } from '../../core/query/state-change.js';
import { translate } from '../../i18n/translate.js';
import { fire } from '../shared/events.js';
import { reportContext, type ReportContextValue } from '../shared/report-context.js';
import { ReportSettingsElement } from '../shared/report-settings-element.js';
import { readUrlState, writeUrlState } from './url-state.js';

type Listener = (value: ReportContextValue) => void;

/**
 * The shared filter context of a report: endpoint, time zone, language, date range and filters.
 * Every `msg-*` element inside it, or pointing at it with `for="its-id"`, shows the same query and
 * shares one client that de-duplicates, caches and aborts requests.
 *
 * Bad attribute values never throw: the elements show what is wrong, in the report's language,
 * and the report fires `msg-error` with the same message; valid settings and filters are kept.
 *
 * @tag msg-report
 * @summary The shared context of a Messages report.
 * @slot - The report's elements, laid out by the host.
 * @fires msg-state-change - The report's state changed; `detail` is the JSON-serialisable state.
 * @fires msg-error - A setting is invalid (`detail.source: 'input'`).
 */
export class MsgReport extends ReportSettingsElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /**
   * Mirrors the date range and filters to the page URL (`history.replaceState`), and restores
   * them from it on load and on back/forward, so a reload or a shared link shows the same report.
   * The value names the URL parameter; empty means `report`.
   */
  @property({ attribute: 'sync-url' }) syncUrl?: string;

  /**
   * Clicking a bar or slice of a chart in this report adds (or removes) its value as a filter
   * for every element, when the grouping is a filter field (channel, source, type).
   */
  @property({ type: Boolean, attribute: 'cross-filter' }) crossFilter = false;

  readonly #provider = new ContextProvider(this, { context: reportContext });
  readonly #listeners = new Set<Listener>();
  #lastSerialized: string | undefined;

  constructor() {
    super();
    this.addEventListener('msg-filter-change', (event) => {
      event.stopPropagation();
      this.applyChange(event.detail);
    });
    this.addEventListener('msg-point-select', (event) => {
      const { field, value } = event.detail;
      if (this.crossFilter && field) this.applyChange({ filters: toggleFilterValue(this.filters, field, value) });
    });
  }

  /**
   * The report's state as JSON-serialisable data: time zone, language, range and filters.
   * Setting it (an object, or JSON text as the `state` attribute) changes the fields it names and
   * keeps the rest; invalid parts are ignored and reported with `msg-error`.
   */
  @property({ attribute: 'state' })
  get state(): SerializableState | undefined {
    const value = this.ownReport;
    return value ? serializeState(value.state) : undefined;
  }
  set state(value: unknown) {
    if (value === null || value === undefined || value === '') return;
    this.applyChange(value);
  }

  /** The current state and data source; `undefined` until the element first updates. */
  get report(): ReportContextValue | undefined {
    return this.ownReport;
  }

  /**
   * Calls `listener` with the report's value now (if any) and after every change; returns the
   * function that stops it. Elements that name this report with `for` use it.
   */
  observe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.ownReport) listener(this.ownReport);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Applies a change of range, filters, time zone or language as one state change (one query per
   * element, one `msg-state-change`). Elements of the report (the filters, a cross-filter click)
   * call it through a `msg-filter-change` event, or directly when they name it with `for`.
   */
  applyChange(input: StateChange | unknown): void {
    const { change, dropped } = parseStateChange(input);
    if (dropped.length > 0) {
      const lang = this.ownReport?.state.lang ?? 'es';
      const message = translate(lang, 'problem.badState', { detail: dropped.join('; ') });
      console.warn(`msg-report: ${message}`);
      queueMicrotask(() => fire(this, 'msg-error', { source: 'input', code: 'badState', severity: 'warning', message }));
    }
    this.applySettings(change);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#restoreFromUrl();
    window.addEventListener('popstate', this.#restoreFromUrl);
    // The inherited language may have changed while the element was elsewhere.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#restoreFromUrl);
  }

  readonly #restoreFromUrl = (): void => {
    if (this.syncUrl === undefined) return;
    const saved = readUrlState(location.href, this.#urlParam);
    if (saved !== undefined) this.applyChange(saved);
  };

  get #urlParam(): string {
    return this.syncUrl || 'report';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const value = this.updateOwnReport();
    if (!value) return;
    this.#provider.setValue(value);
    for (const listener of this.#listeners) listener(value);
    const serialized = JSON.stringify(serializeState(value.state));
    if (this.#lastSerialized !== undefined && serialized !== this.#lastSerialized) {
      const detail = serializeState(value.state);
      queueMicrotask(() => fire(this, 'msg-state-change', detail));
    }
    this.#lastSerialized = serialized;
    if (this.syncUrl !== undefined) {
      const next = writeUrlState(location.href, this.#urlParam, serializeState(value.state));
      if (next !== location.href) history.replaceState(history.state, '', next);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-report': MsgReport;
  }
}
