/**
 * The two SQL dialects the server speaks (SQLite through better-sqlite3, PostgreSQL through pg),
 * and the one interface the report queries run through. Queries are written once with `?`
 * placeholders; the PostgreSQL executor numbers them (`$1`, `$2`, …). Every value is bound as a
 * parameter: no request data is ever spliced into SQL text.
 */

export type Dialect = 'sqlite' | 'postgres';

export type Row = Record<string, unknown>;

/**
 * A text column's value as a string. The drivers return TEXT as strings; anything else means the
 * query and the schema disagree, which is worth an error rather than "[object Object]" in an answer.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Expected a text column, got ${value === null ? 'null' : typeof value}`);
}

/** A nullable text column's value: `null` for SQL NULL, else as {@link asText}. */
export function asTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : asText(value);
}

/** Runs one parameterised statement and returns its rows. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

const numbered = new Map<string, string>();

/**
 * `?` placeholders as PostgreSQL's `$1…$n`. The server's SQL never holds a `?` inside a string
 * literal or identifier, so a plain scan is exact.
 */
export function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size > 2000) numbered.clear();
    numbered.set(sql, out);
  }
  return out;
}

/** `?, ?, ?` for a list of `count` values (an `IN (…)` list). */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A numeric column's value (drivers return counts as numbers, strings or bigints); 0 for NULL. */
export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** An epoch-ms instant as the contract's ISO-8601 text. */
export const iso = (instant: number) => new Date(instant).toISOString();

/**
 * `list[i]` where the caller built `list` to have it (one entry per range or bucket, or an index a
 * statement echoes back); a clear error instead of a wrong answer if that ever stops being true.
 */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`Index ${i} is outside a list of ${list.length}`);
  return item;
}
