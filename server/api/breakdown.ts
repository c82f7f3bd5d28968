/**
 * `GET /breakdown`'s answer assembled from counts per group key: the groups sorted by count, then
 * key, labelled (./labels.ts), with the compared period's counts beside them. Shared by the
 * reference engine (reference/engine.ts) and the SQL server (server/db/breakdown.ts), which differ
 * only in how they count — as ./delivery-groups.ts and ./trends.ts are for their resources.
 */
import type { BreakdownParams, BreakdownResponse } from '../../src/core/contract/types.js';
import { notApplicableFilters } from '../../src/core/query/applicability.js';
import { breakdownGroup, compareStrings, type LabelNames } from './labels.js';

/** Messages counted per group key (for subtypes the `type|subtype` count key), and their sum. */
export interface KeyCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
}

/** The answer for `params` from the period's counts and, when compared, the previous period's. */
export function breakdownResponse(
  params: BreakdownParams,
  current: KeyCounts,
  previous: KeyCounts | undefined,
  names: LabelNames,
): BreakdownResponse {
  const sorted = [...current.counts].sort(([ka, a], [kb, b]) => b - a || compareStrings(ka, kb));
  const groups = sorted.map(([key, count]) => {
    const group = breakdownGroup(params.groupBy, key, count, names);
    if (previous) group.previousCount = previous.counts.get(key) ?? 0;
    return group;
  });
  const response: BreakdownResponse = {
    direction: params.direction,
    groupBy: params.groupBy,
    total: current.total,
    groups,
    notApplicable: notApplicableFilters(params.direction, params.filters),
  };
  if (previous) response.previousTotal = previous.total;
  return response;
}
