/**
 * Which filters each kind of query can honour, as data (docs/decisions.md, "Filter applicability").
 * Elements use it to show the "not applicable" notice without sending a request; the mocks and
 * the server use it to fill `notApplicable` in their answers.
 */
import { FILTER_FIELDS, STATUSES, type FilterField, type Filters, type Status } from '../contract/types.js';

/**
 * The scope of a query: incoming messages (charts and list), or outgoing ones (charts, list,
 * delivery and the failed log).
 */
export type QueryScope = 'incoming' | 'outgoing';

/** For each scope, whether each filter field applies. */
export const FILTER_APPLICABILITY: Readonly<Record<QueryScope, Readonly<Record<FilterField, boolean>>>> = {
  incoming: {
    channel: true,
    contact: true,
    // The contact's assignee (user and their team) when the message arrived.
    team: true,
    user: true,
    source: false,
    type: false,
    broadcast: false,
  },
  outgoing: {
    channel: true,
    contact: true,
    // The sender: only messages sent by a user match a team or user filter.
    team: true,
    user: true,
    source: true,
    type: true,
    broadcast: true,
  },
};

/** Fields that hold at least one value. */
export function activeFilterFields(filters: Filters): FilterField[] {
  return FILTER_FIELDS.filter((field) => (filters[field]?.length ?? 0) > 0);
}

/** The active filters a query of `scope` cannot honour, in menu order. */
export function notApplicableFilters(scope: QueryScope, filters: Filters): FilterField[] {
  return activeFilterFields(filters).filter((field) => !FILTER_APPLICABILITY[scope][field]);
}

/**
 * The delivery statuses that none of the channels in scope report (docs/decisions.md,
 * "Statuses a channel does not report"): the scope is the channels the filter names, or every channel of the workspace when
 * it names none. An id that is not a known channel reports nothing.
 */
export function notReportedStatuses(
  channelFilter: readonly string[] | undefined,
  channels: readonly { id: string; reports: readonly Status[] }[],
): Status[] {
  const byId = new Map(channels.map((channel) => [channel.id, channel.reports]));
  const scope = channelFilter?.length ? channelFilter : channels.map((channel) => channel.id);
  const reported = new Set<Status>();
  for (const id of scope) for (const status of byId.get(id) ?? []) reported.add(status);
  return STATUSES.filter((status) => !reported.has(status));
}
