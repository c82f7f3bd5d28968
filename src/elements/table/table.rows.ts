/**
 * The table of `<msg-table>`: a `role="table"` grid of divs (the body is virtualized, which a
 * `<table>` cannot be), its header row with the Timestamp sort button, the message rows and their
 * cells, and placeholders for rows not loaded yet. Every value from the endpoint is text: it goes
 * through Lit's text bindings and attribute values, never markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';
import type { MessageKind, MessageRow, Order } from '../../core/contract/types.js';
import { formatDateTimeSeconds } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { translate } from '../../i18n/translate.js';
import { cellText, columnHeader, columnsOf } from './table.columns.js';
import { isPendingRow, type ColumnId, type TableItem } from './table.types.js';

/**
 * The virtualizer re-lays its rows out inside its ResizeObserver callbacks, which resizes what it
 * observes in the same frame; the browser then reports "ResizeObserver loop completed with
 * undelivered notifications" to `window.onerror`, where a strict host page counts it as a failure.
 * Handing each observation over at the next animation frame breaks that loop at the cost of a
 * frame's delay. (Module-wide for the virtualizer: a host's own virtualizer on the same copy of it
 * gets the same, harmless, behaviour.)
 */
// Node (a server-rendered host page importing the package) has no ResizeObserver, and no table to lay out.
if (typeof ResizeObserver !== 'undefined') {
  provideResizeObserver(
    class extends ResizeObserver {
      constructor(callback: ResizeObserverCallback) {
        super((entries, observer) => requestAnimationFrame(() => callback(entries, observer)));
      }
    },
  );
}

/** Content longer than this (or with a line break) gets a "show all" toggle. */
const CONTENT_PREVIEW = 120;
/** Characters of a collapsed cell put in the DOM; the cell shows one line of them anyway. */
const CELL_TEXT_LIMIT = 400;

/** At most `limit` UTF-16 units of `text`, never splitting a surrogate pair. */
function clip(text: string, limit = CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/** What the table shows and what its controls do. */
export interface TableView {
  readonly kind: MessageKind;
  readonly order: Order;
  readonly lang: Lang;
  readonly timeZone: string;
  /** The table's accessible name (the element's heading). */
  readonly label: string;
  /** The rows held, then placeholders up to the rows expected. */
  readonly items: TableItem[];
  /** A newer answer is loading: the table stays, dimmed. */
  readonly busy: boolean;
  /** Ids of the rows whose long content shows in full. */
  readonly expanded: ReadonlySet<string>;
  readonly onToggleOrder: () => void;
  readonly onToggleExpanded: (id: string) => void;
  readonly onSelectContact: (row: MessageRow) => void;
  /** The virtualizer rendered other rows: `event.last` is the last one. */
  readonly onRangeChanged: (event: RangeChangedEvent) => void;
}

/** The scrolling box with the table: header row, then the virtualized body. */
export function renderTable(view: TableView): TemplateResult {
  const columns = columnsOf(view.kind);
  return html`<div part="scroller" class="kind-${view.kind}${view.busy ? ' busy' : ''}" role="region" aria-label=${view.label} tabindex="0">
    <div part="table" role="table" aria-label=${view.label} aria-rowcount=${view.items.length + 1} aria-colcount=${columns.length}>
      <div class="head" role="rowgroup">
        <div class="row" part="header-row" role="row" aria-rowindex="1">
          ${columns.map((column, index) => renderHeaderCell(view, column, index))}
        </div>
      </div>
      <div class="body" role="rowgroup" @rangeChanged=${view.onRangeChanged}>
        <div virtualizer-sizer aria-hidden="true"></div>
        ${virtualize({ items: view.items, renderItem: (item: TableItem, index: number) => renderRow(view, columns, item, index) })}
      </div>
    </div>
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

function renderRow(view: TableView, columns: readonly ColumnId[], item: TableItem, index: number): TemplateResult {
  const odd = index % 2 === 1 ? ' odd' : '';
  if (isPendingRow(item)) {
    return html`<div class="row pending${odd}" part="row" role="row" aria-rowindex=${index + 2}>
      ${columns.map(
        (_, i) =>
          html`<div role="cell" part="cell" aria-colindex=${i + 1}>
            ${i === 0 ? html`<span class="visually-hidden">${translate(view.lang, 'state.loading')}</span>` : nothing}
          </div>`,
      )}
    </div>`;
  }
  const expanded = view.expanded.has(item.id);
  return html`<div class="row${odd}${expanded ? ' expanded' : ''}" part="row" role="row" aria-rowindex=${index + 2} data-id=${item.id}>
    ${columns.map((column, i) => renderCell(view, item, column, i + 1, expanded))}
  </div>`;
}

function renderCell(view: TableView, row: MessageRow, column: ColumnId, colIndex: number, expanded: boolean): TemplateResult {
  const { lang, timeZone } = view;
  switch (column) {
    case 'timestamp':
    case 'deliveredAt':
    case 'readAt': {
      const instant = row[column];
      // The title gives the exact instant with its offset, as the CSV has it.
      return html`<div
        role="cell"
        part="cell"
        class="time"
        aria-colindex=${colIndex}
        title=${instant ? cellText(row, column, lang, timeZone, 'csv') : ''}
      >
        ${instant ? formatDateTimeSeconds(lang, timeZone, instant) : ''}
      </div>`;
    }
    case 'contactId':
    case 'contactName': {
      const text = cellText(row, column, lang, timeZone, 'screen');
      return html`<div role="cell" part="cell" aria-colindex=${colIndex}>
        <button type="button" part="contact" dir="auto" title=${clip(text, 1000)} @click=${() => view.onSelectContact(row)}>
          ${clip(text)}
        </button>
      </div>`;
    }
    case 'content': {
      const text = row.content;
      const long = text.length > CONTENT_PREVIEW || /[\r\n]/.test(text);
      return html`<div role="cell" part="cell" class="content" aria-colindex=${colIndex}>
        <span class="text" dir="auto" title=${long && !expanded ? text : ''}>${expanded ? text : clip(text)}</span>
        ${
          long
            ? html`<button
                type="button"
                part="expand"
                aria-expanded=${expanded ? 'true' : 'false'}
                @click=${() => view.onToggleExpanded(row.id)}
              >
                ${translate(lang, expanded ? 'table.showLess' : 'table.showMore')}
              </button>`
            : nothing
        }
      </div>`;
    }
    default: {
      const text = cellText(row, column, lang, timeZone, 'screen');
      return html`<div role="cell" part="cell" dir="auto" aria-colindex=${colIndex} title=${text.length > 24 ? clip(text, 1000) : ''}>
        ${clip(text)}
      </div>`;
    }
  }
}
