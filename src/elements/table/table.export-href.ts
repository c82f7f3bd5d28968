/**
 * The table's `data-export-href`, checked at the boundary: only an http(s) or relative URL may
 * become the cap notice's link. Checked on every render, capped list or not, so a bad value is
 * reported at once; the notice itself (table.data-export.ts) loads only with a list past its cap.
 */
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { emit } from '../shared/events.js';
import { describeBadAttribute } from '../shared/problems.js';
import { safeHttpUrl } from './table.safe-url.js';

/** Tells the host (console and `msg-error`) about a refused `data-export-href`, once per value. */
export class RefusedHrefWarning {
  readonly #host: HTMLElement;
  #reported: string | undefined;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  /** After each render with the strings of `lang` in: warns when `href` is set and refused. */
  check(href: string | undefined, lang: Lang): void {
    const refused = safeHttpUrl(href, document.baseURI) === null ? href : undefined;
    if (refused !== undefined && refused !== this.#reported) {
      const message = describeBadAttribute(lang, 'data-export-href', refused, translate(lang, 'table.hrefAllowed'));
      console.warn(`msg-report: ${message}`);
      emit(this.#host, 'msg-error', { source: 'input', code: 'badAttribute', severity: 'warning', message });
    }
    this.#reported = refused;
  }
}
