import { css } from 'lit';

/**
 * Columns are CSS grid tracks shared by the header row and every virtual row, one template per
 * kind (no inline styles: they would need `style-src 'unsafe-inline'` under a strict CSP).
 *
 * Scroll cues: the frame around the scroller, drawn by ../shared/scroll-cues.styles.ts (its
 * classes set by table.virtual-rows.ts).
 *
 * On paper the list is not a scrolling box: the rows the body holds (the first screen and a few
 * more, always there without a scroll) flow one under the other at the page's width, in equal
 * columns with their text wrapped, with no cue, no toolbar and no blank body below.
 *
 * Why some rules are as they are (kept here: a comment inside the stylesheet would ship with it):
 * - The scroller holds the whole table: the header row sticks to its top while both axes scroll.
 * - The virtual body: as tall as every row, each row placed by its offset (see table.virtual-rows.ts).
 * - One height for every row, so the body is laid out by arithmetic: the token, or a line of the
 *   font and the cell's padding when that is taller.
 * - Right-to-left names and bidi overrides stay inside their own cell.
 * - Long headers ("Marca de tiempo entregada") wrap rather than lose words.
 * - Words break anywhere (hostile text), so the sentences need a floor on a phone.
 */
export const tableStyles = css`
  :host {
    --_table-height: var(--msg-table-height, 480px);
    --_row-height: var(--msg-table-row-height, 36px);
    --_header-color: var(--msg-table-header-color, light-dark(#f3f4f6, #1f2937));
    --_stripe-color: var(--msg-table-stripe-color, light-dark(#f9fafb, #161f2e));
    position: relative;
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) / 2);
    min-width: 0;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-inline-start: auto;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .action {
    padding: 4px 12px;
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-color);
    cursor: pointer;
  }
  .action[aria-pressed='true'] {
    border-color: var(--_accent-color);
    color: var(--_accent-color);
    font-weight: 600;
  }
  .action:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button:focus-visible,
  a:focus-visible,
  [part~='scroller']:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  [part~='summary'] {
    margin: 0;
    color: var(--_muted-color);
  }
  [part~='cap-notice'],
  [part~='progress'],
  [part~='load-error'],
  [part~='export-error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 8px 12px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
  }
  [part~='cap-notice'] p {
    margin: 0;
    flex: 1 1 24ch;
  }
  [part~='load-error'],
  [part~='export-error'] {
    color: var(--_error-color);
  }
  [part~='data-export'] {
    color: var(--_accent-color);
    font-weight: 600;
  }
  button[part~='data-export'] {
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  progress {
    flex: 1 1 120px;
    max-width: 240px;
  }

  /* On the list's top edge: its header row is taller than the label, which would half cover a label. */
  .more-columns {
    inset-block-start: -9px;
  }
  [part~='scroller'] {
    height: var(--_table-height);
    overflow: auto;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }
  [part~='table'] {
    --_time-width: 11rem;
    width: max-content;
    min-width: 100%;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_header-color);
  }
  .row {
    display: grid;
    width: 100%;
    min-height: var(--_row-height);
    box-sizing: border-box;
    align-items: center;
    border-bottom: 1px solid var(--_border-color);
  }
  .body {
    position: relative;
  }
  .body .row {
    position: absolute;
    top: 0;
    left: 0;
    height: var(--_row-height);
    height: max(var(--_row-height), calc(1lh + 13px));
  }
  .body .row.expanded {
    height: auto;
    min-height: var(--_row-height);
  }
  .body .row.odd {
    background: var(--_stripe-color);
  }
  .kind-incoming .row {
    grid-template-columns: var(--_time-width) 9rem 13rem 12rem minmax(20rem, 1fr);
  }
  .kind-outgoing .row {
    grid-template-columns: var(--_time-width) 9rem 10rem 9rem 13rem var(--_time-width) var(--_time-width) 12rem 12rem 11rem minmax(
        20rem,
        1fr
      );
  }
  .kind-failed .row {
    grid-template-columns: var(--_time-width) 9rem 10rem 9rem 13rem 12rem 12rem 11rem minmax(20rem, 1fr) 28rem;
  }
  [role='columnheader'],
  [role='cell'] {
    min-width: 0;
    padding: 6px 10px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
  }
  [role='columnheader'] {
    font-weight: 600;
    text-align: start;
    white-space: normal;
    overflow-wrap: normal;
  }
  [part~='sort'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px;
    margin: -2px -4px;
    border: 0;
    background: none;
    font-weight: 600;
    cursor: pointer;
  }
  .time {
    font-variant-numeric: tabular-nums;
  }
  [part~='contact'] {
    max-width: 100%;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent-color);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  .content {
    display: flex;
    align-items: baseline;
    gap: 8px;
  }
  .content .text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .expanded .content {
    align-items: flex-start;
  }
  .expanded [role='cell'] {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='expand'] {
    flex: none;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent-color);
    text-decoration: underline;
    cursor: pointer;
  }
  .pending [role='cell']::after {
    content: '';
    display: block;
    height: 0.8em;
    border-radius: 4px;
    background: var(--_border-color);
    opacity: 0.5;
  }
  .busy {
    opacity: 0.55;
    transition: opacity 150ms;
  }

  [part~='groups'] {
    border-collapse: collapse;
    width: 100%;
    max-width: 60rem;
  }
  [part~='groups'] caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  [part~='groups'] th,
  [part~='groups'] td {
    padding: 4px 10px;
    border-bottom: 1px solid var(--_border-color);
    text-align: start;
    vertical-align: top;
  }
  [part~='groups'] td {
    overflow-wrap: anywhere;
  }
  [part~='groups'] .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [part~='groups'] .message {
    min-width: 7em;
  }
  @media (max-width: 30rem) {
    [part~='groups'] th,
    [part~='groups'] td {
      padding-inline: 5px;
    }
  }
  [part~='error-explanation'] {
    margin: 0 0 2px;
  }
  [part~='groups'] ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='error-explanation'] + ul {
    color: var(--_muted-color);
  }
  .groups-scope {
    margin: 4px 0 0;
    color: var(--_muted-color);
  }
  @media (prefers-reduced-motion: reduce) {
    .busy {
      transition: none;
    }
  }
  @media print {
    [part~='scroller'] {
      height: auto;
      overflow: visible;
    }
    [part~='toolbar'] {
      display: none;
    }
    [part~='table'] {
      width: 100%;
    }
    .head {
      position: static;
    }
    .body {
      height: auto !important;
    }
    .body .row {
      position: static;
      height: auto;
      transform: none !important;
      break-inside: avoid;
    }
    [part~='table'] .row {
      grid-template-columns: none;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
    }
    [role='columnheader'],
    [role='cell'] {
      font-size: 0.85em;
    }
    [role='columnheader'],
    [role='cell'],
    [part~='contact'] {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
