/** Builds the contract's query strings from typed params (the inverse of the server's parsing). */
import {
  FILTER_FIELDS,
  type ActivityParams,
  type BreakdownParams,
  type BreakdownTrendParams,
  type BroadcastsParams,
  type CompareParams,
  type DeliveryBreakdownParams,
  type DeliveryParams,
  type MessagesExportParams,
  type MessagesParams,
  type OptionsParams,
  type ReportQuery,
} from '../contract/types.js';

/** `compareFrom`/`compareTo`, both or neither. */
function setComparison(params: URLSearchParams, p: CompareParams): void {
  if (p.compareFrom === undefined || p.compareTo === undefined) return;
  params.set('compareFrom', p.compareFrom);
  params.set('compareTo', p.compareTo);
}

function reportQuery(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to, tz: query.tz });
  for (const field of FILTER_FIELDS) {
    // Sorted so that the same filters in another order share one cache entry.
    for (const value of [...(query.filters[field] ?? [])].sort()) params.append(field, value);
  }
  return params;
}

export function breakdownSearch(p: BreakdownParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('direction', p.direction);
  params.set('groupBy', p.groupBy);
  setComparison(params, p);
  return params;
}

/** `GET /breakdown-trend`. */
export function breakdownTrendSearch(p: BreakdownTrendParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('direction', p.direction);
  params.set('groupBy', p.groupBy);
  params.set('interval', p.interval);
  if (p.top !== undefined) params.set('top', String(p.top));
  return params;
}

/** `GET /activity`. */
export function activitySearch(p: ActivityParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('direction', p.direction);
  return params;
}

export function deliverySearch(p: DeliveryParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('interval', p.interval);
  setComparison(params, p);
  return params;
}

export function deliveryBreakdownSearch(p: DeliveryBreakdownParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('groupBy', p.groupBy);
  return params;
}

export function broadcastsSearch(p: BroadcastsParams): URLSearchParams {
  const params = reportQuery(p);
  if (p.limit !== undefined) params.set('limit', String(p.limit));
  return params;
}

export function messagesSearch(p: MessagesParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('kind', p.kind);
  if (p.status) params.set('status', p.status);
  if (p.limit !== undefined) params.set('limit', String(p.limit));
  if (p.cursor) params.set('cursor', p.cursor);
  if (p.order) params.set('order', p.order);
  return params;
}

/** `GET /export/messages`: the list's query without its paging, and the language of the file. */
export function messagesExportSearch(p: MessagesExportParams): URLSearchParams {
  const params = reportQuery(p);
  params.set('kind', p.kind);
  if (p.status) params.set('status', p.status);
  if (p.order) params.set('order', p.order);
  if (p.lang) params.set('lang', p.lang);
  return params;
}

export function optionsSearch(p: OptionsParams): URLSearchParams {
  const params = new URLSearchParams();
  if (p.q) params.set('q', p.q);
  if (p.limit !== undefined) params.set('limit', String(p.limit));
  return params;
}
