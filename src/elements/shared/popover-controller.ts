import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A host that renders into a root (its shadow root) where focus moves can be watched. */
export type PopoverHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface PopoverOptions {
  /** The popup, an element with `popover="manual"` in the host's template; looked up after each render. */
  readonly popup: () => HTMLElement | null | undefined;
  /** The control that opens it: a press on it is not "outside", and focus returns to it. */
  readonly opener: () => HTMLElement | null | undefined;
  /** Called each time it closes (also when the host leaves the page), to forget what it showed. */
  readonly onClose?: () => void;
}

/** Anchor positioning tethers popups in CSS; where it is missing they are placed once on open. */
const supportsAnchoring = () => typeof CSS !== 'undefined' && CSS.supports('position-area', 'block-end');

/**
 * One popup of a Lit element, shown with the Popover API (in the top layer, so no ancestor's
 * overflow clips it) and closed the way a person expects:
 * - a press outside the popup and its opener closes it, leaving focus where it was put;
 * - focus moving to anything but the popup and its opener (Tab, Shift+Tab) closes it;
 * - Escape (through `handleEscape`) closes it and returns focus to the opener.
 * Whether it is open is host state: `show()` and `hide()` ask for a render, and the popup follows
 * it after the render. The popup's `hidden` attribute should follow `open` too, so it stays out of
 * the way where the Popover API is missing.
 *
 * Where CSS anchor positioning is missing, the popup is placed below its opener on open, through
 * the CSSOM, which a strict Content-Security-Policy allows (a style attribute it would not).
 */
export class PopoverController implements ReactiveController {
  readonly #host: PopoverHost;
  readonly #options: PopoverOptions;
  #open = false;
  #returnFocus = false;

  constructor(host: PopoverHost, options: PopoverOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True while the popup is open (or about to show, before the next render). */
  get open(): boolean {
    return this.#open;
  }

  show(): void {
    if (this.#open) return;
    this.#open = true;
    this.#host.requestUpdate();
  }

  /** Closes the popup; with `returnFocus`, focus goes back to the opener once it is hidden. */
  hide(options: { returnFocus?: boolean } = {}): void {
    if (!this.#open) return;
    this.#open = false;
    this.#returnFocus = options.returnFocus ?? false;
    this.#options.onClose?.();
    this.#host.requestUpdate();
  }

  /** Closes the open popup on Escape and returns focus to the opener; true when it did. */
  handleEscape(event: KeyboardEvent): boolean {
    if (event.key !== 'Escape' || !this.#open) return false;
    event.preventDefault();
    this.hide({ returnFocus: true });
    return true;
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    this.#host.renderRoot.addEventListener('focusout', this.#onFocusOut as EventListener);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    this.#host.renderRoot.removeEventListener('focusout', this.#onFocusOut as EventListener);
    this.hide();
  }

  hostUpdated(): void {
    const popup = this.#options.popup();
    if (popup && typeof popup.showPopover === 'function') {
      const shown = popup.matches(':popover-open');
      if (this.#open && !shown) this.#showPopup(popup);
      else if (!this.#open && shown) popup.hidePopover();
    }
    if (this.#returnFocus) {
      this.#returnFocus = false;
      this.#options.opener()?.focus();
    }
  }

  #showPopup(popup: HTMLElement): void {
    popup.showPopover();
    const opener = this.#options.opener();
    if (!opener || supportsAnchoring()) return;
    const box = opener.getBoundingClientRect();
    popup.style.left = `${Math.max(8, Math.min(box.left, innerWidth - popup.offsetWidth - 8))}px`;
    popup.style.top = `${box.bottom + 4}px`;
  }

  readonly #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!this.#open) return;
    const path = event.composedPath();
    const popup = this.#options.popup();
    const opener = this.#options.opener();
    if ((popup && path.includes(popup)) || (opener && path.includes(opener))) return;
    this.hide();
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    // No next target: focus left the page, or went nowhere a press did not already handle.
    if (!this.#open || !(next instanceof Node)) return;
    if (this.#options.popup()?.contains(next) || this.#options.opener()?.contains(next)) return;
    this.hide();
  };
}
