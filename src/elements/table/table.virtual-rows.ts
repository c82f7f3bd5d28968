/**
 * The virtual body of `<msg-table>`'s table: a Lit directive on the body element that holds only
 * the rows in and near the scroller's view, reuses row elements from a pool as they scroll, and
 * lays them out by arithmetic on one row height (see table.rows.ts).
 */
import { noChange, type ElementPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { columnsOf, type ColumnId } from '../../core/csv/message-columns.js';
import { formatDateTimeSeconds } from '../../i18n/format.js';
import type { Lang } from '../../i18n/locales.js';
import { showScrollCues } from '../shared/scroll-cues.js';
import { isExpanded, messageRow, pendingRow, type Row } from './table.row-elements.js';
import { isPendingRow } from './table.types.js';
import { RangeChangedEvent, type TableView } from './table.view.js';

/** Rows kept beyond each edge of the view, so a scroll shows rows already there. */
const OVERSCAN = 4;
/** The row height assumed until one is measured (the default of `--msg-table-row-height`). */
const DEFAULT_ROW_HEIGHT = 36;

/**
 * Whether the page is being printed. Then the body keeps the rows it holds: printed, the scroller
 * grows with its rows and stops scrolling (table.styles.ts), so measuring it would hold more rows
 * and grow it again, and its scroll back to the top would swap the rows for others.
 */
let printMedia: MediaQueryList | undefined;
/** Asked on every scroll event: one live query, rather than a new one (parsed anew) each time. */
const printing = (): boolean => (printMedia ??= matchMedia('print')).matches;

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
    if (this.#scroller) showScrollCues(this.#scroller);
    this.#layout();
  };

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
    if (this.#scroller) showScrollCues(this.#scroller);
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
export const virtualRows = directive(VirtualRows);
