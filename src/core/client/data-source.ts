import type {
  ActivityParams,
  ActivityResponse,
  BreakdownParams,
  BreakdownTrendParams,
  BreakdownTrendResponse,
  BreakdownResponse,
  BroadcastsParams,
  BroadcastsResponse,
  Capabilities,
  DeliveryBreakdownParams,
  DeliveryBreakdownResponse,
  DeliveryParams,
  DeliveryResponse,
  MessagesExportParams,
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
  /**
   * Optional: the delivery funnel per group (`GET /delivery-breakdown`). Without it,
   * `<msg-delivery-breakdown>` says the source does not offer it.
   */
  deliveryBreakdown?(params: DeliveryBreakdownParams, options?: RequestOptions): Promise<DeliveryBreakdownResponse>;
  /**
   * Optional (issue 12): a breakdown per time bucket, its top groups and others
   * (`GET /breakdown-trend`), for `<msg-breakdown-chart show="trend">`. A source without it shows
   * that view as not available.
   */
  breakdownTrend?(params: BreakdownTrendParams, options?: RequestOptions): Promise<BreakdownTrendResponse>;
  /**
   * Optional (issue 12): messages per weekday and local hour (`GET /activity`), for
   * `<msg-activity-heatmap>`. A source without it shows that view as not available.
   */
  activity?(params: ActivityParams, options?: RequestOptions): Promise<ActivityResponse>;
  /**
   * Optional: what the backend offers beyond the four resources (`GET /capabilities`); `{}` when
   * it offers nothing more. Without this method, nothing more is offered.
   */
  capabilities?(options?: RequestOptions): Promise<Capabilities>;
  /**
   * Optional: the broadcasts the report query counts (`GET /broadcasts`), which the delivery line
   * marks at their send time. Without this method (or when it rejects with a 404), no marks.
   */
  broadcasts?(params: BroadcastsParams, options?: RequestOptions): Promise<BroadcastsResponse>;
  /**
   * Optional: the address of a list's Data Export file (`GET /export/messages`), which a plain
   * link can fetch; `undefined` when a link cannot carry this source's credentials.
   */
  messagesExportUrl?(params: MessagesExportParams): string | undefined;
}
