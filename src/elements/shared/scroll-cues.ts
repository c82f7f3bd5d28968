/**
 * Scroll cues for a box that scrolls sideways (the lists, the delivery breakdown's table): a shade
 * on each side that has more beyond it and, while more lies past the end, a "more columns" label
 * over the header's end — a shade alone was not plain enough on a phone. The frame around the
 * scroller draws them (scroll-cues.styles.ts); the label is not read out, since a screen reader
 * reaches every column anyway. A box without scroll and size callbacks of its own takes the
 * `scrollCues()` directive (scroll-cues.directive.ts).
 */
import { html, type TemplateResult } from 'lit';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';

/**
 * Marks the scroller's parent, its frame, with the sides that have more beyond them (`more-start`,
 * `more-end`). Called where layout is already done: scroll events and ResizeObserver callbacks.
 */
export function showScrollCues(scroller: HTMLElement): void {
  const frame = scroller.parentElement;
  if (!frame) return;
  // Negative in a right-to-left box: its distance from the start either way.
  const offset = Math.abs(scroller.scrollLeft);
  frame.classList.toggle('more-start', offset > 1);
  frame.classList.toggle('more-end', offset + scroller.clientWidth < scroller.scrollWidth - 1);
}

/** The "more columns" label, placed in the frame after the scroller. */
export function moreColumnsLabel(lang: Lang): TemplateResult {
  return html`<span class="more-columns" aria-hidden="true">${translate(lang, 'table.moreColumns')} →</span>`;
}
