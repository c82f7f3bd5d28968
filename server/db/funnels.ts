/**
 * The delivery funnel counted in SQL: the conditional counts of one statement over `messages`, the
 * unfiltered counts from the hourly rollup (`message_hours`), and adding a row of either to totals.
 * Apart from the resources because the delivery line and the lists' totals both count the funnel.
 */
import type { DeliveryTotals, Direction } from '../../src/core/contract/types.js';
import { at, num, type Row, type SqlExecutor } from './sql.js';
import { hourPieces, scopeWhere, withRange } from './where.js';

export function emptyTotals(): DeliveryTotals {
  return { total: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
}

/** A funnel row (n, d, r, f) of the messages a statement reads. */
export const FUNNEL_COUNTS =
  'count(*) AS n, count(*) FILTER (WHERE m.status = 1) AS d, count(*) FILTER (WHERE m.status = 2) AS r, ' +
  'count(*) FILTER (WHERE m.status = 3) AS f';

/** Adds one funnel row (n, d, r, f) to `totals`. */
export function addFunnel(totals: { sent: number; delivered: number; read: number; failed: number; total?: number }, row: Row): void {
  const n = num(row.n);
  const read = num(row.r);
  const failed = num(row.f);
  if (totals.total !== undefined) totals.total += n;
  totals.failed += failed;
  totals.sent += n - failed;
  totals.delivered += num(row.d) + read;
  totals.read += read;
}

const ROLLUP_COUNTS =
  'sum(h.n) AS n, sum(h.n) FILTER (WHERE h.status = 1) AS d, sum(h.n) FILTER (WHERE h.status = 2) AS r, ' +
  'sum(h.n) FILTER (WHERE h.status = 3) AS f';

/**
 * Unfiltered funnel counts (n, d, r, f) for each of `ranges`, from the hourly rollup plus the
 * partial hours at each range's edges. SQLite: a statement per piece; PostgreSQL: two statements.
 */
export async function rollupFunnels(db: SqlExecutor, workspace: string, direction: Direction, ranges: [number, number][]): Promise<Row[]> {
  const sqlite = db.dialect === 'sqlite';
  const out: Row[] = ranges.map(() => ({ n: 0, d: 0, r: 0, f: 0 }));
  const add = (i: number, row: Row | undefined) => {
    if (!row) return;
    const o = at(out, i);
    for (const k of ['n', 'd', 'r', 'f']) o[k] = num(o[k]) + num(row[k]);
  };
  const hours: [number, number, number][] = [];
  const raw: [number, number, number][] = [];
  ranges.forEach(([lo, hi], i) => {
    const pieces = hourPieces(lo, hi);
    if (pieces.hours) hours.push([pieces.hours[0], pieces.hours[1], i]);
    for (const [a, b] of pieces.raw) raw.push([a, b, i]);
  });
  const base = scopeWhere(workspace, direction, {});
  const hourWhere = `h.workspace = ? AND h.direction = '${direction}'`;
  if (sqlite) {
    for (const [lo, hi, i] of hours) {
      const [row] = await db.all(`SELECT ${ROLLUP_COUNTS} FROM message_hours h WHERE ${hourWhere} AND h.hour >= ? AND h.hour < ?`, [
        workspace,
        lo,
        hi,
      ]);
      add(i, row);
    }
    for (const [lo, hi, i] of raw) {
      const where = withRange(base, lo, hi);
      const [row] = await db.all(`SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${where.sql}`, where.params);
      add(i, row);
    }
    return out;
  }
  const columns = (list: [number, number, number][]) => [list.map((p) => p[0]), list.map((p) => p[1]), list.map((p) => p[2])];
  if (hours.length > 0) {
    const rows = await db.all(
      `SELECT b.i AS i, c.n, c.d, c.r, c.f FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS b(lo, hi, i) ` +
        `CROSS JOIN LATERAL (SELECT ${ROLLUP_COUNTS} FROM message_hours h WHERE ${hourWhere} AND h.hour >= b.lo AND h.hour < b.hi) c`,
      [...columns(hours), workspace],
    );
    for (const row of rows) add(num(row.i), row);
  }
  if (raw.length > 0) {
    const rows = await db.all(
      `SELECT b.i AS i, c.n, c.d, c.r, c.f FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS b(lo, hi, i) ` +
        `CROSS JOIN LATERAL (SELECT ${FUNNEL_COUNTS} FROM messages m WHERE ${base.sql} AND m.ts >= b.lo AND m.ts < b.hi) c`,
      [...columns(raw), ...base.params],
    );
    for (const row of rows) add(num(row.i), row);
  }
  return out;
}
