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
 */
import { html, noChange, type ElementPart, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { MessageKind, MessageRow, Order } from '../../core/contract/types.js';
import { formatDateTimeSeconds } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import type { ErrorExplainer } from '../../i18n/provider-errors.js';
import { translate } from '../../i18n/translate.js';
import { cellText, columnHeader, columnsOf, type ColumnId } from '../../core/csv/message-columns.js';
import { isPendingRow, type TableItem } from './table.types.js';

/** Content longer than this (or with a line break) gets a "show all" toggle. */
const CONTENT_PREVIEW = 120;
/** Characters of a collapsed cell put in the DOM; the cell shows one line of them anyway. */
const CELL_TEXT_LIMIT = 400;
/** Rows kept beyond each edge of the view, so a scroll shows rows already there. */
const OVERSCAN = 4;
/** The row height assumed until one is measured (the default of `--msg-table-row-height`). */
const DEFAULT_ROW_HEIGHT = 36;

/** At most `limit` UTF-16 units of `text`, never splitting a surrogate pair. */
function clip(text: string, limit = CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/**
 * Whether the page is being printed. Then the body keeps the rows it holds: printed, the scroller
 * grows with its rows and stops scrolling (table.styles.ts), so measuring it would hold more rows
 * and grow it again, and its scroll back to the top would swap the rows for others.
 */
const printing = (): boolean => matchMedia('print').matches;

/** The rows the body holds changed: `last` is the index of the last one (the paging loads ahead of it). */
export class RangeChangedEvent extends Event {
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    super('rangeChanged');
  }
}

/** What the table shows and what its controls do. */
export interface TableView {
  readonly kind: MessageKind;
  readonly order: Order;
  readonly lang: Lang;
  readonly timeZone: string;
  /** What known error codes mean in `lang`, once loaded (the failed log). */
  readonly explain: ErrorExplainer | undefined;
  /** The table's accessible name (the element's heading). */
  readonly label: string;
  /** The rows held, then placeholders up to the rows expected. */
  readonly items: TableItem[];
  /** The query's listing: one for a new query starts at the top; the same query refreshed keeps the scroll. */
  readonly listing: { readonly params: object };
  /** A newer answer is loading: the table stays, dimmed. */
  readonly busy: boolean;
  /** Ids of the rows whose long content shows in full. */
  readonly expanded: ReadonlySet<string>;
  readonly onToggleOrder: () => void;
  readonly onToggleExpanded: (id: string) => void;
  readonly onSelectContact: (row: MessageRow) => void;
  /** The body holds other rows now (a {@link RangeChangedEvent}). */
  readonly onRangeChanged: (event: RangeChangedEvent) => void;
}

/**
 * How wide the time columns are (`--_time-width` on the table): their longest text in the
 * report's locale and zone (`30/11/2026, 13:58:05` in `es`, `11/30/2026, 01:58:05 PM` in `en-US`)
 * in `ch` of tabular digits, and the cell's padding, so no locale's time is cut. Set through the
 * CSSOM: a style attribute would be refused under the strict CSP.
 */
function timeColumnWidth(lang: Lang, timeZone: string): string {
  const longest = formatDateTimeSeconds(lang, timeZone, Date.UTC(2026, 11, 28, 22, 58, 58));
  return `calc(${longest.length + 1}ch + 20px)`;
}

/** The scrolling box with the table: header row, then the virtual body. */
export function renderTable(view: TableView): TemplateResult {
  const columns = columnsOf(view.kind);
  // The frame draws the scroll cues over the scroller's edges (see table.styles.ts).
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

function isExpanded(row: Row): boolean {
  return row.element.classList.contains('expanded');
}

/** A row element of the body and what it shows now. */
interface Row {
  readonly element: HTMLElement;
  readonly pending: boolean;
  /** Refills the row for `item` at `index`. */
  fill(view: TableView, item: TableItem, index: number): void;
  /** What it was last filled with, to skip refilling the same. */
  item: TableItem | undefined;
  stamp: number;
  index: number;
}

function messageRow(columns: readonly ColumnId[]): Row {
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

function pendingRow(columns: readonly ColumnId[]): Row {
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

/**
 * Owns the rows of the body it is bound to: which rows exist (those in view, a few beyond, and a
 * focused one), where each sits, and their contents. Layout is arithmetic on one row height; the
 * scroller's size, the row height and expanded rows' heights are read in a ResizeObserver
 * callback, where layout is already done.
 */
class VirtualRows extends AsyncDirective {
  #view: TableView | undefined;
  #body: HTMLElement | undefined;
  #scroller: HTMLElement | null = null;
  #columns: readonly ColumnId[] = [];
  /** Rows on the body, by item index. */
  readonly #rows = new Map<number, Row>();
  /** Rows off the body, ready for reuse. */
  readonly #pool: { message: Row[]; pending: Row[] } = { message: [], pending: [] };
  /** Bumped when every row must be refilled (language, zone, expanded rows, kind). */
  #stamp = 0;
  #look = '';
  #rowHeight = DEFAULT_ROW_HEIGHT;
  /** The scroller's inner height; `0` until measured (the window's height is assumed instead). */
  #viewport = 0;
  /** Where the body starts inside the scroller (below the header row). */
  #bodyTop = 0;
  /** Expanded rows' extra height over one row, by index, in index order. */
  #extra: [number, number][] = [];
  #range = { first: -1, last: -1 };
  /** The scroller's `scrollTop`, as the last scroll event left it (read there, never while rendering). */
  #scrollTop = 0;
  #listing: { readonly params: object } | undefined;
  #observer: ResizeObserver | undefined;
  #listening = false;
  /** True inside the ResizeObserver's callback. */
  #resizing = false;

  override render(_view: TableView): unknown {
    return noChange;
  }

  override update(part: ElementPart, [view]: [TableView]): unknown {
    const body = part.element as HTMLElement;
    if (this.#body !== body) {
      this.#clear();
      this.#body = body;
      body.addEventListener('click', this.#onClick);
    }
    const columns = columnsOf(view.kind);
    // The error-code sentences arrive after the rows the first time a language shows.
    const look = JSON.stringify([view.kind, view.lang, view.timeZone, [...view.expanded], view.explain !== undefined]);
    if (columns !== this.#columns) {
      this.#clear();
      this.#columns = columns;
    }
    if (look !== this.#look) {
      this.#look = look;
      body.parentElement?.style.setProperty('--_time-width', timeColumnWidth(view.lang, view.timeZone));
      this.#stamp += 1;
      // Expanded rows are measured again once filled.
      this.#extra = [];
    }
    this.#view = view;
    this.#listen();
    if (view.listing !== this.#listing) {
      // A new query starts at its first row (the scroller is only touched when it is scrolled); the
      // same query loaded again (a refresh) keeps the reader where they are.
      const sameQuery = this.#listing !== undefined && JSON.stringify(this.#listing.params) === JSON.stringify(view.listing.params);
      if (!sameQuery) {
        if (this.#listing !== undefined && this.#scrollTop > 0 && this.#scroller) this.#scroller.scrollTop = 0;
        this.#scrollTop = 0;
      }
      this.#listing = view.listing;
    }
    this.#layout();
    return noChange;
  }

  protected override disconnected(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#listening = false;
  }

  protected override reconnected(): void {
    this.#listen();
    this.#layout();
  }

  #listen(): void {
    if (this.#listening || !this.#body) return;
    this.#listening = true;
    // The scroller is the body's grandparent (table, scroller), there before the template is attached.
    this.#scroller = this.#body.closest<HTMLElement>('[part~="scroller"]');
    this.#scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#observer = new ResizeObserver(this.#onResize);
    if (this.#scroller) this.#observer.observe(this.#scroller);
    for (const row of this.#rows.values()) if (isExpanded(row)) this.#observer.observe(row.element);
  }

  readonly #onScroll = (): void => {
    if (printing()) return;
    this.#scrollTop = this.#scroller?.scrollTop ?? 0;
    this.#showScrollCues();
    this.#layout();
  };

  /**
   * Marks the frame around the scroller with the sides that have more columns beyond them, for the
   * scroll cues. Read in the scroll and resize callbacks, where layout is already done.
   */
  #showScrollCues(): void {
    const scroller = this.#scroller;
    const frame = scroller?.parentElement;
    if (!scroller || !frame) return;
    // Negative in a right-to-left table: its distance from the start either way.
    const offset = Math.abs(scroller.scrollLeft);
    frame.classList.toggle('more-start', offset > 1);
    frame.classList.toggle('more-end', offset + scroller.clientWidth < scroller.scrollWidth - 1);
  }

  /**
   * Sizes, read after layout: the scroller's, where the body starts, a row's, and the expanded
   * rows'. Only the scroller and expanded rows are observed: rows coming and going as the body
   * scrolls would make the observer report them round after round.
   */
  readonly #onResize = (): void => {
    const scroller = this.#scroller;
    const body = this.#body;
    if (!scroller || !body || !this.isConnected) return;
    if (printing()) return;
    this.#showScrollCues();
    let changed = false;
    if (scroller.clientHeight !== this.#viewport || body.offsetTop !== this.#bodyTop) {
      this.#viewport = scroller.clientHeight;
      this.#bodyTop = body.offsetTop;
      changed = true;
    }
    const rows = [...this.#rows].sort((a, b) => a[0] - b[0]);
    const sample = rows.find(([, row]) => !isExpanded(row))?.[1].element.offsetHeight ?? 0;
    if (sample > 0 && sample !== this.#rowHeight) {
      this.#rowHeight = sample;
      changed = true;
    }
    const extra: [number, number][] = [];
    for (const [index, row] of rows) {
      const height = isExpanded(row) ? row.element.offsetHeight : 0;
      if (height > this.#rowHeight) extra.push([index, height - this.#rowHeight]);
    }
    if (extra.join() !== this.#extra.join()) {
      this.#extra = extra;
      changed = true;
    }
    if (changed) {
      this.#resizing = true;
      try {
        this.#layout();
      } finally {
        this.#resizing = false;
      }
    }
  };

  /** Watches an expanded row's height; from inside the observer's callback, a frame later (see above). */
  #observe(row: Row): void {
    const observer = this.#observer;
    if (!observer) return;
    if (!this.#resizing) observer.observe(row.element);
    else
      requestAnimationFrame(() => {
        if (isExpanded(row) && [...this.#rows.values()].includes(row)) observer.observe(row.element);
      });
  }

  /** Top of the row at `index`. */
  #top(index: number): number {
    let top = index * this.#rowHeight;
    for (const [expanded, extra] of this.#extra) if (expanded < index) top += extra;
    return top;
  }

  /** The index of the row at `y` in the body. */
  #indexAt(y: number): number {
    let extraAbove = 0;
    for (const [index, extra] of this.#extra) {
      const top = index * this.#rowHeight + extraAbove;
      if (y < top) break;
      if (y < top + this.#rowHeight + extra) return index;
      extraAbove += extra;
    }
    return Math.floor((y - extraAbove) / this.#rowHeight);
  }

  #layout(): void {
    const view = this.#view;
    const body = this.#body;
    if (!view || !body) return;
    const count = view.items.length;
    const scrollTop = this.#scrollTop;
    const viewport = this.#viewport || innerHeight;
    const top = Math.max(0, scrollTop - this.#bodyTop);
    const first = Math.max(0, this.#indexAt(top) - OVERSCAN);
    const last = Math.min(count - 1, this.#indexAt(top + viewport) + OVERSCAN);

    // Rows leaving the window go back to the pool, except one holding focus (it stays where it is).
    const focused = (body.getRootNode() as ShadowRoot | Document).activeElement;
    for (const [index, row] of this.#rows) {
      if (index >= first && index <= last && index < count) continue;
      if (index < count && focused && row.element.contains(focused)) continue;
      this.#rows.delete(index);
      row.element.remove();
      row.item = undefined;
      this.#observer?.unobserve(row.element);
      (row.pending ? this.#pool.pending : this.#pool.message).push(row);
    }
    for (let index = first; index <= last; index++) {
      const item = view.items[index];
      if (!item) continue;
      const pending = isPendingRow(item);
      let row = this.#rows.get(index);
      if (row && row.pending !== pending) {
        this.#rows.delete(index);
        row.element.remove();
        this.#observer?.unobserve(row.element);
        (row.pending ? this.#pool.pending : this.#pool.message).push(row);
        row = undefined;
      }
      if (!row) {
        row = (pending ? this.#pool.pending : this.#pool.message).pop() ?? (pending ? pendingRow : messageRow)(this.#columns);
        row.item = undefined;
        this.#rows.set(index, row);
      }
      if (row.item !== item || row.stamp !== this.#stamp || row.index !== index) {
        row.fill(view, item, index);
        row.item = item;
        row.stamp = this.#stamp;
        row.index = index;
        if (isExpanded(row)) this.#observe(row);
        else this.#observer?.unobserve(row.element);
      }
    }
    // Positions, and the rows in index order in the DOM (reading and tabbing order).
    let previous: Element | null = null;
    for (const [index, { element }] of [...this.#rows].sort((a, b) => a[0] - b[0])) {
      const transform = `translateY(${this.#top(index)}px)`;
      if (element.style.transform !== transform) element.style.transform = transform;
      const next: ChildNode | null = previous ? previous.nextSibling : body.firstChild;
      if (element !== next) body.insertBefore(element, next);
      previous = element;
    }
    const height = `${this.#top(count)}px`;
    if (body.style.height !== height) body.style.height = height;

    if (first !== this.#range.first || last !== this.#range.last) {
      this.#range = { first, last };
      body.dispatchEvent(new RangeChangedEvent(first, last));
    }
  }

  readonly #onClick = (event: Event): void => {
    const view = this.#view;
    const button = (event.target as Element).closest('button');
    const element = button?.closest('[role="row"]');
    if (!view || !button || !element) return;
    const row = [...this.#rows.values()].find((candidate) => candidate.element === element);
    const item = row?.item;
    if (!item || isPendingRow(item)) return;
    if (button.matches('[part~="contact"]')) view.onSelectContact(item);
    else if (button.matches('[part~="expand"]')) view.onToggleExpanded(item.id);
  };

  #clear(): void {
    for (const row of this.#rows.values()) row.element.remove();
    this.#rows.clear();
    this.#pool.message.length = 0;
    this.#pool.pending.length = 0;
    this.#range = { first: -1, last: -1 };
    this.#extra = [];
  }
}

/** Binds the virtual rows of `view` to the table's body element. */
const virtualRows = directive(VirtualRows);
