import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import * as v from 'valibot';
import { GROUP_BYS, type GroupBy } from '../../core/contract/types.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { ReportProviderElement } from '../shared/report-provider.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { messagesReportStyles } from './messages-report.styles.js';

const GROUPING = v.picklist(GROUP_BYS);

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
 */
export class MsgMessagesReport extends ReportProviderElement {
  static override styles = [tokenStyles, messagesReportStyles];

  /** Grouping of the outgoing messages: `channel`, `source`, `type` or `subtype`. */
  @property({ attribute: 'outgoing-group-by' }) outgoingGroupBy: GroupBy = 'channel';

  /** Link of the "Data Export" action shown when a list reaches its 10,000-row cap. */
  @property({ attribute: 'data-export-href' }) dataExportHref?: string;

  /** The grouping shown: `outgoing-group-by`, or `channel` when it holds anything else. */
  get #groupBy(): GroupBy {
    return v.is(GROUPING, this.outgoingGroupBy) ? this.outgoingGroupBy : 'channel';
  }

  readonly #onGroupingChange = (event: Event): void => {
    this.outgoingGroupBy = (event.target as HTMLInputElement).value as GroupBy;
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
