/**
 * `GET /options/{field}` in SQL: a lookup table's rows whose folded name holds the search, in name
 * order (channels with their kind and the statuses they report), or an enum's values in menu order.
 * Its own module as the report's other resources (server/report.ts wires them).
 */
import {
  MESSAGE_TYPES,
  SOURCES,
  type FilterField,
  type FilterOption,
  type OptionsParams,
  type OptionsResponse,
  type Status,
} from '../../src/core/contract/types.js';
import { foldForSearch, SOURCE_LABELS, TYPE_LABELS } from '../api/labels.js';
import { DEFAULT_OPTIONS_LIMIT } from '../api/params.js';
import { asText, escapeLike, type SqlExecutor } from './sql.js';
import { Where } from './where.js';

/** Which table backs each lookup field's options. */
const OPTION_TABLES: Partial<Record<FilterField, string>> = {
  channel: 'channels',
  contact: 'contacts',
  team: 'teams',
  user: 'users',
  broadcast: 'broadcasts',
};

export async function optionsOf(db: SqlExecutor, workspace: string, params: OptionsParams): Promise<OptionsResponse> {
  const limit = params.limit ?? DEFAULT_OPTIONS_LIMIT;
  const needle = params.q ? foldForSearch(params.q.trim()) : '';
  const table = OPTION_TABLES[params.field];
  if (!table) {
    // Enum fields keep their menu order and English fallback labels, as the reference does.
    const list: FilterOption[] =
      params.field === 'source'
        ? SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))
        : MESSAGE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));
    return { field: params.field, options: list.filter((o) => !needle || foldForSearch(o.label).includes(needle)).slice(0, limit) };
  }
  const where = new Where().add('workspace = ?', workspace);
  if (needle) where.add(`folded LIKE ? ESCAPE '\\'`, `%${escapeLike(needle)}%`);
  const columns = params.field === 'channel' ? 'id, name, kind, reports' : 'id, name';
  const rows = await db.all(`SELECT ${columns} FROM ${table} WHERE ${where.sql} ORDER BY folded, name, id LIMIT ?`, [
    ...where.params,
    limit,
  ]);
  return {
    field: params.field,
    options: rows.map((r) => {
      const option: FilterOption = { value: asText(r.id), label: asText(r.name) };
      if (params.field === 'channel') {
        const reports = asText(r.reports);
        option.kind = asText(r.kind);
        option.reports = (reports ? reports.split(',') : []) as Status[];
      }
      return option;
    }),
  };
}
