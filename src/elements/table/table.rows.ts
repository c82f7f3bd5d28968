/**
 * The table of `<msg-table>`: a `role="table"` grid of divs, its header row with the Timestamp sort
 * button, and a virtual body that holds only the rows in and near the scroller's view.
 *
 * The body is not a Lit template per row: each row is a handful of elements built once and then
 * reused for whichever row scrolls into view, its text nodes' data rewritten in place. So a row is
 * about a dozen nodes (one element per cell, its text, the contact and "show all" buttons), no
 * comment markers pile up however far it scrolls, and a frame costs a few rows' text however fast.
 * Rows are one height (`--msg-table-row-height`, or a line of the font if taller), so the first
 * screen is laid out from arithmetic alone, without a measuring pass; an expanded row (long
 * content shown in full) is measured and the rows below it move down.
 *
 * Every value from the endpoint is set as text (`Text.data`, `title`), never as markup.
 *
 * In parts: what the table shows (table.view.ts), the row elements and their cells
 * (table.row-elements.ts), the virtual body that places them (table.virtual-rows.ts).
 */
import { html, type TemplateResult } from 'lit';
import { columnHeader, columnsOf, type ColumnId } from '../../core/csv/message-columns.js';
import { translate } from '../../i18n/translate.js';
import { moreColumnsLabel } from '../shared/scroll-cues.js';
import { virtualRows } from './table.virtual-rows.js';
import type { TableView } from './table.view.js';

/** The scrolling box with the table: header row, then the virtual body. */
export function renderTable(view: TableView): TemplateResult {
  const columns = columnsOf(view.kind);
  // The frame draws the scroll cues over the scroller's edges (see ../shared/scroll-cues.ts).
  return html`<div class="frame">
    <div part="scroller" class="kind-${view.kind}${view.busy ? ' busy' : ''}" role="region" aria-label=${view.label} tabindex="0">
      <div part="table" role="table" aria-label=${view.label} aria-rowcount=${view.items.length + 1} aria-colcount=${columns.length}>
        <div class="head" role="rowgroup">
          <div class="row" part="header-row" role="row" aria-rowindex="1">
            ${columns.map((column, index) => renderHeaderCell(view, column, index))}
          </div>
        </div>
        <div class="body" role="rowgroup" @rangeChanged=${view.onRangeChanged} ${virtualRows(view)}></div>
      </div>
    </div>
    ${moreColumnsLabel(view.lang)}
  </div>`;
}

function renderHeaderCell(view: TableView, column: ColumnId, index: number): TemplateResult {
  const label = columnHeader(view.lang, column);
  if (column !== 'timestamp') {
    return html`<div role="columnheader" part="header-cell" aria-colindex=${index + 1}>${label}</div>`;
  }
  const desc = view.order === 'desc';
  return html`<div role="columnheader" part="header-cell" aria-colindex=${index + 1} aria-sort=${desc ? 'descending' : 'ascending'}>
    <button
      type="button"
      part="sort"
      title=${translate(view.lang, desc ? 'table.sort.showAsc' : 'table.sort.showDesc')}
      @click=${view.onToggleOrder}
    >
      ${label}<span aria-hidden="true">${desc ? '↓' : '↑'}</span>
    </button>
  </div>`;
}
