import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReportDataSource } from '../../core/client/data-source.js';
import { ReportError, isAbortError } from '../../core/client/errors.js';
import type { FilterField, ReportQuery } from '../../core/contract/types.js';
import { notApplicableFilters, type QueryScope } from '../../core/query/applicability.js';
import type { ReportSnapshot } from '../../core/store/report-store.js';
import type { Lang } from '../../i18n/locales.js';
import { BASE_STRINGS, hasMessages, loadMessages } from '../../i18n/translate.js';
import { emit, type ReadyState } from './events.js';
import { describeProblem, describeRequestError, type CheckedAttributes } from './problems.js';
import { ReportConsumerElement } from './report-consumer-element.js';
import { emptyView, errorView, invalidView, loadingView, notApplicableView } from './state-views.js';
import { AbortOnDisconnect } from './task-lifecycle.js';

/** An answer from the endpoint, with the request it answered and when it arrived. */
export interface Answer<TRequest, TData> {
  readonly request: TRequest;
  readonly data: TData;
  readonly receivedAt: number;
}

/** Why the element sends no request: bad settings (messages to show) or inapplicable filters. */
type Blocked =
  { readonly invalid: readonly string[] } | { readonly notApplicable: readonly FilterField[] } | { readonly note: string } | undefined;

interface PendingRequest<TRequest> {
  readonly source: ReportDataSource;
  readonly request: TRequest;
  readonly key: string;
  /** The report's revision it was made for: a newer one is a refresh. */
  readonly revision: number;
  /** A refresh of what is on screen: no loading state, the answer replaced once it arrives. */
  readonly quiet: boolean;
}

/**
 * Base of every element that shows one query's answer (the charts and the lists). It owns the
 * way from the report's state to what is on screen:
 * - its own attributes, checked (`checkConfig`), shown and reported to the host when bad;
 * - the state ladder: no report → invalid settings → not applicable → loading / empty / error
 *   (with retry) / the answer, the previous answer staying on screen, dimmed, while a new one loads;
 * - one request per distinct query through a `@lit/task` whose `AbortSignal` reaches `fetch`,
 *   aborted when the element leaves the page and run again when it returns;
 * - the heading, `refresh()` and `loadComplete`.
 *
 * Subclasses say what to ask (`requestFor`, `fetchData`), when an answer is empty, and how to
 * draw it (`renderAnswer`).
 *
 * @fires msg-error - A request failed after its retries, or an attribute is invalid.
 */
export abstract class MsgDataElement<TConfig, TRequest, TData> extends ReportConsumerElement {
  /** Replaces the element's default, localised title. */
  @property() heading = '';

  /**
   * Leaves out the visible title, for a host that titles the element itself (as
   * `<msg-messages-report>` does each section); the title still names the element's region.
   */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  #config: CheckedAttributes<TConfig> | undefined;
  #blocked: Blocked;
  #pending: PendingRequest<TRequest> | undefined;
  #reportedAttributeErrors = '';
  /** Whether the request loading now takes longer than usual. */
  #slow = false;
  /** What a quiet reload replaces: kept on screen should the reload fail (its error still reported). */
  #kept: Answer<TRequest, TData> | undefined;

  readonly #task = new Task(this, {
    args: () => [this.#pending] as const,
    task: async ([pending], { signal }): Promise<Answer<TRequest, TData> | typeof initialState> => {
      if (!pending) return initialState;
      this.#slow = false;
      // After a quarter of the load's deadline (at most 5 s), the loading state says it is slow.
      const slow = setTimeout(
        () => {
          if (signal.aborted) return;
          this.#slow = true;
          this.requestUpdate();
        },
        Math.min(5_000, (this.report?.deadlineMs ?? 0) / 4),
      );
      try {
        const data = await this.fetchData(pending.request, pending.source, signal);
        return { request: pending.request, data, receivedAt: Date.now() };
      } catch (error) {
        if (!isAbortError(error) && !signal.aborted) this.reportRequestError(error);
        throw error;
      } finally {
        clearTimeout(slow);
      }
    },
  });

  constructor() {
    super();
    new AbortOnDisconnect(this, this.#task);
  }

  /** The element's own attributes, checked, in the report's language. */
  protected abstract checkConfig(lang: Lang): CheckedAttributes<TConfig>;

  /** Which filters the element's query can honour. */
  protected abstract scopeOf(config: TConfig): QueryScope;

  /** The request for the report's query: what `fetchData` sends. */
  protected abstract requestFor(query: ReportQuery, config: TConfig, state: ReportSnapshot): TRequest;

  protected abstract fetchData(request: TRequest, source: ReportDataSource, signal: AbortSignal): Promise<TData>;

  protected abstract isEmpty(data: TData): boolean;

  /** The default, localised title. */
  protected abstract defaultHeading(lang: Lang): string;

  /** The answer on screen; `busy` while a newer one loads. */
  protected abstract renderAnswer(answer: Answer<TRequest, TData>, busy: boolean): TemplateResult;

  /** The checked attributes, or `undefined` while any is bad. */
  protected get config(): TConfig | undefined {
    return this.#config?.ok ? this.#config.value : undefined;
  }

  /** The current title: `heading`, else the default. */
  protected get displayHeading(): string {
    return this.heading || this.defaultHeading(this.reportLang);
  }

  /** The latest answer (the one on screen, or the one a pending request will replace). */
  protected get answer(): Answer<TRequest, TData> | undefined {
    return this.#task.value;
  }

  /** The answer on screen now: `undefined` in every other state (loading, empty, error…). */
  protected get shownAnswer(): Answer<TRequest, TData> | undefined {
    const answer = this.#keptAfterFailure ?? this.#task.value;
    const status = this.#task.status;
    if (this.#blocked || !answer || this.isEmpty(answer.data)) return undefined;
    return status === TaskStatus.COMPLETE || status === TaskStatus.PENDING || this.#keptAfterFailure ? answer : undefined;
  }

  /** After a quiet reload failed: the answer it was to replace, still on screen. */
  get #keptAfterFailure(): Answer<TRequest, TData> | undefined {
    const failed = this.#task.status === TaskStatus.ERROR && !isAbortError(this.#task.error);
    return failed && this.#pending?.quiet ? this.#kept : undefined;
  }

  /** True while a request is in flight, unless it quietly refreshes what is on screen. */
  protected get busy(): boolean {
    return this.#task.status === TaskStatus.PENDING && !this.#pending?.quiet;
  }

  /** Runs the query again (what the error state's Retry button does). */
  refresh(): void {
    void this.#task.run();
  }

  /**
   * Whether `answer`, on screen now, is drawn: true unless the element draws it later (charts
   * wait for ECharts, which calls {@link checkReady} when it finished).
   */
  protected answerDrawn(_answer: Answer<TRequest, TData>): boolean {
    return true;
  }

  protected override drawnState(): ReadyState | undefined {
    const blocked = this.#blocked;
    if (blocked) return 'invalid' in blocked ? 'invalid' : 'not-applicable';
    // After a failed quiet reload, what is on screen is the answer it was to replace.
    const kept = this.#keptAfterFailure;
    const status = kept ? TaskStatus.COMPLETE : this.#task.status;
    switch (status) {
      case TaskStatus.ERROR:
        return isAbortError(this.#task.error) ? undefined : 'error';
      case TaskStatus.COMPLETE: {
        const answer = kept ?? this.#task.value;
        if (!answer) return undefined;
        if (this.isEmpty(answer.data)) return 'empty';
        return this.answerDrawn(answer) ? 'data' : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Resolves once the current query has settled, whether it succeeded or failed. */
  get loadComplete(): Promise<void> {
    return this.#task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const lang = this.reportLang;
    this.#config = this.checkConfig(lang);
    const state = this.report;
    this.#blocked = this.#whyNoRequest(state, lang);
    const config = this.config;
    const query = state?.query;
    const source = state?.dataSource;
    if (this.#blocked || !config || !query || !source) {
      this.#pending = undefined;
      return;
    }
    const request = this.requestFor(query, config, state);
    const key = JSON.stringify(request);
    const previous = this.#pending;
    // A new object only for a new query or a refresh, so the task runs once for each.
    if (previous?.key !== key || previous.source !== source || previous.revision !== state.revision) {
      const quiet = previous !== undefined && previous.revision !== state.revision && this.#task.value !== undefined;
      this.#pending = { source, request, key, revision: state.revision, quiet };
      this.#kept = quiet ? this.#task.value : undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Reported once worded: the messages are empty until the strings of the report's language are in.
    if (!this.stringsCurrent) return;
    const messages = this.#config && !this.#config.ok ? this.#config.messages : [];
    const key = messages.join('\n');
    if (key && key !== this.#reportedAttributeErrors) {
      for (const message of messages) emit(this, 'msg-error', { source: 'input', code: 'badAttribute', severity: 'error', message });
    }
    this.#reportedAttributeErrors = key;
  }

  /**
   * Tells the host that a request failed (after any retries): `msg-error`, worded in the report's
   * language (once its strings are in, at once when they are).
   */
  protected reportRequestError(error: unknown): void {
    const known = error instanceof ReportError ? error : undefined;
    const lang = this.report?.lang ?? this.reportLang;
    const tell = () =>
      emit(this, 'msg-error', {
        source: 'request',
        kind: known?.kind ?? 'invalid-response',
        status: known?.status,
        problem: known?.problem,
        message: describeRequestError(lang, error),
      });
    // Request errors are worded with the base strings (`error.*`).
    if (hasMessages(lang, BASE_STRINGS)) tell();
    else void loadMessages(lang, BASE_STRINGS).then(tell, tell);
  }

  #whyNoRequest(state: ReportSnapshot | undefined, lang: Lang): Blocked {
    if (this.#config && !this.#config.ok) return { invalid: this.#config.messages };
    const missing = this.missingReportMessage;
    if (missing || !state) return { invalid: [missing ?? ''] };
    const errors = state.problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) return { invalid: errors.map((problem) => describeProblem(lang, problem)) };
    const config = this.config;
    const fields = config ? notApplicableFilters(this.scopeOf(config), state.filters) : [];
    if (fields.length > 0) return { notApplicable: fields };
    const note = config ? this.notApplicableNote(config, state, lang) : undefined;
    return note !== undefined ? { note } : undefined;
  }

  /**
   * Why this element cannot honour a part of the state that is not a filter (a list under a drill
   * it cannot take), worded; it then shows that and sends no request. None by default.
   */
  protected notApplicableNote(_config: TConfig, _state: ReportSnapshot, _lang: Lang): string | undefined {
    return undefined;
  }

  /** The state ladder: what the element shows below its heading. */
  protected renderBody(): TemplateResult {
    const lang = this.reportLang;
    const blocked = this.#blocked;
    if (blocked && 'invalid' in blocked) return invalidView(lang, blocked.invalid);
    if (blocked && 'note' in blocked) return html`<div class="state" part="not-applicable" role="status">${blocked.note}</div>`;
    if (blocked) return notApplicableView(lang, blocked.notApplicable);
    return this.#task.render({
      initial: () => loadingView(lang),
      pending: () => {
        const previous = this.#task.value;
        const quiet = this.#pending?.quiet === true;
        if (previous && !this.isEmpty(previous.data)) return this.renderAnswer(previous, !quiet);
        return previous && quiet ? emptyView(lang) : loadingView(lang, this.#slow);
      },
      complete: (answer) => (this.isEmpty(answer.data) ? emptyView(lang) : this.renderAnswer(answer, false)),
      error: (error) => {
        const kept = this.#keptAfterFailure;
        if (kept) return this.isEmpty(kept.data) ? emptyView(lang) : this.renderAnswer(kept, false);
        return isAbortError(error) ? loadingView(lang) : errorView(lang, error, () => this.refresh());
      },
    });
  }
}
