import { css } from 'lit';

/** The sortable table of groups, its rates and counts, and the notes. */
export const deliveryBreakdownStyles = css`
  .note {
    margin: 0;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  .groups-scroll {
    overflow-x: auto;
  }
  [part~='groups'] {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  [part~='groups'] th,
  [part~='groups'] td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border-color);
    vertical-align: top;
  }
  [part~='groups'] tbody th {
    font-weight: 500;
    overflow-wrap: anywhere;
    min-width: 8em;
  }
  [part~='groups'] .numeric {
    text-align: end;
    white-space: nowrap;
  }
  [part~='groups'] thead th {
    padding: 0;
    font-weight: 600;
  }
  [part~='sort'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    width: 100%;
    padding: 6px 8px;
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
    text-align: inherit;
    justify-content: flex-start;
  }
  .numeric [part~='sort'] {
    justify-content: flex-end;
  }
  [part~='sort']:hover {
    color: var(--_accent-color);
  }
  [part~='sort']:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: -2px;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
    font-size: 0.75em;
  }
  .rate {
    display: block;
    font-weight: 600;
  }
  .count,
  .kind {
    display: block;
    color: var(--_muted-color);
    font-size: 0.85em;
  }
  [part~='not-reported'] {
    font-style: italic;
    color: var(--_muted-color);
  }
`;
