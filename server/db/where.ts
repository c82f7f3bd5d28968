/**
 * The conditions of the report's queries over `messages` (alias `m`): a WHERE clause builder, the
 * scope and filter conditions every resource shares, and how a range is cut into pieces (chunks
 * for long scans, whole hours for the hourly rollup).
 */
import type { Direction, FilterField, Filters, MessageKind, MessageStatus } from '../../src/core/contract/types.js';
import { statusSteps } from '../../src/core/query/status-filter.js';
import { HOUR_MS } from './count-triggers.js';
import { STATUS_CODE } from './schema.js';
import { placeholders } from './sql.js';

/** A WHERE clause under construction: SQL parts and their bound values, in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  in(column: string, values: readonly string[]): this {
    return this.add(`${column} IN (${placeholders(values.length)})`, ...values);
  }

  get sql(): string {
    return this.parts.join(' AND ');
  }

  clone(): Where {
    const copy = new Where();
    copy.parts.push(...this.parts);
    copy.params.push(...this.params);
    return copy;
  }
}

/** Which rows a query reads: a direction, or the failed log (a partial index). */
export type Scope = Direction | 'failed';

/** The workspace, scope and filter conditions (without the time range). */
export function scopeWhere(workspace: string, scope: Scope, filters: Filters): Where {
  const where = new Where().add('m.workspace = ?', workspace);
  // Fixed literals (not request data) so that SQLite and PostgreSQL match the partial index.
  if (scope === 'failed') where.add('m.status = 3');
  else where.add(scope === 'incoming' ? `m.direction = 'incoming'` : `m.direction = 'outgoing'`);
  const outgoing = scope !== 'incoming';
  const values = (field: FilterField) => {
    const list = filters[field];
    return list && list.length > 0 ? list : undefined;
  };
  const channel = values('channel');
  const contact = values('contact');
  const team = values('team');
  const user = values('user');
  if (channel) where.in('m.channel_id', channel);
  if (contact) where.in('m.contact_id', contact);
  // Outgoing: team and user mean the sender, so only messages a user sent can match.
  if (outgoing && (team || user)) where.add(`m.source = 'user'`);
  if (team) where.in('m.team_id', team);
  if (user) where.in('m.user_id', user);
  if (outgoing) {
    // Incoming queries cannot honour these; they are reported in notApplicable instead.
    const source = values('source');
    const type = values('type');
    const broadcast = values('broadcast');
    if (source) where.in('m.source', source);
    if (type) where.in('m.type', type);
    if (broadcast) where.in('m.broadcast_id', broadcast);
  }
  return where;
}

/**
 * The `messages.status` codes a list of `kind` keeps under its status filter (an empty list: none
 * of its messages).
 */
export function statusCodes(kind: MessageKind, status: MessageStatus): number[] {
  return statusSteps(kind, status).map((step) => STATUS_CODE[step]);
}

/**
 * Narrows `where` to `codes`, written as literals (a closed set of small integers, never request
 * text) so that both engines check them inside the covering `messages_time` index as it scans.
 */
export function withStatusCodes(where: Where, codes: readonly number[]): Where {
  if (codes.length === 0) return where.add('1 = 0');
  const list = codes.map((code) => String(Math.trunc(code))).join(', ');
  return where.add(codes.length === 1 ? `m.status = ${list}` : `m.status IN (${list})`);
}

export function withRange(where: Where, from: number, to: number): Where {
  return where.clone().add('m.ts >= ?', from).add('m.ts < ?', to);
}

/**
 * Longest range one SQLite statement scans: longer ranges are counted in chunks and summed, so that
 * no statement runs long and the worker checks the deadline between them.
 */
export const SQLITE_CHUNK_MS = 32 * 24 * 3_600_000;

/** `[from, to)` cut into pieces of at most `size` ms. */
export function chunks(from: number, to: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = from; start < to; start += size) out.push([start, Math.min(start + size, to)]);
  return out;
}

/**
 * Whether a query over `direction` has no filter it honours: then counts by status can come from
 * the hourly rollup (`message_hours`) instead of the messages themselves.
 */
export function unfiltered(direction: Direction, filters: Filters): boolean {
  const fields: FilterField[] =
    direction === 'incoming'
      ? ['channel', 'contact', 'team', 'user']
      : ['channel', 'contact', 'team', 'user', 'source', 'type', 'broadcast'];
  return fields.every((f) => !filters[f]?.length);
}

/**
 * `[lo, hi)` as whole UTC hours (from the rollup) and the partial hours at its edges (from messages).
 * The rollup is only ever asked for whole hours (`hour >= a AND hour < b`, both on the hour): a
 * `message_hours` view that lists each message at its own instant answers the same, which
 * docs/own-database.md relies on (test/node/own-database.test.ts holds it).
 */
export function hourPieces(lo: number, hi: number): { hours?: [number, number]; raw: [number, number][] } {
  const a = Math.ceil(lo / HOUR_MS) * HOUR_MS;
  const b = Math.floor(hi / HOUR_MS) * HOUR_MS;
  if (a >= b) return { raw: lo < hi ? [[lo, hi]] : [] };
  const raw: [number, number][] = [];
  if (lo < a) raw.push([lo, a]);
  if (b < hi) raw.push([b, hi]);
  return { hours: [a, b], raw };
}
