/** The failed log's failures counted by provider error code: the count, the toggle, the summary table. */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MessageRow } from '../../core/contract/types.js';
import { formatCount, formatPercent } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import type { ErrorExplainer } from '../../i18n/provider-errors.js';
import { translate } from '../../i18n/translate.js';
import type { RowsJob } from './table.export.js';
import type { MessageListing } from './table.listing.js';
import { BULK_PAGE_SIZE, type ErrorGroup } from './table.types.js';

/**
 * One group per error code, most failures first (ties by code). Providers reuse codes (`400`,
 * `429`…) with different messages, so each group lists its distinct messages with their counts.
 */
export function groupFailuresByCode(rows: readonly MessageRow[]): ErrorGroup[] {
  const groups = new Map<string, { count: number; messages: Map<string, number>; kinds: Set<string> }>();
  for (const row of rows) {
    if (!row.error) continue;
    let group = groups.get(row.error.code);
    if (!group) {
      group = { count: 0, messages: new Map(), kinds: new Set() };
      groups.set(row.error.code, group);
    }
    group.count += 1;
    group.kinds.add(row.channel.kind);
    group.messages.set(row.error.message, (group.messages.get(row.error.message) ?? 0) + 1);
  }
  const byCountThen =
    <T>(count: (x: T) => number, key: (x: T) => string) =>
    (a: T, b: T) =>
      count(b) - count(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [...groups]
    .map(([code, group]) => ({
      code,
      count: group.count,
      kinds: [...group.kinds].sort(),
      messages: [...group.messages]
        .map(([message, count]) => ({ message, count }))
        .sort(
          byCountThen(
            (m) => m.count,
            (m) => m.message,
          ),
        ),
    }))
    .sort(
      byCountThen(
        (g) => g.count,
        (g) => g.code,
      ),
    );
}

export interface FailureGroupsOptions {
  /** The current query's listing, whose rows are counted. */
  readonly listing: () => MessageListing | undefined;
}

/**
 * The failed log's "Group by error code": the toggle button, and the summary of every row of the
 * query by provider error code. Exact counts need every row, so turning it on fetches the rows
 * not held yet, as a job with progress; cancelling that job turns it off again.
 */
export class FailureGroups {
  readonly #host: ReactiveControllerHost;
  readonly #job: RowsJob;
  readonly #options: FailureGroupsOptions;
  #on = false;

  constructor(host: ReactiveControllerHost, job: RowsJob, options: FailureGroupsOptions) {
    this.#host = host;
    this.#job = job;
    this.#options = options;
  }

  /** Turns the summary off (its job was cancelled). */
  turnOff(): void {
    this.#on = false;
    this.#host.requestUpdate();
  }

  /** Fetches the rows the summary still needs, as a job. */
  load(): void {
    const listing = this.#options.listing();
    if (!listing || listing.complete) return;
    void this.#job.run('groups', (signal, onProgress) => listing.loadAll({ signal, onProgress, limit: BULK_PAGE_SIZE }));
  }

  /**
   * After a render with `listing` on screen (`undefined` while none is, or a newer one loads):
   * while the summary is on, a failed log whose rows are not all held (a new query) fetches them.
   */
  shown(listing: MessageListing | undefined): void {
    if (this.#on && listing?.params.kind === 'failed' && !listing.complete && !this.#job.running && !this.#job.failed) this.load();
  }

  readonly #toggle = (): void => {
    this.#on = !this.#on;
    this.#host.requestUpdate();
    if (this.#on) {
      this.#job.clearFailure();
      this.load();
    } else if (this.#job.running === 'groups') {
      this.#job.cancel();
    }
  };

  /** The toolbar's toggle button; disabled while a newer answer loads. */
  renderToggle(lang: Lang, busy: boolean): TemplateResult {
    return html`<button
      type="button"
      class="action"
      part="group-toggle"
      aria-pressed=${this.#on ? 'true' : 'false'}
      ?disabled=${busy}
      @click=${this.#toggle}
    >
      ${translate(lang, 'table.groupByError')}
    </button>`;
  }

  /** The summary of `listing`'s rows, once every one is held (until then the job's progress shows). */
  render(listing: MessageListing, lang: Lang, explain: ErrorExplainer | undefined): TemplateResult | typeof nothing {
    if (!this.#on || !listing.complete) return nothing;
    const groups = groupFailuresByCode(listing.rows);
    const held = listing.rows.length;
    return html`<div>
      <table part="groups">
        <caption>
          ${translate(lang, 'table.groups.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${translate(lang, 'table.groups.code')}</th>
            <th scope="col">${translate(lang, 'table.groups.message')}</th>
            <th scope="col" class="num">${translate(lang, 'table.groups.count')}</th>
            <th scope="col" class="num">${translate(lang, 'table.groups.percent')}</th>
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            (group) =>
              html`<tr data-code=${group.code}>
                <th scope="row" dir="auto">${group.code}</th>
                <td class="message">
                  ${explain?.(group.kinds, group.code).map((sentence) => html`<p part="error-explanation">${sentence}</p>`)}
                  <ul>
                    ${group.messages.map(
                      (m) =>
                        html`<li dir="auto">${group.messages.length > 1 ? `${m.message} (${formatCount(lang, m.count)})` : m.message}</li>`,
                    )}
                  </ul>
                </td>
                <td class="num">${formatCount(lang, group.count)}</td>
                <td class="num">${formatPercent(lang, held > 0 ? group.count / held : 0)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="groups-scope">
        ${
          listing.capped
            ? translate(lang, 'table.groups.scopeCapped', { count: formatCount(lang, held), total: formatCount(lang, listing.total) })
            : translate(lang, 'table.groups.scope', { count: formatCount(lang, held) })
        }
      </p>
    </div>`;
  }
}
