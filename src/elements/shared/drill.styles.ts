import { css } from 'lit';

/**
 * The drill's chip (a narrowed list) and the tiles' "See messages" button. The chip reads as a
 * filter chip does, in the accent colour, so a narrowed list never looks like the whole one.
 */
export const drillStyles = css`
  .drill-chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    justify-self: start;
    max-width: 100%;
    margin: 0;
    padding: 2px 4px 2px 12px;
    border: 1px solid var(--_accent-color);
    /* A pill on one line; on a phone or with a long name it wraps, and a pill's round ends would cut into the text. */
    border-radius: 16px;
    color: var(--_accent-color);
    overflow-wrap: anywhere;
  }
  .drill-chip button {
    flex: none;
    min-width: 28px;
    min-height: 28px;
    border: none;
    border-radius: 999px;
    background: none;
    color: inherit;
    font: inherit;
    font-size: 1.2em;
    line-height: 1;
    cursor: pointer;
  }
  .drill-chip button:hover {
    background: color-mix(in srgb, var(--_accent-color) 12%, transparent);
  }
  .drill-note {
    margin: 0;
    color: var(--_muted-color, inherit);
    font-size: 0.9em;
  }
  .drill-see {
    justify-self: start;
    /* 24 px: the smallest target WCAG 2.2 allows (2.5.8), a finger's reach on a phone. */
    min-height: 24px;
    margin: 2px 0 0;
    padding: 2px 4px;
    border: none;
    background: none;
    color: var(--_accent-color);
    font: inherit;
    font-size: 0.9em;
    text-decoration: underline;
    cursor: pointer;
  }
  .drill-chip button:focus-visible,
  .drill-see:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
`;
