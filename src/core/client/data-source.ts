import type {
  BreakdownParams,
  BreakdownResponse,
  DeliveryParams,
  DeliveryResponse,
  MessagesParams,
  MessagesResponse,
  OptionsParams,
  OptionsResponse,
} from '../contract/types.js';

/** Per-call options every data source honours. */
export interface RequestOptions {
  /** Aborts the call; the promise then rejects with a `ReportError` of kind `aborted`. */
  signal?: AbortSignal;
}

/**
 * What the elements need from a backend: the four resources of the contract. `ReportClient`
 * implements it over HTTP; a host may pass any object with the same methods instead.
 */
export interface ReportDataSource {
  breakdown(params: BreakdownParams, options?: RequestOptions): Promise<BreakdownResponse>;
  delivery(params: DeliveryParams, options?: RequestOptions): Promise<DeliveryResponse>;
  messages(params: MessagesParams, options?: RequestOptions): Promise<MessagesResponse>;
  options(params: OptionsParams, options?: RequestOptions): Promise<OptionsResponse>;
}
