import { css } from 'lit';

/** The note naming the zone and the busiest hour; the table view scrolls sideways (25 columns). */
export const activityHeatmapStyles = css`
  .note {
    margin: 0;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  .table-view {
    overflow-x: auto;
  }
`;
