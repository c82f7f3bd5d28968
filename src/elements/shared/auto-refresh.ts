import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The clock and timers a report's reloads and its "updated" time run on. A seam: tests replace its
 * members, so a reload every 30 s is tested without waiting 30 s.
 */
export const refreshClock = {
  now: (): number => Date.now(),
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (timer: unknown): void => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Reloads a report every `interval()` milliseconds while its page is visible (`refresh-interval`).
 * While the tab is hidden nothing is asked; back in view it reloads at once if a reload fell due
 * meanwhile, else when the interval is up. A load for another reason (a new query) restarts the
 * count: `loaded()`.
 */
export class AutoRefresh implements ReactiveController {
  readonly #interval: () => number | undefined;
  readonly #refresh: () => void;
  #timer: unknown;
  /** The interval the timer runs for, to notice a change. */
  #scheduled: number | undefined;
  #last = refreshClock.now();
  #connected = false;

  constructor(host: ReactiveControllerHost, options: { interval: () => number | undefined; refresh: () => void }) {
    this.#interval = options.interval;
    this.#refresh = options.refresh;
    host.addController(this);
  }

  /** The report was just loaded anew: the next reload is an interval from now. */
  loaded(): void {
    this.#last = refreshClock.now();
    this.#schedule();
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    this.loaded();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stop();
  }

  hostUpdated(): void {
    if (this.#interval() !== this.#scheduled) this.#schedule();
  }

  #hidden(): boolean {
    return document.visibilityState === 'hidden';
  }

  #stop(): void {
    if (this.#timer !== undefined) refreshClock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    this.#stop();
    const interval = this.#interval();
    this.#scheduled = interval;
    if (!this.#connected || interval === undefined || this.#hidden()) return;
    this.#timer = refreshClock.setTimeout(this.#tick, Math.max(0, this.#last + interval - refreshClock.now()));
  }

  readonly #tick = (): void => {
    this.#timer = undefined;
    if (this.#hidden()) return;
    this.#last = refreshClock.now();
    this.#refresh();
    this.#schedule();
  };

  readonly #onVisibilityChange = (): void => {
    const interval = this.#interval();
    if (this.#hidden() || interval === undefined) this.#stop();
    else if (refreshClock.now() - this.#last >= interval) this.#tick();
    else this.#schedule();
  };
}
