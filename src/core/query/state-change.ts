/**
 * Changes to a report's state from outside its attributes: the filters element, a click that
 * cross-filters, a `state` JSON value, or the page URL. All are checked here, at the boundary,
 * into a {@link StateChange} that keeps every valid part and names what it dropped.
 */
import type { Filters, GroupBy } from '../contract/types.js';
import { INTERVAL_CHOICES, type IntervalChoice } from './intervals.js';
import { isPreset, type Preset } from './presets.js';
import { parseDrill, type Drill } from './drill.js';
import { parseFilters } from './report-state.js';
import { isGroupBy, parseListOrder, type ListOrder } from './view-choices.js';
import { parsePlainDate } from './zoned-time.js';

/** A range as the user picks it, in serialisable form. */
export type RangeChange = { readonly preset: Preset } | { readonly from: string; readonly to: string };

/** What a change may set; absent fields stay as they are. */
export interface StateChange {
  readonly range?: RangeChange;
  readonly filters?: Filters;
  readonly timezone?: string;
  readonly lang?: string;
  /** The delivery line's bucket size. */
  readonly interval?: IntervalChoice;
  /** The grouping of `<msg-messages-report>`'s outgoing breakdown. */
  readonly outgoingGroupBy?: GroupBy;
  /** The time order of each list, set whole (as filters are): `{ failed: 'asc' }`. */
  readonly listOrder?: ListOrder;
  /** What the lists narrow to ("see these messages"); `null` restores them. */
  readonly drill?: Drill | null;
}

export interface ParsedStateChange {
  readonly change: StateChange;
  /** Plain-language reasons for what was dropped (English; shown to developers in events). */
  readonly dropped: readonly string[];
}

function parseRange(value: Record<string, unknown>, dropped: string[]): RangeChange | undefined {
  if ('from' in value || 'to' in value) {
    if (parsePlainDate(value.from) && parsePlainDate(value.to)) return { from: value.from as string, to: value.to as string };
    dropped.push('from and to must both be days written YYYY-MM-DD');
    return undefined;
  }
  if ('preset' in value) {
    if (isPreset(value.preset)) return { preset: value.preset };
    dropped.push(`unknown preset ${JSON.stringify(value.preset)}`);
  }
  return undefined;
}

/**
 * Checks a state change given as an object (`{ range?, filters?, timezone?, lang?, interval?,
 * outgoingGroupBy?, listOrder? }`, or a
 * serialised state with `preset` or `from`/`to` at the top level) or as JSON text of either (the
 * `state` attribute, the URL). Never throws.
 */
export function parseStateChange(input: unknown): ParsedStateChange {
  const dropped: string[] = [];
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { change: {}, dropped: ['the state is not valid JSON'] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { change: {}, dropped: ['the state must be a JSON object'] };
  }
  const record = value as Record<string, unknown>;
  const change: { -readonly [K in keyof StateChange]: StateChange[K] } = {};
  // A change names its range under `range`; a serialised state (JSON, the URL) at the top level.
  const rangeSource = typeof record.range === 'object' && record.range !== null ? (record.range as Record<string, unknown>) : record;
  const range = parseRange(rangeSource, dropped);
  if (range) change.range = range;
  if ('filters' in record) {
    const { filters, problems } = parseFilters(record.filters);
    change.filters = filters;
    dropped.push(...problems.map((problem) => `filters: ${String(problem.params.detail)}`));
  }
  if ('interval' in record) {
    if ((INTERVAL_CHOICES as readonly unknown[]).includes(record.interval)) change.interval = record.interval as IntervalChoice;
    else dropped.push(`unknown interval ${JSON.stringify(record.interval)}`);
  }
  if ('outgoingGroupBy' in record) {
    if (isGroupBy(record.outgoingGroupBy)) change.outgoingGroupBy = record.outgoingGroupBy;
    else dropped.push(`unknown outgoingGroupBy ${JSON.stringify(record.outgoingGroupBy)}`);
  }
  if ('listOrder' in record) {
    const parsed = parseListOrder(record.listOrder);
    change.listOrder = parsed.listOrder;
    dropped.push(...parsed.dropped);
  }
  if ('drill' in record) {
    const parsed = parseDrill(record.drill);
    // A drill with nothing valid left restores the lists rather than keeping a stale one.
    change.drill = parsed.drill ?? null;
    dropped.push(...parsed.dropped);
  }
  for (const key of ['timezone', 'lang'] as const) {
    if (!(key in record)) continue;
    if (typeof record[key] === 'string' && record[key] !== '') change[key] = record[key];
    else dropped.push(`${key} must be text`);
  }
  return { change, dropped };
}

/** Adds `value` to `field`'s values, or removes it when present (what a click on a bar does). */
export function toggleFilterValue(filters: Filters, field: keyof Filters, value: string): Filters {
  const current = filters[field] ?? [];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  const { [field]: _previous, ...others } = filters;
  return next.length > 0 ? { ...others, [field]: next } : others;
}
