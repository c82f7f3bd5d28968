/**
 * What every resource's parameters share (./params.ts has one parser per resource): the report
 * query — range, zone and filters — the compared period, the direction, grouping and interval, the
 * refusal of control characters, and how a parse gathers its problems into one RFC 9457 answer.
 */
import {
  DIRECTIONS,
  FILTER_FIELDS,
  GROUP_BYS,
  INTERVALS,
  MAX_BUCKETS,
  MAX_RANGE_DAYS,
  MESSAGE_TYPES,
  SOURCES,
  type CompareParams,
  type Direction,
  type Filters,
  type GroupBy,
  type Interval,
  type Problem,
  type ReportQuery,
} from '../../src/core/contract/types.js';
import { bucketCount } from '../../src/core/query/zoned-time.js';
import { invalidQuery, type InvalidParam } from './problem.js';
import { canonicalTimeZone, MAX_INSTANT, MIN_INSTANT, parseInstant } from './time-params.js';

/** A parse either yields typed params or the problem to answer with. */
export type ParseResult<T> = { ok: true; params: T } | { ok: false; problem: Problem };

/**
 * The parameters of `names` that hold a control character (C0, DEL or C1: `\p{Cc}`). No value
 * of the contract has one, and a NUL is an error to PostgreSQL: they are refused before anything
 * else reads them.
 */
export function controlCharacterErrors(params: URLSearchParams, names: readonly string[]): InvalidParam[] {
  const errors: InvalidParam[] = [];
  for (const name of names) {
    if (params.getAll(name).some((value) => /\p{Cc}/u.test(value)))
      errors.push({ name, reason: 'must not contain control characters (U+0000–U+001F, U+007F–U+009F)' });
  }
  return errors;
}

export function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function listOf(values: readonly string[]): string {
  return values.join(', ');
}

/** An integer in [min, max] from a strict decimal string, or `undefined`. */
export function parseLimit(text: string, min: number, max: number): number | undefined {
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
export function parseQuery(params: URLSearchParams, errors: InvalidParam[]): QueryParse {
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
export function parseComparison(params: URLSearchParams, tz: string | undefined, errors: InvalidParam[]): CompareParams {
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

export function finish<T>(errors: InvalidParam[], params: T): ParseResult<T> {
  return errors.length > 0 ? { ok: false, problem: invalidQuery(errors) } : { ok: true, params };
}

/** `direction` (required). */
export function parseDirection(params: URLSearchParams, errors: InvalidParam[]): Direction {
  const direction = params.get('direction');
  if (direction === null || direction === '') errors.push({ name: 'direction', reason: 'is required' });
  else if (!oneOf(DIRECTIONS, direction)) errors.push({ name: 'direction', reason: `must be one of ${listOf(DIRECTIONS)}` });
  return direction as Direction;
}

/** `groupBy` (required; only `channel` for incoming messages). */
export function parseGroupBy(params: URLSearchParams, direction: string, errors: InvalidParam[]): GroupBy {
  const groupBy = params.get('groupBy');
  if (groupBy === null || groupBy === '') errors.push({ name: 'groupBy', reason: 'is required' });
  else if (!oneOf(GROUP_BYS, groupBy)) errors.push({ name: 'groupBy', reason: `must be one of ${listOf(GROUP_BYS)}` });
  else if (direction === 'incoming' && groupBy !== 'channel')
    errors.push({ name: 'groupBy', reason: 'must be channel for incoming messages' });
  return groupBy as GroupBy;
}

/** `interval` (required), at most {@link MAX_BUCKETS} buckets over the range. */
export function parseInterval(params: URLSearchParams, range: QueryParse['range'], errors: InvalidParam[]): Interval {
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
