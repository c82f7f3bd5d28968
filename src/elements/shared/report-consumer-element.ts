import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { ReportStore, type ReportSnapshot } from '../../core/store/report-store.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/locales.js';
import { loadMessages, translate } from '../../i18n/translate.js';
import type { ReadyState } from './events.js';
import { ReadySignal } from './ready.js';
import { reportContext } from './report-context.js';
import { ReportInputsElement } from './report-inputs.js';
import { StoreOwner } from './store-owner.js';

/**
 * The store of an element that holds one: `<msg-report>` or `<msg-messages-report>`, from this
 * copy of the package or another one on the page (hence no `instanceof`).
 */
function storeOf(element: Element | null): ReportStore | undefined {
  const store = (element as { store?: Partial<ReportStore> } | null)?.store;
  return typeof store?.subscribe === 'function' ? (store as ReportStore) : undefined;
}

/**
 * Base of every element that shows part of a report. It reads one store, found in this order:
 * 1. `for="id"`: the store of the `<msg-report>` with that id in the same document or shadow root;
 * 2. `endpoint` (or `dataSource`) on itself: a store of its own, configured from its attributes;
 * 3. otherwise the store of the nearest `<msg-report>` ancestor, through context.
 * It re-renders whenever that store changes, and changes the report only through it.
 *
 * @fires msg-ready - The element drew what it has to show (see `ready`); `detail.state` says what:
 *   `data`, or the `empty`, `error`, `invalid` or `not-applicable` state. Fired again after each
 *   new load is drawn. Does not bubble.
 */
export abstract class ReportConsumerElement extends ReportInputsElement {
  /** The id of a `<msg-report>` elsewhere in the page whose report this element shows. */
  @property({ attribute: 'for' }) for?: string;

  readonly #context = new ContextConsumer(this, { context: reportContext, subscribe: true });
  #ownStore: { store: ReportStore; owner: StoreOwner } | undefined;
  #store: ReportStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #waitingFor: string | undefined;
  readonly #ready = new ReadySignal(this);

  /**
   * Resolves once the element has drawn what it has to show: a chart its data (ECharts finished
   * drawing), a list its first rows, the filters their controls; or the state it settled in
   * instead (empty, error, invalid, not applicable). While a new load is under way it waits for
   * that one. A chart in a box with no size (hidden) is drawn, and ready, once it is shown.
   */
  get ready(): Promise<void> {
    return this.#ready.whenReady();
  }

  /** What the element has drawn, or `undefined` while something is still to draw. */
  protected drawnState(): ReadyState | undefined {
    return this.report ? 'data' : 'invalid';
  }

  /** Reads {@link drawnState} again (after a render, or when a chart finished drawing). */
  protected checkReady(): void {
    this.#ready.set(this.stringsCurrent ? this.drawnState() : undefined);
  }

  /** The store this element reads, or `undefined` while it has none. */
  protected get reportStore(): ReportStore | undefined {
    return this.#store;
  }

  /** The report's current state, or `undefined` while the element has no report. */
  protected get report(): ReportSnapshot | undefined {
    return this.#store?.state;
  }

  /**
   * The language the element renders in: its report's (the default before a report is found),
   * once its strings are loaded; until then the one it already shows.
   */
  protected get reportLang(): Lang {
    return this.displayLang ?? this.report?.lang ?? DEFAULT_LANG;
  }

  /** Why the element has no report, in its language; `undefined` when it has one. */
  protected get missingReportMessage(): string | undefined {
    if (this.#store) return undefined;
    const lang = this.reportLang;
    return this.for ? translate(lang, 'problem.noReport', { value: this.for }) : translate(lang, 'problem.noEndpoint');
  }

  /** True when the element runs a report of its own from its own attributes. */
  protected get isStandalone(): boolean {
    return !this.for && (Boolean(this.endpoint) || Boolean(this.dataSource));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The store may have changed while the element was away, and so may an inherited language.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#follow(this.#findStore(changed));
    this.requestStrings(this.report?.lang ?? DEFAULT_LANG);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.checkReady();
  }

  #findStore(changed: PropertyValues): ReportStore | undefined {
    if (this.for) return this.#storeNamed(this.for);
    if (!this.isStandalone) {
      this.#dropOwnStore();
      return this.#context.value;
    }
    const first = !this.#ownStore;
    if (!this.#ownStore) {
      // The first state makes the page's first `Intl` formatter, which sets up ICU (20–40 ms on
      // this project's machine): the strings' download starts before it, so the two overlap
      // instead of the strings waiting for it (issue 11). `loadMessages` reads the tag without `Intl`.
      void loadMessages(this.requestedLang?.trim() || DEFAULT_LANG, this.stringsParts).catch(() => undefined);
      const store = new ReportStore();
      this.#ownStore = { store, owner: new StoreOwner(this, store) };
    }
    const settings = this.inputSettings(changed, first);
    if (settings) this.#ownStore.store.configure(settings);
    if (first) this.#ownStore.owner.start();
    return this.#ownStore.store;
  }

  /** The store of the report with `id`; until one exists, looks again once it may. */
  #storeNamed(id: string): ReportStore | undefined {
    const target = this.isConnected ? (this.getRootNode() as Document | ShadowRoot).getElementById(id) : null;
    const store = storeOf(target);
    if (!store && this.isConnected && this.#waitingFor !== id) {
      this.#waitingFor = id;
      const retry = () => {
        this.#waitingFor = undefined;
        this.requestUpdate();
      };
      if (target?.localName.startsWith('msg-')) void customElements.whenDefined(target.localName).then(retry);
      else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', retry, { once: true });
    }
    return store;
  }

  #dropOwnStore(): void {
    if (!this.#ownStore) return;
    this.removeController(this.#ownStore.owner);
    this.#ownStore = undefined;
  }

  #follow(store: ReportStore | undefined): void {
    if (store === this.#store && (this.#unsubscribe || !store || !this.isConnected)) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (store && this.isConnected) this.#unsubscribe = store.subscribe(() => this.requestUpdate());
  }
}
