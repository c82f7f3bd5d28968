/**
 * `ready` and `msg-ready`: when an element has drawn what it has to show. Charts are ready once
 * ECharts finished drawing their data, a list once its first rows are on screen, the filters once
 * rendered, a report once every element it holds is; each of them is ready too once it settled in
 * the empty, error, invalid or not-applicable state. A new load makes the element not ready again
 * until it is drawn; `msg-ready` fires each time it becomes ready.
 */
import { emit, type ReadyState } from './events.js';

/** What the signal reads of its element. */
type ReadyHost = HTMLElement & { readonly updateComplete: Promise<boolean>; readonly isUpdatePending: boolean };

interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** One element's readiness: settled when drawn, reset when a new load starts. */
export class ReadySignal {
  readonly #host: ReadyHost;
  #deferred = deferred();
  #settled = false;

  constructor(host: ReadyHost) {
    this.#host = host;
  }

  /** True while what the element shows is drawn. */
  get settled(): boolean {
    return this.#settled;
  }

  /** The element shows something new that is not drawn yet (a load started). */
  reset(): void {
    if (!this.#settled) return;
    this.#settled = false;
    this.#deferred = deferred();
  }

  /** What the element shows is drawn: resolves `ready` and fires `msg-ready` (once per settling). */
  settle(state: ReadyState): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#deferred.resolve();
    emit(this.#host, 'msg-ready', { state });
  }

  /** Settles, or resets when `state` is `undefined`. */
  set(state: ReadyState | undefined): void {
    if (state) this.settle(state);
    else this.reset();
  }

  /**
   * Resolves once the element's pending update is done and what it then shows is drawn. Waits
   * again when an update or a new load comes in meanwhile.
   */
  async whenReady(): Promise<void> {
    for (;;) {
      await this.#host.updateComplete;
      const current = this.#deferred;
      await current.promise;
      if (current === this.#deferred && !this.#host.isUpdatePending) return;
    }
  }
}

/** An element with a `ready` promise: every `msg-*` element. */
export interface ReadyElement extends Element {
  readonly ready: Promise<void>;
  readonly updateComplete: Promise<boolean>;
  readonly isUpdatePending: boolean;
}

function isReadyElement(element: Element): element is ReadyElement {
  return element.localName.startsWith('msg-') && 'ready' in element && 'updateComplete' in element;
}

/** The `msg-*` elements among `elements` that have a `ready` promise. */
export function readyElements(elements: Iterable<Element>): ReadyElement[] {
  return [...elements].filter(isReadyElement);
}

/**
 * Resolves once every element `parts()` lists (asked again each round, for elements added
 * meanwhile) is ready at the same time, after `host`'s own pending update.
 */
export async function allReady(host: { readonly updateComplete: Promise<boolean> }, parts: () => ReadyElement[]): Promise<void> {
  for (;;) {
    await host.updateComplete;
    const elements = parts();
    await Promise.all(elements.map((element) => element.ready));
    const now = parts();
    if (now.length === elements.length && now.every((element, i) => element === elements[i] && !element.isUpdatePending)) return;
  }
}
