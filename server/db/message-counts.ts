/**
 * Reading `message_counts` (server/db/count-triggers.ts): which counts a query may take from it, the set of
 * dimensions and the rows that hold them, and a range cut into whole buckets of its grains. The
 * queries themselves are in ./count-ranges.ts.
 */
import type { FilterField, Filters, GroupBy } from '../../src/core/contract/types.js';
import { COUNT_DIMS, COUNT_GRAINS, type CountDims } from './count-triggers.js';
import type { Row } from './sql.js';
import { Where, type Scope } from './where.js';

/** Part of a range: whole buckets `[lo, hi)` of one grain of `message_counts`, or (grain 0) messages to count. */
export interface Piece {
  grain: number;
  lo: number;
  hi: number;
  /** The range it belongs to. */
  i: number;
}

/** `x` rounded down to a multiple of `grain` (for negative instants too). */
const floorTo = (x: number, grain: number) => x - (((x % grain) + grain) % grain);

/**
 * `[lo, hi)` as whole buckets of the widest grains that fit — at most one run of 16-day blocks, two
 * of days, two of hours — and the minutes at its edges, counted from messages. Any bucket edges give
 * the same counts; these read the fewest rows.
 */
export function countPieces(lo: number, hi: number, i = 0, level = 0): Piece[] {
  if (lo >= hi) return [];
  const grain = COUNT_GRAINS[level];
  if (grain === undefined) return [{ grain: 0, lo, hi, i }];
  const a = floorTo(lo + grain - 1, grain);
  const b = floorTo(hi, grain);
  if (a >= b) return countPieces(lo, hi, i, level + 1);
  return [...countPieces(lo, a, i, level + 1), { grain, lo: a, hi: b, i }, ...countPieces(b, hi, i, level + 1)];
}

/** What a count is grouped by: a breakdown's grouping, the funnel's status, or nothing (a total). */
export type CountKey = GroupBy | 'status' | 'none';

/**
 * What each key reads in `message_counts` (c: the value, decoded to what `messages` holds — null for
 * none, see subtypeKeySql — and the column to group by) and in `messages` (m).
 */
export const COUNT_KEY_SQL: Record<CountKey, { counts: string; countsGroup: string; messages: string }> = {
  channel: { counts: 'c.channel_id', countsGroup: 'c.channel_id', messages: 'm.channel_id' },
  source: { counts: `nullif(c.source, '')`, countsGroup: 'c.source', messages: 'm.source' },
  type: { counts: `nullif(c.type, '')`, countsGroup: 'c.type', messages: 'm.type' },
  // As subtypeCountKey: the type, '|', the subtype (a name used as a tag and as a template is two groups).
  subtype: {
    counts: `CASE WHEN c.subtype = '' THEN NULL ELSE c.type || '|' || substr(c.subtype, 2) END`,
    countsGroup: 'c.type, c.subtype',
    messages: `CASE WHEN m.subtype IS NULL THEN NULL ELSE m.type || '|' || m.subtype END`,
  },
  status: { counts: 'c.status', countsGroup: 'c.status', messages: 'coalesce(m.status, -1)' },
  none: { counts: `''`, countsGroup: '', messages: `''` },
};

/**
 * Whether `message_counts` holds the counts a query over `scope` with `filters`, grouped by `key`,
 * needs: filters on channel, source and type (the full set of dimensions, or a narrower one), or on
 * user and team — with source alone beside them, for a total, a funnel or a source breakdown (the
 * people set). Contact and (outgoing) broadcast filters are counted from messages.
 */
export function countable(scope: Scope, filters: Filters, key: CountKey): boolean {
  const has = (field: FilterField) => Boolean(filters[field]?.length);
  const outgoing = scope !== 'incoming';
  if (has('contact') || (outgoing && has('broadcast'))) return false;
  if (!has('user') && !has('team')) return true;
  return !has('channel') && !(outgoing && has('type')) && (key === 'none' || key === 'status' || key === 'source');
}

/**
 * The narrowest set of dimensions of `message_counts` (COUNT_DIMS) that has a query's filters and
 * its key (the query being {@link countable}): user and team filters from the people set; unfiltered
 * funnels and totals by status alone; a channel filter or grouping by channel and status; a source or
 * type filter or grouping by source, type and status; subtypes by source, type, subtype and status;
 * anything else (a channel beside any of the last two) from all dimensions.
 */
export function countDims(scope: Scope, filters: Filters, key: CountKey): CountDims {
  if (filters.user?.length || filters.team?.length) return 'people';
  const byChannel = Boolean(filters.channel?.length) || key === 'channel';
  const bySource = (scope !== 'incoming' && Boolean(filters.source?.length || filters.type?.length)) || key === 'source' || key === 'type';
  const bySubtype = key === 'subtype';
  if (byChannel && (bySource || bySubtype)) return 'all';
  return byChannel ? 'channel' : bySubtype ? 'subtype' : bySource ? 'source' : 'status';
}

/**
 * The conditions of `message_counts` rows for a scope, filters and key that are {@link countable},
 * in the narrowest set that has them, or in `dims` (a set that has the filters and more).
 */
export function countsWhere(
  workspace: string,
  scope: Scope,
  filters: Filters,
  key: CountKey,
  dims: CountDims = countDims(scope, filters, key),
): Where {
  const where = new Where().add('c.workspace = ?', workspace).add(`c.dims = ${COUNT_DIMS[dims]}`);
  if (scope === 'failed') where.add(`c.direction = 'outgoing'`).add('c.status = 3');
  else where.add(scope === 'incoming' ? `c.direction = 'incoming'` : `c.direction = 'outgoing'`);
  const outgoing = scope !== 'incoming';
  const { channel, user, team } = filters;
  if (channel?.length) where.in('c.channel_id', channel);
  // As scopeWhere: outgoing, team and user mean the sender, so only messages a user sent match.
  if (outgoing && (user?.length || team?.length)) where.add(`c.source = 'user'`);
  // Stored as personKeySql spells them.
  if (user?.length)
    where.in(
      'c.user_id',
      user.map((id) => `.${id}`),
    );
  if (team?.length)
    where.in(
      'c.team_id',
      team.map((id) => `.${id}`),
    );
  if (outgoing) {
    if (filters.source?.length) where.in('c.source', filters.source);
    if (filters.type?.length) where.in('c.type', filters.type);
  }
  return where;
}

/** Counts per group and their sum. */
export function withTotal(counts: Map<string, number>): { counts: Map<string, number>; total: number } {
  let total = 0;
  for (const n of counts.values()) total += n;
  return { counts, total };
}

/** A funnel row (n, d, r, f: all, delivered, read, failed) from counts per status. */
export function funnelRow(byStatus: Map<string, number>): Row {
  let n = 0;
  for (const count of byStatus.values()) n += count;
  return { n, d: byStatus.get('1') ?? 0, r: byStatus.get('2') ?? 0, f: byStatus.get('3') ?? 0 };
}
