import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { ReportError } from '../../core/client/errors.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/locales.js';
import { fire } from './events.js';
import { reportContext, type ReportContextValue } from './report-context.js';
import { ReportSettingsElement } from './report-settings-element.js';
import { describeRequestError } from './state-views.js';

/** What an element of a report needs from a `<msg-report>` it names with `for`. */
interface ObservableReport extends Element {
  observe(listener: (value: ReportContextValue) => void): () => void;
}

function isObservableReport(element: Element | null): element is ObservableReport {
  return element !== null && typeof (element as Partial<ObservableReport>).observe === 'function';
}

/**
 * Base of every element that shows part of a report. It finds its report in this order:
 * 1. `for="id"`: the `<msg-report>` with that id in the same document or shadow root;
 * 2. `endpoint` (or `dataSource`) on itself: a private report built from its own attributes;
 * 3. otherwise the nearest `<msg-report>` ancestor, through context.
 */
export abstract class ReportConsumerElement extends ReportSettingsElement {
  /** The id of a `<msg-report>` elsewhere in the page whose state this element shows. */
  @property({ attribute: 'for' }) for?: string;

  @state() private linkedReport: ReportContextValue | undefined;
  @state() private missingReport: string | undefined;

  readonly #context = new ContextConsumer(this, { context: reportContext, subscribe: true });
  #unlink: (() => void) | undefined;
  #linkedTo: string | undefined;

  /** The report this element shows, or `undefined` while it has none. */
  protected get report(): ReportContextValue | undefined {
    if (this.for) return this.linkedReport;
    if (this.isStandalone) return this.ownReport;
    return this.#context.value;
  }

  /** The id given in `for` when no `<msg-report>` has it. */
  protected get missingReportId(): string | undefined {
    return this.for ? this.missingReport : undefined;
  }

  /** True when the element runs its own report from its own attributes. */
  protected get isStandalone(): boolean {
    return !this.for && (Boolean(this.endpoint) || Boolean(this.dataSource));
  }

  /** The report's language, or the default before a report is found. */
  protected get reportLang(): Lang {
    return this.report?.state.lang ?? DEFAULT_LANG;
  }

  override connectedCallback(): void {
    // Linked before the controllers connect, so that a task they run again reads the report
    // named now, not the one seen before the element was removed.
    this.#link();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlinkReport();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('for')) this.#link();
    if (this.isStandalone && (this.settingsChanged(changed) || !this.ownReport)) this.updateOwnReport();
  }

  /** Tells the host that a request failed (after any retries): `msg-error`, worded in `lang`. */
  protected reportRequestError(error: unknown, lang: Lang = this.reportLang): void {
    const known = error instanceof ReportError ? error : undefined;
    fire(this, 'msg-error', {
      source: 'request',
      kind: known?.kind ?? 'invalid-response',
      status: known?.status,
      problem: known?.problem,
      message: describeRequestError(lang, error),
    });
  }

  #link(): void {
    if (this.for === this.#linkedTo && (this.#unlink || !this.for)) return;
    this.#unlinkReport();
    this.#linkedTo = this.for;
    if (!this.for || !this.isConnected) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(this.for) ?? null;
    if (!isObservableReport(target)) {
      this.missingReport = this.for;
      this.linkedReport = undefined;
      this.#retryLinkWhenReady(target);
      return;
    }
    this.missingReport = undefined;
    this.#unlink = target.observe((value) => {
      this.linkedReport = value;
    });
  }

  /** Looks for the report again once it is upgraded, or once the page has been parsed. */
  #retryLinkWhenReady(target: Element | null): void {
    const retry = () => {
      if (this.missingReport && this.isConnected) {
        this.#linkedTo = undefined;
        this.#link();
      }
    };
    if (target && target.localName === 'msg-report') {
      void customElements.whenDefined('msg-report').then(retry);
    } else if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', retry, { once: true });
    }
  }

  #unlinkReport(): void {
    this.#unlink?.();
    this.#unlink = undefined;
    this.#linkedTo = undefined;
  }
}
