/**
 * What the report's queries read, relation by relation, and a check that a database provides it:
 * the server's own schema does (its migrations create it); a host that maps its own tables onto
 * the schema with views (docs/own-database.md) runs the check to learn, at start, what its views
 * still lack — rather than from a 500 on the first request.
 */
import type { SqlExecutor } from './sql.js';

/**
 * `text`: compared with values from the request (filters), so text — an integer column would turn a
 * malformed value into an error instead of no match; `key`: a tenant or row key the server itself
 * supplies (from `verifyRequest`, from a signed cursor), text or an integer; `integer`: epoch
 * milliseconds, statuses and counts.
 */
type Kind = 'text' | 'key' | 'integer';

/** Every relation and column the report reads, and the kind of value each must hold. */
export const REPORT_COLUMNS: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  messages: {
    workspace: 'key',
    id: 'key',
    ts: 'integer',
    direction: 'text',
    channel_id: 'text',
    contact_id: 'text',
    content: 'text',
    source: 'text',
    type: 'text',
    subtype: 'text',
    user_id: 'text',
    team_id: 'text',
    broadcast_id: 'text',
    delivered_at: 'integer',
    read_at: 'integer',
    error_code: 'text',
    error_message: 'text',
    status: 'integer',
  },
  message_hours: { workspace: 'key', direction: 'text', hour: 'integer', status: 'integer', n: 'integer' },
  channels: { workspace: 'key', id: 'text', name: 'text', folded: 'text', kind: 'text', reports: 'text' },
  teams: { workspace: 'key', id: 'text', name: 'text', folded: 'text' },
  users: { workspace: 'key', id: 'text', name: 'text', folded: 'text' },
  contacts: { workspace: 'key', id: 'text', name: 'text', folded: 'text' },
  broadcasts: { workspace: 'key', id: 'text', name: 'text', folded: 'text' },
};

/** PostgreSQL types that hold each kind as the queries use it (compared with, and read as, text or numbers). */
const TEXT_TYPES = ['text', 'character varying', 'character', 'name'];
const INTEGER_TYPES = ['bigint', 'integer', 'smallint', 'numeric'];
const POSTGRES_TYPES: Record<Kind, readonly string[]> = {
  text: TEXT_TYPES,
  key: [...TEXT_TYPES, ...INTEGER_TYPES],
  integer: INTEGER_TYPES,
};
const KIND_NAMES: Record<Kind, string> = { text: 'text', key: 'text or a whole number', integer: 'a whole number' };

async function fails(db: SqlExecutor, sql: string): Promise<boolean> {
  try {
    await db.all(sql);
    return false;
  } catch {
    return true;
  }
}

/**
 * What the report would miss in the database `db` reaches (the search path's relations): one
 * sentence per relation that is missing, lacks columns or (PostgreSQL) holds a column of the wrong
 * type. Empty when every query can run. Reads nothing but the catalogue and zero rows. (Names are
 * this module's constants, never input, and stay unquoted: SQLite reads an unknown double-quoted
 * name as a string.)
 */
export async function schemaProblems(db: SqlExecutor): Promise<string[]> {
  const problems: string[] = [];
  for (const [relation, columns] of Object.entries(REPORT_COLUMNS)) {
    const names = Object.keys(columns);
    if (await fails(db, `SELECT ${names.join(', ')} FROM ${relation} WHERE 1 = 0`)) {
      if (await fails(db, `SELECT 1 FROM ${relation} WHERE 1 = 0`)) {
        problems.push(`there is no table or view named ${relation}`);
        continue;
      }
      const missing: string[] = [];
      for (const name of names) if (await fails(db, `SELECT ${name} FROM ${relation} WHERE 1 = 0`)) missing.push(name);
      problems.push(`${relation} has no column ${missing.join(', ')}`);
      continue;
    }
    if (db.dialect !== 'postgres') continue;
    const rows = await db.all<{ name: string; type: string }>(
      'SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute a ' +
        'WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped',
      [relation],
    );
    const types = new Map(rows.map((row) => [row.name, row.type]));
    const wrong = Object.entries(columns)
      .filter(([name, kind]) => !POSTGRES_TYPES[kind].includes(types.get(name) ?? ''))
      .map(([name, kind]) => `${name} is ${types.get(name) ?? 'of an unknown type'}, not ${KIND_NAMES[kind]}`);
    if (wrong.length > 0) problems.push(`in ${relation}, ${wrong.join('; ')}`);
  }
  return problems;
}
