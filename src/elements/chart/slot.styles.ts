import { unsafeCSS } from 'lit';
import { SLOT_COLORS, SLOTS, slotProperty } from '../shared/palette.js';

/**
 * The colour slots of the charts (see palette.ts): `--_color-<slot>` from `--msg-color-<slot>`,
 * light and dark built in; and `[data-color="<slot>"]` gives `--_swatch` for a legend's swatch.
 * Generated from the palette's constant lists, never from data.
 */
export const slotStyles = unsafeCSS(
  `:host {${SLOTS.map((slot) => {
    const [light, dark] = SLOT_COLORS[slot] ?? ['', ''];
    return `--_color-${slot}: var(${slotProperty(slot)}, light-dark(${light}, ${dark}));`;
  }).join('')}}
  ${SLOTS.map((slot) => `[data-color='${slot}']{--_swatch:var(--_color-${slot})}`).join('')}`,
);
