/**
 * Counting from `message_counts` (./message-counts.ts says what it can answer): whether the database
 * has the table, whether a query may read it, and counts per key of any number of ranges from its
 * whole buckets plus the messages at the edges. Apart from the resources because the breakdown, the
 * delivery line, the lists' totals and the trends all count through it.
 */
import type { Filters } from '../../src/core/contract/types.js';
import { COUNT_KEY_SQL, countable, countPieces, countsWhere, type CountKey, type Piece } from './message-counts.js';
import { asText, at, num, type SqlExecutor } from './sql.js';
import { scopeWhere, type Scope } from './where.js';

/** What the resources count `message_counts` through (see {@link createCountQueries}). */
export interface CountQueries {
  /** Whether the database has `message_counts`. */
  hasCounts: () => Promise<boolean>;
  /** Whether a query over `scope` with `filters`, grouped by `key`, is answered from `message_counts`. */
  fromCounts: (scope: Scope, filters: Filters, key: CountKey) => Promise<boolean>;
  /** Counts per `key` of each of `ranges` (only when {@link fromCounts}). */
  countRanges: (
    workspace: string,
    scope: Scope,
    filters: Filters,
    ranges: readonly (readonly [number, number])[],
    key: CountKey,
  ) => Promise<Map<string, number>[]>;
}

/** Whether `error` says the relation a statement reads does not exist. */
function isMissingRelation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '42P01' || (typeof message === 'string' && /no such table/i.test(message));
}

export function createCountQueries(db: SqlExecutor): CountQueries {
  const sqlite = db.dialect === 'sqlite';

  /**
   * Whether the database has `message_counts` (the server's own schema does; views over a host's
   * tables need not): looked up once, on the first query that could use it.
   */
  let countsPresent: Promise<boolean> | undefined;
  function hasCounts(): Promise<boolean> {
    countsPresent ??= db.all('SELECT 1 FROM message_counts WHERE 1 = 0').then(
      () => true,
      (error: unknown) => {
        countsPresent = undefined;
        if (isMissingRelation(error)) {
          countsPresent = Promise.resolve(false);
          return false;
        }
        throw error;
      },
    );
    return countsPresent;
  }

  /** Whether a query over `scope` with `filters`, grouped by `key`, is answered from `message_counts`. */
  async function fromCounts(scope: Scope, filters: Filters, key: CountKey): Promise<boolean> {
    return countable(scope, filters, key) && (await hasCounts());
  }

  /**
   * Counts per `key` of each of `ranges`, from whole buckets of `message_counts` and the messages at
   * the ranges' edges (the scope and filters must be {@link countable}). Keys that mean "none" (an
   * incoming message's source, a message without subtype) are left out. SQLite: a short statement
   * per piece; PostgreSQL: one statement.
   */
  async function countRanges(
    workspace: string,
    scope: Scope,
    filters: Filters,
    ranges: readonly (readonly [number, number])[],
    key: CountKey,
  ): Promise<Map<string, number>[]> {
    const out = ranges.map(() => new Map<string, number>());
    const pieces = ranges.flatMap(([lo, hi], i) => countPieces(lo, hi, i));
    const add = (i: number, k: string | null, n: unknown) => {
      const count = num(n);
      if (k === null || count === 0) return;
      const counts = at(out, i);
      counts.set(k, (counts.get(k) ?? 0) + count);
    };
    const counts = countsWhere(workspace, scope, filters, key);
    const messages = scopeWhere(workspace, scope, filters);
    const sql = COUNT_KEY_SQL[key];
    const grouped = key !== 'none';
    const countsSelect = `SELECT ${sql.counts} AS k, sum(c.n) AS n FROM message_counts c WHERE ${counts.sql}`;
    const messagesSelect = `SELECT ${sql.messages} AS k, count(*) AS n FROM messages m WHERE ${messages.sql}`;
    const countsGroup = grouped ? ` GROUP BY ${sql.countsGroup}` : '';
    const messagesGroup = grouped ? ` GROUP BY ${sql.messages}` : '';
    const rolled = pieces.filter((p) => p.grain > 0);
    const raw = pieces.filter((p) => p.grain === 0);
    const keyOf = (k: unknown) => (k === null || k === undefined ? null : asText(k));
    if (sqlite) {
      if (rolled.length === 1) {
        const [p] = rolled as [Piece];
        const rows = await db.all(`${countsSelect} AND c.grain = ? AND c.bucket >= ? AND c.bucket < ?${countsGroup}`, [
          ...counts.params,
          p.grain,
          p.lo,
          p.hi,
        ]);
        for (const row of rows) add(p.i, keyOf(row.k), row.n);
      } else if (rolled.length > 1) {
        // One statement for every piece (a delivery line has hundreds): the pieces as a JSON array
        // of [grain, lo, hi, i], each joined to its primary-key range — as PostgreSQL's LATERAL.
        // CROSS JOIN keeps the pieces outside, whatever the statistics: without message_counts'
        // (a file migrated in place, which no ANALYZE follows) SQLite read the whole set of
        // dimensions, each row against every piece — on 1 M messages a year's subtypes took 1.7 s, not 10 ms.
        const rows = await db.all(
          `SELECT p.value ->> 3 AS i, ${sql.counts} AS k, sum(c.n) AS n FROM json_each(?) p CROSS JOIN message_counts c ` +
            `ON ${counts.sql} AND c.grain = p.value ->> 0 AND c.bucket >= p.value ->> 1 AND c.bucket < p.value ->> 2 ` +
            `GROUP BY p.value ->> 3${grouped ? `, ${sql.countsGroup}` : ''}`,
          [JSON.stringify(rolled.map((p) => [p.grain, p.lo, p.hi, p.i])), ...counts.params],
        );
        for (const row of rows) add(num(row.i), keyOf(row.k), row.n);
      }
      for (const p of raw) {
        const rows = await db.all(`${messagesSelect} AND m.ts >= ? AND m.ts < ?${messagesGroup}`, [...messages.params, p.lo, p.hi]);
        for (const row of rows) add(p.i, keyOf(row.k), row.n);
      }
      return out;
    }
    // PostgreSQL: every piece in one statement, each counted by a LATERAL index range scan.
    const parts: string[] = [];
    const params: unknown[] = [];
    if (rolled.length > 0) {
      parts.push(
        `SELECT p.i, x.k::text AS k, x.n FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[]) AS p(grain, lo, hi, i) ` +
          `CROSS JOIN LATERAL (${countsSelect} AND c.grain = p.grain AND c.bucket >= p.lo AND c.bucket < p.hi${countsGroup}) x`,
      );
      params.push(
        rolled.map((p) => p.grain),
        rolled.map((p) => p.lo),
        rolled.map((p) => p.hi),
        rolled.map((p) => p.i),
        ...counts.params,
      );
    }
    if (raw.length > 0) {
      parts.push(
        `SELECT p.i, x.k::text AS k, x.n FROM unnest(?::bigint[], ?::bigint[], ?::int[]) AS p(lo, hi, i) ` +
          `CROSS JOIN LATERAL (${messagesSelect} AND m.ts >= p.lo AND m.ts < p.hi${messagesGroup}) x`,
      );
      params.push(
        raw.map((p) => p.lo),
        raw.map((p) => p.hi),
        raw.map((p) => p.i),
        ...messages.params,
      );
    }
    if (parts.length === 0) return out;
    for (const row of await db.all(parts.join(' UNION ALL '), params)) add(num(row.i), keyOf(row.k), row.n);
    return out;
  }

  return { hasCounts, fromCounts, countRanges };
}
