import { css } from 'lit';

/**
 * On top of the shared metrics strip: each card is a toggle button in its list item. A name cut
 * short shows whole in its title on hover, and wrapped in full while its card has keyboard focus.
 */
export const breakdownStyles = css`
  /* The card, and under it its "See messages" (a button cannot hold one), so a phone's narrow tile keeps the name's room. */
  [part~='metric'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-width: 0;
    max-width: 100%;
  }
  [part~='metric'] > .metric-card {
    max-width: 100%;
  }
  .metric-card {
    font: inherit;
    color: inherit;
    text-align: start;
  }
  .metric-button {
    cursor: pointer;
  }
  .metric-button:hover {
    border-color: var(--_accent-color);
  }
  .metric-button:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .metric-button[aria-pressed='true'] {
    border-color: var(--_accent-color);
    box-shadow: inset 0 0 0 1px var(--_accent-color);
  }
  .metric-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 24ch;
  }
  .metric-button:focus-visible .metric-label {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  /*
   * On a phone (two columns of tiles): a name takes up to two lines before its ellipsis, and the
   * tiles side by side share their rows (a subgrid: name, count, details, "See messages"), so a
   * name on two lines moves its neighbour's count down with its own and the figures stay level.
   */
  @container (max-width: 480px) {
    [part~='base'] [part~='metric'] {
      display: grid;
      grid-row: span 4;
      grid-template-rows: subgrid;
      row-gap: 0;
    }
    [part~='base'] [part~='metric'] > .metric-card {
      grid-row: span 3;
      grid-template-rows: subgrid;
      row-gap: 2px;
      align-self: stretch;
    }
    [part~='base'] .metric-label {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      align-self: start;
      max-width: none;
      white-space: normal;
      overflow-wrap: break-word;
    }
    [part~='base'] .metric-button:focus-visible .metric-label {
      -webkit-line-clamp: unset;
    }
  }
  .kinds {
    display: grid;
    gap: 12px;
  }
  .kind {
    display: grid;
    gap: 6px;
  }
  .kind-title {
    margin: 0;
    font-weight: 600;
  }
  .kind-count {
    margin-inline-start: 4px;
    font-weight: 400;
    color: var(--_muted-color);
    font-variant-numeric: tabular-nums;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
    gap: var(--_gap);
  }
  .chart-figure {
    margin: 0;
    min-width: 0;
  }
  .trend-figure {
    margin-block-end: var(--_gap);
  }
  .trend-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin: 0 0 4px;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .pie-total {
    margin: 4px 0 0;
    text-align: center;
    color: var(--_muted-color);
  }
`;
