import { css } from 'lit';

/** On top of the shared metrics strip: the statuses no channel reports, the notes and the bucket switch. */
export const deliveryLineStyles = css`
  [part~='not-reported'] .metric-value {
    font-size: 1em;
    font-weight: 400;
    font-style: italic;
    color: var(--_muted-color);
  }
  .note {
    margin: 0;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  [part~='interval'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  [part~='interval'] legend {
    float: left;
    padding: 0;
    margin-inline-end: 4px;
    color: var(--_muted-color);
    font-size: 0.9em;
  }
  .segments {
    display: inline-flex;
    flex-wrap: wrap;
  }
  .segment {
    position: relative;
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment span {
    display: block;
    padding: 4px 10px;
    font-size: 0.9em;
    border: 1px solid var(--_border-color);
    margin-inline-start: -1px;
    background: var(--_surface-color);
  }
  .segment:first-child span {
    margin-inline-start: 0;
    border-start-start-radius: calc(var(--_radius) / 2);
    border-end-start-radius: calc(var(--_radius) / 2);
  }
  .segment:last-child span {
    border-start-end-radius: calc(var(--_radius) / 2);
    border-end-end-radius: calc(var(--_radius) / 2);
  }
  .segment input:checked + span {
    position: relative;
    border-color: var(--_accent-color);
    color: var(--_accent-color);
    font-weight: 600;
  }
  .segment input:focus-visible + span {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  .segment input:disabled {
    cursor: not-allowed;
  }
  .segment input:disabled + span {
    color: var(--_muted-color);
    text-decoration: line-through;
  }
  .chart-figure {
    margin: 0;
    min-width: 0;
  }
`;
