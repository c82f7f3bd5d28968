import { css } from 'lit';

export const messagesReportStyles = css`
  :host {
    container-type: inline-size;
  }
  [part~='report'] {
    display: grid;
    gap: var(--_gap);
  }
  .awaiting-strings {
    visibility: hidden;
  }
  .section {
    display: grid;
    gap: 12px;
    min-width: 0;
    padding: var(--_gap);
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
  }
  /*
   * The lists lie below the charts: until one nears the viewport the browser skips its layout
   * and paint (its rows are still built, and ready), so the charts above are drawn sooner. The
   * size is a list's usual height, kept once the list has been laid out (auto).
   */
  [part~='incoming-list'],
  [part~='outgoing-list'],
  [part~='failed-list'] {
    content-visibility: auto;
    contain-intrinsic-size: auto 640px;
  }
  .updated {
    justify-self: end;
    margin: calc(var(--_gap) / -2) 0 0;
    color: var(--_muted-color);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .grouping {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .grouping legend {
    padding: 0 0 4px;
    color: var(--_muted-color);
  }
  .grouping label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
  }
  .grouping input {
    accent-color: var(--_accent-color);
  }
  @container (max-width: 480px) {
    .section {
      padding: 12px 8px;
    }
  }
`;
