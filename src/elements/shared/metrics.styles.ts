import { css } from 'lit';

/**
 * The metrics strip of the breakdown and the delivery line: a note naming the period compared
 * with, then a wrapping row of cards, each a label over a count, its share of the total and the
 * change against that period. The card is whatever carries `metric-card`: the delivery's list
 * items, the buttons (or boxes) inside the breakdown's.
 *
 * The change's colour says whether it is good news (green) or bad (red: fewer messages, more
 * failures); the arrow and the words for screen readers say the direction, so colour is never
 * the only cue. Figures use tabular numerals so they line up from card to card.
 */
export const metricsStyles = css`
  .compare-note {
    margin: 0 0 8px;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  [part~='metrics'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .metric-card {
    display: grid;
    /* A column no wider than the card, so a long name is cut (with an ellipsis) inside it. */
    grid-template-columns: minmax(0, auto);
    justify-items: start;
    align-content: start;
    row-gap: 2px;
    min-width: 0;
    padding: 8px 12px;
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
  }
  .metric-label {
    justify-self: stretch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted-color);
  }
  .metric-value {
    font-size: 1.4em;
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .metric-details {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    font-variant-numeric: tabular-nums;
  }
  .metric-share,
  .metric-change {
    font-size: 0.9em;
    white-space: nowrap;
  }
  .metric-share {
    color: var(--_muted-color);
  }
  .metric-change {
    font-weight: 600;
    color: var(--_muted-color);
  }
  .metric-change.good {
    color: var(--msg-change-good-color, light-dark(#15803d, #4ade80));
  }
  .metric-change.bad {
    color: var(--msg-change-bad-color, light-dark(#b91c1c, #f87171));
  }
  .metric-change .arrow {
    margin-inline-end: 2px;
    font-size: 0.8em;
  }
`;
