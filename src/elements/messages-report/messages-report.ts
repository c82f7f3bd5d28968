import { html, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { GROUP_BYS, type GroupBy } from '../../core/contract/types.js';
import type { SerializableState } from '../../core/query/report-state.js';
import type { StateChange } from '../../core/query/state-change.js';
import { DEFAULT_LANG, matchLang, type Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import type { MsgReport } from '../report/report.js';
import { ReportSettingsElement } from '../shared/report-settings-element.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { messagesReportStyles } from './messages-report.styles.js';

/**
 * The whole Messages report in one tag, laid out as the original page: filters on top; incoming
 * messages; outgoing messages with a grouping switch (channel, source, type, subtype); outgoing
 * delivery over time; the incoming list, the outgoing list and the failed log. It takes every
 * attribute and property of `<msg-report>` and passes them to the report inside it.
 *
 * The elements it composes must be defined: `import 'msg-report'` defines them all.
 *
 * @tag msg-messages-report
 * @summary The complete Messages report.
 *
 * @fires msg-state-change - The report's state changed (from the report inside).
 * @fires msg-error - A setting is invalid or a request failed.
 * @fires msg-point-select - A bar, slice or metric was picked.
 * @fires msg-contact-select - A contact was picked in a list.
 * @fires msg-data-export - The "Data Export" action of a capped list was used.
 *
 * @csspart report - The inner `<msg-report>`.
 * @csspart section - Each section; also `filters`, `incoming`, `outgoing`, `delivery`,
 *   `incoming-list`, `outgoing-list` and `failed-list`.
 * @csspart heading - Each section's heading.
 * @csspart grouping - The outgoing grouping switch.
 *
 * @cssprop --msg-gap - Space between sections.
 * @cssprop --msg-surface-color - Section background.
 * @cssprop --msg-border-color - Section borders.
 * @cssprop --msg-radius - Section corners.
 */
export class MsgMessagesReport extends ReportSettingsElement {
  static override styles = [tokenStyles, messagesReportStyles];

  /** Mirrors range and filters to the page URL (see `<msg-report sync-url>`). */
  @property({ attribute: 'sync-url' }) syncUrl?: string;

  /** Clicking a bar, slice or metric filters the whole report by it. */
  @property({ type: Boolean, attribute: 'cross-filter' }) crossFilter = false;

  /** Grouping of the outgoing messages: `channel`, `source`, `type` or `subtype`. */
  @property({ attribute: 'outgoing-group-by' }) outgoingGroupBy: string = 'channel';

  /** Link of the "Data Export" action shown when a list reaches its 10,000-row cap. */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  @query('msg-report') private innerReport!: MsgReport | null;

  /** The report's state (see `<msg-report>`'s `state`); setting it changes the named fields. */
  get state(): SerializableState | undefined {
    return this.innerReport?.state;
  }
  set state(value: unknown) {
    void this.updateComplete.then(() => {
      if (this.innerReport) this.innerReport.state = value;
    });
  }

  /** Applies a change of range, filters, zone or language as one state change. */
  applyChange(change: StateChange | unknown): void {
    void this.updateComplete.then(() => this.innerReport?.applyChange(change));
  }

  get #lang(): Lang {
    return matchLang(this.lang) ?? matchLang(this.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LANG;
  }

  get #groupBy(): GroupBy {
    return (GROUP_BYS as readonly string[]).includes(this.outgoingGroupBy) ? (this.outgoingGroupBy as GroupBy) : 'channel';
  }

  #onGroupingChange = (event: Event): void => {
    this.outgoingGroupBy = (event.target as HTMLInputElement).value;
  };

  #section(name: string, titleKey: Parameters<typeof translate>[1], content: TemplateResult): TemplateResult {
    const id = `heading-${name}`;
    // A group, not a section: the elements inside are labelled regions already, and two regions
    // with one name would confuse landmark navigation.
    return html`<div class="section" role="group" part="section ${name}" aria-labelledby=${id}>
      <h2 part="heading" id=${id}>${translate(this.#lang, titleKey)}</h2>
      ${content}
    </div>`;
  }

  protected override render(): TemplateResult {
    const lang = this.#lang;
    const groupBy = this.#groupBy;
    return html`<msg-report
      part="report"
      .endpoint=${this.endpoint}
      .timezone=${this.timezone}
      .lang=${this.lang}
      .preset=${this.preset}
      .from=${this.from}
      .to=${this.to}
      .now=${this.now}
      .filters=${this.filters}
      .getToken=${this.getToken}
      .dataSource=${this.dataSource}
      .credentials=${this.credentials}
      .syncUrl=${this.syncUrl}
      .crossFilter=${this.crossFilter}
    >
      <msg-report-filters part="section filters"></msg-report-filters>
      ${this.#section('incoming', 'report.incoming', html`<msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>`)}
      ${this.#section(
        'outgoing',
        'report.outgoing',
        html`<fieldset class="grouping" part="grouping">
            <legend>${translate(lang, 'report.groupBy')}</legend>
            ${GROUP_BYS.map(
              (option) =>
                html`<label>
                  <input
                    type="radio"
                    name="outgoing-group-by"
                    value=${option}
                    .checked=${option === groupBy}
                    @change=${this.#onGroupingChange}
                  />
                  ${translate(lang, `groupBy.${option}`)}
                </label>`,
            )}
          </fieldset>
          <msg-breakdown-chart direction="outgoing" group-by=${groupBy}></msg-breakdown-chart>`,
      )}
      ${this.#section('delivery', 'report.delivery', html`<msg-delivery-line></msg-delivery-line>`)}
      ${this.#section('incoming-list', 'report.incomingList', html`<msg-table kind="incoming" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('outgoing-list', 'report.outgoingList', html`<msg-table kind="outgoing" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('failed-list', 'report.failedList', html`<msg-table kind="failed" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
    </msg-report>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-messages-report': MsgMessagesReport;
  }
}
