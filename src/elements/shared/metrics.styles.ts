import { css } from 'lit';

/**
 * The metrics strip of the breakdown and the delivery line: a wrapping row of cards, each a label
 * over a count, a share and the change against the previous period. The card is whatever carries
 * `metric-card`: the delivery's list items, the buttons (or boxes) inside the breakdown's.
 */
export const metricsStyles = css`
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
    grid-template-columns: auto auto auto;
    justify-content: start;
    align-items: baseline;
    column-gap: 8px;
    min-width: 0;
    padding: 8px 12px;
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
  }
  .metric-label {
    grid-column: 1 / -1;
    color: var(--_muted-color);
  }
  .metric-value {
    font-size: 1.4em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .metric-share,
  .metric-change {
    color: var(--_muted-color);
    font-variant-numeric: tabular-nums;
  }
`;
