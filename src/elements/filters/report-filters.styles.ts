import { css } from 'lit';

/**
 * The filters' look. Why some rules are as they are (kept here: a comment inside the stylesheet
 * would ship with it):
 * - Controls share one look; focus is always visible.
 * - Popups live in the top layer (Popover API), so no ancestor's overflow clips them; CSS anchor
 *   positioning tethers them to their opener, flipping when the viewport has no room.
 * - The option aria-activedescendant points at: DOM focus stays on the combobox.
 */
export const filtersStyles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    min-width: 0;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='range-days'],
  [part~='zone'] {
    color: var(--_muted-color);
  }
  [part~='zone'] {
    margin: 0;
    font-size: 0.9em;
  }

  button,
  [role='combobox'],
  input {
    font: inherit;
    color: var(--_text-color);
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) / 2);
    padding: 5px 10px;
  }
  button,
  [part~='range-button'] {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button:focus-visible,
  [role='combobox']:focus-visible,
  input:focus-visible,
  [popover]:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: 2px;
  }
  [part~='range-button'] {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-width: 12em;
    justify-content: space-between;
    anchor-name: --msg-range;
  }
  [part~='add-button'] {
    anchor-name: --msg-add;
    border-style: dashed;
  }
  .caret {
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    padding: 3px;
    transform: translateY(-2px) rotate(45deg);
  }
  [aria-invalid='true'] {
    border-color: var(--_error-color);
  }

  [popover] {
    position: fixed;
    inset: auto;
    margin: 4px 0;
    position-area: block-end span-inline-end;
    position-try-fallbacks:
      flip-block,
      flip-inline,
      flip-block flip-inline;
    box-sizing: border-box;
    min-width: 14em;
    max-width: min(28em, calc(100vw - 16px));
    max-height: min(26em, calc(100vh - 16px));
    overflow: auto;
    padding: 4px;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_text-color);
    background: var(--_surface-color);
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.16);
  }
  #range-popup {
    position-anchor: --msg-range;
  }
  #add-popup {
    position-anchor: --msg-add;
    width: min(24em, calc(100vw - 16px));
  }
  [role='listbox'],
  [role='menu'] {
    margin: 0;
    padding: 0;
    list-style: none;
    outline: none;
  }
  [role='option'],
  [role='menuitem'] {
    display: flex;
    align-items: center;
    gap: 8px;
    width: 100%;
    box-sizing: border-box;
    padding: 6px 10px;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: transparent;
    text-align: start;
    cursor: pointer;
    min-width: 0;
  }
  [role='menuitem']:focus-visible {
    outline: 2px solid var(--_accent-color);
    outline-offset: -2px;
  }
  [role='option']:hover,
  [role='menuitem']:hover {
    background: color-mix(in srgb, var(--_accent-color) 8%, transparent);
  }
  [role='option'].active {
    outline: 2px solid var(--_accent-color);
    outline-offset: -2px;
  }
  [role='option'][aria-selected='true'] {
    font-weight: 600;
  }
  .check {
    flex: none;
    width: 1em;
    height: 1em;
    box-sizing: border-box;
    border: 1px solid var(--_muted-color);
    border-radius: 3px;
  }
  [aria-selected='true'] > .check {
    background: var(--_accent-color);
    border-color: var(--_accent-color);
    box-shadow: inset 0 0 0 2px var(--_surface-color);
  }
  .option-label,
  .chip-value {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='picker'] {
    display: grid;
    gap: 6px;
  }
  .picker-head {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  [part~='back'] {
    padding: 2px 8px;
  }
  [part~='search'] {
    width: 100%;
    box-sizing: border-box;
  }
  [part~='options'] {
    max-height: 16em;
    overflow: auto;
  }
  [part~='options'][aria-busy='true'] {
    opacity: 0.6;
  }
  [part~='status'] {
    margin: 0;
    font-size: 0.9em;
    color: var(--_muted-color);
  }
  .picker-actions {
    display: flex;
    justify-content: flex-end;
    gap: 6px;
  }

  [part~='custom-range'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
  }
  [part~='custom-range'] label {
    display: grid;
    gap: 2px;
    font-size: 0.9em;
    color: var(--_muted-color);
  }
  .date-field {
    display: flex;
    align-items: end;
    gap: 6px;
  }
  [part~='date-readout'] {
    padding-bottom: 6px;
    font-size: 0.9em;
  }
  [part~='apply'] {
    color: var(--_surface-color);
    background: var(--_accent-color);
    border-color: var(--_accent-color);
  }
  [part~='range-error'] {
    flex-basis: 100%;
    margin: 0;
    color: var(--_error-color);
  }
  [part~='range-error']:empty {
    display: none;
  }

  [part~='chips'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    min-width: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='chip'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: min(22em, 100%);
    min-width: 0;
    padding: 2px 2px 2px 10px;
    border: 1px solid var(--_border-color);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_accent-color) 6%, var(--_surface-color));
  }
  .chip-field {
    flex: none;
    color: var(--_muted-color);
  }
  [part~='chip-remove'] {
    flex: none;
    border: 0;
    border-radius: 999px;
    padding: 0 8px;
    background: transparent;
    line-height: 1.6;
  }
  [part~='clear'] {
    border-color: transparent;
    background: transparent;
    color: var(--_accent-color);
    text-decoration: underline;
  }
  [part~='clear']:disabled {
    color: var(--_muted-color);
    text-decoration: none;
  }
`;
