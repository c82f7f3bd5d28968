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
    display: grid;
    grid-template-columns: auto auto;
    align-items: baseline;
    column-gap: 8px;
    min-width: 0;
    max-width: 100%;
    padding: 8px 12px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
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
  .metric-share {
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
