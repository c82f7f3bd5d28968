import { css, html } from 'lit';
import { BASE_STRINGS, type StringsPart } from '../../i18n/translate.js';
import { ReportProviderElement } from '../shared/report-provider.js';
import { themeHostStyles } from '../shared/tokens.styles.js';

/**
 * The shared context of a report: endpoint, time zone, language, date range and filters. Every
 * `msg-*` element inside it, or pointing at it with `for="its-id"`, reads its one store: the same
 * state, and one client that de-duplicates, caches and aborts requests.
 *
 * Its attributes and properties are inputs: setting one changes that part of the report. A
 * person's changes (filters, a cross-filtering click, the interval switch, a list's order) change the store, not
 * the attributes; `state` and `store.state` always read the current state.
 *
 * Bad attribute values never throw: the elements show what is wrong, in the report's language,
 * and the report fires `msg-error` with the same message; valid settings and filters are kept.
 *
 * @tag msg-report
 * @summary The shared context of a Messages report.
 * @slot - The report's elements, laid out by the host.
 * @fires msg-state-change - A person changed the report (range, filters, delivery interval,
 *   outgoing grouping, a list's time order; also back and forward with `sync-url`); `detail` is
 *   the JSON-serialisable state. Never fired for what the host's code sets, as the DOM's `change`
 *   event.
 * @fires msg-error - A setting is invalid, or part of a requested state was ignored
 *   (`detail.source: 'input'`); a request of an element inside failed (`'request'`). A drill in a
 *   link or saved state that no longer fits is fitted and reported as a warning: its period
 *   outside the range dropped (`drillOutsideRange`) or cut to it (`drillClipped`), its group
 *   outside the filters dropped (`drillOutsideFilters`); the lists say so too.
 * @fires msg-ready - Every element of the report drew what it has to show; again after each
 *   change of the report once all are drawn (see `ready`).
 */
export class MsgReport extends ReportProviderElement {
  static override styles = [
    themeHostStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /**
   * The base strings are what every element inside needs (their problems too); a chart inside
   * asks for the charts' strings itself, so a report of filters and lists never loads them.
   */
  protected override get stringsParts(): readonly StringsPart[] {
    return BASE_STRINGS;
  }

  /** Only a slot: it renders at once, while the strings its elements need load. */
  protected override get needsStrings(): boolean {
    return false;
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
