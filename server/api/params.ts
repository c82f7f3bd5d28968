/**
 * Request parameters of every resource, parsed and validated as openapi.yaml documents them, into
 * the typed params of the contract or an RFC 9457 problem. Runtime-free: it takes a
 * `URLSearchParams`, so the server and the in-browser mocks decode every request the same way.
 * One parser per resource here; what they share is in ./query-params.ts, and instants and zones in
 * ./time-params.ts.
 */
import {
  DELIVERY_GROUP_BYS,
  DEFAULT_TREND_GROUPS,
  FILTER_FIELDS,
  MAX_BROADCASTS,
  MAX_TREND_GROUPS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  ORDERS,
  type ActivityParams,
  type BreakdownParams,
  type BreakdownTrendParams,
  type BroadcastsParams,
  type DeliveryBreakdownParams,
  type DeliveryGroupBy,
  type DeliveryParams,
  type FilterField,
  type MessageKind,
  type MessageStatus,
  type MessagesParams,
  type OptionsParams,
  type Order,
} from '../../src/core/contract/types.js';
import { decodeCursor, splitSignedCursor } from './cursor.js';
import { invalidQuery, type InvalidParam } from './problem.js';
import {
  controlCharacterErrors,
  finish,
  listOf,
  oneOf,
  parseComparison,
  parseDirection,
  parseGroupBy,
  parseInterval,
  parseLimit,
  parseQuery,
  type ParseResult,
} from './query-params.js';

export const DEFAULT_MESSAGES_LIMIT = 100;
export const MAX_MESSAGES_LIMIT = 1000;
export const DEFAULT_OPTIONS_LIMIT = 50;
export const MAX_OPTIONS_LIMIT = 200;
export const DEFAULT_BROADCASTS_LIMIT = 100;

/** The parameters the report query reads. */
const QUERY_PARAMS = ['from', 'to', 'tz', ...FILTER_FIELDS] as const;

/** Every parameter each resource reads (the rest are ignored, as openapi.yaml says). */
export const RESOURCE_PARAMS: Readonly<Record<Resource, readonly string[]>> = {
  breakdown: [...QUERY_PARAMS, 'direction', 'groupBy', 'compareFrom', 'compareTo'],
  delivery: [...QUERY_PARAMS, 'interval', 'compareFrom', 'compareTo'],
  deliveryBreakdown: [...QUERY_PARAMS, 'groupBy'],
  messages: [...QUERY_PARAMS, 'kind', 'status', 'limit', 'order', 'cursor'],
  broadcasts: [...QUERY_PARAMS, 'limit'],
  options: ['q', 'limit'],
  'breakdown-trend': [...QUERY_PARAMS, 'direction', 'groupBy', 'interval', 'top'],
  activity: [...QUERY_PARAMS, 'direction'],
};

/** `GET /breakdown`. */
export function parseBreakdownParams(params: URLSearchParams): ParseResult<BreakdownParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.breakdown);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query, tz } = parseQuery(params, errors);
  const direction = parseDirection(params, errors);
  const parsed: BreakdownParams = {
    ...query,
    direction,
    groupBy: parseGroupBy(params, direction, errors),
    ...parseComparison(params, tz, errors),
  };
  return finish(errors, parsed);
}

/** `GET /breakdown-trend`. */
export function parseBreakdownTrendParams(params: URLSearchParams): ParseResult<BreakdownTrendParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS['breakdown-trend']);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query, range } = parseQuery(params, errors);
  const direction = parseDirection(params, errors);
  const groupBy = parseGroupBy(params, direction, errors);
  const interval = parseInterval(params, range, errors);
  const topText = params.get('top');
  let top = DEFAULT_TREND_GROUPS;
  if (topText !== null) {
    const parsed = parseLimit(topText, 1, MAX_TREND_GROUPS);
    if (parsed === undefined) errors.push({ name: 'top', reason: `must be an integer from 1 to ${MAX_TREND_GROUPS}` });
    else top = parsed;
  }
  return finish(errors, { ...query, direction, groupBy, interval, top });
}

/** `GET /activity`. */
export function parseActivityParams(params: URLSearchParams): ParseResult<ActivityParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.activity);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query } = parseQuery(params, errors);
  return finish(errors, { ...query, direction: parseDirection(params, errors) });
}

/** `GET /delivery`. */
export function parseDeliveryParams(params: URLSearchParams): ParseResult<DeliveryParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.delivery);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query, range, tz } = parseQuery(params, errors);
  const interval = parseInterval(params, range, errors);
  const parsed: DeliveryParams = { ...query, interval, ...parseComparison(params, tz, errors) };
  return finish(errors, parsed);
}

/** `GET /delivery-breakdown`. */
export function parseDeliveryBreakdownParams(params: URLSearchParams): ParseResult<DeliveryBreakdownParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.deliveryBreakdown);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query } = parseQuery(params, errors);
  const groupBy = params.get('groupBy');
  if (groupBy === null || groupBy === '') errors.push({ name: 'groupBy', reason: 'is required' });
  else if (!oneOf(DELIVERY_GROUP_BYS, groupBy)) errors.push({ name: 'groupBy', reason: `must be one of ${listOf(DELIVERY_GROUP_BYS)}` });
  return finish(errors, { ...query, groupBy: groupBy as DeliveryGroupBy });
}

/** `GET /messages`. */
export function parseMessagesParams(params: URLSearchParams): ParseResult<MessagesParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.messages);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query } = parseQuery(params, errors);
  const kind = params.get('kind');
  if (kind === null || kind === '') errors.push({ name: 'kind', reason: 'is required' });
  else if (!oneOf(MESSAGE_KINDS, kind)) errors.push({ name: 'kind', reason: `must be one of ${listOf(MESSAGE_KINDS)}` });

  // Not one of the seven filters that an incoming query ignores: under a status, every incoming
  // message would be a wrong answer, so the combination is refused (openapi.yaml, MessageStatus).
  const statusText = params.get('status');
  let status: MessageStatus | undefined;
  if (statusText !== null && statusText !== '') {
    if (!oneOf(MESSAGE_STATUSES, statusText)) errors.push({ name: 'status', reason: `must be one of ${listOf(MESSAGE_STATUSES)}` });
    else if (kind === 'incoming') errors.push({ name: 'status', reason: 'does not apply to incoming messages' });
    else status = statusText;
  }

  const limitText = params.get('limit');
  let limit = DEFAULT_MESSAGES_LIMIT;
  if (limitText !== null) {
    const parsed = parseLimit(limitText, 1, MAX_MESSAGES_LIMIT);
    if (parsed === undefined) errors.push({ name: 'limit', reason: `must be an integer from 1 to ${MAX_MESSAGES_LIMIT}` });
    else limit = parsed;
  }

  const orderText = params.get('order');
  let order: Order = 'desc';
  if (orderText !== null) {
    if (oneOf(ORDERS, orderText)) order = orderText;
    else errors.push({ name: 'order', reason: `must be one of ${listOf(ORDERS)}` });
  }

  const cursor = params.get('cursor');
  if (cursor !== null) {
    // The signature is checked by the router (./app.ts), which knows the secret and the workspace.
    const signed = splitSignedCursor(cursor);
    const state = signed ? decodeCursor(signed.position) : undefined;
    if (!state) errors.push({ name: 'cursor', reason: 'is not a cursor this endpoint returned' });
    else if (state.kind !== kind || state.order !== order)
      errors.push({ name: 'cursor', reason: 'belongs to a listing of another kind or order' });
  }

  const parsed: MessagesParams = { ...query, kind: kind as MessageKind, limit, order };
  if (status !== undefined) parsed.status = status;
  if (cursor !== null) parsed.cursor = cursor;
  return finish(errors, parsed);
}

/** `GET /broadcasts`. */
export function parseBroadcastsParams(params: URLSearchParams): ParseResult<BroadcastsParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.broadcasts);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  const { query } = parseQuery(params, errors);
  const limitText = params.get('limit');
  let limit = DEFAULT_BROADCASTS_LIMIT;
  if (limitText !== null) {
    const parsed = parseLimit(limitText, 1, MAX_BROADCASTS);
    if (parsed === undefined) errors.push({ name: 'limit', reason: `must be an integer from 1 to ${MAX_BROADCASTS}` });
    else limit = parsed;
  }
  return finish(errors, { ...query, limit });
}

/** `GET /options/{field}`; `field` is the path segment. */
export function parseOptionsParams(field: string, params: URLSearchParams): ParseResult<OptionsParams> {
  const control = controlCharacterErrors(params, RESOURCE_PARAMS.options);
  if (control.length > 0) return { ok: false, problem: invalidQuery(control) };
  const errors: InvalidParam[] = [];
  if (!oneOf(FILTER_FIELDS, field)) errors.push({ name: 'field', reason: `must be one of ${listOf(FILTER_FIELDS)}` });
  const limitText = params.get('limit');
  let limit = DEFAULT_OPTIONS_LIMIT;
  if (limitText !== null) {
    const parsed = parseLimit(limitText, 1, MAX_OPTIONS_LIMIT);
    if (parsed === undefined) errors.push({ name: 'limit', reason: `must be an integer from 1 to ${MAX_OPTIONS_LIMIT}` });
    else limit = parsed;
  }
  const q = params.get('q');
  const parsed: OptionsParams = { field: field as FilterField, limit };
  if (q !== null && q.trim() !== '') parsed.q = q;
  return finish(errors, parsed);
}

/** The resources a request can name. */
export type Resource =
  'breakdown' | 'delivery' | 'deliveryBreakdown' | 'messages' | 'broadcasts' | 'options' | 'breakdown-trend' | 'activity';

/**
 * The params of `resource` (`field`: the options path segment), after a bound on repeated filter
 * values that is checked before anything else, so a query repeating a filter thousands of times
 * is refused without being decoded.
 */
export function parseResourceParams(
  resource: Resource,
  params: URLSearchParams,
  limits: { maxFilterValues: number; field?: string },
): ParseResult<unknown> {
  for (const field of FILTER_FIELDS) {
    const count = params.getAll(field).length;
    if (count > limits.maxFilterValues) {
      return {
        ok: false,
        problem: invalidQuery([{ name: field, reason: `has ${count} values; at most ${limits.maxFilterValues} are allowed` }]),
      };
    }
  }
  switch (resource) {
    case 'breakdown':
      return parseBreakdownParams(params);
    case 'delivery':
      return parseDeliveryParams(params);
    case 'deliveryBreakdown':
      return parseDeliveryBreakdownParams(params);
    case 'messages':
      return parseMessagesParams(params);
    case 'broadcasts':
      return parseBroadcastsParams(params);
    case 'options':
      return parseOptionsParams(limits.field ?? '', params);
    case 'breakdown-trend':
      return parseBreakdownTrendParams(params);
    case 'activity':
      return parseActivityParams(params);
  }
}
