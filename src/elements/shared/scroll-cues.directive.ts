import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { showScrollCues } from './scroll-cues.js';

/**
 * Keeps the cues of the scroller it is bound to (`<div ${scrollCues()}>`): on scroll, and when the
 * scroller or its content changes size. For a box whose owner has no scroll and size callbacks of
 * its own (the list's virtual body calls {@link showScrollCues} from its own). A module apart, so
 * that a page with lists only does not carry it.
 */
class ScrollCues extends AsyncDirective {
  #scroller: HTMLElement | undefined;
  #observer: ResizeObserver | undefined;

  override render(): unknown {
    return noChange;
  }

  override update(part: ElementPart): unknown {
    const scroller = part.element as HTMLElement;
    if (scroller !== this.#scroller) {
      this.disconnected();
      this.#scroller = scroller;
      this.reconnected();
    }
    return noChange;
  }

  readonly #show = (): void => {
    if (this.#scroller) showScrollCues(this.#scroller);
  };

  protected override reconnected(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.#show, { passive: true });
    this.#observer = new ResizeObserver(this.#show);
    this.#observer.observe(scroller);
    if (scroller.firstElementChild) this.#observer.observe(scroller.firstElementChild);
  }

  protected override disconnected(): void {
    this.#scroller?.removeEventListener('scroll', this.#show);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}

export const scrollCues = directive(ScrollCues);
