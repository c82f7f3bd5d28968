/**
 * "See these messages": a drill from a figure to the lists. A person picks a group of a breakdown,
 * a status tile or a point of the delivery line, and the lists — only the lists — narrow to it,
 * on top of the report's own filters, until one action restores them. Cross-filtering narrows the
 * whole report instead (a filter a person then sees among the chips); a drill changes no filter.
 *
 * Part of the report's state (so `sync-url` can give it a history entry that Back undoes), checked
 * here at the boundary like every other part. DOM-free.
 */
import { FILTER_FIELDS, MESSAGE_STATUSES, type FilterField, type MessageStatus, type ReportQuery } from '../contract/types.js';

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

/**
 * The report's query narrowed to a drill's group and window (the status is a list parameter, not
 * part of the query): the group's value replaces its field's values, and the window is cut to the
 * range (a window outside it leaves an empty instant, which the list shows as no messages).
 */
export function drillQuery(query: ReportQuery, drill: Drill | undefined): ReportQuery {
  if (!drill) return query;
  let { from, to, filters } = query;
  if (drill.group) filters = { ...filters, [drill.group.field]: [drill.group.value] };
  if (drill.window) {
    from = new Date(Math.max(Date.parse(from), Date.parse(drill.window.from))).toISOString();
    to = new Date(Math.max(Date.parse(from), Math.min(Date.parse(to), Date.parse(drill.window.to)))).toISOString();
  }
  return { ...query, from, to, filters };
}
