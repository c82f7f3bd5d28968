import { css } from 'lit';

/**
 * The public theming surface: every colour, font and size an element uses is a `--msg-*` custom
 * property with a default, mapped onto a private `--_*` one that the element's own styles read.
 * Hosts theme any number of reports on one page without touching our templates.
 */
export const tokenStyles = css`
  :host {
    --_font-family: var(--msg-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--msg-font-size, 14px);
    --_text-color: var(--msg-text-color, #1f2937);
    --_muted-color: var(--msg-muted-color, #4b5563);
    --_surface-color: var(--msg-surface-color, #ffffff);
    --_border-color: var(--msg-border-color, #d1d5db);
    --_accent-color: var(--msg-accent-color, #1d4ed8);
    --_error-color: var(--msg-error-color, #b91c1c);
    --_radius: var(--msg-radius, 8px);
    --_gap: var(--msg-gap, 16px);
    --_chart-height: var(--msg-chart-height, 280px);
    --_animation-duration: var(--msg-animation-duration, 500ms);
    --_palette-1: var(--msg-color-1, #2563eb);
    --_palette-2: var(--msg-color-2, #16a34a);
    --_palette-3: var(--msg-color-3, #f59e0b);
    --_palette-4: var(--msg-color-4, #dc2626);
    --_palette-5: var(--msg-color-5, #7c3aed);
    --_palette-6: var(--msg-color-6, #0891b2);
    --_palette-7: var(--msg-color-7, #db2777);
    --_palette-8: var(--msg-color-8, #65a30d);
    --_palette-9: var(--msg-color-9, #ea580c);
    --_palette-10: var(--msg-color-10, #64748b);

    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_text-color);
  }
  :host([hidden]) {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** How many palette entries the tokens define. */
export const PALETTE_SIZE = 10;
