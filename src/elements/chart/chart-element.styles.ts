import { css } from 'lit';

/**
 * The chart elements' frame: title, chart boxes, toolbar and the table view. The element's own
 * width decides its phone layout, wherever it is placed (a container query on its base): up to
 * 480 px the metrics strip is two columns of compact cards, not one card per line; those rules are
 * scoped under the base so they win over the strip's own, which come later.
 */
export const chartElementStyles = css`
  :host {
    position: relative;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
    container-type: inline-size;
  }
  @container (max-width: 480px) {
    [part~='base'] [part~='metrics'] {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 6px;
    }
    [part~='base'] [part~='metric'] {
      min-width: 0;
    }
    [part~='base'] .metric-card {
      width: 100%;
      box-sizing: border-box;
      padding: 6px 8px;
      column-gap: 4px;
    }
    [part~='base'] .metric-value {
      font-size: 1.2em;
    }
    [part~='base'] .metric-share,
    [part~='base'] .metric-change {
      font-size: 0.85em;
    }
    [part~='toolbar'] button {
      padding: 4px 8px;
    }
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  [part~='chart'] {
    width: 100%;
    height: var(--_chart-height);
    min-width: 0;
    border-radius: calc(var(--_radius) / 2);
  }
  /* Every chart's figure: no browser margins, and narrower than the canvas drawn at the last
     width (a grid item is as wide as its content by default, so a chart drawn at 1280 px kept
     the element 1280 px wide when the window narrowed). */
  .chart-figure {
    margin: 0;
    min-width: 0;
  }
  [part~='chart']:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .swatch {
    display: inline-block;
    flex: none;
    width: 0.7em;
    height: 0.7em;
    margin-inline-end: 0.4em;
    border-radius: 2px;
    background: var(--_swatch);
    vertical-align: baseline;
  }
  .answer {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  .busy {
    opacity: 0.55;
    transition: opacity 150ms;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }
  [part~='toolbar'] button {
    font: inherit;
    font-size: 0.9em;
    color: var(--_text-color);
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 10px;
    cursor: pointer;
  }
  [part~='toolbar'] button[aria-pressed='true'] {
    border-color: var(--_accent-color);
    color: var(--_accent-color);
  }
  [part~='toolbar'] button:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .table-view {
    overflow-x: auto;
  }
  .table-view table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table-view caption {
    text-align: start;
    color: var(--_muted-color);
    padding-bottom: 4px;
  }
  .table-view th,
  .table-view td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border-color);
    overflow-wrap: anywhere;
  }
  .table-view .numeric {
    text-align: end;
  }
`;
