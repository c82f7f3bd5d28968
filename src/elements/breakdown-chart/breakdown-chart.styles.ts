import { css } from 'lit';

export const breakdownStyles = css`
  [part~='metrics'] {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='metric'] {
    display: flex;
    min-width: 0;
    max-width: 100%;
  }
  .metric-body,
  .metric-button {
    display: grid;
    grid-template-columns: auto auto auto;
    justify-content: start;
    align-items: baseline;
    column-gap: 8px;
    min-width: 0;
    padding: 8px 12px;
    font: inherit;
    color: inherit;
    text-align: start;
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
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
    grid-column: 1 / -1;
    color: var(--_muted-color);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 24ch;
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
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
    gap: var(--_gap);
  }
  .chart-figure {
    margin: 0;
    min-width: 0;
  }
  .pie-total {
    margin: 4px 0 0;
    text-align: center;
    color: var(--_muted-color);
  }
`;
