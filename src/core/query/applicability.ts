/**
 * Which filters each kind of query can honour, as data (SPEC.md, "Filter applicability").
 * Elements use it to show the "not applicable" notice without sending a request; the mocks and
 * the server use it to fill `notApplicable` in their answers.
 */
import { FILTER_FIELDS, type FilterField, type Filters } from '../contract/types.js';

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
