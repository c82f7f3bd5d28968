import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a pause ends a type-ahead word: the next key starts a new one. */
const TYPE_AHEAD_PAUSE_MS = 500;

export interface ListNavigationOptions {
  /**
   * Arrows go round from the last item to the first and back (a menu, a search's list of
   * results); otherwise they stop at the ends (a select-only combobox).
   */
  readonly wrap: boolean;
  /** Home and End go to the first and last item. Off for a text field, where they move the caret. */
  readonly homeEnd: boolean;
  /** Items PageUp and PageDown move by; 0 leaves those keys alone. */
  readonly pageStep: number;
  /** A printable key goes to the next item whose label starts with what was typed. */
  readonly typeAhead: boolean;
}

/** A key that types a character (not Space, which activates, nor a shortcut). */
export function isPrintableKey(event: KeyboardEvent): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * A `mousedown` listener for a list whose items are pointed at through `aria-activedescendant`:
 * pressing an item leaves DOM focus on the combobox, as the WAI-ARIA practices ask.
 */
export function keepFocusOnPress(event: Event): void {
  event.preventDefault();
}

/** Case- and accent-insensitive form of a text, for matching what a person types (as the endpoint's `q` does). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/**
 * The keyboard of a list in the WAI-ARIA practices' way: arrows, Home and End, PageUp and
 * PageDown, and type-ahead, each as the options allow. It works in two ways:
 * - `active` with `handleKey`: the item a combobox points at through `aria-activedescendant`
 *   while DOM focus stays on the combobox (the host renders `active`);
 * - `indexFor` alone: where focus itself moves from item to item (a menu), the host focuses the
 *   item at the index it returns.
 * A key it handles has its default prevented (no page scroll, no caret move).
 */
export class ListNavigationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ListNavigationOptions;
  #active = -1;
  #typed = '';
  #typedAt = 0;

  constructor(host: ReactiveControllerHost, options: ListNavigationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The item pointed at, or -1 for none. Setting it renders the host again. */
  get active(): number {
    return this.#active;
  }

  set active(index: number) {
    if (index === this.#active) return;
    this.#active = index;
    this.#host.requestUpdate();
  }

  /** Moves `active` for a navigation key among items labelled `labels`; true when the key was one. */
  handleKey(event: KeyboardEvent, labels: readonly string[]): boolean {
    const next = this.indexFor(event, this.#active, labels);
    if (next === undefined) return false;
    this.active = next;
    return true;
  }

  /**
   * The item a navigation key leads to from item `from` (-1 for none) among items labelled
   * `labels`; `from` when it leads nowhere (no items, or nothing starts with what was typed);
   * `undefined` for a key that is no navigation key here.
   */
  indexFor(event: KeyboardEvent, from: number, labels: readonly string[]): number | undefined {
    const { wrap, homeEnd, pageStep, typeAhead } = this.#options;
    const last = labels.length - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        if (wrap) next = from < 0 ? 0 : (from + 1) % labels.length;
        else next = Math.min(from + 1, last);
        break;
      case 'ArrowUp':
        if (wrap) next = from <= 0 ? last : from - 1;
        else next = Math.max(from - 1, 0);
        break;
      case 'Home':
        if (homeEnd) next = 0;
        break;
      case 'End':
        if (homeEnd) next = last;
        break;
      case 'PageDown':
        if (pageStep > 0) next = Math.min(from + pageStep, last);
        break;
      case 'PageUp':
        if (pageStep > 0) next = Math.max(from - pageStep, 0);
        break;
      default:
        if (typeAhead && isPrintableKey(event)) next = this.typeAhead(event.key, labels, from) ?? from;
    }
    if (next === undefined) return undefined;
    event.preventDefault();
    return labels.length === 0 ? from : next;
  }

  /**
   * Type-ahead: the next item, after `from`, whose label starts with what was typed within the
   * last half second (a repeated word stays on the item that matches it); `undefined` when none does.
   */
  typeAhead(key: string, labels: readonly string[], from: number): number | undefined {
    const now = Date.now();
    this.#typed = now - this.#typedAt > TYPE_AHEAD_PAUSE_MS ? key : this.#typed + key;
    this.#typedAt = now;
    const needle = foldForSearch(this.#typed);
    // A first letter looks from the next item on, so pressing it again cycles through its items.
    const start = this.#typed.length === 1 ? from + 1 : from;
    for (let step = 0; step < labels.length; step++) {
      const index = (((start + step) % labels.length) + labels.length) % labels.length;
      if (foldForSearch(labels[index] ?? '').startsWith(needle)) return index;
    }
    return undefined;
  }

  hostDisconnected(): void {
    this.#typed = '';
  }
}
