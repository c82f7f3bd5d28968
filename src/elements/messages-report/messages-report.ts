import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { GROUP_BYS, type GroupBy } from '../../core/contract/types.js';
import type { ReportSettings } from '../../core/store/report-store.js';
import { formatTimeOfDay } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { ReportProviderElement } from '../shared/report-provider.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { messagesReportStyles } from './messages-report.styles.js';

/**
 * The whole Messages report in one tag, laid out as the original page: filters on top; incoming
 * messages; outgoing messages with a grouping switch (channel, source, type, subtype); outgoing
 * delivery over time; the incoming list, the outgoing list and the failed log. It is a report
 * itself: it takes every attribute and property of `<msg-report>`, and hands its store to the
 * elements it composes (and to any element naming it with `for`).
 *
 * The elements it composes must be defined: `import 'msg-report'` defines them all.
 *
 * @tag msg-messages-report
 * @summary The complete Messages report.
 *
 * @fires msg-state-change - A person changed the report (see `<msg-report>`).
 * @fires msg-error - A setting is invalid or a request failed.
 * @fires msg-point-select - A bar, slice or metric was picked.
 * @fires msg-contact-select - A contact was picked in a list.
 * @fires msg-data-export - The "Data Export" action of a capped list was used.
 * @fires msg-ready - Every section drew what it has to show: filters, charts finished, lists' first
 *   rows; again after each change of the report once all are drawn (see `ready`).
 *
 * @csspart report - The box holding every section.
 * @csspart section - Each section; also `filters`, `incoming`, `outgoing`, `delivery`,
 *   `incoming-list`, `outgoing-list` and `failed-list`.
 * @csspart heading - Each section's heading.
 * @csspart grouping - The outgoing grouping switch.
 * @csspart updated - "Updated 15:04": when the figures on screen were loaded (see `lastUpdated`),
 *   in the report's time zone and language.
 */
export class MsgMessagesReport extends ReportProviderElement {
  static override styles = [tokenStyles, messagesReportStyles];

  /**
   * Grouping of the outgoing messages: `channel` (the default), `source`, `type` or `subtype`. An
   * input, as every attribute: a person's pick in the grouping switch goes to the report's state
   * (`state.outgoingGroupBy`, the URL with `sync-url`) and fires `msg-state-change`; setting this
   * again changes it for everyone, without the event. Another value shows `channel` and is
   * reported with `msg-error`.
   */
  @property({ attribute: 'outgoing-group-by' }) outgoingGroupBy?: GroupBy;

  /** Link of the "Data Export" action shown when a list reaches its 10,000-row cap. */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  /** The grouping shown: the report's (a person's pick, else `outgoing-group-by`), else `channel`. */
  get #groupBy(): GroupBy {
    return this.store.state.outgoingGroupBy ?? 'channel';
  }

  /** The report's settings from the attributes, with the grouping: a report setting like the range. */
  protected override inputSettings(changed: PropertyValues, all: boolean): ReportSettings | undefined {
    const settings = super.inputSettings(changed, all);
    if (!all && !changed.has('outgoingGroupBy')) return settings;
    return { ...settings, outgoingGroupBy: this.outgoingGroupBy };
  }

  readonly #onGroupingChange = (event: Event): void => {
    // A person's pick: part of the report's state (and its URL), announced with msg-state-change.
    this.store.change({ outgoingGroupBy: (event.target as HTMLInputElement).value });
  };

  #section(name: string, titleKey: Parameters<typeof translate>[1], content: TemplateResult): TemplateResult {
    const id = `heading-${name}`;
    // A group, not a section: the elements inside are labelled regions already, and two regions
    // with one name would confuse landmark navigation.
    return html`<div class="section" role="group" part="section ${name}" aria-labelledby=${id}>
      ${this.#stringsIn ? html`<h2 part="heading" id=${id}>${translate(this.reportLang, titleKey)}</h2>` : nothing} ${content}
    </div>`;
  }

  /** Whether the strings of the report's language are in (see `rendersBeforeStrings`). */
  get #stringsIn(): boolean {
    return this.displayLang !== undefined;
  }

  /** When the figures were loaded, as a CRM manager reads a dashboard: one line under the filters. */
  #updatedLine(lang: Lang): TemplateResult | typeof nothing {
    const at = this.lastUpdated;
    if (!at || !this.#stringsIn) return nothing;
    const time = formatTimeOfDay(lang, this.store.state.timezone, at.getTime());
    return html`<p class="updated" part="updated">
      <time datetime=${at.toISOString()}>${translate(lang, 'report.updated', { time })}</time>
    </p>`;
  }

  #grouping(lang: Lang, groupBy: GroupBy): TemplateResult {
    return html`<fieldset class="grouping" part="grouping">
      <legend>${translate(lang, 'report.groupBy')}</legend>
      ${GROUP_BYS.map(
        (option) =>
          html`<label>
            <input type="radio" name="outgoing-group-by" value=${option} .checked=${option === groupBy} @change=${this.#onGroupingChange} />
            ${translate(lang, `groupBy.${option}`)}
          </label>`,
      )}
    </fieldset>`;
  }

  protected override get rendersBeforeStrings(): boolean {
    return true;
  }

  protected override render(): TemplateResult {
    const lang = this.reportLang;
    const groupBy = this.#groupBy;
    // Until its strings are in, the report holds only the elements it composes, hidden: they are
    // created at once and load their data and ECharts meanwhile, instead of after the strings.
    return html`<div part="report" class=${this.#stringsIn ? '' : 'awaiting-strings'}>
      <msg-report-filters part="section filters"></msg-report-filters>
      ${this.#updatedLine(lang)}
      ${this.#section('incoming', 'report.incoming', html`<msg-breakdown-chart no-heading direction="incoming" group-by="channel"></msg-breakdown-chart>`)}
      ${this.#section(
        'outgoing',
        'report.outgoing',
        html`${this.#stringsIn ? this.#grouping(lang, groupBy) : nothing}
          <msg-breakdown-chart no-heading direction="outgoing" group-by=${groupBy}></msg-breakdown-chart>`,
      )}
      ${this.#section('delivery', 'report.delivery', html`<msg-delivery-line no-heading></msg-delivery-line>`)}
      ${this.#section('incoming-list', 'report.incomingList', html`<msg-table no-heading kind="incoming" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('outgoing-list', 'report.outgoingList', html`<msg-table no-heading kind="outgoing" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
      ${this.#section('failed-list', 'report.failedList', html`<msg-table no-heading kind="failed" data-export-href=${this.dataExportHref ?? ''}></msg-table>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'msg-messages-report': MsgMessagesReport;
  }
}
