/**
 * The rows a list holds for one query, paged by cursor. The first page arrives through the
 * element's task; later pages as the user scrolls, or all at once (up to the cap) for the CSV and
 * the failures summary. One page is in flight at a time, so scrolling and a download never fetch
 * the same page twice or out of order.
 *
 * DOM-free apart from `AbortController`, which workers and Node have too.
 */
import type { ReportDataSource } from '../../core/client/data-source.js';
import { isAbortError } from '../../core/client/errors.js';
import type { MessageRow, MessagesParams, MessagesResponse, Order } from '../../core/contract/types.js';

export type ListingParams = Omit<MessagesParams, 'cursor' | 'limit' | 'order'> & { order: Order };

export interface LoadOptions {
  /** Stops waiting (a page already in flight still lands, and is kept). */
  signal?: AbortSignal;
  /** Page size for the pages this call fetches. */
  limit?: number;
  /** Called after each page with the rows held and the rows expected. */
  onProgress?: (loaded: number, expected: number) => void;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}

/** `promise`, or a rejection as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export class MessageListing {
  /** The rows held, in the query's order. */
  readonly rows: MessageRow[];
  /** Every message that matches the query (may exceed the cap). */
  readonly total: number;
  /** The most rows the endpoint pages through. */
  readonly cap: number;
  readonly params: ListingParams;
  /** The last page's failure, until a later load succeeds. */
  error: unknown = undefined;
  /** Bumped whenever rows, loading or error change. */
  version = 0;

  #nextCursor: string | null;
  #controller = new AbortController();
  #inFlight: Promise<void> | undefined;
  #disposed = false;
  readonly #source: ReportDataSource;
  readonly #pageSize: number;
  readonly #onChange: () => void;

  private constructor(source: ReportDataSource, params: ListingParams, pageSize: number, first: MessagesResponse, onChange: () => void) {
    this.#source = source;
    this.params = params;
    this.#pageSize = pageSize;
    this.#onChange = onChange;
    this.rows = [...first.rows];
    this.total = first.total;
    this.cap = first.cap;
    this.#nextCursor = first.rows.length > 0 ? first.nextCursor : null;
  }

  /** Fetches the first page and returns the listing that holds it. */
  static async open(
    source: ReportDataSource,
    params: ListingParams,
    pageSize: number,
    signal: AbortSignal,
    onChange: () => void,
  ): Promise<MessageListing> {
    const first = await source.messages({ ...params, limit: pageSize }, { signal });
    return new MessageListing(source, params, pageSize, first, onChange);
  }

  /** True once every row up to the cap is held. */
  get complete(): boolean {
    return this.#nextCursor === null;
  }

  /** True while a page is being fetched. */
  get loading(): boolean {
    return this.#inFlight !== undefined;
  }

  /** The cursor of the next page, or `null` when complete. */
  get nextCursor(): string | null {
    return this.#nextCursor;
  }

  /**
   * How many rows the list will hold once complete: the rows matching the query up to the cap.
   * Never less than what is held (plus one while more exist), should the total move between pages.
   */
  get expectedCount(): number {
    if (this.complete) return this.rows.length;
    return Math.max(Math.min(this.total, this.cap), this.rows.length + 1);
  }

  /** True when more messages match than the list can ever hold. */
  get capped(): boolean {
    return this.total > this.cap;
  }

  /** Fetches the next page (or joins the one in flight). Resolves at once when complete. */
  loadMore(limit = this.#pageSize): Promise<void> {
    if (this.#inFlight) return this.#inFlight;
    const cursor = this.#nextCursor;
    if (this.complete || this.#disposed || cursor === null) return Promise.resolve();
    const signal = this.#controller.signal;
    const request = this.#source
      .messages({ ...this.params, cursor, limit }, { signal })
      .then(
        (page) => {
          if (signal.aborted || this.#nextCursor !== cursor) return;
          this.rows.push(...page.rows);
          this.#nextCursor = page.rows.length > 0 ? page.nextCursor : null;
          this.error = undefined;
        },
        (error: unknown) => {
          // An abort (the element left the page, or a newer query replaced this one) is no failure.
          if (signal.aborted || isAbortError(error)) return;
          this.error = error;
          throw error;
        },
      )
      .finally(() => {
        if (this.#inFlight === request) this.#inFlight = undefined;
        this.version += 1;
        if (!this.#disposed) this.#onChange();
      });
    this.#inFlight = request;
    this.version += 1;
    this.#onChange();
    return request;
  }

  /**
   * Loads pages until `count` rows are held or the list is complete. Rejects when a page fails
   * or `options.signal` aborts.
   */
  async loadUntil(count: number, options: LoadOptions = {}): Promise<void> {
    const { signal, limit, onProgress } = options;
    onProgress?.(this.rows.length, this.expectedCount);
    while (this.rows.length < count && !this.complete && !this.#disposed) {
      if (signal?.aborted) throw abortError(signal);
      const before = this.rows.length;
      await untilAborted(this.loadMore(limit), signal);
      onProgress?.(this.rows.length, this.expectedCount);
      // A page aborted from elsewhere (the element was disconnected) adds nothing: stop, not spin.
      // `complete` is a getter the awaited page may have changed; the rule keeps its value from
      // the loop's test.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (this.rows.length === before && !this.complete) {
        // The page's failure as the data source gave it, whatever it threw.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        if (this.error) throw this.error;
        if (signal?.aborted) throw abortError(signal);
        if (!this.loading) throw new DOMException('paging stopped', 'AbortError');
      }
    }
    // A newer query replaced this one mid-way: its rows are no answer to anything any more.
    if (this.#disposed && this.rows.length < count && !this.complete) throw new DOMException('query replaced', 'AbortError');
  }

  /** Loads every row up to the cap. */
  loadAll(options: LoadOptions = {}): Promise<void> {
    return this.loadUntil(Number.POSITIVE_INFINITY, options);
  }

  /** Aborts the page in flight; later loads start afresh (the element left the page). */
  suspend(): void {
    this.#controller.abort(new DOMException('suspended', 'AbortError'));
    this.#controller = new AbortController();
  }

  /** Aborts the page in flight for good (a newer query replaced this one). */
  dispose(): void {
    this.#disposed = true;
    this.#controller.abort(new DOMException('disposed', 'AbortError'));
  }
}
