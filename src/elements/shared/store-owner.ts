import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serializeState, type SerializableState } from '../../core/query/report-state.js';
import type { ReportSnapshot, ReportStore, StoreUpdate } from '../../core/store/report-store.js';
import { BASE_STRINGS, loadMessages, translate } from '../../i18n/translate.js';
import { emit } from './events.js';
import { describeProblem } from './problems.js';

type Host = ReactiveControllerHost & HTMLElement;

function reportUnloadedStrings(error: unknown): void {
  console.error('msg-report: the strings of the report’s language could not be loaded', error);
}

/**
 * The part of the state a shareable link holds: range, filters and the view choices — interval,
 * outgoing grouping, list order, the lists' drill (not zone or language).
 */
function linkState(state: SerializableState): Record<string, unknown> {
  const range = state.preset !== undefined ? { preset: state.preset } : { from: state.from, to: state.to };
  return {
    ...range,
    filters: state.filters,
    ...(state.interval ? { interval: state.interval } : {}),
    ...(state.outgoingGroupBy ? { outgoingGroupBy: state.outgoingGroupBy } : {}),
    ...(state.listOrder ? { listOrder: state.listOrder } : {}),
    ...(state.drill ? { drill: state.drill } : {}),
  };
}

/** Whether a saved state (the URL's JSON) holds a drill. */
function savedDrill(saved: string | undefined): boolean {
  try {
    const value: unknown = saved === undefined ? undefined : JSON.parse(saved);
    return typeof value === 'object' && value !== null && 'drill' in value;
  } catch {
    return false;
  }
}

/** The URL's saved state, with `drill: null` when it holds none: going back past a drill restores the lists. */
function withoutDrillUnlessSaved(saved: string): string {
  try {
    const value: unknown = JSON.parse(saved);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('drill' in value))
      return JSON.stringify({ ...value, drill: null });
  } catch {
    // Not JSON: the store names the problem.
  }
  return saved;
}

/**
 * What the element that owns a store (`<msg-report>`, `<msg-messages-report>`, or an element used
 * alone) tells the page about it:
 * - `msg-state-change` after a change a person made, never after the host's own code;
 * - `msg-error` for each problem with the settings (once while it stands) and for the ignored
 *   parts of a requested change;
 * - with a URL parameter, the state mirrored to the page URL and restored from it on load and
 *   on back/forward.
 * It also re-renders its host on every change, so the host can show the state.
 */
export class StoreOwner implements ReactiveController {
  readonly #host: Host;
  readonly #store: ReportStore;
  readonly #urlParam: () => string | undefined;
  #unsubscribe: (() => void) | undefined;
  #reportedProblems = new Set<string>();
  #announced = '';
  /** Until `start`, the URL still holds the saved state, which must not be overwritten. */
  #started = false;

  constructor(host: Host, store: ReportStore, urlParam: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#store = store;
    this.#urlParam = urlParam;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe ??= this.#store.subscribe(this.#onChange);
    window.addEventListener('popstate', this.#onPopState);
    this.#host.addEventListener('keydown', this.#onKeyDown);
    this.#announced = JSON.stringify(serializeState(this.#store.state));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    window.removeEventListener('popstate', this.#onPopState);
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  /**
   * Escape anywhere in the report restores lists narrowed by a drill, unless something inside
   * used it first (a popup closing, a chart's highlight clearing: they prevent its default).
   */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.#store.state.drill) return;
    event.preventDefault();
    this.#store.change({ drill: null });
  };

  /**
   * Applies the state saved in the page URL, if any, and announces the settings' problems. The
   * host calls it once it has configured the store from its attributes, so the link wins.
   */
  start(): void {
    this.#started = true;
    const saved = this.#savedState();
    if (saved !== undefined) this.#store.change(saved, 'host');
    this.#announceProblems(this.#store.state);
    this.#writeUrl(this.#store.state);
  }

  readonly #onPopState = (): void => {
    const saved = this.#savedState();
    // Back and forward are a person's doing.
    if (saved !== undefined) this.#store.change(withoutDrillUnlessSaved(saved), 'user');
  };

  readonly #onChange = (state: ReportSnapshot, update: StoreUpdate): void => {
    this.#host.requestUpdate();
    if (update.dropped.length > 0) {
      const detail = update.dropped.join('; ');
      // Worded in the report's language, once its strings are in (at once when they are).
      void loadMessages(state.lang, BASE_STRINGS).then(() => {
        const message = translate(state.lang, 'problem.badState', { detail });
        console.warn(`msg-report: ${message}`);
        emit(this.#host, 'msg-error', { source: 'input', code: 'badState', severity: 'warning', message });
      }, reportUnloadedStrings);
    }
    this.#announceProblems(state);
    this.#writeUrl(state);
    const serialized = JSON.stringify(serializeState(state));
    if (update.cause === 'user' && serialized !== this.#announced) emit(this.#host, 'msg-state-change', serializeState(state));
    this.#announced = serialized;
  };

  #announceProblems(state: ReportSnapshot): void {
    // In the report's language, once its strings are in; a state replaced meanwhile is not announced.
    void loadMessages(state.lang, BASE_STRINGS).then(() => {
      if (this.#store.state === state) this.#announceNow(state);
    }, reportUnloadedStrings);
  }

  #announceNow(state: ReportSnapshot): void {
    const now = new Set<string>();
    for (const problem of state.problems) {
      const message = describeProblem(state.lang, problem);
      now.add(message);
      if (this.#reportedProblems.has(message)) continue;
      if (problem.severity === 'warning') console.warn(`msg-report: ${message}`);
      // After the current update, so that a host listening on the element sees it rendered.
      queueMicrotask(() => emit(this.#host, 'msg-error', { source: 'input', code: problem.code, severity: problem.severity, message }));
    }
    this.#reportedProblems = now;
  }

  #savedState(): string | undefined {
    const param = this.#urlParam();
    return param === undefined ? undefined : (new URL(location.href).searchParams.get(param) ?? undefined);
  }

  #writeUrl(state: ReportSnapshot): void {
    const param = this.#urlParam();
    if (param === undefined || !this.#started || !this.#host.isConnected) return;
    const url = new URL(location.href);
    const previous = this.#savedState();
    url.searchParams.set(param, JSON.stringify(linkState(serializeState(state))));
    if (url.href === location.href) return;
    // Opening a drill is a step Back undoes ("see these messages", then Back); the rest replaces.
    const drillOpened = state.drill !== undefined && !savedDrill(previous);
    if (drillOpened) history.pushState(history.state, '', url.href);
    else history.replaceState(history.state, '', url.href);
  }
}
