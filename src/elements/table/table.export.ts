/**
 * Fetching every row of `<msg-table>`'s query, for the CSV download or the failures summary: one
 * job at a time, with a progress bar and a Cancel button while it runs, and, when it fails, why,
 * with a Retry button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isAbortError } from '../../core/client/errors.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { describeRequestError } from '../shared/problems.js';

/** What the rows are fetched for: the CSV download, or the failures summary. */
export type RowsJobKind = 'csv' | 'groups';

/** Reports the rows held and the rows expected after each page. */
export type ProgressCallback = (loaded: number, expected: number) => void;

interface RunningJob {
  readonly kind: RowsJobKind;
  readonly controller: AbortController;
  loaded: number;
  expected: number;
}

export interface RowsJobOptions {
  /** Tells the host that a job failed (not when it was cancelled). */
  readonly reportError: (error: unknown) => void;
  /** A person cancelled a job (or the element left the page while one ran). */
  readonly onCancelled: (kind: RowsJobKind) => void;
  /** What the Retry button does for a failed job. */
  readonly retry: (kind: RowsJobKind) => void;
}

export class RowsJob implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RowsJobOptions;
  #running: RunningJob | undefined;
  #failed: { readonly kind: RowsJobKind; readonly error: unknown } | undefined;

  constructor(host: ReactiveControllerHost, options: RowsJobOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The kind of the job that runs, or `undefined` while none does. */
  get running(): RowsJobKind | undefined {
    return this.#running?.kind;
  }

  /** True while the last job's failure shows. */
  get failed(): boolean {
    return this.#failed !== undefined;
  }

  /**
   * Runs `work` as the job of `kind`, unless one runs already. It gets the job's abort signal and
   * a progress callback; a failure shows (and is reported), an abort does not.
   */
  async run(kind: RowsJobKind, work: (signal: AbortSignal, onProgress: ProgressCallback) => Promise<void>): Promise<void> {
    if (this.#running) return;
    const job: RunningJob = { kind, controller: new AbortController(), loaded: 0, expected: 0 };
    this.#running = job;
    this.#failed = undefined;
    this.#host.requestUpdate();
    try {
      await work(job.controller.signal, (loaded, expected) => {
        job.loaded = loaded;
        job.expected = expected;
        this.#host.requestUpdate();
      });
    } catch (error) {
      if (!job.controller.signal.aborted && !isAbortError(error)) {
        this.#failed = { kind, error };
        this.#options.reportError(error);
      }
    } finally {
      if (this.#running === job) this.#running = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Stops the running job (what its Cancel button does). */
  cancel(): void {
    const job = this.#running;
    if (!job) return;
    job.controller.abort(new DOMException('cancelled', 'AbortError'));
    this.#running = undefined;
    this.#host.requestUpdate();
    this.#options.onCancelled(job.kind);
  }

  /** Stops the running job and forgets a failure, without telling anyone: the query changed. */
  drop(): void {
    this.#running?.controller.abort(new DOMException('query changed', 'AbortError'));
    this.#running = undefined;
    this.clearFailure();
  }

  /** Forgets the last failure. */
  clearFailure(): void {
    this.#failed = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The progress of the running job, with its Cancel button; nothing while none runs. */
  renderProgress(lang: Lang): TemplateResult | typeof nothing {
    const job = this.#running;
    if (!job) return nothing;
    const text = translate(lang, job.kind === 'csv' ? 'table.downloadProgress' : 'table.groupsProgress', {
      loaded: formatCount(lang, job.loaded),
      total: formatCount(lang, job.expected),
    });
    return html`<div part="progress" role="status">
      <progress max=${Math.max(job.expected, 1)} .value=${job.loaded} aria-label=${text}></progress>
      <span>${text}</span>
      <button type="button" class="action" part="cancel" @click=${() => this.cancel()}>${translate(lang, 'table.cancel')}</button>
    </div>`;
  }

  /** Why the last job failed, with a Retry button; nothing while it has not. */
  renderFailure(lang: Lang): TemplateResult | typeof nothing {
    const failed = this.#failed;
    if (!failed) return nothing;
    const reason = describeRequestError(lang, failed.error);
    return html`<div part="export-error" role="alert">
      <span>${translate(lang, failed.kind === 'csv' ? 'table.downloadFailed' : 'table.loadMoreFailed', { reason })}</span>
      <button type="button" class="action" part="retry" @click=${this.#retry}>${translate(lang, 'state.retry')}</button>
    </div>`;
  }

  readonly #retry = (): void => {
    const failed = this.#failed;
    this.clearFailure();
    if (failed) this.#options.retry(failed.kind);
  };
}
