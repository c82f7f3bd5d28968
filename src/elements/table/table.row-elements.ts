/**
 * The rows of `<msg-table>`'s virtual body: each a handful of elements built once and then
 * refilled for whichever message (or placeholder) scrolls into its place, its text nodes' data
 * rewritten in place. Every value from the endpoint is set as text (`Text.data`, `title`), never
 * as markup.
 */
import type { MessageRow } from '../../core/contract/types.js';
import { cellText, type ColumnId } from '../../core/csv/message-columns.js';
import { formatDateTimeSeconds } from '../../i18n/format.js';
import { translate } from '../../i18n/translate.js';
import type { TableView } from './table.view.js';
import type { TableItem } from './table.types.js';

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

/** An element with one text node, whose data is rewritten in place. */
function textElement(tag: string, attributes: Record<string, string>): { element: HTMLElement; text: Text } {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const text = document.createTextNode('');
  element.append(text);
  return { element, text };
}

function setTitle(element: HTMLElement, title: string): void {
  if (element.title !== title) element.title = title;
}

function setText(text: Text, value: string): void {
  if (text.data !== value) text.data = value;
}

/** One cell of a message row, built once and refilled for each row it shows. */
interface Cell {
  readonly element: HTMLElement;
  fill(view: TableView, row: MessageRow, expanded: boolean): void;
}

function cell(column: ColumnId, colIndex: number): Cell {
  const attributes: Record<string, string> = { role: 'cell', part: 'cell', 'aria-colindex': String(colIndex) };
  switch (column) {
    case 'timestamp':
    case 'deliveredAt':
    case 'readAt': {
      const { element, text } = textElement('div', { ...attributes, class: 'time' });
      return {
        element,
        fill(view, row) {
          const instant = row[column];
          // The title gives the exact instant with its offset, as the CSV has it.
          setTitle(element, instant ? cellText(row, column, view.lang, view.timeZone, 'csv') : '');
          setText(text, instant ? formatDateTimeSeconds(view.lang, view.timeZone, instant) : '');
        },
      };
    }
    case 'contactId':
    case 'contactName': {
      const element = document.createElement('div');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      const button = textElement('button', { type: 'button', part: 'contact', dir: 'auto' });
      element.append(button.element);
      return {
        element,
        fill(view, row) {
          const value = cellText(row, column, view.lang, view.timeZone, 'screen');
          setTitle(button.element, clip(value, 1000));
          setText(button.text, clip(value));
        },
      };
    }
    case 'content': {
      const element = document.createElement('div');
      for (const [name, value] of Object.entries({ ...attributes, class: 'content' })) element.setAttribute(name, value);
      const span = textElement('span', { class: 'text', dir: 'auto' });
      element.append(span.element);
      let toggle: { element: HTMLElement; text: Text } | undefined;
      return {
        element,
        fill(view, row, expanded) {
          const value = row.content;
          const long = value.length > CONTENT_PREVIEW || /[\r\n]/.test(value);
          setTitle(span.element, long && !expanded ? value : '');
          setText(span.text, expanded ? value : clip(value));
          if (!long) {
            toggle?.element.remove();
            return;
          }
          toggle ??= textElement('button', { type: 'button', part: 'expand' });
          if (toggle.element.parentNode !== element) element.append(toggle.element);
          toggle.element.setAttribute('aria-expanded', expanded ? 'true' : 'false');
          setText(toggle.text, translate(view.lang, expanded ? 'table.showLess' : 'table.showMore'));
        },
      };
    }
    default: {
      const { element, text } = textElement('div', { ...attributes, dir: 'auto' });
      return {
        element,
        fill(view, row) {
          const value = cellText(row, column, view.lang, view.timeZone, 'screen', view.explain);
          setTitle(element, value.length > 24 ? clip(value, 1000) : '');
          setText(text, clip(value));
        },
      };
    }
  }
}

export function isExpanded(row: Row): boolean {
  return row.element.classList.contains('expanded');
}

/** A row element of the body and what it shows now. */
export interface Row {
  readonly element: HTMLElement;
  readonly pending: boolean;
  /** Refills the row for `item` at `index`. */
  fill(view: TableView, item: TableItem, index: number): void;
  /** What it was last filled with, to skip refilling the same. */
  item: TableItem | undefined;
  stamp: number;
  index: number;
}

export function messageRow(columns: readonly ColumnId[]): Row {
  const element = document.createElement('div');
  element.setAttribute('part', 'row');
  element.setAttribute('role', 'row');
  const cells = columns.map((column, i) => cell(column, i + 1));
  element.append(...cells.map((c) => c.element));
  return {
    element,
    pending: false,
    item: undefined,
    stamp: -1,
    index: -1,
    fill(view, item, index) {
      const row = item as MessageRow;
      const expanded = view.expanded.has(row.id);
      element.className = `row${index % 2 === 1 ? ' odd' : ''}${expanded ? ' expanded' : ''}`;
      element.setAttribute('aria-rowindex', String(index + 2));
      element.dataset.id = row.id;
      for (const c of cells) c.fill(view, row, expanded);
    },
  };
}

export function pendingRow(columns: readonly ColumnId[]): Row {
  const element = document.createElement('div');
  element.setAttribute('part', 'row');
  element.setAttribute('role', 'row');
  const loading = textElement('span', { class: 'visually-hidden' });
  element.append(
    ...columns.map((_, i) => {
      const c = document.createElement('div');
      c.setAttribute('role', 'cell');
      c.setAttribute('part', 'cell');
      c.setAttribute('aria-colindex', String(i + 1));
      if (i === 0) c.append(loading.element);
      return c;
    }),
  );
  return {
    element,
    pending: true,
    item: undefined,
    stamp: -1,
    index: -1,
    fill(view, _item, index) {
      element.className = `row pending${index % 2 === 1 ? ' odd' : ''}`;
      element.setAttribute('aria-rowindex', String(index + 2));
      setText(loading.text, translate(view.lang, 'state.loading'));
    },
  };
}
