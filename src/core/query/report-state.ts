/**
 * The report's state: what the host and the user chose (endpoint, zone, language, range,
 * filters), checked at the boundary and resolved into the query every element sends.
 *
 * `buildReportState` never throws: bad input becomes a {@link InputProblem} the elements show in
 * words and report to the host, and every valid part of the input is kept.
 */
import {
  FILTER_FIELDS,
  GROUP_BYS,
  type FilterField,
  type Filters,
  type GroupBy,
  type MessageKind,
  type Order,
  type ReportQuery,
} from '../contract/types.js';
import { parseEndpoint } from '../client/endpoint.js';
import { DEFAULT_LANG, canonicalLang, matchLang, type Lang } from '../../i18n/locales.js';
import {
  DEFAULT_PRESET,
  PRESETS,
  isPreset,
  resolveRange,
  validateRange,
  type DateRange,
  type Preset,
  type ResolvedRange,
} from './presets.js';
import { formatPlainDate, isValidTimeZone, localDate, parsePlainDate } from './zoned-time.js';
import { INTERVAL_CHOICES, type IntervalChoice } from './intervals.js';
import { isGroupBy, parseListOrder, type ListOrder } from './view-choices.js';
import { comparisonPeriod, type ComparisonPeriod } from './comparison.js';
import { fitDrill, parseDrill, type Drill, type DrillMisfit } from './drill.js';

/**
 * A problem with the report's input. `code` names a message (`problem.<code>` in the i18n layer);
 * `params` fill it. Errors stop the report from querying; warnings only inform.
 */
export interface InputProblem {
  readonly code:
    | 'fromAfterTo'
    | 'rangeTooLong'
    | 'future'
    | 'badDate'
    | 'rangeIncomplete'
    | 'unknownZone'
    | 'badAttribute'
    | 'badNow'
    | 'badFilters'
    | 'noEndpoint'
    | 'badEndpoint'
    | 'unknownLang'
    | 'badLang'
    | 'badState'
    | DrillMisfit;
  readonly severity: 'error' | 'warning';
  readonly params: Readonly<Record<string, string | number>>;
}

/** Raw input, as attributes and properties deliver it. */
export interface ReportInput {
  endpoint?: string | null | undefined;
  timezone?: string | null | undefined;
  /** The locale asked for, a BCP 47 tag (the element's `lang`, else its nearest ancestor's). */
  lang?: string | null | undefined;
  preset?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  now?: string | null | undefined;
  filters?: unknown;
  /** The delivery line's bucket size as a person picked it; `undefined` leaves it to each element. */
  interval?: string | null | undefined;
  /** The grouping of `<msg-messages-report>`'s outgoing breakdown; `undefined` for its default (channel). */
  outgoingGroupBy?: string | null | undefined;
  /** The time order a person picked for each list (`{ failed: 'asc' }`); lists not named keep their own. */
  listOrder?: unknown;
  /** What the lists narrow to ("see these messages"; see {@link Drill}); `undefined` for none. */
  drill?: unknown;
  /** Seconds one load may take, retries included, before it fails: a number, or text as an attribute holds it. */
  timeout?: number | string | null | undefined;
  /** Seconds between quiet reloads of the report, at least {@link MIN_REFRESH_SECONDS}; unset for none. */
  refreshInterval?: number | string | null | undefined;
  /** What a relative endpoint resolves against (the page's base URL). */
  baseUrl?: string | undefined;
  /** False when a host-provided data source replaces the endpoint. Default true. */
  requireEndpoint?: boolean;
}

export interface ReportState {
  readonly endpoint: string | undefined;
  readonly timezone: string;
  /** The locale, a canonical BCP 47 tag (`es-MX`): strings follow its language, numbers and dates the whole tag. */
  readonly lang: Lang;
  readonly range: DateRange;
  /** The pinned instant presets count from, or `undefined` for the current time. */
  readonly now: number | undefined;
  readonly filters: Filters;
  /** The delivery line's bucket size as a person picked it, or `undefined` for each element's own. */
  readonly interval: IntervalChoice | undefined;
  /** The grouping of `<msg-messages-report>`'s outgoing breakdown, or `undefined` for its default. */
  readonly outgoingGroupBy: GroupBy | undefined;
  /** The time order a person picked for each list; a list not named keeps its `order` attribute. */
  readonly listOrder: ListOrder;
  /** What the lists narrow to, beside the filters ("see these messages"), or `undefined`. */
  readonly drill: Drill | undefined;
  /** Milliseconds one load may take, retries included, before it fails. */
  readonly deadlineMs: number;
  /** Milliseconds between quiet reloads of the report, or `undefined` for none. */
  readonly refreshMs: number | undefined;
  /** The range in instants; `undefined` when the input has errors. */
  readonly resolved: ResolvedRange | undefined;
  /** The query every element sends; `undefined` when the input has errors. */
  readonly query: ReportQuery | undefined;
  /**
   * The period the range is compared with (`compareFrom`/`compareTo` of the charts' requests),
   * counted from the same instant as the range; `undefined` when the input has errors or nothing
   * of the range has elapsed.
   */
  readonly comparison: ComparisonPeriod | undefined;
  readonly problems: readonly InputProblem[];
}

/** The state as JSON-serialisable data, the detail of `msg-state-change`. */
export interface SerializableState {
  timezone: string;
  lang: Lang;
  preset?: Preset;
  from?: string;
  to?: string;
  now?: string;
  filters: Partial<Record<FilterField, string[]>>;
  interval?: IntervalChoice;
  outgoingGroupBy?: GroupBy;
  /** Present when a person ordered a list; names only the lists ordered. */
  listOrder?: Partial<Record<MessageKind, Order>>;
  /** Present while the lists are narrowed to a figure ("see these messages"). */
  drill?: Drill;
}

/** Shortest and longest time between a report's quiet reloads, in seconds. */
export const MIN_REFRESH_SECONDS = 30;
export const MAX_REFRESH_SECONDS = 86_400;

/** Most values one filter field may hold; more would only build URLs servers refuse. */
export const MAX_FILTER_VALUES = 200;

let runtimeZone: string | undefined;

/**
 * The zone of the runtime, the default for `timezone`. Read once: creating the formatter that
 * tells it costs a few milliseconds, and every state of every report asked for it.
 */
export function runtimeTimeZone(): string {
  runtimeZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return runtimeZone;
}

function problem(
  code: InputProblem['code'],
  params: InputProblem['params'] = {},
  severity: InputProblem['severity'] = 'error',
): InputProblem {
  return Object.freeze({ code, severity, params: Object.freeze({ ...params }) });
}

/** Checks a `filters` value: keeps every valid field and value, and describes what it dropped. */
export function parseFilters(value: unknown): { filters: Filters; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const filters: Record<string, readonly string[]> = {};
  if (value === undefined || value === null) return { filters: Object.freeze(filters), problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(problem('badFilters', { detail: `got ${Array.isArray(value) ? 'an array' : typeof value}` }));
    return { filters: Object.freeze(filters), problems };
  }
  for (const [field, values] of Object.entries(value)) {
    if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
      problems.push(problem('badFilters', { detail: `unknown field “${field}”` }));
      continue;
    }
    if (!Array.isArray(values)) {
      problems.push(problem('badFilters', { detail: `${field} is not a list` }));
      continue;
    }
    const kept = [...new Set(values.filter((item): item is string => typeof item === 'string' && item !== ''))];
    if (kept.length !== values.length)
      problems.push(problem('badFilters', { detail: `${field} holds values that are not text` }, 'warning'));
    if (kept.length > MAX_FILTER_VALUES) {
      problems.push(problem('badFilters', { detail: `${field} holds more than ${MAX_FILTER_VALUES} values` }));
      continue;
    }
    if (kept.length > 0) filters[field] = Object.freeze(kept);
  }
  return { filters: Object.freeze(filters), problems };
}

/** Validates and resolves report input into an immutable state. Never throws. */
export function buildReportState(input: ReportInput, clock: () => number = Date.now): ReportState {
  const problems: InputProblem[] = [];

  const endpoint = input.endpoint?.trim() || undefined;
  if (!endpoint && input.requireEndpoint !== false) problems.push(problem('noEndpoint'));
  else if (endpoint && input.requireEndpoint !== false && !parseEndpoint(endpoint, input.baseUrl)) {
    problems.push(problem('badEndpoint', { value: endpoint }));
  }

  let timezone = input.timezone?.trim() || runtimeTimeZone();
  if (!isValidTimeZone(timezone)) {
    problems.push(problem('unknownZone', { value: timezone }));
    timezone = 'UTC';
  }

  // A malformed tag stops the report as an unknown zone does; a language without strings only
  // warns: its numbers and dates still follow the tag, its texts are Spanish.
  let lang: Lang = DEFAULT_LANG;
  if (input.lang?.trim()) {
    const tag = canonicalLang(input.lang);
    if (!tag) problems.push(problem('badLang', { value: input.lang }));
    else {
      lang = tag;
      if (!matchLang(tag)) problems.push(problem('unknownLang', { value: tag }, 'warning'));
    }
  }

  let now: number | undefined;
  if (input.now) {
    const parsed = Date.parse(input.now);
    if (/^\d{4}-\d{2}-\d{2}T/.test(input.now) && !Number.isNaN(parsed)) now = parsed;
    else problems.push(problem('badNow', { value: input.now }));
  }
  const nowInstant = now ?? clock();

  let range: DateRange = { preset: DEFAULT_PRESET };
  if (input.from || input.to) {
    const from = parsePlainDate(input.from);
    const to = parsePlainDate(input.to);
    if (!input.from || !input.to) problems.push(problem('rangeIncomplete'));
    else if (!from) problems.push(problem('badDate', { name: 'from', value: input.from }));
    else if (!to) problems.push(problem('badDate', { name: 'to', value: input.to }));
    else {
      const rangeProblem = validateRange(from, to, localDate(nowInstant, timezone));
      if (rangeProblem?.code === 'from-after-to') problems.push(problem('fromAfterTo', { from: input.from, to: input.to }));
      else if (rangeProblem?.code === 'range-too-long')
        problems.push(problem('rangeTooLong', { days: rangeProblem.days, max: rangeProblem.max }));
      else if (rangeProblem?.code === 'future') problems.push(problem('future', { today: formatPlainDate(rangeProblem.today) }));
      range = { from, to };
    }
  } else if (input.preset) {
    if (isPreset(input.preset)) range = { preset: input.preset };
    else problems.push(problem('badAttribute', { name: 'preset', value: input.preset, allowed: PRESETS.join(', ') }));
  }

  let interval: IntervalChoice | undefined;
  if (input.interval) {
    if ((INTERVAL_CHOICES as readonly string[]).includes(input.interval)) interval = input.interval as IntervalChoice;
    else
      problems.push(problem('badAttribute', { name: 'interval', value: input.interval, allowed: INTERVAL_CHOICES.join(', ') }, 'warning'));
  }

  let outgoingGroupBy: GroupBy | undefined;
  if (input.outgoingGroupBy) {
    if (isGroupBy(input.outgoingGroupBy)) outgoingGroupBy = input.outgoingGroupBy;
    else
      problems.push(
        problem('badAttribute', { name: 'outgoing-group-by', value: input.outgoingGroupBy, allowed: GROUP_BYS.join(', ') }, 'warning'),
      );
  }

  const parsedOrder = parseListOrder(input.listOrder);
  const listOrder = parsedOrder.listOrder;
  for (const detail of parsedOrder.dropped) problems.push(problem('badState', { detail }, 'warning'));

  const parsedDrill = parseDrill(input.drill);
  for (const detail of parsedDrill.dropped) problems.push(problem('badState', { detail }, 'warning'));

  // 30 s unless `timeout` says otherwise: seconds, from 0.1 to 600.
  let deadlineMs = 30_000;
  if (input.timeout != null) {
    const seconds = Number(input.timeout);
    if (seconds >= 0.1 && seconds <= 600) deadlineMs = seconds * 1000;
    else problems.push(problem('badAttribute', { name: 'timeout', value: input.timeout, allowed: '0.1–600' }));
  }

  // No reloads unless asked: at least every 30 s (an endpoint is not a stream), at most daily.
  let refreshMs: number | undefined;
  if (input.refreshInterval != null && input.refreshInterval !== '') {
    const seconds = Number(input.refreshInterval);
    if (seconds >= MIN_REFRESH_SECONDS && seconds <= MAX_REFRESH_SECONDS) refreshMs = seconds * 1000;
    else
      problems.push(
        problem(
          'badAttribute',
          { name: 'refresh-interval', value: input.refreshInterval, allowed: `${MIN_REFRESH_SECONDS}–${MAX_REFRESH_SECONDS}` },
          'warning',
        ),
      );
  }

  const parsedFilters = parseFilters(input.filters);
  problems.push(...parsedFilters.problems);
  const filters = parsedFilters.filters;

  const blocked = problems.some((p) => p.severity === 'error');
  const resolved = blocked ? undefined : resolveRange(range, timezone, nowInstant);
  const query: ReportQuery | undefined = resolved
    ? Object.freeze({
        from: new Date(resolved.from).toISOString(),
        to: new Date(resolved.to).toISOString(),
        tz: timezone,
        filters,
      })
    : undefined;
  const comparison = resolved ? comparisonPeriod(range, timezone, nowInstant) : undefined;

  // A drill from an old link may no longer fit: its window outside a preset that moved on, its
  // group outside the filters. Fitted here, so no list ever asks for an empty window.
  let drill = parsedDrill.drill;
  if (resolved) {
    const fitted = fitDrill(drill, resolved, filters);
    drill = fitted.drill;
    for (const code of fitted.misfits) problems.push(problem(code, {}, 'warning'));
  }

  return Object.freeze({
    endpoint,
    timezone,
    lang,
    range: Object.freeze(range),
    now,
    filters,
    interval,
    outgoingGroupBy,
    listOrder,
    drill,
    deadlineMs,
    refreshMs,
    resolved: resolved && Object.freeze(resolved),
    query,
    comparison: comparison && Object.freeze(comparison),
    problems: Object.freeze(problems),
  });
}

/** The state as plain JSON data. */
export function serializeState(state: ReportState): SerializableState {
  const filters: Partial<Record<FilterField, string[]>> = {};
  for (const field of FILTER_FIELDS) {
    const values = state.filters[field];
    if (values?.length) filters[field] = [...values];
  }
  const range =
    'preset' in state.range
      ? { preset: state.range.preset }
      : { from: formatPlainDate(state.range.from), to: formatPlainDate(state.range.to) };
  return {
    timezone: state.timezone,
    lang: state.lang,
    ...range,
    ...(state.now !== undefined ? { now: new Date(state.now).toISOString() } : {}),
    filters,
    ...(state.interval !== undefined ? { interval: state.interval } : {}),
    ...(state.outgoingGroupBy !== undefined ? { outgoingGroupBy: state.outgoingGroupBy } : {}),
    ...(Object.keys(state.listOrder).length > 0 ? { listOrder: { ...state.listOrder } } : {}),
    ...(state.drill ? { drill: state.drill } : {}),
  };
}
