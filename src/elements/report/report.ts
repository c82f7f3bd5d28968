import { css, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { serializeState } from '../../core/query/report-state.js';
import { fire } from '../shared/events.js';
import { reportContext, type ReportContextValue } from '../shared/report-context.js';
import { ReportSettingsElement } from '../shared/report-settings-element.js';

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

  readonly #provider = new ContextProvider(this, { context: reportContext });
  readonly #listeners = new Set<Listener>();
  #lastSerialized: string | undefined;

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

  override connectedCallback(): void {
    super.connectedCallback();
    // The inherited language may have changed while the element was elsewhere.
    this.requestUpdate();
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
