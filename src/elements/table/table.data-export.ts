/**
 * The cap notice of `<msg-table>`: more messages match than the list holds, so it says how many
 * and offers Data Export, as a link to the host's `data-export-href` (http(s) or relative only)
 * or, without one, as a button. Either fires the cancelable `msg-data-export` with the query.
 */
import { html, type TemplateResult } from 'lit';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { emit } from '../shared/events.js';
import { describeBadAttribute } from '../shared/problems.js';
import type { MessageListing } from './table.listing.js';

/**
 * `value` as an http(s) URL resolved against `base`: `undefined` when unset, `null` when it is
 * anything else (`javascript:`, `data:`…), so no script URL can ever reach an `href`.
 */
export function safeHttpUrl(value: string | undefined, base: string): string | undefined | null {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface DataExportOptions {
  /** The host's `data-export-href`, as set. */
  readonly href: () => string | undefined;
  /** The report's language, for the warning about a refused `href`. */
  readonly lang: () => Lang;
  /** The current query's listing: what Data Export is asked for. */
  readonly listing: () => MessageListing | undefined;
}

export class DataExport {
  /** The element, which fires the events. */
  readonly #host: HTMLElement;
  readonly #options: DataExportOptions;
  /** The refused `href` last warned about, so each is reported once. */
  #reportedHref: string | undefined;

  constructor(host: HTMLElement, options: DataExportOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The checked `data-export-href`: a URL, `undefined` when unset, `null` when refused. */
  get #url(): string | undefined | null {
    return safeHttpUrl(this.#options.href(), document.baseURI);
  }

  /** Warns the host (console and `msg-error`) about a refused `href`, once per value; after each render. */
  warnAboutRefusedHref(): void {
    const refused = this.#url === null ? this.#options.href() : undefined;
    if (refused !== undefined && refused !== this.#reportedHref) {
      const lang = this.#options.lang();
      const message = describeBadAttribute(lang, 'data-export-href', refused, translate(lang, 'table.hrefAllowed'));
      console.warn(`msg-report: ${message}`);
      emit(this.#host, 'msg-error', { source: 'input', code: 'badAttribute', severity: 'warning', message });
    }
    this.#reportedHref = refused;
  }

  /** Tells the host; a listener's `preventDefault()` keeps the link from navigating. */
  readonly #onActivate = (event: Event): void => {
    const listing = this.#options.listing();
    if (!listing) return;
    const { kind, order, tz, from, to, filters } = listing.params;
    const proceed = emit(this.#host, 'msg-data-export', {
      kind,
      order,
      query: { from, to, tz, filters },
      total: listing.total,
      cap: listing.cap,
      href: this.#url ?? undefined,
    });
    if (!proceed) event.preventDefault();
  };

  /** The notice for `listing`, whose query matches more messages than it can hold. */
  render(listing: MessageListing, lang: Lang): TemplateResult {
    const href = this.#url;
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
        href
          ? html`<a part="data-export" href=${href} @click=${this.#onActivate}>${label}</a>`
          : html`<button type="button" part="data-export" @click=${this.#onActivate}>${label}</button>`
      }
    </div>`;
  }
}
