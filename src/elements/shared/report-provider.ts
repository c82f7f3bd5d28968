import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { serializeState, type SerializableState } from '../../core/query/report-state.js';
import type { Lang } from '../../i18n/locales.js';
import { ReportStore, type ReportSettings } from '../../core/store/report-store.js';
import { AutoRefresh, refreshClock } from './auto-refresh.js';
import { emit } from './events.js';
import { allReady, readyElements, type ReadyElement } from './ready.js';
import { reportContext } from './report-context.js';
import { ReportInputsElement } from './report-inputs.js';
import { StoreOwner } from './store-owner.js';

/**
 * Base of the elements that hold a report (`<msg-report>`, `<msg-messages-report>`): it owns the
 * report's store, configures it from its attributes and properties, and provides it to every
 * element inside (through context) or naming it (`for="id"`).
 *
 * @fires msg-ready - Every element of the report drew what it has to show (see `ready`); again
 *   after each change of the report, once all are drawn. Does not bubble.
 * @fires msg-error - Also for a bad `refresh-interval` (`code: 'badAttribute'`, a warning).
 */
export abstract class ReportProviderElement extends ReportInputsElement {
  /**
   * Mirrors the range, filters and a person's view choices (the delivery interval, the outgoing
   * grouping, each list's time order) to the page URL (`history.replaceState`), and restores them
   * from it on load and on back/forward, so a reload or a shared link shows the same report. The
   * value names the URL parameter; empty means `report`. Bad parts of the URL are dropped and
   * reported with `msg-error`.
   */
  @property({ attribute: 'sync-url' }) syncUrl?: string;

  /**
   * Clicking a bar, slice or metric of a chart in this report adds (or removes) its value as a
   * filter for every element, when the grouping is a filter field (channel, source, type).
   */
  @property({ type: Boolean, attribute: 'cross-filter' }) crossFilter = false;

  /**
   * Seconds between quiet reloads of the whole report, at least 30 (up to a day): every element
   * asks again and replaces its figures when the new answer arrives, with no loading state in
   * between; a reload that fails keeps them (and fires `msg-error`). Paused while the page is
   * hidden; back in view, it reloads at once if one fell due.
   * Unset (the default): no reloads. Another value is reported with `msg-error` and ignored.
   */
  @property({ attribute: 'refresh-interval' }) refreshInterval?: number | string;

  /**
   * The report's store: its current state (`store.state`), `store.subscribe(listener)`, and
   * `store.change(change)`, the one way the report's state changes.
   */
  readonly store: ReportStore = new ReportStore();

  readonly #autoRefresh = new AutoRefresh(this, {
    interval: () => this.store.state.refreshMs,
    refresh: () => this.refresh(),
  });
  /** When the figures on screen finished loading, and which load they came from. */
  #updated: { at: number; loads: string } | undefined;
  /** The query and revision the report loads now, and whether a request of it failed. */
  #loading = { loads: '', failed: false };

  readonly #owner = new StoreOwner(this, this.store, () => (this.syncUrl === undefined ? undefined : this.syncUrl || 'report'));
  /**
   * States the host's code set since the last update: applied right after the attributes and
   * properties set with them, so that `state` wins over them, and before the first update too.
   */
  #queuedStates: unknown[] = [];
  #configured = false;
  /** The state the last `msg-ready` round waits to be drawn. */
  #readyFor: unknown;

  /**
   * Resolves once every `msg-*` element of the report — inside it, in its shadow root, or naming
   * it with `for` — is ready at the same time (each one's `ready`): the filters rendered, every
   * chart drawn, every list's first rows on screen, or their other settled states.
   */
  get ready(): Promise<void> {
    return allReady(this, () => this.#readyParts());
  }

  #readyParts(): ReadyElement[] {
    const root = this.getRootNode() as Document | ShadowRoot;
    const named = this.id ? root.querySelectorAll(`[for="${CSS.escape(this.id)}"]`) : [];
    const own = this.renderRoot === this ? [] : this.renderRoot.querySelectorAll('*');
    return readyElements([...this.querySelectorAll('*'), ...own, ...named]);
  }

  constructor() {
    super();
    new ContextProvider(this, { context: reportContext, initialValue: this.store });
    // A failed request leaves figures older than the load it belongs to: no "updated" time for it.
    this.addEventListener('msg-error', (event) => {
      if (event.detail.source === 'request') this.#loading.failed = true;
    });
  }

  /**
   * When every element of the report last finished loading fresh figures: on the first load, a
   * new query (range, filters) and each reload; not after a load a request of which failed.
   * `undefined` until the first load is drawn. `<msg-messages-report>` shows it as "Updated 15:04".
   */
  get lastUpdated(): Date | undefined {
    return this.#updated ? new Date(this.#updated.at) : undefined;
  }

  /**
   * Loads the whole report again now, quietly: what `refresh-interval` does on its own. The
   * figures on screen stay until the new answers arrive.
   */
  refresh(): void {
    this.store.refresh();
  }

  /** The report's settings from the attributes, with the reload interval. */
  protected override inputSettings(changed: PropertyValues, all: boolean): ReportSettings | undefined {
    const settings = super.inputSettings(changed, all);
    if (!all && !changed.has('refreshInterval')) return settings;
    return { ...settings, refreshInterval: this.refreshInterval };
  }

  /**
   * The report's state as JSON-serialisable data: time zone, language, range, filters, interval,
   * outgoing grouping (`outgoingGroupBy`) and list order (`listOrder`, e.g. `{ failed: 'asc' }`).
   * Setting it (an object, or JSON text as the `state` attribute) changes the fields
   * it names and keeps the rest; invalid parts are ignored and reported with `msg-error`.
   */
  @property({ attribute: 'state' })
  get state(): SerializableState {
    return serializeState(this.store.state);
  }
  set state(value: unknown) {
    if (value === null || value === undefined || value === '') return;
    this.#queuedStates.push(value);
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The inherited language may have changed while the element was elsewhere.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const first = !this.#configured;
    this.#configured = true;
    const settings = this.inputSettings(changed, first);
    const crossFilter = first || changed.has('crossFilter') ? { crossFilter: this.crossFilter } : {};
    if (settings || first || changed.has('crossFilter')) this.store.configure({ ...settings, ...crossFilter });
    const queued = this.#queuedStates;
    this.#queuedStates = [];
    for (const value of queued) this.store.change(value, 'host');
    if (first) this.#owner.start();
    // The report's language loads as soon as it is known, before the elements inside ask for it.
    this.requestStrings(this.store.state.lang);
  }

  /** The language the report renders in: its state's once loaded, else the one it shows. */
  protected get reportLang(): Lang {
    return this.displayLang ?? this.store.state.lang;
  }

  /**
   * Redraws every chart of the report with the theme its CSS gives now, in place (the same
   * ECharts instances). The charts follow `theme`, `patterns` and the user's colour-scheme,
   * contrast and motion preferences by themselves; call this after changing `--msg-*` properties
   * at run time, e.g. when the host page switches its own theme with a class.
   */
  refreshTheme(): void {
    for (const element of this.#readyParts()) (element as Partial<{ refreshTheme(): void }>).refreshTheme?.();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The scheme and patterns reach the elements inside through CSS; their charts redraw now, in
    // the frame the CSS changes in.
    if (changed.has('theme') || changed.has('patterns')) this.refreshTheme();
    const state = this.store.state;
    if (state === this.#readyFor) return;
    this.#readyFor = state;
    // A new query or a reload loads every figure anew; a view choice (a grouping) only some.
    const loads = JSON.stringify([state.query, state.revision]);
    if (loads !== this.#loading.loads) {
      this.#loading = { loads, failed: false };
      this.#autoRefresh.loaded();
    }
    const loading = this.#loading;
    void this.ready.then(() => {
      if (this.#readyFor !== state || !this.isConnected) return;
      if (!loading.failed && this.#loading === loading && this.#updated?.loads !== loads) {
        this.#updated = { at: refreshClock.now(), loads };
        this.requestUpdate();
      }
      emit(this, 'msg-ready', { state: 'data' });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Back in a page, it announces again once drawn.
    this.#readyFor = undefined;
  }
}
