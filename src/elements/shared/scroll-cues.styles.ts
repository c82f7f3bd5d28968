import { css } from 'lit';

/**
 * The scroll cues' drawing (see scroll-cues.ts): the frame is the scroller's positioned parent; its
 * `::before` and `::after` shade the start and end, and `.more-columns` sits over the header's end
 * (the list puts it on its top edge instead).
 * Not on paper, where nothing scrolls.
 */
export const scrollCueStyles = css`
  .frame {
    --_scroll-cue-color: light-dark(rgb(0 0 0 / 0.18), rgb(0 0 0 / 0.5));
    position: relative;
    min-width: 0;
  }
  .frame::before,
  .frame::after {
    content: '';
    position: absolute;
    z-index: 2;
    inset-block: 1px;
    width: 24px;
    pointer-events: none;
    opacity: 0;
    transition: opacity 150ms;
  }
  .frame::before {
    inset-inline-start: 1px;
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
    background: linear-gradient(to right, var(--_scroll-cue-color), transparent);
  }
  .frame::after {
    inset-inline-end: 1px;
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    background: linear-gradient(to left, var(--_scroll-cue-color), transparent);
  }
  .frame.more-start::before,
  .frame.more-end::after {
    opacity: 1;
  }
  .more-columns {
    position: absolute;
    z-index: 3;
    inset-block-start: 6px;
    inset-inline-end: 6px;
    padding: 1px 8px;
    border: 1px solid var(--_border-color);
    border-radius: 999px;
    background: var(--_surface-color);
    color: var(--_muted-color);
    font-size: 0.8em;
    white-space: nowrap;
    pointer-events: none;
    opacity: 0;
    transition: opacity 150ms;
  }
  .frame.more-end .more-columns {
    opacity: 1;
  }
  @media (prefers-reduced-motion: reduce) {
    .frame::before,
    .frame::after,
    .more-columns {
      transition: none;
    }
  }
  @media print {
    .frame::before,
    .frame::after,
    .more-columns {
      display: none;
    }
  }
`;
