/**
 * The cap notice of `<msg-table>`: more messages match than the list holds, so it says how many
 * and offers Data Export, as a link to
 * - the host's `data-export-href` (http(s) or relative only), when set;
 * - else the endpoint's own export (`/export/messages`: every row of the query as the list's CSV,
 *   streamed), when its capabilities advertise it and a link can carry the report's credentials;
 * - else a button.
 * Each fires the cancelable `msg-data-export` with the query.
 *
 * Only a list past its cap shows it, so it is a module of its own that `<msg-table>` loads with the
 * first page of such a list (issue 11), and the notice appears with the rows.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { formatCount } from '../../i18n/format.js';
import { stringsLanguage, type Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { emit } from '../shared/events.js';
import { safeHttpUrl } from './table.safe-url.js';
import type { MessageListing } from './table.listing.js';

export interface DataExportOptions {
  /** The host's `data-export-href`, as set. */
  readonly href: () => string | undefined;
  /** The current query's listing: what Data Export is asked for. */
  readonly listing: () => MessageListing | undefined;
  /** The report's data source: asked whether it exports, and for the export's address. */
  readonly source: () => ReportDataSource | undefined;
}

/** Whether a source's backend advertises the list export: unknown until its capabilities answer. */
type Offer = { readonly source: ReportDataSource; exports: boolean | undefined };

export class DataExport {
  /** The element, which fires the events and renders again once the capabilities answer. */
  readonly #host: HTMLElement & Pick<ReactiveControllerHost, 'requestUpdate'>;
  readonly #options: DataExportOptions;
  /** What the current source offers (asked once per source, when a list first reaches the cap). */
  #offer: Offer | undefined;

  constructor(host: HTMLElement & Pick<ReactiveControllerHost, 'requestUpdate'>, options: DataExportOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The checked `data-export-href`: a URL, `undefined` when unset, `null` when refused. */
  get #url(): string | undefined | null {
    return safeHttpUrl(this.#options.href(), document.baseURI);
  }

  /**
   * The endpoint's export of `listing` (headers and labels in `lang`), when its source advertises
   * one; the first call for a source asks it, and the host renders again once it has answered.
   */
  #endpointExport(listing: MessageListing, lang: Lang): string | undefined {
    const source = this.#options.source();
    if (!source?.capabilities || !source.messagesExportUrl) return undefined;
    if (this.#offer?.source !== source) {
      const offer: Offer = { source, exports: undefined };
      this.#offer = offer;
      source.capabilities().then(
        (capabilities) => {
          offer.exports = capabilities.export?.messages === true;
          if (offer.exports) this.#host.requestUpdate();
        },
        // No answer is no offer: the action stays the host's (a button and its event).
        () => (offer.exports = false),
      );
    }
    if (!this.#offer.exports) return undefined;
    const { kind, order, tz, from, to, filters, status } = listing.params;
    // The file's headers and labels in the language the table's strings are in.
    return source.messagesExportUrl({ from, to, tz, filters, kind, order, ...(status ? { status } : {}), lang: stringsLanguage(lang) });
  }

  /** Where the action leads: the host's link, else the endpoint's export, else nowhere (a button). */
  #target(listing: MessageListing, lang: Lang): { href: string; endpoint: boolean } | undefined {
    const href = this.#url;
    if (href) return { href, endpoint: false };
    // A refused `href` is still the host's choice: the action stays a button, never the endpoint's.
    if (href === null) return undefined;
    const exported = this.#endpointExport(listing, lang);
    return exported ? { href: exported, endpoint: true } : undefined;
  }

  /** Tells the host; a listener's `preventDefault()` keeps the link from navigating. */
  readonly #onActivate = (event: Event): void => {
    const listing = this.#options.listing();
    if (!listing) return;
    const { kind, order, tz, from, to, filters } = listing.params;
    const link = event.currentTarget instanceof HTMLAnchorElement ? event.currentTarget.href : undefined;
    const proceed = emit(this.#host, 'msg-data-export', {
      kind,
      order,
      query: { from, to, tz, filters },
      total: listing.total,
      cap: listing.cap,
      href: link,
    });
    if (!proceed) event.preventDefault();
  };

  /** The notice for `listing`, whose query matches more messages than it can hold. */
  render(listing: MessageListing, lang: Lang): TemplateResult {
    const target = this.#target(listing, lang);
    const label = translate(lang, 'table.dataExport');
    return html`<div part="cap-notice" role="note">
      <p>
        ${translate(lang, 'table.capNotice', {
          shown: formatCount(lang, Math.min(listing.total, listing.cap)),
          total: formatCount(lang, listing.total),
          cap: formatCount(lang, listing.cap),
        })}
      </p>
      ${
        target
          ? html`<a part="data-export" href=${target.href} download=${target.endpoint ? '' : nothing} @click=${this.#onActivate}
              >${label}</a
            >`
          : html`<button type="button" part="data-export" @click=${this.#onActivate}>${label}</button>`
      }
    </div>`;
  }
}
