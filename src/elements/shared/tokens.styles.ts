import { css } from 'lit';

/**
 * Light and dark, and patterns, for every element and for `<msg-report>` itself. The scheme is
 * CSS's own `color-scheme`, carried to every element below through the inherited
 * `--msg-color-scheme` (custom properties cross shadow roots; attributes do not): `light dark`
 * by default, so `light-dark()` in the tokens follows `prefers-color-scheme`; `theme="dark"` or
 * `theme="light"` on an element (or `--msg-color-scheme` on any ancestor) fixes it for everything
 * inside. `patterns` travels the same way as `--msg-patterns`, read by the charts.
 *
 * In light the elements stay transparent on the page, as ever; in dark they paint their surface,
 * so a dark report stays legible on a light page.
 */
export const themeHostStyles = css`
  :host([theme='light']) {
    --msg-color-scheme: light;
  }
  :host([theme='dark']) {
    --msg-color-scheme: dark;
  }
  :host([patterns]) {
    --msg-patterns: on;
  }
  :host {
    color-scheme: var(--msg-color-scheme, light dark);
    background-color: var(--msg-background-color, light-dark(transparent, var(--msg-surface-color, #111827)));
  }
`;

/**
 * The public theming surface: every colour, font and size an element uses is a `--msg-*` custom
 * property with a default, mapped onto a private `--_*` one that the element's own styles read.
 * Hosts theme any number of reports on one page without touching our templates. Colours default
 * to `light-dark(light, dark)`, so both schemes are built in; a host's own value may use
 * `light-dark()` too.
 */
export const tokenStyles = [
  themeHostStyles,
  css`
    :host {
      --_font-family: var(--msg-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--msg-font-size, 14px);
      --_text-color: var(--msg-text-color, light-dark(#1f2937, #e5e7eb));
      --_muted-color: var(--msg-muted-color, light-dark(#4b5563, #9ca3af));
      --_surface-color: var(--msg-surface-color, light-dark(#ffffff, #111827));
      --_border-color: var(--msg-border-color, light-dark(#d1d5db, #374151));
      --_accent-color: var(--msg-accent-color, light-dark(#1d4ed8, #60a5fa));
      --_error-color: var(--msg-error-color, light-dark(#b91c1c, #f87171));
      --_radius: var(--msg-radius, 8px);
      --_gap: var(--msg-gap, 16px);
      --_chart-height: var(--msg-chart-height, 280px);
      --_animation-duration: var(--msg-animation-duration, 500ms);
      --_patterns: var(--msg-patterns, off);

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
  `,
];
