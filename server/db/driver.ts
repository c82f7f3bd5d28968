/**
 * The database drivers, loaded when a store first needs one: better-sqlite3 and pg are optional
 * peer dependencies of the package, so a host on PostgreSQL need not install better-sqlite3 (a
 * native module) and one on SQLite need not install pg. Both are CommonJS, so `require` loads them
 * synchronously, resolved from this file as a static import would be.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

const require = createRequire(import.meta.url);

/** A driver the chosen database needs is not installed; its message says what to install. */
export class MissingDriverError extends Error {
  override readonly name = 'MissingDriverError';
  readonly code = 'MSG_REPORT_MISSING_DRIVER';
}

function load(name: string, database: string): unknown {
  try {
    return require(name);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const missing = code === 'MODULE_NOT_FOUND' && error instanceof Error && error.message.includes(`'${name}'`);
    if (!missing) throw error;
    throw new MissingDriverError(`${database} needs the ${name} package, which is not installed: run \`npm install ${name}\`.`, {
      cause: error,
    });
  }
}

let sqlite: typeof BetterSqlite3 | undefined;
let postgres: typeof pg | undefined;

/** better-sqlite3's `Database` constructor. */
export function betterSqlite3(): typeof BetterSqlite3 {
  return (sqlite ??= load('better-sqlite3', 'SQLite') as typeof BetterSqlite3);
}

/** The pg module. */
export function pgDriver(): typeof pg {
  return (postgres ??= load('pg', 'PostgreSQL') as typeof pg);
}
