/**
 * Request parameters of every resource, parsed and validated as openapi.yaml documents them, into
 * the typed params of the contract or an RFC 9457 problem. Runtime-free: it takes a
 * `URLSearchParams`, so the server and the in-browser mocks decode every request the same way.
 */
import {
  DELIVERY_GROUP_BYS,
  DEFAULT_TREND_GROUPS,
  DIRECTIONS,
  FILTER_FIELDS,
  GROUP_BYS,
  INTERVALS,
  MAX_BROADCASTS,
  MAX_BUCKETS,
  MAX_TREND_GROUPS,
  MAX_RANGE_DAYS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  MESSAGE_TYPES,
  ORDERS,
  SOURCES,
  type ActivityParams,
  type BreakdownParams,
  type BreakdownTrendParams,
  type BroadcastsParams,
  type CompareParams,
  type DeliveryBreakdownParams,
  type DeliveryGroupBy,
  type DeliveryParams,
  type Direction,
  type FilterField,
  type Filters,
  type GroupBy,
  type Interval,
  type MessageKind,
  type MessageStatus,
  type MessagesParams,
  type OptionsParams,
  type Order,
  type Problem,
  type ReportQuery,
} from '../../src/core/contract/types.js';
import { bucketCount, isValidTimeZone, parsePlainDate } from '../../src/core/query/zoned-time.js';
import { decodeCursor, splitSignedCursor } from './cursor.js';
import { LruCache } from './lru.js';
import { invalidQuery, type InvalidParam } from './problem.js';

/** A parse either yields typed params or the problem to answer with. */
export type ParseResult<T> = { ok: true; params: T } | { ok: false; problem: Problem };

export const DEFAULT_MESSAGES_LIMIT = 100;
export const MAX_MESSAGES_LIMIT = 1000;
export const DEFAULT_OPTIONS_LIMIT = 50;
export const MAX_OPTIONS_LIMIT = 200;
export const DEFAULT_BROADCASTS_LIMIT = 100;

/** Instants are accepted from 1970-01-01T00:00:00Z up to 2101-01-01T00:00:00Z (years 1970–2100). */
export const MIN_INSTANT = Date.UTC(1970, 0, 1);
export const MAX_INSTANT = Date.UTC(2101, 0, 1);

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

/**
 * The parameters of `names` that hold a control character (C0, DEL or C1: `\p{Cc}`). No value
 * of the contract has one, and a NUL is an error to PostgreSQL: they are refused before anything
 * else reads them.
 */
function controlCharacterErrors(params: URLSearchParams, names: readonly string[]): InvalidParam[] {
  const errors: InvalidParam[] = [];
  for (const name of names) {
    if (params.getAll(name).some((value) => /\p{Cc}/u.test(value)))
      errors.push({ name, reason: 'must not contain control characters (U+0000–U+001F, U+007F–U+009F)' });
  }
  return errors;
}

/** The longest zone name accepted (the longest IANA name has 32 characters). */
const MAX_ZONE_LENGTH = 64;
/** Spellings seen recently → canonical zone (or null: not a zone). Bounded: spellings are unbounded. */
const canonicalZones = new LruCache<string, string | null>(1_000);

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * The runtime's canonical zones by their lower-case names: most spellings are found here without
 * building a formatter (≈ 70 µs each); aliases (`US/Eastern`) and unknown names take the slow path.
 */
function knownZones(): Map<string, string> {
  if (!zonesByLowerCase) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zonesByLowerCase = new Map([...zones, 'UTC'].map((zone) => [zone.toLowerCase(), zone]));
  }
  return zonesByLowerCase;
}

/**
 * The canonical IANA name of `text` (`aMeRiCa/mexico_city` → `America/Mexico_City`, `US/Eastern`
 * → `America/New_York`, `utc` → `UTC`), or `undefined` when it names no zone. Every zone the
 * server computes in is canonical, so the formatters cached per zone (src/core/query/zoned-time.ts)
 * number at most the runtime's zones, however many spellings requests try.
 */
export function canonicalTimeZone(text: string): string | undefined {
  // Runtimes with ES2024 offset zones accept '+05:00' too; those are not IANA names.
  if (text === '' || text.length > MAX_ZONE_LENGTH || /^[+\-\u2212]/.test(text)) return undefined;
  const known = knownZones().get(text.toLowerCase());
  if (known !== undefined) return known;
  let canonical = canonicalZones.get(text);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (canonical !== null && !isValidTimeZone(canonical)) canonical = null;
    canonicalZones.set(text, canonical);
  }
  return canonical ?? undefined;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+\- ])(\d{2}):(\d{2}))$/;

/**
 * Epoch ms of an RFC 3339 instant (date, time with seconds, and `Z` or an offset, as openapi.yaml's
 * `Instant`), or `undefined`.
 * A space where the offset sign should be is read as `+`: it is what an unencoded `+` becomes in a
 * query string.
 */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const date = parsePlainDate(`${m[1]}-${m[2]}-${m[3]}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (!date || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offset;
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function listOf(values: readonly string[]): string {
  return values.join(', ');
}

/** An integer in [min, max] from a strict decimal string, or `undefined`. */
function parseLimit(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

const BOUNDS = 'must lie between 1970-01-01T00:00:00Z and 2101-01-01T00:00:00Z';

interface QueryParse {
  query: ReportQuery;
  /** Epoch ms, when `from`, `to` and `tz` all parsed; interval checks need them. */
  range?: { from: number; to: number; tz: string };
  /** `tz`, once it names an IANA time zone. */
  tz?: string;
}

/** The report query every data resource takes; adds its problems to `errors`. */
function parseQuery(params: URLSearchParams, errors: InvalidParam[]): QueryParse {
  const fromText = params.get('from');
  const toText = params.get('to');
  const tz = params.get('tz');
  let from: number | undefined;
  let to: number | undefined;
  if (fromText === null || fromText === '') errors.push({ name: 'from', reason: 'is required' });
  else if ((from = parseInstant(fromText)) === undefined)
    errors.push({ name: 'from', reason: 'must be an ISO-8601 instant, e.g. 2026-11-01T06:00:00.000Z' });
  if (toText === null || toText === '') errors.push({ name: 'to', reason: 'is required' });
  else if ((to = parseInstant(toText)) === undefined)
    errors.push({ name: 'to', reason: 'must be an ISO-8601 instant, e.g. 2026-11-08T06:00:00.000Z' });
  /** `tz`, once it names an IANA time zone. */
  let validTz: string | undefined;
  if (tz === null || tz === '') errors.push({ name: 'tz', reason: 'is required' });
  else if ((validTz = canonicalTimeZone(tz)) === undefined)
    errors.push({ name: 'tz', reason: 'must be an IANA time zone, e.g. America/Mexico_City' });

  if (from !== undefined && (from < MIN_INSTANT || from >= MAX_INSTANT)) {
    errors.push({ name: 'from', reason: BOUNDS });
    from = undefined;
  }
  if (to !== undefined && (to <= MIN_INSTANT || to > MAX_INSTANT)) {
    errors.push({ name: 'to', reason: BOUNDS });
    to = undefined;
  }

  let range: QueryParse['range'];
  if (from !== undefined && to !== undefined) {
    if (!(from < to)) errors.push({ name: 'from', reason: 'must be before to' });
    else if (validTz !== undefined) {
      const days = bucketCount(from, to, validTz, 'day');
      if (days > MAX_RANGE_DAYS)
        errors.push({ name: 'to', reason: `must be at most ${MAX_RANGE_DAYS} days after from (range spans ${days} days)` });
      else range = { from, to, tz: validTz };
    }
  }

  const filters: Filters = {};
  for (const field of FILTER_FIELDS) {
    const values = [...new Set(params.getAll(field).filter((v) => v !== ''))];
    if (values.length === 0) continue;
    const known = field === 'source' ? SOURCES : field === 'type' ? MESSAGE_TYPES : undefined;
    if (known) {
      const unknown = values.filter((v) => !oneOf(known, v));
      if (unknown.length > 0) {
        errors.push({
          name: field,
          reason: `has unknown value ${unknown.map((v) => JSON.stringify(v)).join(', ')}; expected one of ${listOf(known)}`,
        });
        continue;
      }
    }
    filters[field] = values;
  }
  return {
    query: {
      from: from !== undefined ? new Date(from).toISOString() : (fromText ?? ''),
      to: to !== undefined ? new Date(to).toISOString() : (toText ?? ''),
      tz: validTz ?? tz ?? '',
      filters,
    },
    range,
    ...(validTz !== undefined ? { tz: validTz } : {}),
  };
}

/** An instant parameter within the accepted years, or `undefined` after naming its problem. */
function parseBoundedInstant(params: URLSearchParams, name: string, end: boolean, errors: InvalidParam[]): number | undefined {
  const instant = parseInstant(params.get(name) ?? '');
  if (instant === undefined) {
    errors.push({ name, reason: 'must be an ISO-8601 instant, e.g. 2026-11-01T06:00:00.000Z' });
    return undefined;
  }
  if (end ? instant <= MIN_INSTANT || instant > MAX_INSTANT : instant < MIN_INSTANT || instant >= MAX_INSTANT) {
    errors.push({ name, reason: BOUNDS });
    return undefined;
  }
  return instant;
}

/**
 * `compareFrom`/`compareTo`: both or neither, `compareFrom < compareTo`, at most 366 days (in
 * `tz`, as the range). The client chooses the period; the server only counts it.
 */
function parseComparison(params: URLSearchParams, tz: string | undefined, errors: InvalidParam[]): CompareParams {
  const hasFrom = params.has('compareFrom');
  const hasTo = params.has('compareTo');
  if (!hasFrom && !hasTo) return {};
  if (!hasFrom || !hasTo) {
    errors.push(
      hasFrom
        ? { name: 'compareTo', reason: 'is required with compareFrom' }
        : { name: 'compareFrom', reason: 'is required with compareTo' },
    );
    return {};
  }
  const from = parseBoundedInstant(params, 'compareFrom', false, errors);
  const to = parseBoundedInstant(params, 'compareTo', true, errors);
  if (from === undefined || to === undefined) return {};
  if (!(from < to)) {
    errors.push({ name: 'compareFrom', reason: 'must be before compareTo' });
    return {};
  }
  if (tz !== undefined) {
    const days = bucketCount(from, to, tz, 'day');
    if (days > MAX_RANGE_DAYS) {
      errors.push({ name: 'compareTo', reason: `must be at most ${MAX_RANGE_DAYS} days after compareFrom (period spans ${days} days)` });
      return {};
    }
  }
  return { compareFrom: new Date(from).toISOString(), compareTo: new Date(to).toISOString() };
}

/** The period to compare with as epoch ms `[from, to)`, when the parsed params have one. */
export function comparedRange(params: CompareParams): [number, number] | undefined {
  if (params.compareFrom === undefined || params.compareTo === undefined) return undefined;
  return [Date.parse(params.compareFrom), Date.parse(params.compareTo)];
}

function finish<T>(errors: InvalidParam[], params: T): ParseResult<T> {
  return errors.length > 0 ? { ok: false, problem: invalidQuery(errors) } : { ok: true, params };
}

/** `direction` (required). */
function parseDirection(params: URLSearchParams, errors: InvalidParam[]): Direction {
  const direction = params.get('direction');
  if (direction === null || direction === '') errors.push({ name: 'direction', reason: 'is required' });
  else if (!oneOf(DIRECTIONS, direction)) errors.push({ name: 'direction', reason: `must be one of ${listOf(DIRECTIONS)}` });
  return direction as Direction;
}

/** `groupBy` (required; only `channel` for incoming messages). */
function parseGroupBy(params: URLSearchParams, direction: string, errors: InvalidParam[]): GroupBy {
  const groupBy = params.get('groupBy');
  if (groupBy === null || groupBy === '') errors.push({ name: 'groupBy', reason: 'is required' });
  else if (!oneOf(GROUP_BYS, groupBy)) errors.push({ name: 'groupBy', reason: `must be one of ${listOf(GROUP_BYS)}` });
  else if (direction === 'incoming' && groupBy !== 'channel')
    errors.push({ name: 'groupBy', reason: 'must be channel for incoming messages' });
  return groupBy as GroupBy;
}

/** `interval` (required), at most {@link MAX_BUCKETS} buckets over the range. */
function parseInterval(params: URLSearchParams, range: QueryParse['range'], errors: InvalidParam[]): Interval {
  const interval = params.get('interval');
  if (interval === null || interval === '') errors.push({ name: 'interval', reason: 'is required' });
  else if (!oneOf(INTERVALS, interval)) errors.push({ name: 'interval', reason: `must be one of ${listOf(INTERVALS)}` });
  else if (range) {
    const buckets = bucketCount(range.from, range.to, range.tz, interval);
    if (buckets > MAX_BUCKETS)
      errors.push({ name: 'interval', reason: `gives ${buckets} buckets for this range; at most ${MAX_BUCKETS} are allowed` });
  }
  return interval as Interval;
}

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
