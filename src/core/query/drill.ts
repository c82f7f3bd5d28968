/**
 * "See these messages": a drill from a figure to the lists. A person picks a group of a breakdown,
 * a status tile or a point of the delivery line, and the lists — only the lists — narrow to it,
 * on top of the report's own filters, until one action restores them. Cross-filtering narrows the
 * whole report instead (a filter a person then sees among the chips); a drill changes no filter.
 *
 * Part of the report's state (so `sync-url` can give it a history entry that Back undoes), checked
 * here at the boundary like every other part. DOM-free.
 */
import {
  FILTER_FIELDS,
  MESSAGE_STATUSES,
  type FilterField,
  type Filters,
  type MessageStatus,
  type ReportQuery,
} from '../contract/types.js';

/** Longest group label kept (a label is data from the endpoint, shown in the chip). */
const MAX_LABEL = 200;

/** One value of one filter field: the group a person picked (`label` is what the chip shows). */
export interface DrillGroup {
  readonly field: FilterField;
  readonly value: string;
  readonly label: string;
}

/** A time window `[from, to)` as ISO-8601 instants: a bucket of the delivery line. */
export interface DrillWindow {
  readonly from: string;
  readonly to: string;
}

/** What the lists narrow to; at least one part is present. */
export interface Drill {
  readonly group?: DrillGroup;
  readonly window?: DrillWindow;
  readonly status?: MessageStatus;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseGroup(value: unknown, dropped: string[]): DrillGroup | undefined {
  const group = value as Partial<Record<keyof DrillGroup, unknown>> | null;
  if (
    typeof group === 'object' &&
    group !== null &&
    (FILTER_FIELDS as readonly unknown[]).includes(group.field) &&
    typeof group.value === 'string' &&
    group.value !== ''
  ) {
    const label = typeof group.label === 'string' && group.label !== '' ? group.label.slice(0, MAX_LABEL) : group.value;
    return Object.freeze({ field: group.field as FilterField, value: group.value, label });
  }
  dropped.push('drill.group must be { field, value, label } with a filter field and a value');
  return undefined;
}

function parseWindow(value: unknown, dropped: string[]): DrillWindow | undefined {
  const window = value as Partial<Record<keyof DrillWindow, unknown>> | null;
  if (typeof window === 'object' && window !== null && typeof window.from === 'string' && typeof window.to === 'string') {
    const from = Date.parse(window.from);
    const to = Date.parse(window.to);
    if (INSTANT.test(window.from) && INSTANT.test(window.to) && from < to)
      return Object.freeze({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }
  dropped.push('drill.window must be { from, to }, ISO-8601 UTC instants with from before to');
  return undefined;
}

/**
 * Checks a drill (`null` or `undefined`: none). Keeps each valid part and names what it dropped
 * (plain English, for developers); a drill left with no part is none.
 */
export function parseDrill(value: unknown): { drill: Drill | undefined; dropped: string[] } {
  const dropped: string[] = [];
  if (value === undefined || value === null) return { drill: undefined, dropped };
  if (typeof value !== 'object' || Array.isArray(value)) return { drill: undefined, dropped: ['drill must be an object'] };
  const record = value as Record<string, unknown>;
  const drill: { -readonly [K in keyof Drill]: Drill[K] } = {};
  if (record.group !== undefined) {
    const group = parseGroup(record.group, dropped);
    if (group) drill.group = group;
  }
  if (record.window !== undefined) {
    const window = parseWindow(record.window, dropped);
    if (window) drill.window = window;
  }
  if (record.status !== undefined) {
    if ((MESSAGE_STATUSES as readonly unknown[]).includes(record.status)) drill.status = record.status as MessageStatus;
    else dropped.push(`unknown drill.status ${JSON.stringify(record.status)}`);
  }
  return { drill: Object.keys(drill).length > 0 ? Object.freeze(drill) : undefined, dropped };
}

/** Why {@link fitDrill} changed a drill: its window outside the range (dropped) or across its edge (clipped), its group outside the filters. */
export type DrillMisfit = 'drillOutsideRange' | 'drillClipped' | 'drillOutsideFilters';

/** Whether the filters leave room for `group`: its field unfiltered, or filtered to values that include it. */
function groupWithin(group: DrillGroup, filters: Filters): boolean {
  const values = filters[group.field];
  return values === undefined || values.length === 0 || values.includes(group.value);
}

function frozenOrNone(drill: Drill): Drill | undefined {
  return Object.keys(drill).length > 0 ? Object.freeze(drill) : undefined;
}

/**
 * A drill read from a link or a saved state, fitted to the report it now lands in: a window
 * across the range's edge is cut to it, one wholly outside it (an old link of a moving preset)
 * is dropped, and a group the filters exclude is dropped, since narrowing to it would show
 * messages the report's filters leave out. The other parts stay; what changed is named.
 */
export function fitDrill(
  drill: Drill | undefined,
  range: { readonly from: number; readonly to: number },
  filters: Filters,
): { drill: Drill | undefined; misfits: DrillMisfit[] } {
  const misfits: DrillMisfit[] = [];
  if (!drill) return { drill, misfits };
  const { group, window, status } = drill;
  const fitted: { -readonly [K in keyof Drill]: Drill[K] } = {};
  if (group) {
    if (groupWithin(group, filters)) fitted.group = group;
    else misfits.push('drillOutsideFilters');
  }
  if (window) {
    const from = Math.max(Date.parse(window.from), range.from);
    const to = Math.min(Date.parse(window.to), range.to);
    if (from >= to) misfits.push('drillOutsideRange');
    else if (from === Date.parse(window.from) && to === Date.parse(window.to)) fitted.window = window;
    else {
      fitted.window = Object.freeze({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
      misfits.push('drillClipped');
    }
  }
  if (status) fitted.status = status;
  return { drill: misfits.length > 0 ? frozenOrNone(fitted) : drill, misfits };
}

/**
 * The drill a person's change leaves (a new range, new filters): a bucket's window goes with a
 * new range, since it was a point of the line the range replaced, and a group goes when the new
 * filters exclude it; a status, and a group the filters still allow, mean the same in any range.
 */
export function drillAfterChange(
  drill: Drill | undefined,
  change: { rangeChanged: boolean; filters: Filters | undefined },
): Drill | undefined {
  if (!drill) return drill;
  const { group, window, status } = drill;
  const kept: { -readonly [K in keyof Drill]: Drill[K] } = {};
  if (group && (change.filters === undefined || groupWithin(group, change.filters))) kept.group = group;
  if (window && !change.rangeChanged) kept.window = window;
  if (status) kept.status = status;
  return Object.keys(kept).length === Object.keys(drill).length ? drill : frozenOrNone(kept);
}

/**
 * The report's query narrowed to a drill's group and window (the status is a list parameter, not
 * part of the query): the group's value replaces its field's values, and the window replaces the
 * range ({@link fitDrill} has kept it inside the range, at least one millisecond long).
 */
export function drillQuery(query: ReportQuery, drill: Drill | undefined): ReportQuery {
  if (!drill) return query;
  let { from, to, filters } = query;
  if (drill.group) filters = { ...filters, [drill.group.field]: [drill.group.value] };
  if (drill.window) ({ from, to } = drill.window);
  return { ...query, from, to, filters };
}
