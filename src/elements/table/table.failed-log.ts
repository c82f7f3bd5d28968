/**
 * What the failed log shows beyond the other two lists: what known provider error codes mean, in
 * the report's language, and the summary of failures by error code. Only that log has them, so
 * their modules load with its first page, and the other lists never download them.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../i18n/locales.js';
import type { ErrorExplainer } from '../../i18n/provider-errors.js';
import type { RowsJob } from './table.export.js';
import type { FailureGroups } from './table.groups.js';
import type { MessageListing } from './table.listing.js';

export interface FailedLogOptions {
  /** The list's job of fetching every row, which the summary runs (its module loaded on first use). */
  job(): Promise<RowsJob>;
  /** The language whose sentences to load: the report's. */
  lang(): Lang;
  /** The listing on screen, which the summary counts. */
  listing(): MessageListing | undefined;
}

export class FailedLogExtras {
  readonly #host: ReactiveControllerHost;
  readonly #options: FailedLogOptions;
  #groups: FailureGroups | undefined;
  /** What known error codes mean, per language loaded. */
  readonly #explainers = new Map<Lang, ErrorExplainer>();

  constructor(host: ReactiveControllerHost, options: FailedLogOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The summary by error code, once its module is in. */
  get groups(): FailureGroups | undefined {
    return this.#groups;
  }

  /** What the codes mean in `lang`, once loaded. */
  explainer(lang: Lang): ErrorExplainer | undefined {
    return this.#explainers.get(lang);
  }

  async loadGroups(): Promise<void> {
    if (this.#groups) return;
    const [{ FailureGroups }, job] = await Promise.all([import('./table.groups.js'), this.#options.job()]);
    this.#groups ??= new FailureGroups(this.#host, job, { listing: () => this.#options.listing() });
  }

  /**
   * Loads what known error codes mean in the report's language (the module and that language's
   * sentences, on first use); renders again once they are in.
   */
  async explainErrors(): Promise<void> {
    const lang = this.#options.lang();
    if (this.#explainers.has(lang)) return;
    const { providerErrors } = await import('../../i18n/provider-errors.js');
    this.#explainers.set(lang, await providerErrors(lang));
    this.#host.requestUpdate();
  }
}
